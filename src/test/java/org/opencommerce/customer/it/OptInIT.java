package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.signup;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;
import static org.opencommerce.customer.it.Mailbox.awaitMail;
import static org.opencommerce.customer.it.Mailbox.tokenIn;

class OptInIT extends ServiceDeployment {

    private static String optInTenant;
    private static String optInClient;

    @BeforeAll
    static void tenantWithDoubleOptIn() {
        Api.Tenant optIn = Api.newTenantWithClient(Map.of("doubleOptIn", true));
        optInTenant = optIn.name();
        optInClient = optIn.clientId();
    }

    private static Response anonymous() {
        return anonymousLogin(optInTenant, optInClient);
    }

    private static String pendingSignup() {
        String email = uniqueEmail("optin");
        signup(anonymous().path("access_token"), optInTenant, Map.of("email", email, "password", PASSWORD,
                "customerDetails", Map.of("firstName", "Olga", "preferredLanguage", "de_DE"))).then().statusCode(201);
        return email;
    }

    private static Response confirm(String anonymousToken, String token) {
        return as(anonymousToken).get("/customer/{tenant}/signup/optin/{token}", optInTenant, token);
    }

    @Test
    void signup_mailsAnActivationLinkAndTheAccountCannotLogInYet() {
        String email = pendingSignup();
        MimeMessage mail = awaitMail(email);
        assertTrue(Mailbox.text(mail).contains("Hallo Olga"), "German template for a de_DE customer");
        assertTrue(Mailbox.html(mail).contains("<a href=\"http://localhost:3000/account/activate?token="));
        isFault(login(anonymous().path("access_token"), optInTenant, email, PASSWORD).then(), "customer.account_not_activated");
    }

    @Test
    void optin_activatesTheAccountAndLogsTheCustomerIn() {
        String email = pendingSignup();
        String token = tokenIn(awaitMail(email));
        Response session = anonymous();
        confirm(session.path("access_token"), token).then()
                .statusCode(200)
                .body("access_token", notNullValue())
                .body("session_id", equalTo(session.path("sessionId")))
                .body("token_type", equalTo("Bearer"))
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
        login(anonymous().path("access_token"), optInTenant, email, PASSWORD).then().statusCode(200);
    }

    @Test
    void optin_tokenWorksOnlyOnce() {
        String email = pendingSignup();
        String token = tokenIn(awaitMail(email));
        confirm(anonymous().path("access_token"), token).then().statusCode(200);
        isError(confirm(anonymous().path("access_token"), token).then(), 400, "invalid_token");
    }

    @Test
    void optin_withUnknownTokenOrTokenOfAnotherTenant_is400() {
        isError(confirm(anonymous().path("access_token"), "unknown-token").then(), 400, "invalid_token");
        String token = tokenIn(awaitMail(pendingSignup()));
        isError(as(Api.anonymousToken()).get("/customer/{tenant}/signup/optin/{token}", Api.TENANT, token).then(),
                400, "invalid_token");
        confirm(anonymous().path("access_token"), token).then().statusCode(200);
    }

    @Test
    void refreshToken_sendsANewLinkAndTheOldOneStopsWorking() {
        String email = pendingSignup();
        String first = tokenIn(awaitMail(email, 1));
        as(anonymous().path("access_token")).contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/customer/{tenant}/signup/optin/refresh_token", optInTenant).then().statusCode(202);
        String second = tokenIn(awaitMail(email, 2));
        assertNotEquals(first, second);
        isError(confirm(anonymous().path("access_token"), first).then(), 400, "invalid_token");
        confirm(anonymous().path("access_token"), second).then().statusCode(200);
    }

    @Test
    void refreshToken_forAnUnknownEmail_answersTheSameAndSendsNothing() {
        String nobody = uniqueEmail("nobody");
        as(anonymous().path("access_token")).contentType(ContentType.JSON).body(Map.of("email", nobody))
                .post("/customer/{tenant}/signup/optin/refresh_token", optInTenant).then().statusCode(202);
        Mailbox.sleep(1500);
        assertEquals(0, Mailbox.mailsTo(nobody).size());
    }

    @Test
    void refreshToken_withoutEmail_is400() {
        isError(as(anonymous().path("access_token")).contentType(ContentType.JSON).body(Map.of())
                .post("/customer/{tenant}/signup/optin/refresh_token", optInTenant).then(), 400, "validation_failure");
    }

    @Test
    void aTenantWithoutDoubleOptIn_activatesAtOnceAndSendsNoMail() {
        String email = Api.signedUpCustomer();
        login(Api.anonymousToken(), Api.TENANT, email, PASSWORD).then().statusCode(200);
        Mailbox.sleep(1000);
        assertEquals(0, Mailbox.mailsTo(email).size());
    }

    @Test
    void activationMail_linkUsesTheStorefrontUrl() {
        String email = pendingSignup();
        org.hamcrest.MatcherAssert.assertThat(Mailbox.text(awaitMail(email)), containsString("/account/activate?token="));
    }
}
