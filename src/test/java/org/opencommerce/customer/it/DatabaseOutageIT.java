package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.opencommerce.customer.devservices.IntegrationServices;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;

/**
 * The suite's MariaDB stopped under four writing clients and started again: requests during the outage get 503 with
 * an ErrorMessage, readiness is DOWN (answered in time) while liveness stays UP, the service recovers by itself, and
 * every sign-up acknowledged with a 201 is there, whole.
 */
class DatabaseOutageIT extends ServiceDeployment {

    private static final int CLIENTS = 4;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> statuses = ConcurrentHashMap.newKeySet();
    private final List<String> badAnswers = new ArrayList<>();

    @Test
    void anOutage_answers503_isNotReady_recoversByItself_andLosesNothingAcknowledged() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    signUpOnce();
                }
            });
        }
        boolean stopped = false;
        try {
            Thread.sleep(1500);
            IntegrationServices.stopDatabase();
            stopped = true;
            awaitReadiness(503, Duration.ofSeconds(5));
            Api.givenOutsideSpec().get("/health/live").then().statusCode(200);
            // the key set needs no database: the server's JWT realm (Payara's fetches it) keeps verifying tokens
            Api.givenOutsideSpec().get("/.well-known/jwks.json").then().statusCode(200)
                    .body("keys.size()", org.hamcrest.Matchers.greaterThan(0));
            Thread.sleep(3000);
            IntegrationServices.startDatabase();
            stopped = false;
            awaitReadiness(200, Duration.ofSeconds(60));
            Thread.sleep(1500);
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            if (stopped) {
                IntegrationServices.startDatabase();
                awaitReadiness(200, Duration.ofSeconds(60));
            }
        }

        assertThat(statuses, hasItem("201"));
        assertThat(statuses, hasItem("503"));
        synchronized (badAnswers) {
            assertThat(badAnswers, empty());
        }
        assertEquals(String.valueOf(acknowledged.size()), TestDatabase.singleString(
                "SELECT COUNT(*) FROM login_account a JOIN customer c ON c.id = a.customer_id WHERE a.tenant = ? AND a.email LIKE 'outage-%'",
                TENANT));
        // in the storefront's tenant every customer has a login (the back office may make customers without one)
        assertEquals("0", TestDatabase.singleString("SELECT COUNT(*) FROM customer c WHERE c.tenant = ? "
                + "AND NOT EXISTS (SELECT 1 FROM login_account a WHERE a.customer_id = c.id)", TENANT));
        for (String email : acknowledged) {
            assertEquals("1", TestDatabase.singleString("SELECT COUNT(*) FROM login_account WHERE tenant = ? AND email = ?",
                    TENANT, email), email);
        }
    }

    /** One anonymous login and sign-up; a 2xx is an acknowledged write, a 503 must be an ErrorMessage, nothing else. */
    private void signUpOnce() {
        try {
            Response anonymous = Api.givenOutsideSpec().queryParam("tenant", TENANT).queryParam("client_id", Api.CLIENT_ID)
                    .get("/customerlogin/auth/anonymous/login");
            if (!check(anonymous)) {
                return;
            }
            String email = Api.uniqueEmail("outage");
            Response signup = Api.givenOutsideSpec().auth().oauth2(anonymous.path("access_token"))
                    .contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                    .post("/customer/{tenant}/signup", TENANT);
            if (check(signup) && signup.statusCode() == 201) {
                acknowledged.add(email);
            }
        } catch (RuntimeException connectionTrouble) {
            synchronized (badAnswers) {
                badAnswers.add("no answer: " + connectionTrouble);
            }
        }
    }

    private boolean check(Response answer) {
        statuses.add(String.valueOf(answer.statusCode()));
        if (answer.statusCode() < 300) {
            return true;
        }
        boolean unavailable = answer.statusCode() == 503 && "service_unavailable".equals(answer.path("type"))
                && answer.getHeader("Retry-After") != null;
        if (!unavailable) {
            synchronized (badAnswers) {
                badAnswers.add(answer.statusCode() + " " + answer.asString());
            }
        }
        return false;
    }

    private static void awaitReadiness(int status, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            int answered;
            try {
                answered = Api.givenOutsideSpec().get("/health/ready").statusCode();
            } catch (RuntimeException noAnswer) {
                answered = -1;
            }
            if (answered == status) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("/health/ready answered " + answered + ", not " + status + ", for " + within);
            }
            Thread.sleep(200);
        }
    }
}
