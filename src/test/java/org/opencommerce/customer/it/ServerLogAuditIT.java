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
import java.util.Map;
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
    /**
     * A line of messages.log at ERROR level (JUL's SEVERE, Liberty's "E" messages), in its simple format ("[date]
     * thread-id source E message") or its JSON one (LOG_FORMAT=json, as the suite's server writes it).
     */
    private static final Pattern ERROR_LINE = Pattern.compile(
            "^\\[[^\\]]+\\] \\p{XDigit}+ \\S+\\s+[EF] |\"loglevel\":\"(SEVERE|ERROR|FATAL)\"");
    /**
     * The one FFDC report a routine client error still causes, and that the application cannot prevent: Liberty's
     * MicroProfile JWT realm reports the token it refused (forged signature, expired) before the application sees the
     * request (docs/decisions.md, "Liberty's own mention of refused tokens").
     */
    private static final Pattern REFUSED_TOKEN_REPORT = Pattern.compile(
            "Exception = org\\.jose4j\\.jwt\\.consumer\\.InvalidJwt\\w*Exception\\s+"
                    + "Source = com\\.ibm\\.ws\\.security\\.jwt\\.internal\\.ConsumerUtil");
    private static final String REFUSED_TOKEN_INCIDENT = "org.jose4j.jwt.consumer.InvalidJwt";
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
    void routineClientErrors_leaveNoFfdcReportAndNoErrorLine() throws Exception {
        List<Path> reportsBefore = ffdcReports();
        Map<String, Integer> incidentsBefore = ffdcIncidents();
        long messagesBefore = Files.size(LIBERTY_LOGS.resolve("messages.log"));

        String anonymous = Api.anonymousToken();
        String email = Api.signedUpCustomer();
        Api.signup(anonymous, Api.TENANT, Map.of("email", email, "password", Api.PASSWORD)).then().statusCode(409);
        Api.as(anonymous).contentType("application/json").body("{\"email\": ")
                .post("/customer/{tenant}/signup", Api.TENANT).then().statusCode(400);
        Api.as(anonymous).contentType("application/json").body(Map.of("email", "not-an-email"))
                .post("/customer/{tenant}/signup", Api.TENANT).then().statusCode(400);
        Api.as(TestTokens.forged(anonymous)).get("/customer/{tenant}/me", Api.TENANT).then().statusCode(401);
        Api.login(anonymous, Api.TENANT, email, "wrong " + Api.PASSWORD).then().statusCode(401);
        Api.Tenant tenant = Api.newTenantWithClient();
        String manager = Api.backOfficeToken(tenant.name(), "customer.customer_read", "customer.customer_manage");
        Api.backOffice().auth().oauth2(manager).get("/customer/{tenant}/customers/{id}", tenant.name(), "99999999997")
                .then().statusCode(404);
        Api.backOffice().auth().oauth2(manager).queryParam("pageSize", "abc")
                .get("/customer/{tenant}/customers", tenant.name()).then().statusCode(400);
        Api.backOffice().auth().oauth2(manager).contentType("application/json")
                .body(Map.of("contactEmail", Api.uniqueEmail("audited"))).queryParam("sendPasswordResetNotifications", "maybe")
                .post("/customer/{tenant}/customers", tenant.name()).then().statusCode(400);
        Thread.sleep(1000); // FFDC writes its reports from a thread of its own

        List<String> newReports = new ArrayList<>();
        for (Path report : ffdcReports()) {
            String text = Files.readString(report, StandardCharsets.ISO_8859_1);
            if (!reportsBefore.contains(report) && !REFUSED_TOKEN_REPORT.matcher(text).find()) {
                newReports.add(report.getFileName() + ": " + text.lines().skip(1).limit(2).toList());
            }
        }
        // FFDC writes a report only for the first incidents of a kind, but counts every one in its summary
        ffdcIncidents().forEach((incident, count) -> {
            if (count > incidentsBefore.getOrDefault(incident, 0) && !incident.startsWith(REFUSED_TOKEN_INCIDENT)) {
                newReports.add(incident + " (" + (count - incidentsBefore.getOrDefault(incident, 0)) + " more)");
            }
        });
        assertThat(newReports, empty());
        assertThat(errorLines(LIBERTY_LOGS.resolve("messages.log"), messagesBefore), empty());
    }

    /** The FFDC reports (incidents and summaries' incident files) the server wrote so far. */
    private static List<Path> ffdcReports() throws IOException {
        Path ffdc = LIBERTY_LOGS.resolve("ffdc");
        List<Path> reports = new ArrayList<>();
        if (Files.isDirectory(ffdc)) {
            try (Stream<Path> files = Files.list(ffdc)) {
                files.filter(file -> file.getFileName().toString().startsWith("ffdc_")).forEach(reports::add);
            }
        }
        return reports;
    }

    /**
     * How often each kind of incident ("exception source probe") occurred, from FFDC's newest summary: a line
     * "index count first-time last-time exception source probe".
     */
    private static Map<String, Integer> ffdcIncidents() throws IOException {
        Path ffdc = LIBERTY_LOGS.resolve("ffdc");
        Map<String, Integer> incidents = new java.util.HashMap<>();
        if (!Files.isDirectory(ffdc)) {
            return incidents;
        }
        Path summary;
        try (Stream<Path> files = Files.list(ffdc)) {
            summary = files.filter(file -> file.getFileName().toString().startsWith("exception_summary_"))
                    .max(java.util.Comparator.comparing(file -> file.toFile().lastModified())).orElse(null);
        }
        if (summary != null) {
            for (String line : Files.readAllLines(summary, StandardCharsets.ISO_8859_1)) {
                String[] row = line.trim().split("\\s+");
                if (row.length >= 7 && row[0].matches("\\d+") && row[1].matches("\\d+")
                        && row[row.length - 1].matches("\\d+")) {
                    incidents.put(String.join(" ", row[row.length - 3], row[row.length - 2], row[row.length - 1]),
                            Integer.parseInt(row[1]));
                }
            }
        }
        return incidents;
    }

    /** The lines at ERROR level (Liberty's "E", JUL's SEVERE) written to the log after the offset. */
    private static List<String> errorLines(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String written = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.ISO_8859_1);
        return written.lines().filter(line -> ERROR_LINE.matcher(line).find()).toList();
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
