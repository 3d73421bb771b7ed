package org.opencommerce.customer.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.signedUpCustomer;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;
import static org.opencommerce.customer.it.Faults.isInvalidToken;
import static org.opencommerce.customer.it.Mailbox.awaitMail;
import static org.opencommerce.customer.it.Mailbox.tokenIn;

class DeletionIT extends ServiceDeployment {

    private static Response delete(String accessToken, String token) {
        return token == null ? as(accessToken).delete("/customer/{tenant}/me", TENANT)
                : as(accessToken).queryParam("token", token).delete("/customer/{tenant}/me", TENANT);
    }

    @Test
    void delete_mailsAConfirmationThenDeletesEverything() {
        String email = signedUpCustomer();
        Response login = login(anonymousToken(), TENANT, email, PASSWORD);
        String accessToken = login.path("access_token");
        String refreshToken = login.path("refresh_token");
        String otherSession = login(anonymousToken(), TENANT, email, PASSWORD).path("access_token");
        String customerNumber = as(accessToken).get("/customer/{tenant}/me", TENANT).path("id");
        // the internal key, which the rows of the logins and grants point to
        String customerId = TestDatabase.singleString("SELECT id FROM customer WHERE tenant = ? AND customer_number = ?",
                TENANT, customerNumber);
        as(anonymousToken()).contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of("email", email))
                .post("/customer/{tenant}/password/reset", TENANT).then().statusCode(204);
        String resetLink = tokenIn(awaitMail(email, 1));

        delete(accessToken, null).then().statusCode(202);
        delete(accessToken, tokenIn(awaitMail(email, 2))).then().statusCode(204);

        isInvalidToken(as(accessToken).get("/customer/{tenant}/me", TENANT).then());
        isInvalidToken(as(otherSession).get("/customer/{tenant}/me/addresses", TENANT).then());
        isFault(as(anonymousToken()).queryParam("refreshToken", refreshToken)
                .get("/customer/{tenant}/refreshauthtoken", TENANT).then(), "oauth.v2.InvalidRefreshToken");
        isError(as(anonymousToken()).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("token", resetLink, "password", "a new secret 77"))
                .post("/customer/{tenant}/password/reset/update", TENANT).then(), 400, "invalid_token");
        isFault(login(anonymousToken(), TENANT, email, PASSWORD).then(), "oauth.v2.InvalidCredentials");
        assertEquals("0", TestDatabase.singleString("SELECT COUNT(*) FROM customer WHERE id = ?", customerId));
        assertEquals("0", TestDatabase.singleString("SELECT COUNT(*) FROM login_account WHERE customer_id = ?", customerId));
        assertEquals("0", TestDatabase.singleString("SELECT COUNT(*) FROM token_grant WHERE customer_id = ?", customerId));
    }

    @Test
    void delete_withAnotherCustomersToken_is400AndDeletesNothing() {
        String victim = signedUpCustomer();
        String victimToken = login(anonymousToken(), TENANT, victim, PASSWORD).path("access_token");
        delete(victimToken, null).then().statusCode(202);
        String token = tokenIn(awaitMail(victim));

        String attacker = login(anonymousToken(), TENANT, signedUpCustomer(), PASSWORD).path("access_token");
        isError(delete(attacker, token).then(), 400, "invalid_token");
        as(victimToken).get("/customer/{tenant}/me", TENANT).then().statusCode(200);
        delete(victimToken, token).then().statusCode(204);
    }

    @Test
    void delete_withUnknownToken_is400() {
        String accessToken = login(anonymousToken(), TENANT, signedUpCustomer(), PASSWORD).path("access_token");
        isError(delete(accessToken, "unknown-token").then(), 400, "invalid_token");
    }

    @Test
    void delete_withAnAnonymousToken_is403() {
        isError(delete(anonymousToken(), null).then(), 403, "forbidden");
    }
}
