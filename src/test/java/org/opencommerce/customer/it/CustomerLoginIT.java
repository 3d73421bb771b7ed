package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.CLIENT_ID;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.loginFrom;
import static org.opencommerce.customer.it.Api.signedUpCustomer;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;
import static org.opencommerce.customer.it.Faults.isInvalidField;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

class CustomerLoginIT extends ServiceDeployment {

    private static final String BAD_CREDENTIALS = "oauth.v2.InvalidCredentials";

    @Test
    void login_answersCustomerTokensInTheAnonymousSession() {
        String email = signedUpCustomer();
        Response anonymous = anonymousLogin(TENANT, CLIENT_ID);
        Response customer = login(anonymous.path("access_token"), TENANT, email, PASSWORD);
        customer.then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(2591999))
                .body("refresh_token_expires_in", equalTo(86399))
                .body("session_id", equalTo(anonymous.path("sessionId")))
                .body("saas_token", notNullValue())
                .body("initialPassword", equalTo("false"));
        Map<String, Object> claims = TestTokens.claimMap(customer.path("access_token"));
        assertEquals("demo", claims.get("tenant"));
        assertEquals(email, claims.get("email"));
    }

    @Test
    void login_isCaseInsensitiveOnTheEmail() {
        String email = signedUpCustomer();
        login(anonymousToken(), TENANT, email.toUpperCase(), PASSWORD).then().statusCode(200);
    }

    @Test
    void login_withWrongPassword_is401InFaultShape() {
        isFault(login(anonymousToken(), TENANT, signedUpCustomer(), "wrong password 1").then(), BAD_CREDENTIALS);
    }

    @Test
    void login_withUnknownEmail_is401LikeAWrongPassword() {
        isFault(login(anonymousToken(), TENANT, uniqueEmail("nobody"), PASSWORD).then(), BAD_CREDENTIALS);
    }

    @Test
    void login_inAnotherTenant_doesNotFindTheCustomer() {
        Api.Tenant other = Api.newTenantWithClient();
        String email = signedUpCustomer();
        isFault(login(anonymousLogin(other.name(), other.clientId()).path("access_token"), other.name(), email, PASSWORD).then(),
                BAD_CREDENTIALS);
    }

    @Test
    void login_afterRepeatedFailuresFromOneAddress_isThrottledThere_thenAllowedAgain() throws InterruptedException {
        String email = signedUpCustomer();
        String token = anonymousToken();
        String attacker = ClientAddress.fresh();
        for (int i = 0; i < 5; i++) {
            isFault(loginFrom(attacker, token, email, "wrong password " + i).then(), BAD_CREDENTIALS);
        }
        // locked from that address (2 s, doubling to at most 4 s in the test server; this attempt counts too): even the
        // right password is refused there
        isFault(loginFrom(attacker, token, email, PASSWORD).then(), BAD_CREDENTIALS);
        Thread.sleep(4500);
        loginFrom(attacker, token, email, PASSWORD).then().statusCode(200);
        assertEquals(null, TestDatabase.singleString("SELECT f.failures FROM password_failures f "
                + "JOIN login_account a ON a.id = f.account_id WHERE a.email = ?", email));
    }

    @Test
    void login_withoutBody_is400() {
        isError(as(anonymousToken()).contentType(ContentType.JSON).post("/customer/{tenant}/login", TENANT).then(),
                400, "bad_request");
    }

    @Test
    void login_withMissingPassword_is400WithDetails() {
        isInvalidField(as(anonymousToken()).contentType(ContentType.JSON).body(Map.of("email", "a@example.com"))
                .post("/customer/{tenant}/login", TENANT).then(), "password");
    }

    @Test
    void login_withoutToken_is401() {
        isInvalidToken(Api.given().contentType(ContentType.JSON).body(Map.of("email", "a@example.com", "password", PASSWORD))
                .post("/customer/{tenant}/login", TENANT).then());
    }

    @Test
    void login_recordsTheLastLoginWithoutChangingTheProfileVersion() {
        String email = signedUpCustomer();
        String first = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        int version = as(first).get("/customer/{tenant}/me", TENANT).path("metadata.version");
        String second = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        as(second).get("/customer/{tenant}/me", TENANT).then()
                .body("metadata.version", equalTo(version))
                .body("lastLogin", notNullValue());
    }

    @Test
    void login_answersFreshTokensEachTime() {
        String email = signedUpCustomer();
        Response first = login(anonymousToken(), TENANT, email, PASSWORD);
        Response second = login(anonymousToken(), TENANT, email, PASSWORD);
        org.hamcrest.MatcherAssert.assertThat(first.<Integer>path("expires_in"), greaterThan(0));
        org.junit.jupiter.api.Assertions.assertNotEquals(first.<String>path("access_token"), second.<String>path("access_token"));
        org.junit.jupiter.api.Assertions.assertNotEquals(first.<String>path("refresh_token"), second.<String>path("refresh_token"));
        org.junit.jupiter.api.Assertions.assertNotEquals(first.<String>path("session_id"), second.<String>path("session_id"),
                "each login continues its own anonymous session");
        // both logins work side by side
        as(first.path("access_token")).get("/customer/{tenant}/me", TENANT).then().statusCode(200);
        as(second.path("access_token")).get("/customer/{tenant}/me", TENANT).then().statusCode(200);
    }
}
