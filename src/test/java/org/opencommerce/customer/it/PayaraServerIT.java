package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.opencommerce.customer.it.Api.PASSWORD;

/**
 * The WAR on a full Payara Server, set up as README "Deploy on Payara" says (server-config/payara/payara-server.sh):
 * a domain of its own, jdbc/customer and mail/customer created by asadmin, then the operator and storefront flows.
 */
class PayaraServerIT {

    private static final String DOMAIN = "customer-it";
    private static final String ADMIN_PASSWORD = "payara-server-admin-secret";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private static Path home;
    private static Path log;
    private static int portBase;

    @BeforeAll
    static void setUpDomainAndDeploy() throws Exception {
        home = Path.of(System.getProperty("it.payara.server.home"));
        portBase = Integer.getInteger("it.payara.server.portbase");
        log = home.getParent().resolve("setup.log");
        Files.deleteIfExists(log);
        asadmin("delete-domain", DOMAIN);
        requireSuccess(asadmin("create-domain", "--nopassword=true", "--portbase", String.valueOf(portBase), DOMAIN));
        ProcessBuilder setup = new ProcessBuilder("bash", System.getProperty("it.payara.server.script"), home.toString(),
                System.getProperty("it.war"), System.getProperty("it.jdbc.driver"));
        setup.environment().putAll(Map.of(
                "DOMAIN", DOMAIN,
                "HTTP_PORT", String.valueOf(portBase + 80),
                "ASADMIN_OPTIONS", "--port " + adminPort(),
                "DB_URL", "jdbc:mariadb://127.0.0.1:" + System.getProperty("it.db.port")
                        + "/customer_payara_server?createDatabaseIfNotExist=true",
                "SMTP_PORT", System.getProperty("it.smtp.port"),
                "PAYARA_DATA_DIR", home.getParent().resolve("data").toString(),
                "ADMIN_PASSWORD", ADMIN_PASSWORD));
        requireSuccess(run(setup));
        Readiness.await(baseUri(), Duration.ofMinutes(3), () -> true);
    }

    @AfterAll
    static void stopDomain() throws Exception {
        if (home != null) {
            asadmin("--port", String.valueOf(adminPort()), "stop-domain", DOMAIN);
        }
    }

    private static int adminPort() {
        return portBase + 48;
    }

    private static String baseUri() {
        return "http://127.0.0.1:" + (portBase + 80);
    }

    private static RequestSpecification outsideSpec() {
        return Api.givenOutsideSpec().baseUri(baseUri());
    }

    @Test
    void resources_areTheDomainsOwn_madeByAsadmin() throws Exception {
        assertThat(asadminOutput("list-jdbc-resources"), containsString("jdbc/customer"));
        assertThat(asadminOutput("list-javamail-resources"), containsString("mail/customer"));
        outsideSpec().get("/health/ready").then().statusCode(200);
    }

    @Test
    void operatorSetsUpATenant_whoseStorefrontSignsUpAndLogsIn() {
        String operator = outsideSpec().auth().preemptive().basic(Api.OPERATOR, ADMIN_PASSWORD)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth/token")
                .then().statusCode(200).extract().path("access_token");
        String tenant = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        outsideSpec().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("tenant", tenant))
                .post("/admin/tenants").then().statusCode(201);
        String clientId = outsideSpec().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("name", "web shop")).post("/admin/tenants/{tenant}/clients", tenant)
                .then().statusCode(201).extract().path("clientId");

        String anonymous = Api.givenAt(baseUri()).queryParam("tenant", tenant).queryParam("client_id", clientId)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200).extract().path("access_token");
        String email = Api.uniqueEmail("payara-server");
        Api.givenAt(baseUri()).header("Authorization", "Bearer " + anonymous).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD)).post("/customer/{tenant}/signup", tenant)
                .then().statusCode(201);
        String token = Api.givenAt(baseUri()).header("Authorization", "Bearer " + anonymous).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD)).post("/customer/{tenant}/login", tenant)
                .then().statusCode(200).extract().path("access_token");
        Api.givenAt(baseUri()).header("Authorization", "Bearer " + token).get("/customer/{tenant}/me", tenant)
                .then().statusCode(200).body("contactEmail", equalTo(email));
        Faults.isInvalidToken(Api.givenAt(baseUri()).get("/customer/{tenant}/me", tenant).then());
    }

    private static String asadminOutput(String command) throws Exception {
        return requireSuccess(asadmin("--port", String.valueOf(adminPort()), command));
    }

    private static Result asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/asadmin").toString()));
        command.addAll(List.of(arguments));
        return run(new ProcessBuilder(command));
    }

    /** Runs a command to its end; its output is also appended to the setup log. */
    private static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path output = Files.createTempFile("payara-server", ".log");
        Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        String text = Files.readString(output);
        Files.delete(output);
        Files.writeString(log, String.join(" ", builder.command()) + "\n" + text + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new Result(process.exitValue(), text);
    }

    private static String requireSuccess(Result result) throws IOException {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("A Payara Server command failed (see " + log + "):\n" + Files.readString(log));
        }
        return result.output();
    }

    private record Result(int exitCode, String output) {
    }
}
