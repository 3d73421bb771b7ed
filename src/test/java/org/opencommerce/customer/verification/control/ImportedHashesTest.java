package org.opencommerce.customer.verification.control;

import jakarta.json.Json;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verifying imported hashes: foreign self-describing ones and the legacy SAP Commerce scheme. */
class ImportedHashesTest {

    /** The argon2 reference implementation's test vector for argon2id: password "password", salt "somesalt". */
    private static final String ARGON2ID_REFERENCE =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    @Test
    void argon2idPhc_referenceVector() {
        assertNull(ForeignHashes.problemWith(ARGON2ID_REFERENCE));
        assertTrue(ForeignHashes.matches("password", ARGON2ID_REFERENCE));
        assertFalse(ForeignHashes.matches("Password", ARGON2ID_REFERENCE));
    }

    @Test
    void bcrypt_allVariants() {
        for (String version : new String[]{"2a", "2b", "2y"}) {
            String hash = OpenBSDBCrypt.generate(version, "secret".toCharArray(), new byte[16], 4);
            assertNull(ForeignHashes.problemWith(hash), hash);
            assertTrue(ForeignHashes.matches("secret", hash));
            assertFalse(ForeignHashes.matches("secreT", hash));
        }
    }

    @Test
    void pbkdf2_withAndWithoutVersion() throws Exception {
        byte[] salt = "salt and pepper".getBytes(StandardCharsets.UTF_8);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("secret".toCharArray(), salt, 1000, 256)).getEncoded();
        String body = "1000:" + Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(hash);
        for (String stored : new String[]{body, "1:" + body}) {
            assertNull(ForeignHashes.problemWith(stored));
            assertTrue(ForeignHashes.matches("secret", stored));
            assertFalse(ForeignHashes.matches("other", stored));
        }
        assertNull(ForeignHashes.problemWith("1:10000:abcdefgh:ijklmnop"), "the spec's example is of the accepted form");
    }

    @Test
    void costsAndFormsBeyondTheBounds_areRefused() {
        assertNotNull(ForeignHashes.problemWith("$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"));
        assertNotNull(ForeignHashes.problemWith(OpenBSDBCrypt.generate("2b", "x".toCharArray(), new byte[16], 4)
                .replace("$04$", "$31$")));
        assertNotNull(ForeignHashes.problemWith("9999999:c2FsdA==:aGFzaA=="));
        assertNotNull(ForeignHashes.problemWith("5f4dcc3b5aa765d61d8327deb882cf99"));
        assertNotNull(ForeignHashes.problemWith("{SSHA}abc"));
        assertNotNull(ForeignHashes.problemWith(null));
    }

    @Test
    void hybrisSha512UidSalt_hexOrBase64_withDefaultOrGivenSystemSalt() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(
                (LegacyPasswords.HYBRIS_DEFAULT_SYSTEM_SALT + "::secret::user 1").getBytes(StandardCharsets.UTF_8));
        var context = Json.createObjectBuilder().add("originalUid", "user 1").build();
        for (String hash : new String[]{Base64.getEncoder().encodeToString(digest), HexFormat.of().formatHex(digest)}) {
            assertNull(LegacyPasswords.problemWith(LegacyPasswords.HYBRIS_SHA512_UID_SALT, hash, Map.of("originalUid", "user 1")));
            assertTrue(LegacyPasswords.matches(LegacyPasswords.HYBRIS_SHA512_UID_SALT, hash, context, "secret"));
            assertFalse(LegacyPasswords.matches(LegacyPasswords.HYBRIS_SHA512_UID_SALT, hash, context, "Secret"));
        }
        byte[] own = MessageDigest.getInstance("SHA-512").digest("pepper::secret::user 1".getBytes(StandardCharsets.UTF_8));
        var withSalt = Json.createObjectBuilder().add("originalUid", "user 1").add("systemSalt", "pepper").build();
        assertTrue(LegacyPasswords.matches(LegacyPasswords.HYBRIS_SHA512_UID_SALT,
                Base64.getEncoder().encodeToString(own), withSalt, "secret"));
        assertNotNull(LegacyPasswords.problemWith("md5-plain", "x", Map.of("originalUid", "u")));
        assertNotNull(LegacyPasswords.problemWith(LegacyPasswords.HYBRIS_SHA512_UID_SALT, "short", Map.of("originalUid", "u")));
        assertNotNull(LegacyPasswords.problemWith(LegacyPasswords.HYBRIS_SHA512_UID_SALT,
                Base64.getEncoder().encodeToString(digest), Map.of()));
    }
}
