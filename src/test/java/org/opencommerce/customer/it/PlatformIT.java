package org.opencommerce.customer.it;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.opencommerce.customer.it.Api.givenOutsideSpec;

class PlatformIT extends ServiceDeployment {

    private static final Path LOGS = Path.of(System.getProperty("it.wlp.home"), "usr/servers", System.getProperty("it.server.name"), "logs");

    @Test
    void readiness_isUpWhenTheDatabaseAnswersAndMailIsConfigured() {
        givenOutsideSpec().get("/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("database", "mail"))
                .body("checks.find { it.name == 'mail' }.data.host", equalTo("127.0.0.1"))
                .body("checks.find { it.name == 'mail' }.data.port", equalTo(System.getProperty("it.smtp.port")));
    }

    @Test
    void liveness_isUpWhileEveryPeriodicWorkIsScheduled() {
        givenOutsideSpec().get("/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("scheduled-work"))
                .body("checks.find { it.name == 'scheduled-work' }.data.keySet()", hasItems("outbox", "webhooks",
                        "purge", "password-migration", "signing-keys", "invalidation-log"))
                .body("checks.find { it.name == 'scheduled-work' }.data.values()", everyItem(equalTo(true)));
    }

    static RequestSpecification metrics() {
        return RestAssured.given().relaxedHTTPSValidation().baseUri("https://127.0.0.1:" + System.getProperty("it.https.port"));
    }

    /** The value of metric name (Prometheus text) with the given label, whatever other labels the server adds. */
    static double metric(String name, String label) {
        String text = metrics().auth().preemptive().basic("admin", "it-admin-secret").get("/metrics?scope=application")
                .then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " " + label + " not in:\n" + text));
    }

    @Test
    void metrics_countLoginsSignupsAndRefreshes_forTheAdminOnly() {
        double okBefore = metric("customer_logins_total", "result=\"ok\"");
        double failedBefore = metric("customer_logins_total", "result=\"failed\"");
        double signupsBefore = metric("customer_signups_total", "mp_scope=\"application\"");
        double refreshesBefore = metric("customer_token_refreshes_total", "mp_scope=\"application\"");

        String email = Api.signedUpCustomer();
        Api.login(Api.anonymousToken(), Api.TENANT, email, "not the password").then().statusCode(401);
        Response login = Api.login(Api.anonymousToken(), Api.TENANT, email, Api.PASSWORD);
        Api.as(login.path("access_token")).queryParam("refreshToken", login.<String>path("refresh_token"))
                .get("/customer/{tenant}/refreshauthtoken", Api.TENANT).then().statusCode(200);

        assertThat(metric("customer_logins_total", "result=\"ok\""), greaterThan(okBefore));
        assertThat(metric("customer_logins_total", "result=\"failed\""), greaterThan(failedBefore));
        assertThat(metric("customer_signups_total", "mp_scope=\"application\""), greaterThan(signupsBefore));
        assertThat(metric("customer_token_refreshes_total", "mp_scope=\"application\""), greaterThan(refreshesBefore));
        metric("customer_mails_queued", "mp_scope=\"application\"");
        metrics().get("/metrics").then().statusCode(401);
    }

    @Test
    void metrics_countThrottledLoginsAndSentMails() throws InterruptedException {
        double throttledBefore = metric("customer_logins_total", "result=\"throttled\"");
        double sentBefore = metric("customer_mails_total", "result=\"sent\"");

        String email = Api.signedUpCustomer();
        String from = ClientAddress.fresh();
        for (int i = 0; i < 6; i++) {
            // five free failures, then the account is locked for that address: the sixth attempt is refused unchecked
            Api.loginFrom(from, Api.anonymousToken(), email, "not the password").then().statusCode(401);
        }
        Api.as(Api.anonymousToken()).contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/customer/{tenant}/password/reset", Api.TENANT).then().statusCode(204);
        Mailbox.awaitMail(email);

        assertThat(metric("customer_logins_total", "result=\"throttled\""), greaterThan(throttledBefore));
        // the mail arrives before the sender records it as sent
        for (int i = 0; i < 25 && metric("customer_mails_total", "result=\"sent\"") <= sentBefore; i++) {
            Thread.sleep(200);
        }
        assertThat(metric("customer_mails_total", "result=\"sent\""), greaterThan(sentBefore));
    }

    @Test
    void messagesLog_isJsonWhenLogFormatIsJson() throws IOException {
        // the suite's server runs with LOG_FORMAT=json (src/test/liberty/it-overrides.xml)
        List<String> lines = Files.readAllLines(LOGS.resolve("messages.log"));
        // the first few lines are written before the server has read its configuration
        List<String> configured = lines.stream().dropWhile(line -> !line.startsWith("{")).toList();
        assertThat(configured.size(), greaterThan(10));
        assertThat(configured, everyItem(startsWith("{")));
        List<String> messages = configured.stream().map(line -> JsonPath.from(line).getString("message")).toList();
        assertThat(messages, hasItem(containsString("CWWKF0011I")));
    }

    @Test
    void openapi_describesTheImplementedOperationsWithTheSpecsIds() {
        givenOutsideSpec().get("/openapi").then()
                .statusCode(200)
                .body(containsString("GET-oauth-generate-anonymous-access-token"))
                .body(containsString("POST-customer-create-customer-account"))
                .body(containsString("POST-customer-authenticate-customer"))
                .body(containsString("GET-customer-retrieve-customer-profile"));
    }

    @Test
    void swaggerUi_isReachable() {
        givenOutsideSpec().get("/openapi/ui/").then().statusCode(200).body(containsString("<html"));
    }

    @Test
    void theServersOwn401_getsTheFaultBody() {
        // what a server that refuses a token before the application (Payara) forwards to: web.xml's 401 error page
        String expired = TestTokens.expired(Api.anonymousToken());
        Faults.isFault(givenOutsideSpec().header("Authorization", "Bearer " + expired).get("/errors/unauthorized").then(),
                "keymanagement.service.access_token_expired");
        Faults.isInvalidToken(givenOutsideSpec().header("Authorization", "Bearer x.y.z").post("/errors/unauthorized").then());
    }

    @Test
    void unknownPath_is404ErrorMessage() {
        Faults.isError(givenOutsideSpec().get("/customer/demo/no-such-thing").then(), 404, "resource_not_found");
    }
}
