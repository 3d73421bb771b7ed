package org.opencommerce.customer.platform.crypto;

import org.opencommerce.customer.platform.data.TransactionConflict;
import org.opencommerce.customer.platform.data.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets the service must be able to read back (a tenant's social-login client secret, the token signing
 * keys) before they are stored: AES-256-GCM from the Java runtime, with the key DATA_ENCRYPTION_KEY (base64 of 32
 * bytes) from the server's configuration, the same on every node. Without it (development), a generated key is kept in
 * the database, with a warning, so that every node of a development database shares it; a development key file of an
 * earlier version (DATA_KEY_LOCATION) is taken over. Values stored before encryption existed are read as they are.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SecretBox {

    private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
    private static final String PREFIX = "aesgcm:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "DATA_ENCRYPTION_KEY")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "DATA_KEY_LOCATION", defaultValue = "secrets/data.key")
    String keyLocation;

    @Inject
    DevelopmentKeys developmentKeys;

    private SecretKey key;

    @PostConstruct
    void init() {
        byte[] raw = configuredKey.filter(k -> !k.isBlank()).map(k -> Base64.getDecoder().decode(k.trim()))
                .orElseGet(this::developmentKey);
        if (raw.length != 32) {
            throw new IllegalStateException("DATA_ENCRYPTION_KEY must be the base64 form of 32 bytes");
        }
        key = new SecretKeySpec(raw, "AES");
    }

    /** The value encrypted, as text; null stays null. */
    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The plain value of a sealed one (a value stored before encryption is answered as it is); null stays null. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted: is DATA_ENCRYPTION_KEY the key it was "
                    + "encrypted with?", e);
        }
    }

    /** The development key of the database; the first node to start makes it (or takes over its key file). */
    private byte[] developmentKey() {
        byte[] stored = TransactionConflict.retried(() -> developmentKeys.dataKey(this::earlierKeyOrNew));
        LOG.warning("No DATA_ENCRYPTION_KEY is configured: secrets are sealed with a development key kept in the "
                + "database. Configure DATA_ENCRYPTION_KEY (the same on every node) in production.");
        return stored;
    }

    private byte[] earlierKeyOrNew() {
        Path file = Path.of(keyLocation);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the development data key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every Java runtime", e);
        }
    }
}
