package org.opencommerce.customer.it;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Makes the tokens an attacker or a clock would: re-signed, forged, unsigned or expired copies of real ones. */
public final class TestTokens {

    private TestTokens() {
    }

    /** The claims of a real token, read without checking (the test trusts its own server). */
    public static JwtClaims claimsOf(String token) {
        try {
            return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of token with changed claims, signed with the server's own key (so only the claims are wrong). */
    public static String resignedWithServerKey(String token, Consumer<JwtClaims> change) {
        JwtClaims claims = claimsOf(token);
        change.accept(claims);
        return sign(claims, serverKey(), AlgorithmIdentifiers.RSA_USING_SHA256, serverKid());
    }

    /** A copy of token signed with a key the server never saw. */
    public static String forged(String token) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claimsOf(token), generator.generateKeyPair().getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256,
                    serverKid());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of token with {@code alg: none} and no signature. */
    public static String unsigned(String token) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(claimsOf(token).toJson().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** A copy of token that expired a minute ago, correctly signed. */
    public static String expired(String token) {
        return resignedWithServerKey(token, claims -> {
            long now = System.currentTimeMillis() / 1000;
            claims.setClaim("iat", now - 3600);
            claims.setClaim("exp", now - 60);
        });
    }

    public static Map<String, Object> claimMap(String token) {
        return claimsOf(token).getClaimsMap();
    }

    private static String sign(JwtClaims claims, Key key, String algorithm, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setKeyIdHeaderValue(kid);
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The private key that signs now, read as every node reads it: from the database, sealed with the development data
     * key (AES-GCM, "aesgcm:v1:" + base64 of IV and ciphertext) that the suite's server keeps there too.
     */
    private static Key serverKey() {
        try {
            String sealed = TestDatabase.singleString("SELECT private_key FROM signing_key WHERE kid = ?", serverKid());
            byte[] all = Base64.getDecoder().decode(sealed.substring("aesgcm:v1:".length()));
            byte[] dataKey = Base64.getDecoder().decode(TestDatabase.singleString(
                    "SELECT secret FROM development_key WHERE name = 'data-key'"));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(128, all, 0, 12));
            byte[] der = Base64.getDecoder().decode(new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test server's signing key", e);
        }
    }

    /** The id of the key that signs now (of the newest whose time has come and that is not retired). */
    public static String serverKid() {
        return TestDatabase.singleString("SELECT kid FROM signing_key WHERE signs_from <= UTC_TIMESTAMP(6) "
                + "AND retired_at IS NULL ORDER BY signs_from DESC, kid DESC LIMIT 1");
    }
}
