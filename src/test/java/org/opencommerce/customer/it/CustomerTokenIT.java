package org.opencommerce.customer.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.opencommerce.customer.it.Api.CLIENT_ID;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.given;
import static org.opencommerce.customer.it.Api.loggedInCustomer;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;
import static org.opencommerce.customer.it.Faults.isInvalidField;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

class CustomerTokenIT extends ServiceDeployment {

    private static Response refresh(String authorization, String refreshToken) {
        return as(authorization).queryParam("refreshToken", refreshToken).get("/customer/{tenant}/refreshauthtoken", TENANT);
    }

    private static Response me(String token) {
        return as(token).get("/customer/{tenant}/me", TENANT);
    }

    @Test
    void refreshauthtoken_answersANewPairOfTheSameSession() {
        Response login = loggedInCustomer();
        String refreshToken = login.path("refresh_token");
        Response refreshed = refresh(anonymousToken(), refreshToken);
        refreshed.then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("session_id", equalTo(login.path("session_id")))
                .body("refresh_token", not(equalTo(refreshToken)))
                .body("expires_in", equalTo(2591999));
        me(refreshed.path("access_token")).then().statusCode(200);
    }

    @Test
    void refreshauthtoken_withTheCustomersOwnToken_works() {
        Response login = loggedInCustomer();
        refresh(login.path("access_token"), login.path("refresh_token")).then().statusCode(200);
    }

    @Test
    void refreshauthtoken_withAnotherCustomersToken_is401() {
        Response victim = loggedInCustomer();
        Response attacker = loggedInCustomer();
        isFault(refresh(attacker.path("access_token"), victim.path("refresh_token")).then(), "oauth.v2.InvalidRefreshToken");
    }

