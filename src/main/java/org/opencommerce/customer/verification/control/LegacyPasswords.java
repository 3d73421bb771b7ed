package org.opencommerce.customer.verification.control;

import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Password schemes of systems a shop migrates from, accepted by the import as {@code legacyAuth} and verified only
 * until the customer's first login (docs/decisions.md, "Imported passwords").
 * <p>
 * {@code hybris-sha512-uid-salt}: SAP Commerce's salted SHA-512 encoder, whose salt policy hashes
 * {@code systemSalt + "::" + password + "::" + uid}. The uid is {@code context.originalUid}; the system-specific salt
 * is {@code context.systemSalt}, by default SAP Commerce's own default. The hash is accepted as hex (how SAP Commerce
 * stores it) or as Base64 (the spec's example).
 */
public final class LegacyPasswords {

    public static final String HYBRIS_SHA512_UID_SALT = "hybris-sha512-uid-salt";
    static final String HYBRIS_DEFAULT_SYSTEM_SALT = "hybris blue pepper can be used for creating delicious noodle meals";
    private static final int SHA512_BYTES = 64;

    private LegacyPasswords() {
    }

    /** Null when the legacy record can be verified later, else why not. */
    public static String problemWith(String algorithm, String hash, Map<String, String> context) {
        if (!HYBRIS_SHA512_UID_SALT.equals(algorithm)) {
            return "legacyAuth.algorithm must be " + HYBRIS_SHA512_UID_SALT;
        }
        if (context == null || context.get("originalUid") == null || context.get("originalUid").isEmpty()) {
            return "legacyAuth.context.originalUid is required for " + HYBRIS_SHA512_UID_SALT;
        }
        return digest(hash) == null ? "legacyAuth.hash must be a SHA-512 digest in hex or Base64" : null;
    }

    /** True when password matches the legacy record (checked by {@link #problemWith} on import). */
    static boolean matches(String algorithm, String hash, JsonObject context, String password) {
        byte[] expected = digest(hash);
        if (!HYBRIS_SHA512_UID_SALT.equals(algorithm) || expected == null) {
            return false;
        }
        String systemSalt = context.getString("systemSalt", HYBRIS_DEFAULT_SYSTEM_SALT);
        String salted = systemSalt + "::" + password + "::" + context.getString("originalUid", "");
        try {
            byte[] actual = MessageDigest.getInstance("SHA-512").digest(salted.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, actual);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }

    private static byte[] digest(String hash) {
        if (hash == null) {
            return null;
        }
        try {
            byte[] bytes = hash.length() == 2 * SHA512_BYTES ? HexFormat.of().parseHex(hash) : Base64.getDecoder().decode(hash);
            return bytes.length == SHA512_BYTES ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
