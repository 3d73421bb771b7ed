package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.CLIENT_ID;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.given;
import static org.opencommerce.customer.it.Api.loginFrom;
import static org.opencommerce.customer.it.Api.signedUpCustomer;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;

/**
 * Password guessing and floods, as the test server is configured (it-overrides.xml): 5 free failures per account and
 * address, 30 per address, rate limits of 20 anonymous logins, 5 sign-ups and 5 reset requests a minute per address,
 * one reset mail per account every 3 s.
 */
class ThrottleIT extends ServiceDeployment {

    private static final String BAD_CREDENTIALS = "oauth.v2.InvalidCredentials";

    @Test
    void failuresFromAnAttackersAddress_neverLockTheOwnerOut() {
        String email = signedUpCustomer();
        String attacker = ClientAddress.fresh();
        for (int i = 0; i < 8; i++) {
            isFault(loginFrom(attacker, anonymousToken(), email, "guess " + i).then(), BAD_CREDENTIALS);
        }
        isFault(loginFrom(attacker, anonymousToken(), email, PASSWORD).then(), BAD_CREDENTIALS);
        loginFrom(ClientAddress.fresh(), anonymousToken(), email, PASSWORD).then().statusCode(200);
    }

    @Test
    void manyFailuresFromOneAddress_acrossAccounts_are429WithRetryAfter_forThatAddressOnly() {
        String attacker = ClientAddress.fresh();
        for (int i = 0; i < 30; i++) {
            isFault(loginFrom(attacker, anonymousToken(), uniqueEmail("spray"), "guess").then(), BAD_CREDENTIALS);
        }
        String email = signedUpCustomer();
        isError(loginFrom(attacker, anonymousToken(), email, PASSWORD).then(), 429, "too_many_requests")
                .header("Retry-After", notNullValue());
        loginFrom(ClientAddress.fresh(), anonymousToken(), email, PASSWORD).then().statusCode(200);
    }

    @Test
    void concurrentFailures_areAllCounted() throws Exception {
        String email = signedUpCustomer();
        String attacker = ClientAddress.fresh();
        String token = anonymousToken();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(clients.submit(() -> loginFrom(attacker, token, email, "parallel guess").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(401, answer.get(2, TimeUnit.MINUTES));
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals("20", TestDatabase.singleString("SELECT f.failures FROM password_failures f "
                + "JOIN login_account a ON a.id = f.account_id WHERE a.email = ?", email));
    }

    @Test
    void passwordChange_wrongCurrentPasswordIs400_thenThrottled429() {
        String from = ClientAddress.fresh();
        String email = signedUpCustomer();
        String token = loginFrom(from, anonymousToken(), email, PASSWORD).path("access_token");
        Function<String, Response> change = current -> as(token).header(ClientAddress.HEADER, from)
                .contentType(ContentType.JSON).body(Map.of("currentPassword", current, "newPassword", "a new secret 77"))
                .post("/customer/{tenant}/password/change", TENANT);
        for (int i = 0; i < 5; i++) {
            isError(change.apply("guess " + i).then(), 400, "validation_failure");
        }
        isError(change.apply(PASSWORD).then(), 429, "too_many_requests").header("Retry-After", notNullValue());
    }

    @Test
    void emailChange_wrongPasswordIs400_thenThrottled429() {
        String from = ClientAddress.fresh();
        String email = signedUpCustomer();
        String token = loginFrom(from, anonymousToken(), email, PASSWORD).path("access_token");
        Function<String, Response> change = password -> as(token).header(ClientAddress.HEADER, from)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "newEmail", uniqueEmail("new")))
                .post("/customer/{tenant}/me/accounts/internal/email/change", TENANT);
        for (int i = 0; i < 5; i++) {
            isError(change.apply("guess " + i).then(), 400, "validation_failure");
        }
        isError(change.apply(PASSWORD).then(), 429, "too_many_requests").header("Retry-After", notNullValue());
    }

    @Test
    void resetMails_atMostOnePerAccountAndInterval_withTheSameAnswer() {
        String email = signedUpCustomer();
        for (int i = 0; i < 3; i++) {
            requestReset(email, ClientAddress.fresh()).then().statusCode(204);
        }
        Mailbox.awaitMail(email, 1);
        Mailbox.sleep(1500);
        assertEquals(1, Mailbox.mailsTo(email).size(), "one reset mail within the interval");
        Mailbox.sleep(2000);
        requestReset(email, ClientAddress.fresh()).then().statusCode(204);
        Mailbox.awaitMail(email, 2);
    }

    @Test
    void anonymousLogins_beyondTheLimitPerAddress_are429WithRetryAfter() {
        awaitFreshMinute();
        String from = ClientAddress.fresh();
        for (int i = 0; i < 20; i++) {
            anonymousLoginFrom(from).then().statusCode(200);
        }
        Response refused = anonymousLoginFrom(from);
        refused.then().statusCode(429).header("Retry-After", notNullValue());
        anonymousLoginFrom(ClientAddress.fresh()).then().statusCode(200);
    }

    @Test
    void signups_beyondTheLimitPerAddress_are429() {
        awaitFreshMinute();
        String from = ClientAddress.fresh();
        for (int i = 0; i < 5; i++) {
            signupFrom(from).then().statusCode(201);
        }
        isError(signupFrom(from).then(), 429, "too_many_requests").header("Retry-After", notNullValue());
        signupFrom(ClientAddress.fresh()).then().statusCode(201);
    }

    @Test
    void resetRequests_beyondTheLimitPerAddress_are429() {
        awaitFreshMinute();
        String from = ClientAddress.fresh();
        for (int i = 0; i < 5; i++) {
            requestReset(uniqueEmail("nobody"), from).then().statusCode(204);
        }
        isError(requestReset(uniqueEmail("nobody"), from).then(), 429, "too_many_requests")
                .header("Retry-After", notNullValue());
    }

    /**
     * The rate limits count per calendar minute: a run of requests that crossed into the next minute would start a new
     * count. Starts them with at least 10 s of the minute left.
     */
    private static void awaitFreshMinute() {
        long secondOfMinute = java.time.Instant.now().getEpochSecond() % 60;
        if (secondOfMinute > 50) {
            Mailbox.sleep((61 - secondOfMinute) * 1000);
        }
    }

    private static Response anonymousLoginFrom(String address) {
        return given().header(ClientAddress.HEADER, address).queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .get("/customerlogin/auth/anonymous/login");
    }

    private static Response signupFrom(String address) {
        return as(anonymousToken()).header(ClientAddress.HEADER, address).contentType(ContentType.JSON)
                .body(Map.of("email", uniqueEmail("flood"), "password", PASSWORD)).post("/customer/{tenant}/signup", TENANT);
    }

    private static Response requestReset(String email, String address) {
        return as(anonymousToken()).header(ClientAddress.HEADER, address).contentType(ContentType.JSON)
                .body(Map.of("email", email)).post("/customer/{tenant}/password/reset", TENANT);
    }
}
