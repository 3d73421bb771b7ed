package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.opencommerce.customer.devservices.IntegrationServices;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.signedUpCustomer;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;
import static org.opencommerce.customer.it.Faults.isInvalidField;
import static org.opencommerce.customer.it.Faults.isInvalidToken;
import static org.opencommerce.customer.it.Mailbox.awaitMail;
import static org.opencommerce.customer.it.Mailbox.tokenIn;

class PasswordIT extends ServiceDeployment {

    private static final String NEW_PASSWORD = "brand new secret 5";

    private static Response requestReset(String email) {
        return as(anonymousToken()).contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/customer/{tenant}/password/reset", TENANT);
    }

    private static Response reset(String token, String password) {
        return as(anonymousToken()).contentType(ContentType.JSON).body(Map.of("token", token, "password", password))
                .post("/customer/{tenant}/password/reset/update", TENANT);
    }

    private static Response change(String accessToken, String current, String next) {
        return as(accessToken).contentType(ContentType.JSON).body(Map.of("currentPassword", current, "newPassword", next))
                .post("/customer/{tenant}/password/change", TENANT);
    }

    @Test
    void reset_mailsATokenThatSetsTheNewPasswordAndEndsAllLogins() {
        String email = signedUpCustomer();
        String before = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        requestReset(email).then().statusCode(204);
        String token = tokenIn(awaitMail(email));

        reset(token, NEW_PASSWORD).then().statusCode(204);

        login(anonymousToken(), TENANT, email, NEW_PASSWORD).then().statusCode(200);
        isFault(login(anonymousToken(), TENANT, email, PASSWORD).then(), "oauth.v2.InvalidCredentials");
        isInvalidToken(as(before).get("/customer/{tenant}/me", TENANT).then());
    }

    @Test
    void reset_forAnUnknownEmail_answersExactlyTheSameAndSendsNothing() {
        String known = signedUpCustomer();
        String unknown = uniqueEmail("unknown");
        Response forKnown = requestReset(known);
        Response forUnknown = requestReset(unknown);
        assertEquals(forKnown.statusCode(), forUnknown.statusCode());
        assertEquals(forKnown.asString(), forUnknown.asString());
        awaitMail(known);
        assertEquals(0, Mailbox.mailsTo(unknown).size());
    }

    @Test
    void reset_tokenWorksOnlyOnce() {
        String email = signedUpCustomer();
        requestReset(email).then().statusCode(204);
        String token = tokenIn(awaitMail(email));
        reset(token, NEW_PASSWORD).then().statusCode(204);
        isError(reset(token, "yet another secret 6").then(), 400, "invalid_token");
    }

    @Test
    void aConsumedOrReplacedResetLink_staysDead_whateverFlowRunsLater() {
        String email = signedUpCustomer();
        requestReset(email).then().statusCode(204);
        String first = tokenIn(awaitMail(email, 1));
        Mailbox.sleep(3200);  // one reset mail per account every 3 s in the test server
        requestReset(email).then().statusCode(204);
        String second = tokenIn(awaitMail(email, 2));
        isError(reset(first, NEW_PASSWORD).then(), 400, "invalid_token");
        reset(second, NEW_PASSWORD).then().statusCode(204);
        // other flows that issue and void mailed tokens do not revive a used one
        String token = login(anonymousToken(), TENANT, email, NEW_PASSWORD).path("access_token");
        as(token).delete("/customer/{tenant}/me", TENANT).then().statusCode(202);
        Mailbox.sleep(3200);
        requestReset(email).then().statusCode(204);
        awaitMail(email, 4);
        isError(reset(second, "yet another secret 6").then(), 400, "invalid_token");
        isError(reset(first, "yet another secret 6").then(), 400, "invalid_token");
    }

    @Test
    void commonPasswords_areRefused_whereverANewPasswordIsSet() {
        String email = signedUpCustomer();
        requestReset(email).then().statusCode(204);
        String token = tokenIn(awaitMail(email));
        isInvalidField(reset(token, "P@ssw0rd123").then(), "password");
        String access = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        isInvalidField(change(access, PASSWORD, "iloveyou2").then(), "newPassword");
        isInvalidField(Api.signup(anonymousToken(), TENANT, Map.of("email", uniqueEmail("weak"), "password", "password123"))
                .then(), "password");
    }

