package org.opencommerce.customer.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * Runs after every other integration test (see junit-platform.properties): no password, token or other secret that
 * the suite sent or received appears in any log of the servers under test (Liberty's messages, console, trace, FFDC
 * and access logs; Payara's log).
 */
@Order(Integer.MAX_VALUE)
class ServerLogAuditIT extends ServiceDeployment {

    private static final Path LIBERTY_LOGS = Path.of(System.getProperty("it.wlp.home"), "usr/servers", System.getProperty("it.server.name"), "logs");
    private static final Pattern OPT_IN_PATH = Pattern.compile("/signup/optin/[^ /\"]+");
    private static final Path PAYARA_LOG = Path.of(System.getProperty("it.payara.dir"), "server.log");

    /** A login, a refresh and a logout of its own, so that the audit has secrets to look for even when run alone. */
    @BeforeAll
    static void someTraffic() {
        Response login = Api.loggedInCustomer();
        String token = login.path("access_token");
        Api.as(token).queryParam("refreshToken", login.<String>path("refresh_token"))
                .get("/customer/{tenant}/refreshauthtoken", Api.TENANT).then().statusCode(200);
        Api.as(token).queryParam("accessToken", token).get("/customer/{tenant}/logout", Api.TENANT).then().statusCode(204);
        Api.admin().get("/admin/tenants").then().statusCode(200);
    }

    @Test
    void noSecretReachedAServerLog() throws IOException {
        Set<String> secrets = SecretsSeen.all();
        // After the whole suite, hundreds of tokens and passwords went back and forth; alone, this class's own.
        assertThat(secrets.size(), greaterThan(5));
        assertThat(secrets, hasItems(Api.PASSWORD, "it-admin-secret"));
        List<Path> logs = logFiles();
        assertThat(logs, hasItems(LIBERTY_LOGS.resolve("messages.log"), LIBERTY_LOGS.resolve("access.log")));

        List<String> findings = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (log.getFileName().toString().equals("access.log")) {
                // The one exception, made by the contract: the opt-in confirmation carries its single-use token in
                // the URL path (GET /customer/{tenant}/signup/optin/{token}), and the access log records paths
                // (docs/decisions.md, "Access log").
                text = OPT_IN_PATH.matcher(text).replaceAll("/signup/optin/{token}");
            }
            secrets.stream().filter(text::contains)
                    .forEach(secret -> findings.add(log.getFileName() + " contains " + secret.substring(0, 4) + "…"));
        }
        assertThat(findings, empty());
    }

    @Test
    void ordinaryClientErrors_logNothingAtErrorLevel() throws IOException {
        // refused tokens and refused requests after a write, which the suite makes by the hundred
        Api.as(TestTokens.forged(Api.anonymousToken())).get("/customer/{tenant}/me", Api.TENANT);
        Api.as(Api.anonymousToken()).contentType("application/json").body(java.util.Map.of("email", "x"))
                .post("/customer/{tenant}/signup", Api.TENANT);
        String messages = Files.readString(LIBERTY_LOGS.resolve("messages.log"), StandardCharsets.ISO_8859_1);
        for (String routine : List.of("WLTC0017E:", "CWWKS5522E:", "CWWKS5523E:")) {
            assertThat(messages, not(containsString(routine)));
        }
    }

    @Test
    void accessLog_recordsRequestsWithoutTheirQueryStrings() throws IOException {
        List<String> lines = Files.readAllLines(LIBERTY_LOGS.resolve("access.log"));
        assertThat(lines, hasItem(containsString("\"GET /customer/demo/logout HTTP/1.1\" 204")));
        assertThat(lines, everyItem(not(containsString("?"))));
    }

    private static List<Path> logFiles() throws IOException {
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(LIBERTY_LOGS)) {
            files.filter(Files::isRegularFile).forEach(logs::add);
        }
        if (Files.exists(PAYARA_LOG)) {
            logs.add(PAYARA_LOG);
        }
        return logs;
    }
}
