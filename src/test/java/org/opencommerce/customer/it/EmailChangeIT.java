package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import static org.opencommerce.customer.it.Mailbox.awaitMail;
import static org.opencommerce.customer.it.Mailbox.tokenIn;

class EmailChangeIT extends ServiceDeployment {

    private static Response request(String accessToken, String email, String password, String newEmail, boolean sync) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", password, "newEmail", newEmail));
        body.put("syncContactEmail", sync);
        return as(accessToken).contentType(ContentType.JSON).body(body)
                .post("/customer/{tenant}/me/accounts/internal/email/change", TENANT);
    }

    private static Response confirm(String token) {
        return as(anonymousToken()).contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/customer/{tenant}/me/accounts/internal/email/change/confirm", TENANT);
    }

    @Test
    void change_mailsTheNewAddressThenSwitchesTheLoginAndTheContactEmail() {
        String email = signedUpCustomer();
        String accessToken = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        String newEmail = uniqueEmail("new");

        request(accessToken, email, PASSWORD, newEmail, true).then().statusCode(204);
        confirm(tokenIn(awaitMail(newEmail))).then().statusCode(204);

        String newToken = login(anonymousToken(), TENANT, newEmail, PASSWORD).path("access_token");
        as(newToken).get("/customer/{tenant}/me", TENANT).then()
                .body("contactEmail", equalTo(newEmail))
                .body("accounts[0].id", equalTo(newEmail));
        isFault(login(anonymousToken(), TENANT, email, PASSWORD).then(), "oauth.v2.InvalidCredentials");
        assertTrue(Mailbox.text(awaitMail(email)).contains(newEmail), "the old address is told");
    }

    @Test
    void change_withoutSync_keepsTheContactEmail() {
        String email = signedUpCustomer();
        String accessToken = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        String newEmail = uniqueEmail("nosync");
        request(accessToken, email, PASSWORD, newEmail, false).then().statusCode(204);
        confirm(tokenIn(awaitMail(newEmail))).then().statusCode(204);
        as(accessToken).get("/customer/{tenant}/me", TENANT).then().body("contactEmail", equalTo(email));
    }

    @Test
    void confirm_tokenWorksOnlyOnce() {
        String email = signedUpCustomer();
        String accessToken = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        String newEmail = uniqueEmail("once");
        request(accessToken, email, PASSWORD, newEmail, false).then().statusCode(204);
        String token = tokenIn(awaitMail(newEmail));
        confirm(token).then().statusCode(204);
        isError(confirm(token).then(), 400, "invalid_token");
    }

    @Test
    void request_withWrongPasswordOrAnotherCustomersEmail_is400() {
        String email = signedUpCustomer();
        String someoneElse = signedUpCustomer();
        String accessToken = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        isInvalidField(request(accessToken, email, "wrong password 1", uniqueEmail("x"), false).then(), "password");
        isInvalidField(request(accessToken, someoneElse, PASSWORD, uniqueEmail("x"), false).then(), "email");
        isInvalidField(request(accessToken, email, PASSWORD, "not-an-email", false).then(), "newEmail");
    }

    @Test
    void request_toATakenEmail_isAnsweredLikeAFreeOne_andConflictsOnlyAtConfirmation() {
        String email = signedUpCustomer();
        String taken = signedUpCustomer();
        String accessToken = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        // the free one first: a newer request voids the older link
        Response toFree = request(accessToken, email, PASSWORD, uniqueEmail("free"), false);
        Response toTaken = request(accessToken, email, PASSWORD, taken, false);
        toTaken.then().statusCode(204);
        org.junit.jupiter.api.Assertions.assertEquals(toFree.statusCode(), toTaken.statusCode());
        org.junit.jupiter.api.Assertions.assertEquals(toFree.body().asString(), toTaken.body().asString());
        isError(confirm(tokenIn(awaitMail(taken, 1))).then(), 409, "conflict_resource");
    }

    @Test
    void aLink_isVoid_onceTheLoginsEmailChangedSinceItWasAskedFor() {
        String email = signedUpCustomer();
        String accessToken = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        String first = uniqueEmail("first");
        request(accessToken, email, PASSWORD, first, false).then().statusCode(204);
        String firstLink = tokenIn(awaitMail(first));
        String second = uniqueEmail("second");
        request(accessToken, email, PASSWORD, second, false).then().statusCode(204);
        confirm(tokenIn(awaitMail(second))).then().statusCode(204);
        // the newer request voided the first link; even reopened, it is bound to the email the login no longer has
        isError(confirm(firstLink).then(), 400, "invalid_token");
        TestDatabase.execute("UPDATE email_token SET used_at = NULL WHERE token_hash = SHA2(?, 256)", firstLink);
        isError(confirm(firstLink).then(), 400, "invalid_token");
        login(anonymousToken(), TENANT, second, PASSWORD).then().statusCode(200);
    }

    @Test
    void request_withAnAnonymousToken_is403() {
        isError(request(anonymousToken(), "a@example.com", PASSWORD, uniqueEmail("x"), false).then(), 403, "forbidden");
    }

    @Test
    void confirm_withUnknownToken_is400() {
        isError(confirm("unknown-token").then(), 400, "invalid_token");
    }
}
