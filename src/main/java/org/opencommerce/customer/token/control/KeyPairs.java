package org.opencommerce.customer.token.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * RSA key pairs for token signing: made, read from PEM files (JWT_PRIVATE_KEY_LOCATION / JWT_PUBLIC_KEY_LOCATION, the
 * keys of versions before keys lived in the database), encoded for storage and decoded from it. A key's id is its
 * JWK thumbprint (RFC 7638).
 */
@ApplicationScoped
public class KeyPairs {

    private static final Logger LOG = Logger.getLogger(KeyPairs.class.getName());
    private static final int RSA_BITS = 2048;

    @Inject
    @ConfigProperty(name = "JWT_PRIVATE_KEY_LOCATION")
    Optional<String> privateKeyLocation;

    @Inject
    @ConfigProperty(name = "JWT_PUBLIC_KEY_LOCATION")
    Optional<String> publicKeyLocation;

    /** A key pair as stored: both halves DER in base64, and its kid. */
    public record Pair(String kid, String publicKeyBase64, String privateKeyBase64, boolean takenOver) {
    }

    /**
     * The configured pair when its files exist (taken over: tokens it signed stay valid); else a new pair, also written
     * to the configured files where there are any (development: the suite and curious developers read it there).
     */
    public Pair configuredOrNew() {
        Optional<Path> privatePath = privateKeyLocation.filter(l -> !l.isBlank()).map(KeyPairs::path);
        Optional<Path> publicPath = publicKeyLocation.filter(l -> !l.isBlank()).map(KeyPairs::path);
        try {
            if (privatePath.isPresent() && publicPath.isPresent() && Files.exists(privatePath.get())
                    && Files.exists(publicPath.get())) {
                return pair(readPem(publicPath.get()), readPem(privatePath.get()), true);
            }
            KeyPair generated = generate();
            if (privatePath.isPresent() && publicPath.isPresent()) {
                write(privatePath.get(), "PRIVATE KEY", generated.getPrivate().getEncoded(), true);
                write(publicPath.get(), "PUBLIC KEY", generated.getPublic().getEncoded(), false);
                LOG.warning("No token signing key existed: generated one (also written to " + privatePath.get()
                        + "). In production, configure DATA_ENCRYPTION_KEY: the key is stored sealed with it.");
            }
            return pair(generated.getPublic().getEncoded(), generated.getPrivate().getEncoded(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the token signing key files", e);
        }
    }

    /** A new pair, for a rotation. */
    public Pair generated() {
        KeyPair generated = generate();
        return pair(generated.getPublic().getEncoded(), generated.getPrivate().getEncoded(), false);
    }

    public RSAPublicKey publicKey(String base64) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored token signing key is not an RSA public key", e);
        }
    }

    public PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored token signing key is not an RSA private key", e);
        }
    }

    private Pair pair(byte[] publicDer, byte[] privateDer, boolean takenOver) {
        String publicBase64 = Base64.getEncoder().encodeToString(publicDer);
        return new Pair(kid(publicKey(publicBase64)), publicBase64, Base64.getEncoder().encodeToString(privateDer), takenOver);
    }

    static String kid(RSAPublicKey key) {
        return new RsaJsonWebKey(key).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    private static void write(Path file, String type, byte[] der, boolean secret) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
    }

    private static byte[] readPem(Path file) throws IOException {
        String base64 = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static Path path(String location) {
        return Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
    }
}
