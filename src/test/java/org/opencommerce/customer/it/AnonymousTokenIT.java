package org.opencommerce.customer.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.opencommerce.customer.it.Api.CLIENT_ID;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.given;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

class AnonymousTokenIT extends ServiceDeployment {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static Response refresh(String refreshToken) {
        return given().queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .queryParam("refresh_token", refreshToken).get("/customerlogin/auth/anonymous/refresh");
    }

    @Test
    void login_answersAnAnonymousTokenOfTheTenant() {
        anonymousLogin(TENANT, CLIENT_ID).then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3599))
                .body("refresh_token_expires_in", equalTo(86399))
                .body("scope", equalTo("tenant=demo"))
                .body("sessionId", matchesPattern(UUID))
                .body("access_token", notNullValue())
                .body("refresh_token", notNullValue());
    }

    @Test
    void login_withUnknownClient_is401InFaultShape() {
        isFault(anonymousLogin(TENANT, "no-such-client").then(), "oauth.v2.InvalidApiKey");
    }

    @Test
    void login_withClientOfAnotherTenant_is401() {
        Api.Tenant other = Api.newTenantWithClient();
        isFault(anonymousLogin(TENANT, other.clientId()).then(), "oauth.v2.InvalidApiKey");
    }

    @Test
    void login_withUnknownOrMalformedTenant_is400() {
        isError(anonymousLogin("nosuchtenant", CLIENT_ID).then(), 400, "bad_request");
        isError(anonymousLogin("Bad-Tenant!", CLIENT_ID).then(), 400, "bad_request");
    }

    @Test
    void login_withoutParameters_is400WithDetails() {
        isError(given().get("/customerlogin/auth/anonymous/login").then(), 400, "validation_failure")
                .body("details.size()", equalTo(2));
    }

    @Test
    void refresh_keepsTheSessionAndRotatesTheRefreshToken() {
        Response first = anonymousLogin(TENANT, CLIENT_ID);
        String refreshToken = first.path("refresh_token");
        Response second = refresh(refreshToken);
        second.then().statusCode(200)
                .body("sessionId", equalTo(first.path("sessionId")))
                .body("refresh_token", not(equalTo(refreshToken)))
                .body("expires_in", equalTo(3599));
        assertNotEquals(first.<String>path("access_token"), second.path("access_token"));
    }

    @Test
    void refresh_withARefreshTokenReusedAfterTheReuseInterval_revokesTheWholeSession() throws InterruptedException {
        Api.Tenant shop = Api.newTenantWithClient(Map.of("refreshReuseIntervalSeconds", 1));
        Response first = anonymousLogin(shop.name(), shop.clientId());
        String stolen = first.path("refresh_token");
        Response rotated = refresh(shop, stolen);
        rotated.then().statusCode(200);
        // within the interval (a second tab refreshing at the same time): a fresh pair of the same session
        Response otherTab = refresh(shop, stolen);
        otherTab.then().statusCode(200);
        assertNotEquals(rotated.<String>path("refresh_token"), otherTab.path("refresh_token"));
        Thread.sleep(1500);

        isFault(refresh(shop, stolen).then(), "oauth.v2.InvalidRefreshToken");

        // the legitimate holder's newer tokens die with the session
        isFault(refresh(shop, rotated.path("refresh_token")).then(), "oauth.v2.InvalidRefreshToken");
        isInvalidToken(Api.as(rotated.path("access_token")).get("/customer/{tenant}/me", shop.name()).then());
    }

    private static Response refresh(Api.Tenant shop, String refreshToken) {
        return given().queryParam("tenant", shop.name()).queryParam("client_id", shop.clientId())
                .queryParam("refresh_token", refreshToken).get("/customerlogin/auth/anonymous/refresh");
    }

    @Test
    void refresh_withUnknownRefreshToken_is401() {
        isFault(refresh("not-a-token").then(), "oauth.v2.InvalidRefreshToken");
    }

    @Test
    void refresh_withoutAnyToken_is400() {
        isError(given().queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .get("/customerlogin/auth/anonymous/refresh").then(), 400, "bad_request");
    }

    @Test
    void refresh_byDeprecatedAnonymousToken_keepsTheSessionWithoutRefreshToken() {
        Response first = anonymousLogin(TENANT, CLIENT_ID);
        given().queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .queryParam("anonymous_token", first.<String>path("access_token"))
                .get("/customerlogin/auth/anonymous/refresh").then()
                .statusCode(200)
                .body("sessionId", equalTo(first.path("sessionId")))
                .body("refresh_token", nullValue());
    }

    @Test
    void refresh_byForgedAnonymousToken_is401() {
        String forged = TestTokens.forged(anonymousLogin(TENANT, CLIENT_ID).path("access_token"));
        isInvalidToken(given().queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .queryParam("anonymous_token", forged).get("/customerlogin/auth/anonymous/refresh").then());
    }

    @Test
    void refreshToken_isStoredOnlyAsItsHash() {
        String refreshToken = anonymousLogin(TENANT, CLIENT_ID).path("refresh_token");
        assertEquals(null, TestDatabase.singleString("SELECT token_hash FROM refresh_token WHERE token_hash = ?", refreshToken));
        assertEquals(1, Integer.parseInt(TestDatabase.singleString(
                "SELECT COUNT(*) FROM refresh_token WHERE token_hash = SHA2(?, 256)", refreshToken)));
    }
}
