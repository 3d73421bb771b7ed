package org.opencommerce.customer.verification.control;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Self-describing password hashes written by other systems, accepted by the customer import as {@code passwordHash}
 * and verified with their own algorithm until the customer's first login replaces them (docs/decisions.md, "Imported
 * passwords"):
 * <ul>
 * <li>Argon2id in the PHC string format, {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash} (unpadded Base64), or as
 * Apache Shiro writes it, {@code $shiro2$argon2id$v=19$t=…,m=…,p=…$salt$hash} (the service's own form, verified by
 * Shiro and kept);</li>
 * <li>bcrypt, {@code $2a$}, {@code $2b$} or {@code $2y$};</li>
 * <li>PBKDF2 with HMAC-SHA256, {@code iterations:salt:hash} or {@code 1:iterations:salt:hash} (version 1, the form of
 * the spec's example), salt and hash in Base64, the derived key as long as the hash.</li>
 * </ul>
 * Their cost parameters are bounded, so that an imported hash cannot make a login arbitrarily expensive.
 */
public final class ForeignHashes {

    static final int MAX_ARGON2_MEMORY_KIB = 262_144;
    static final int MAX_ARGON2_ITERATIONS = 20;
    static final int MAX_ARGON2_PARALLELISM = 8;
    static final int MAX_BCRYPT_COST = 16;
    static final int MAX_PBKDF2_ITERATIONS = 5_000_000;

    private static final Pattern ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");
    /** Argon2id as Apache Shiro writes it (the service's own form): verified by Shiro, never replaced. */
    private static final Pattern SHIRO_ARGON2ID = Pattern.compile(
            "\\$shiro2\\$argon2id\\$v=19\\$t=(\\d{1,3}),m=(\\d{1,7}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{22})\\$([A-Za-z0-9+/]{43})");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final Pattern PBKDF2 = Pattern.compile("(?:1:)?(\\d{1,7}):([A-Za-z0-9+/]+={0,2}):([A-Za-z0-9+/]+={0,2})");

    private ForeignHashes() {
    }

    /** Null when hash is one of the accepted forms within bounds, else why not (for the import's answer). */
    public static String problemWith(String hash) {
        if (hash == null || hash.length() > 255) {
            return "passwordHash must be at most 255 characters";
        }
        Matcher shiro = SHIRO_ARGON2ID.matcher(hash);
        if (shiro.matches()) {
            return argon2Problem(Integer.parseInt(shiro.group(2)), Integer.parseInt(shiro.group(1)),
                    Integer.parseInt(shiro.group(3)));
        }
        Matcher argon2 = ARGON2ID.matcher(hash);
        if (argon2.matches()) {
            return argon2Problem(Integer.parseInt(argon2.group(1)), Integer.parseInt(argon2.group(2)),
                    Integer.parseInt(argon2.group(3)));
        }
        Matcher bcrypt = BCRYPT.matcher(hash);
        if (bcrypt.matches()) {
            int cost = Integer.parseInt(bcrypt.group(1));
            return cost < 4 || cost > MAX_BCRYPT_COST ? "bcrypt cost must be 4 to " + MAX_BCRYPT_COST : null;
        }
        Matcher pbkdf2 = PBKDF2.matcher(hash);
        if (pbkdf2.matches()) {
            int iterations = Integer.parseInt(pbkdf2.group(1));
            if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
                return "PBKDF2 iterations must be 1 to " + MAX_PBKDF2_ITERATIONS;
            }
            byte[] derived = decodeOrNull(pbkdf2.group(3));
            return decodeOrNull(pbkdf2.group(2)) == null || derived == null || derived.length == 0 || derived.length > 64
                    ? "PBKDF2 salt and hash must be Base64, the hash 1 to 64 bytes" : null;
        }
        return "passwordHash must be an Argon2id PHC string, a bcrypt hash or iterations:salt:hash (PBKDF2-HMAC-SHA256)";
    }

    private static String argon2Problem(int memoryKib, int iterations, int parallelism) {
        return memoryKib > MAX_ARGON2_MEMORY_KIB || iterations < 1 || iterations > MAX_ARGON2_ITERATIONS
                || parallelism < 1 || parallelism > MAX_ARGON2_PARALLELISM
                ? "Argon2id parameters beyond m=" + MAX_ARGON2_MEMORY_KIB + ", t=" + MAX_ARGON2_ITERATIONS
                + ", p=" + MAX_ARGON2_PARALLELISM + " are not accepted" : null;
    }

    /** True when password matches hash, one of the accepted forms (checked by {@link #problemWith} on import). */
    static boolean matches(String password, String hash) {
        Matcher argon2 = ARGON2ID.matcher(hash);
        if (argon2.matches()) {
            byte[] expected = decodeOrNull(argon2.group(5));
            Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(Integer.parseInt(argon2.group(1)))
                    .withIterations(Integer.parseInt(argon2.group(2)))
                    .withParallelism(Integer.parseInt(argon2.group(3)))
                    .withSalt(decodeOrNull(argon2.group(4)))
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] actual = new byte[expected.length];
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), actual);
            return MessageDigest.isEqual(expected, actual);
        }
        if (BCRYPT.matcher(hash).matches()) {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        }
        Matcher pbkdf2 = PBKDF2.matcher(hash);
        if (pbkdf2.matches()) {
            byte[] expected = decodeOrNull(pbkdf2.group(3));
            try {
                PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), decodeOrNull(pbkdf2.group(2)),
                        Integer.parseInt(pbkdf2.group(1)), expected.length * 8);
                byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                return MessageDigest.isEqual(expected, actual);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
            }
        }
        return false;
    }

    private static byte[] decodeOrNull(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
