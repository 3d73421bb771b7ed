package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.loggedInCustomer;
import static org.opencommerce.customer.it.RawHttp.assertReady;
import static org.opencommerce.customer.it.RawHttp.assertSpecAnswer;
import static org.opencommerce.customer.it.RawHttp.send;
import static org.opencommerce.customer.it.RawHttp.sendJson;

/** Bodies no client should send: truncated, nested without end, too large. None may cost the service a thread. */
class HostileBodiesIT extends ServiceDeployment {

    private static final List<String> TRUNCATED = List.of("{\"a\": [1, 2", "{\"a\": {\"b\": 1", "[[[", "{\"email\": \"x");

    private static String token;
    private static String addressPath;

    @BeforeAll
    static void customerWithAnAddress() {
        token = loggedInCustomer().path("access_token");
        String id = as(token).contentType(ContentType.JSON).body(Map.of("contactName", "Ada", "country", "DE"))
                .post("/customer/{tenant}/me/addresses", TENANT).then().statusCode(201).extract().path("id");
        addressPath = "/customer/" + TENANT + "/me/addresses/" + id;
    }

    /** The admin API's operations that take a JSON body. */
    private static List<String[]> adminBodyOperations() {
        return List.of(new String[]{"POST", "/admin/tenants", "application/json"},
                new String[]{"PATCH", "/admin/tenants/" + TENANT, "application/json"},
                new String[]{"PATCH", "/admin/tenants/" + TENANT, "application/merge-patch+json"},
                new String[]{"POST", "/admin/tenants/" + TENANT + "/clients", "application/json"});
    }

    /** Every operation of the spec that takes a JSON body, with the media types it takes. */
    private static List<String[]> bodyOperations() {
        String c = "/customer/" + TENANT;
        return List.of(
                new String[]{"PATCH", c + "/me", "application/json"},
                new String[]{"PATCH", c + "/me", "application/merge-patch+json"},
                new String[]{"POST", c + "/me/addresses", "application/json"},
                new String[]{"PATCH", addressPath, "application/json"},
                new String[]{"PATCH", addressPath, "application/merge-patch+json"},
                new String[]{"POST", c + "/me/accounts/internal", "application/json"},
                new String[]{"POST", c + "/me/accounts/internal/email/change", "application/json"},
                new String[]{"POST", c + "/me/accounts/internal/email/change/confirm", "application/json"},
                new String[]{"POST", c + "/password/reset", "application/json"},
                new String[]{"POST", c + "/password/reset/update", "application/json"},
                new String[]{"POST", c + "/password/change", "application/json"},
                new String[]{"POST", c + "/signup", "application/json"},
                new String[]{"POST", c + "/login", "application/json"},
                new String[]{"POST", c + "/signup/optin/refresh_token", "application/json"});
    }

    @Test
    void truncatedBodies_sentConcurrentlyToEveryBodyOperation_are400_andTheServiceStaysReady() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> answers = new ArrayList<>();
            List<String[]> operations = new ArrayList<>();
            bodyOperations().forEach(o -> operations.add(new String[]{o[0], o[1], o[2], "Bearer " + token}));
            adminBodyOperations().forEach(o -> operations.add(new String[]{o[0], o[1], o[2], "Bearer " + Api.operatorToken()}));
            for (String[] operation : operations) {
                for (String body : TRUNCATED) {
                    answers.add(clients.submit(() -> {
                        HttpResponse<String> answer = RawHttp.sendAs(operation[3], operation[0], operation[1], operation[2],
                                body.getBytes(StandardCharsets.UTF_8));
                        String probe = operation[0] + " " + operation[1] + " " + body;
                        assertEquals(400, answer.statusCode(), probe + ": " + answer.body());
                        assertSpecAnswer(answer, probe);
                        assertTrue(answer.body().contains("\"details\""), probe + ": details expected");
                    }));
                }
            }
            for (Future<?> answer : answers) {
                answer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        assertReady("truncated bodies");
    }

    @Test
    void deeplyNestedBodies_are400_wherever_theyGo() {
        String deepArray = "[".repeat(5000) + "]".repeat(5000);
        String deepInField = "{\"firstName\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        String deepMixins = "{\"mixins\": " + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}";
        for (String[] operation : bodyOperations()) {
            for (String body : List.of(deepArray, deepInField, deepMixins)) {
                HttpResponse<String> answer = send(operation[0], operation[1], token, operation[2],
                        body.getBytes(StandardCharsets.UTF_8));
                assertEquals(400, answer.statusCode(), operation[1] + ": " + RawHttp.shorten(answer.body()));
                assertSpecAnswer(answer, operation[0] + " " + operation[1] + " deep");
            }
        }
        assertReady("deep bodies");
    }

    @Test
    void nestingWithinTheBound_isStillAccepted() {
        String mixins = "{\"mixins\": {\"deep\": " + "{\"a\":".repeat(20) + "1" + "}".repeat(20) + "}}";
        HttpResponse<String> answer = sendJson("PATCH", "/customer/" + TENANT + "/me", token, mixins);
        assertEquals(200, answer.statusCode(), answer.body());
    }

    @Test
    void bodyOverTheLimit_is413ErrorMessage_withOrWithoutContentLength() {
        byte[] large = ("{\"firstName\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = send("PATCH", "/customer/" + TENANT + "/me", token, "application/json", large);
        assertEquals(413, declared.statusCode(), RawHttp.shorten(declared.body()));
        assertSpecAnswer(declared, "3 MB body");
        HttpResponse<String> streamed = RawHttp.sendStreamed("POST", "/customer/" + TENANT + "/signup", token, large);
        assertEquals(413, streamed.statusCode(), RawHttp.shorten(streamed.body()));
        assertSpecAnswer(streamed, "3 MB chunked body");
        assertReady("large bodies");
    }

    @Test
    void trailingGarbage_emptyAndNonObjectBodies_are400() {
        for (String body : List.of("{} x", "{\"email\": \"a@b.c\"} {}", "", "[]", "\"text\"", "null", "12")) {
            HttpResponse<String> answer = sendJson("POST", "/customer/" + TENANT + "/login", token, body);
            assertEquals(400, answer.statusCode(), "'" + body + "': " + answer.body());
            assertSpecAnswer(answer, "login with '" + body + "'");
        }
    }

    @Test
    void hugeNumbers_areRefusedOrIgnored_neverBlockOrFail() {
        for (String number : List.of("1e1000000000", "-1e-1000000000", "9".repeat(5000))) {
            HttpResponse<String> answer = sendJson("PATCH", addressPath, token, "{\"metadata\": {\"version\": " + number + "}}");
            assertSpecAnswer(answer, "version " + RawHttp.shorten(number));
            assertTrue(answer.statusCode() == 400 || answer.statusCode() == 409, answer.statusCode() + " " + answer.body());
        }
        assertReady("huge numbers");
    }
}
