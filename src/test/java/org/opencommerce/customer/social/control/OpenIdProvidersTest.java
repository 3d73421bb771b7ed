package org.opencommerce.customer.social.control;

import com.nimbusds.jwt.JWTClaimsSet;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencommerce.customer.platform.ApiException;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ID-token verification against a real OpenID provider's published keys (mock-oauth2-server, in this JVM). */
class OpenIdProvidersTest {

    private static MockOAuth2Server provider;
    private static OpenIdProviders providers;
    private static OpenIdProviders.ProviderMetadata metadata;

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server();
        provider.start(0);
        providers = new OpenIdProviders();
        metadata = providers.discover(provider.issuerUrl("default").toString());
    }

    @AfterAll
    static void stop() {
        provider.shutdown();
    }

    private static String idToken(String audience, long expirySeconds) {
        return provider.issueToken("default", "subject-1", audience, Map.of("email", "a@example.com"), expirySeconds).serialize();
    }

    @Test
    void discovery_findsTheEndpoints() {
        assertEquals(provider.tokenEndpointUrl("default").toString(), metadata.tokenEndpoint());
        assertEquals(provider.jwksUrl("default").toString(), metadata.jwksUri());
    }

    @Test
    void aTokenForThisClient_isAccepted() throws Exception {
        JWTClaimsSet claims = providers.verifyIdToken(metadata, "shop", idToken("shop", 3600));
        assertEquals("subject-1", claims.getSubject());
    }

    @Test
    void aTokenForAnotherClient_isRefused() {
        ApiException refused = assertThrows(ApiException.class,
                () -> providers.verifyIdToken(metadata, "shop", idToken("another-client", 3600)));
        assertEquals(401, refused.status());
    }

    @Test
    void anExpiredToken_isRefused() {
        assertThrows(ApiException.class, () -> providers.verifyIdToken(metadata, "shop", idToken("shop", -300)));
    }

    @Test
    void aTokenOfAnotherIssuer_isRefused() {
        String foreign = provider.issueToken("other", "subject-1", "shop", Map.of(), 3600).serialize();
        assertThrows(ApiException.class, () -> providers.verifyIdToken(metadata, "shop", foreign));
    }

    @Test
    void aTamperedToken_isRefused() {
        String token = idToken("shop", 3600);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertThrows(ApiException.class, () -> providers.verifyIdToken(metadata, "shop", tampered));
    }
}
