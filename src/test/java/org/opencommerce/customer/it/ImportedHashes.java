package org.opencommerce.customer.it;

import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.crypto.hash.HashRequest;
import org.apache.shiro.lang.util.ByteSource;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Password hashes as other systems write them, for the import tests (cheap parameters: tests only). */
final class ImportedHashes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DefaultPasswordService SHIRO = new DefaultPasswordService() {
        @Override
        protected HashRequest createHashRequest(ByteSource plaintext) {
            return new HashRequest.Builder().setSource(plaintext).setAlgorithmName("argon2id")
                    .addParameter("Argon2.iterations", "1").addParameter("Argon2.memoryKib", "1024")
                    .addParameter("Argon2.parallelism", "1").build();
        }
    };

    private ImportedHashes() {
    }

    static String bcrypt(String password) {
        return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt(16), 4);
    }

    /** iterations:salt:hash, PBKDF2-HMAC-SHA256, Base64; with the spec example's leading version "1:" when versioned. */
    static String pbkdf2(String password, boolean versioned) throws Exception {
        byte[] salt = salt(12);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1000, 256)).getEncoded();
        Base64.Encoder base64 = Base64.getEncoder();
        return (versioned ? "1:" : "") + "1000:" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
    }

    /** The PHC string format, as the argon2 reference implementation writes it (unpadded Base64). */
    static String argon2Phc(String password) {
        byte[] salt = salt(8);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(1024).withIterations(1).withParallelism(1).withSalt(salt).build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=1024,t=1,p=1$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** The service's own form (Apache Shiro). */
    static String shiro(String password) {
        return SHIRO.encryptPassword(password);
    }

    /** SAP Commerce's salted SHA-512 with its default system salt, Base64 as in the spec's example. */
    static String hybris(String password, String uid) throws Exception {
        String salted = "hybris blue pepper can be used for creating delicious noodle meals::" + password + "::" + uid;
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
                .digest(salted.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] salt(int bytes) {
        byte[] salt = new byte[bytes];
        RANDOM.nextBytes(salt);
        return salt;
    }
}