    @Test
    void refreshauthtoken_twoTabsAtOnce_bothGetAPairOfTheSameSession() throws Exception {
        Response login = loggedInCustomer();
        String shared = login.path("refresh_token");
        String anonymous = anonymousToken();
        java.util.concurrent.ExecutorService tabs = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = tabs.submit(() -> refresh(anonymous, shared));
            var second = tabs.submit(() -> refresh(anonymous, shared));
            for (Response tab : java.util.List.of(first.get(), second.get())) {
                tab.then().statusCode(200).body("session_id", equalTo(login.<String>path("session_id")));
                me(tab.path("access_token")).then().statusCode(200);
                refresh(anonymous, tab.path("refresh_token")).then().statusCode(200);
            }
        } finally {
            tabs.shutdownNow();
        }
    }

    @Test
    void refreshauthtoken_reusingARotatedTokenAfterTheReuseInterval_revokesTheLogin() throws InterruptedException {
        Api.Tenant shop = Api.newTenantWithClient(java.util.Map.of("refreshReuseIntervalSeconds", 1));
        String anonymous = anonymousLogin(shop.name(), shop.clientId()).path("access_token");
        Response login = Api.loggedInCustomer(shop.name(), anonymous, uniqueEmail("reuse"));
        String first = login.path("refresh_token");
        Response rotated = refreshIn(shop.name(), anonymous, first);
        rotated.then().statusCode(200);
        Thread.sleep(1500);

        isFault(refreshIn(shop.name(), anonymous, first).then(), "oauth.v2.InvalidRefreshToken");
        isInvalidToken(as(rotated.<String>path("access_token")).get("/customer/{tenant}/me", shop.name()).then());
        isInvalidToken(as(login.<String>path("access_token")).get("/customer/{tenant}/me", shop.name()).then());
        isFault(refreshIn(shop.name(), anonymous, rotated.path("refresh_token")).then(), "oauth.v2.InvalidRefreshToken");
    }

    private static Response refreshIn(String tenant, String authorization, String refreshToken) {
        return as(authorization).queryParam("refreshToken", refreshToken).get("/customer/{tenant}/refreshauthtoken", tenant);
    }

    @Test
    void refreshauthtoken_withAnAnonymousRefreshToken_is401() {
        String anonymousRefresh = anonymousLogin(TENANT, CLIENT_ID).path("refresh_token");
        isFault(refresh(anonymousToken(), anonymousRefresh).then(), "oauth.v2.InvalidRefreshToken");
    }

    @Test
    void refreshauthtoken_withoutRefreshToken_is400() {
        isError(as(anonymousToken()).get("/customer/{tenant}/refreshauthtoken", TENANT).then(), 400, "bad_request");
    }

    @Test
    void refreshauthtoken_withALegalEntityTheCustomerDoesNotBelongTo_is400() {
        Response login = loggedInCustomer();
        isInvalidField(as(login.path("access_token")).queryParam("refreshToken", login.<String>path("refresh_token"))
                .queryParam("legalEntityId", "L-1").get("/customer/{tenant}/refreshauthtoken", TENANT).then(),
                "legalEntityId");
        // the refresh token was not used up by the refused request
        as(login.path("access_token")).queryParam("refreshToken", login.<String>path("refresh_token"))
                .get("/customer/{tenant}/refreshauthtoken", TENANT).then().statusCode(200);
    }

    @Test
    void validateauthtoken_describesACustomerToken() {
        Response login = loggedInCustomer();
        as(login.path("access_token")).get("/customer/{tenant}/validateauthtoken", TENANT).then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", lessThanOrEqualTo(2591999))
                .body("expires_in", greaterThan(2591000))
                .body("sessionId", equalTo(login.path("session_id")))
                .body("email", equalTo(TestTokens.claimMap(login.path("access_token")).get("email")))
                .body("scope", org.hamcrest.Matchers.containsString("customer.customer_read_own"))
                .body("scope", org.hamcrest.Matchers.endsWith("tenant=demo"));
    }

    @Test
    void validateauthtoken_describesAnAnonymousToken() {
        as(anonymousToken()).get("/customer/{tenant}/validateauthtoken", TENANT).then()
                .statusCode(200)
                .body("scope", equalTo("tenant=demo"))
                .body("email", nullValue());
    }

    @Test
    void logout_revokesTheTokenEverywhereAtOnce() {
        Response login = loggedInCustomer();
        String token = login.path("access_token");
        as(token).queryParam("accessToken", token).get("/customer/{tenant}/logout", TENANT).then().statusCode(204);

        isInvalidToken(me(token).then());
        isInvalidToken(as(token).get("/customer/{tenant}/validateauthtoken", TENANT).then());
        isInvalidToken(as(token).queryParam("accessToken", token).get("/customer/{tenant}/logout", TENANT).then());
        isFault(refresh(anonymousToken(), login.path("refresh_token")).then(), "oauth.v2.InvalidRefreshToken");
    }

    @Test
    void logout_ofAnotherCustomersToken_is400() {
        String victim = loggedInCustomer().path("access_token");
        String attacker = loggedInCustomer().path("access_token");
        isError(as(attacker).queryParam("accessToken", victim).get("/customer/{tenant}/logout", TENANT).then(),
                400, "bad_request");
        me(victim).then().statusCode(200);
    }

    @Test
    void logout_withoutAccessTokenParameter_is400() {
        String token = loggedInCustomer().path("access_token");
        isError(as(token).get("/customer/{tenant}/logout", TENANT).then(), 400, "bad_request");
    }

    @Test
    void logout_withAnAnonymousToken_is401AsTheSpecLists() {
        String token = anonymousToken();
        isInvalidToken(as(token).queryParam("accessToken", token).get("/customer/{tenant}/logout", TENANT).then());
    }

    @Test
    void validateauthtoken_withAMalformedTenant_is401AsTheSpecLists() {
        isInvalidToken(as(anonymousToken()).get("/customer/{tenant}/validateauthtoken", "NOT_A_TENANT").then());
    }

    @Test
    void protectedOperations_refuseMissingForgedUnsignedAndExpiredTokens() {
        String token = loggedInCustomer().path("access_token");
        isInvalidToken(given().get("/customer/{tenant}/validateauthtoken", TENANT).then());
        isInvalidToken(as("not.a.jwt").get("/customer/{tenant}/validateauthtoken", TENANT).then());
        isInvalidToken(as(TestTokens.forged(token)).get("/customer/{tenant}/validateauthtoken", TENANT).then());
        isInvalidToken(as(TestTokens.unsigned(token)).get("/customer/{tenant}/validateauthtoken", TENANT).then());
        isFault(as(TestTokens.expired(token)).get("/customer/{tenant}/validateauthtoken", TENANT).then(),
                "keymanagement.service.access_token_expired");
    }

    @Test
    void aTokenOfAnotherTenant_isRefused() {
        Api.Tenant other = Api.newTenantWithClient();
        String otherToken = anonymousLogin(other.name(), other.clientId()).path("access_token");
        isInvalidToken(as(otherToken).get("/customer/{tenant}/validateauthtoken", TENANT).then());
        isInvalidToken(me(otherToken).then());
    }

    @Test
    void theSaasToken_isNotAnAccessToken() {
        String saas = loggedInCustomer().path("saas_token");
        isInvalidToken(me(saas).then());
    }

    @Test
    void aMalformedTenantInThePath_is400_whereTheSpecLists400() {
        isError(as(anonymousToken()).get("/customer/{tenant}/me", "NO").then(), 400, "bad_request");
    }
}
