package org.opencommerce.customer.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;

/**
 * The ceiling of a refresh: RS256 signatures per second (the JDK's SHA256withRSA, which the service's JWT library
 * uses) with a key of the size the service signs with (read from its JWKS), over a payload of an access token's size.
 * An RSA signature's cost depends on the key's size, not on the key: a key made here stands in for the service's
 * private key, which never leaves it.
 */
final class SignatureRate {

    private final KeyPair key;
    private final byte[] payload;
    private final int bits;

    SignatureRate(Http http, String base) throws Exception {
        var response = http.get(base + "/.well-known/jwks.json", null);
        JsonObject jwk;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            jwk = reader.readObject().getJsonArray("keys").getJsonObject(0);
        }
        bits = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))).bitLength();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        key = generator.generateKeyPair();
        payload = "x".repeat(700).getBytes(StandardCharsets.US_ASCII);
    }

    String parameters() {
        return "RS256, " + bits + "-bit RSA (the service's key size), JDK SHA256withRSA";
    }

    double signaturesPerSecond(int threads, Duration warmup, Duration measured) throws InterruptedException {
        return CpuRate.perSecond(threads, warmup, measured, () -> {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.getPrivate());
            signature.update(payload);
            signature.sign();
        });
    }
}