    @Test
    void reset_withUnknownTokenOrTokenOfAnotherPurpose_is400() {
        isError(reset("no-such-token-at-all", NEW_PASSWORD).then(), 400, "invalid_token");
        String email = signedUpCustomer();
        String customer = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        as(customer).delete("/customer/{tenant}/me", TENANT).then().statusCode(202);
        String deletionToken = tokenIn(awaitMail(email));
        isError(reset(deletionToken, NEW_PASSWORD).then(), 400, "invalid_token");
    }

    @Test
    void reset_withAnExpiredToken_is400() {
        String email = signedUpCustomer();
        requestReset(email).then().statusCode(204);
        String token = tokenIn(awaitMail(email));
        TestDatabase.execute("UPDATE email_token SET expires_at = NOW(6) - INTERVAL 1 MINUTE WHERE token_hash = SHA2(?, 256)", token);
        isError(reset(token, NEW_PASSWORD).then(), 400, "invalid_token");
    }

    @Test
    void mailedTokens_areStoredOnlyAsTheirHash() {
        String email = signedUpCustomer();
        requestReset(email).then().statusCode(204);
        String token = tokenIn(awaitMail(email));
        assertEquals("0", TestDatabase.singleString("SELECT COUNT(*) FROM email_token WHERE token_hash = ?", token));
        assertEquals("1", TestDatabase.singleString("SELECT COUNT(*) FROM email_token WHERE token_hash = SHA2(?, 256)", token));
        // the sent mail's body, which carried the token, is gone from the outbox (the sender marks it right after SMTP)
        String left = null;
        for (int i = 0; i < 50; i++) {
            left = TestDatabase.singleString("SELECT COUNT(*) FROM outbox_mail WHERE recipient = ? "
                    + "AND (text_body LIKE CONCAT('%', ?, '%') OR html_body LIKE CONCAT('%', ?, '%'))", email, token, token);
            if ("0".equals(left)) {
                break;
            }
            Mailbox.sleep(100);
        }
        assertEquals("0", left);
    }

    @Test
    void reset_withTooShortPassword_is400AndKeepsTheToken() {
        String email = signedUpCustomer();
        requestReset(email).then().statusCode(204);
        String token = tokenIn(awaitMail(email));
        isInvalidField(reset(token, "short").then(), "password");
        reset(token, NEW_PASSWORD).then().statusCode(204);
    }

    @Test
    void reset_withoutEmail_is400() {
        isInvalidField(as(anonymousToken()).contentType(ContentType.JSON).body(Map.of())
                .post("/customer/{tenant}/password/reset", TENANT).then(), "email");
    }

    @Test
    void anSmtpOutage_delaysTheMailButLosesNothing() {
        String email = signedUpCustomer();
        IntegrationServices.stopSmtp();
        try {
            requestReset(email).then().statusCode(204);
            Mailbox.sleep(2000);
        } finally {
            IntegrationServices.startSmtp();
        }
        reset(tokenIn(awaitMail(email)), NEW_PASSWORD).then().statusCode(204);
    }

    @Test
    void change_withTheCurrentPassword_keepsThisLoginAndEndsTheOthers() {
        String email = signedUpCustomer();
        String other = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        String mine = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");

        change(mine, PASSWORD, NEW_PASSWORD).then().statusCode(204);

        as(mine).get("/customer/{tenant}/me", TENANT).then().statusCode(200);
        isInvalidToken(as(other).get("/customer/{tenant}/me", TENANT).then());
        isInvalidToken(as(other).get("/customer/{tenant}/me/addresses", TENANT).then());
        login(anonymousToken(), TENANT, email, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void change_withWrongCurrentPassword_is400() {
        String token = login(anonymousToken(), TENANT, signedUpCustomer(), PASSWORD).path("access_token");
        isInvalidField(change(token, "not my password", NEW_PASSWORD).then(), "currentPassword");
    }

    @Test
    void change_toATooShortPassword_is400() {
        String token = login(anonymousToken(), TENANT, signedUpCustomer(), PASSWORD).path("access_token");
        isInvalidField(change(token, PASSWORD, "short").then(), "newPassword");
    }

    @Test
    void change_withAnAnonymousToken_is403() {
        isError(change(anonymousToken(), PASSWORD, NEW_PASSWORD).then(), 403, "forbidden");
    }
}
