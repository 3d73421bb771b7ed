package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.CLIENT_ID;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

/**
 * The same WAR on Payara Micro as a second node of the suite's service (same database, same mail server): the
 * storefront and admin flows answered as the spec says, as on Open Liberty, and the two nodes acting as one service.
 */
class PayaraNodeIT extends ServiceDeployment {

    private static PayaraMicroServer payara;
    /** A live token of a key that no longer signs (but still verifies) when Payara starts. */
    private static String tokenOfAnOlderKey;

    @BeforeAll
    static void startPayara() throws Exception {
        String operator = Api.clientToken(Api.OPERATOR, Api.OPERATOR_SECRET).path("access_token");
        String older = SigningKeyIT.rotate(operator, 1);
        SigningKeyIT.awaitState(operator, older, "signing", Duration.ofSeconds(5));
        tokenOfAnOlderKey = Api.anonymousToken();
        String newer = SigningKeyIT.rotate(operator, 1);
        SigningKeyIT.awaitState(operator, newer, "signing", Duration.ofSeconds(5));
        payara = PayaraMicroServer.start();
    }

    @AfterAll
    static void stopPayara() throws Exception {
        if (payara != null) {
            payara.close();
        }
    }

    private static RequestSpecification payara() {
        return Api.givenAt(payara.baseUri());
    }

    private static RequestSpecification payaraAs(String token) {
        return payara().header("Authorization", "Bearer " + token);
    }

    @Test
    void storefrontFlow_fromAnonymousToLogout() {
        String anonymous = payara().queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200)
                .body("access_token", notNullValue()).extract().path("access_token");
        String email = Api.uniqueEmail("payara");

        payaraAs(anonymous).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD,
                        "customerDetails", Map.of("firstName", "Grace", "lastName", "Hopper")))
                .post("/customer/{tenant}/signup", TENANT).then().statusCode(201);
        String token = payaraAs(anonymous).contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/customer/{tenant}/login", TENANT).then().statusCode(200)
                .body("refresh_token", notNullValue()).extract().path("access_token");

        payaraAs(token).get("/customer/{tenant}/me", TENANT).then().statusCode(200)
                .body("contactEmail", equalTo(email)).body("firstName", equalTo("Grace"));
        String addressId = payaraAs(token).contentType(ContentType.JSON)
                .body(Map.of("contactName", "Grace Hopper", "street", "Main Street", "streetNumber", "1",
                        "zipCode", "10115", "city", "Berlin", "country", "DE"))
                .post("/customer/{tenant}/me/addresses", TENANT).then().statusCode(201).extract().path("id");
        payaraAs(token).get("/customer/{tenant}/me/addresses/{id}", TENANT, addressId).then().statusCode(200)
                .body("city", equalTo("Berlin"));

        payaraAs(token).queryParam("accessToken", token).get("/customer/{tenant}/logout", TENANT).then().statusCode(204);
        isInvalidToken(payaraAs(token).get("/customer/{tenant}/me", TENANT).then());
    }

    @Test
    void refusedTokens_getTheSpecsAnswers() {
        String anonymous = payara().queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200).extract().path("access_token");

        isInvalidToken(payara().get("/customer/{tenant}/me", TENANT).then());
        isInvalidToken(payaraAs(TestTokens.forged(anonymous)).get("/customer/{tenant}/me", TENANT).then());
        isError(payaraAs(anonymous).get("/customer/{tenant}/me/addresses", TENANT).then(), 403, "forbidden");
    }

    @Test
    void hostileInput_neverCostsA5xx_andPayaraStaysReady() {
        int port = java.net.URI.create(payara.baseUri()).getPort();
        for (String path : java.util.List.of("/customer/%2F/me", "/customer/%00/me", "/customer/%ZZ/me",
                "/customer/demo/me?expand=" + "x".repeat(100_000))) {
            var answer = RawHttp.sendRawTarget(port, "GET", path, null);
            System.out.println("payara refusal: " + RawHttp.shorten(path) + " -> " + answer.statusCode() + " "
                    + answer.headers().firstValue("Content-Type").orElse("") + " " + RawHttp.shorten(answer.body()));
            // Payara answers some of these itself, before the application (README, "Security"); never with a 5xx
            org.junit.jupiter.api.Assertions.assertTrue(answer.statusCode() < 500,
                    RawHttp.shorten(path) + " answered " + answer.statusCode());
        }
        String anonymous = payara().queryParam("tenant", Api.TENANT).queryParam("client_id", Api.CLIENT_ID)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200).extract().path("access_token");
        // the one body reader runs on Payara too: a truncated document is 400 at once
        payaraAs(anonymous).contentType("application/json").body("{\"a\": [1, 2").post("/customer/{tenant}/signup", Api.TENANT)
                .then().statusCode(400);
        Api.givenOutsideSpec().baseUri(payara.baseUri()).get("/health/ready").then().statusCode(200);
    }

    @Test
    void adminApi_withAnOperatorToken_setsUpATenantThatServesAStorefront() {
        RequestSpecification outside = Api.givenOutsideSpec().baseUri(payara.baseUri());
        String operator = Api.givenOutsideSpec().baseUri(payara.baseUri()).auth().preemptive()
                .basic(Api.OPERATOR, Api.OPERATOR_SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth/token").then().statusCode(200)
                .body("scope", equalTo("admin")).extract().path("access_token");
        String tenant = "p" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Api.givenOutsideSpec().baseUri(payara.baseUri()).auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant)).post("/admin/tenants").then().statusCode(201);
        String clientId = Api.givenOutsideSpec().baseUri(payara.baseUri()).auth().oauth2(operator)
                .contentType(ContentType.JSON).body(Map.of("name", "web shop"))
                .post("/admin/tenants/{tenant}/clients", tenant).then().statusCode(201).extract().path("clientId");
        payara().queryParam("tenant", tenant).queryParam("client_id", clientId)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200);
        Api.givenOutsideSpec().baseUri(payara.baseUri()).auth().oauth2(operator).queryParam("tenant", tenant)
                .get("/admin/audit").then().statusCode(200)
                .body("action", equalTo(java.util.List.of("client.create", "tenant.create")))
                .body("actor", hasItems(Api.OPERATOR));

        isInvalidToken(outside.get("/admin/tenants").then());
        String anonymous = payara().queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200).extract().path("access_token");
        isError(Api.givenOutsideSpec().baseUri(payara.baseUri()).auth().oauth2(anonymous).get("/admin/tenants").then(),
                403, "forbidden");
    }

    @Test
    void backOfficeApi_onPayara_createsSearchesImportsAndChecksScopes() {
        String manager = Api.backOfficeToken(TENANT, "customer.customer_read", "customer.customer_manage",
                "customer.import_manage");
        String email = Api.uniqueEmail("payara-back-office");
        String id = Api.backOffice().baseUri(payara.baseUri()).auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("contactEmail", email, "lastName", "Payara", "password", Api.PASSWORD))
                .post("/customer/{tenant}/customers", TENANT).then().statusCode(201).extract().path("id");
        Api.backOffice().baseUri(payara.baseUri()).auth().oauth2(manager).queryParam("q", "email:" + email)
                .get("/customer/{tenant}/customers", TENANT).then().statusCode(200).header("Count", "1")
                .body("[0].id", equalTo(id));
        String imported = Api.uniqueEmail("payara-imported");
        Api.backOffice().baseUri(payara.baseUri()).auth().oauth2(manager).contentType(ContentType.JSON)
                .body(java.util.List.of(Map.of("account", Map.of("email", imported,
                        "passwordHash", ImportedHashes.bcrypt(Api.PASSWORD)))))
                .post("/customer/{tenant}/customers/import", TENANT).then().statusCode(207).body("[0].code", equalTo(201));
        String anonymous = payara().queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200).extract().path("access_token");
        payara().auth().oauth2(anonymous).contentType(ContentType.JSON).body(Map.of("email", imported, "password", Api.PASSWORD))
                .post("/customer/{tenant}/login", TENANT).then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertTrue(TestDatabase.singleString(
                "SELECT password_hash FROM login_account WHERE tenant = ? AND email = ?", TENANT, imported)
                .startsWith("$shiro2$argon2id$"));
        isError(Api.backOffice().baseUri(payara.baseUri()).auth().oauth2(anonymous)
                .get("/customer/{tenant}/customers", TENANT).then(), 403, "forbidden");
        isError(Api.givenOutsideSpec().baseUri(payara.baseUri()).auth().oauth2(manager).get("/customer/{tenant}/me", TENANT)
                .then(), 403, "forbidden");
    }

    @Test
    void webhooks_withBothNodesSending_deliverEachEventOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Api.Tenant tenant = Api.newTenantWithClient();
            Api.admin().contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/two-nodes"), "eventTypes", java.util.List.of("customer.updated")))
                    .post("/admin/tenants/{tenant}/webhooks", tenant.name()).then().statusCode(201);
            String anonymous = Api.anonymousLogin(tenant.name(), tenant.clientId()).then().statusCode(200)
                    .extract().path("access_token");
            String access = Api.loggedInCustomer(tenant.name(), anonymous, Api.uniqueEmail("two-nodes")).path("access_token");
            for (int i = 0; i < 10; i++) {
                RequestSpecification node = i % 2 == 0 ? Api.as(access) : payara().auth().oauth2(access);
                node.contentType(ContentType.JSON).body(Map.of("firstName", "N" + i))
                        .patch("/customer/{tenant}/me", tenant.name()).then().statusCode(200);
            }
            var events = receiver.await("/two-nodes", e -> true, 10);
            Thread.sleep(2000);
            assertEquals(10, receiver.at("/two-nodes").size(), "each event once");
            assertEquals(java.util.stream.IntStream.range(0, 10).mapToObj(i -> "N" + i).toList(), events.stream()
                    .map(e -> e.json().getJsonObject("data").getString("firstName")).toList(), "in order");
        }
    }

    @Test
    void bothNodes_publishTheSameKeys_andAcceptEachOthersTokens() {
        List<String> keysOfA = Api.givenOutsideSpec().get("/.well-known/jwks.json").path("keys.kid");
        List<String> keysOfB = Api.givenOutsideSpec().baseUri(payara.baseUri()).get("/.well-known/jwks.json").path("keys.kid");
        assertEquals(Set.copyOf(keysOfA), Set.copyOf(keysOfB));

        String anonymousOfA = Api.anonymousToken();
        payaraAs(anonymousOfA).get("/customer/{tenant}/validateauthtoken", TENANT).then().statusCode(200);
        String email = Api.uniqueEmail("twonodes");
        payaraAs(anonymousOfA).contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/customer/{tenant}/signup", TENANT).then().statusCode(201);
        String customerOfB = payaraAs(anonymousOfA).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD)).post("/customer/{tenant}/login", TENANT)
                .then().statusCode(200).extract().path("access_token");
        Api.as(customerOfB).get("/customer/{tenant}/me", TENANT).then().statusCode(200).body("contactEmail", equalTo(email));
    }

    @Test
    void logoutOnOneNode_isRefusedThereAtOnce_andOnTheOtherWithinASecond() throws Exception {
        String token = Api.loggedInCustomer().path("access_token");
        payaraAs(token).get("/customer/{tenant}/me", TENANT).then().statusCode(200);
        Api.as(token).queryParam("accessToken", token).get("/customer/{tenant}/logout", TENANT).then().statusCode(204);
        isInvalidToken(Api.as(token).get("/customer/{tenant}/me", TENANT).then());
        awaitRefusedOnB(token);
    }

    @Test
    void suspendingACustomerOnOneNode_endsItsSessionsThereAtOnce_andOnTheOtherWithinASecond() throws Exception {
        String token = Api.loggedInCustomer().path("access_token");
        String number = payaraAs(token).get("/customer/{tenant}/me", TENANT).then().statusCode(200).extract().path("id");
        Api.backOffice(TENANT, "customer.customer_manage").contentType(ContentType.JSON).body(Map.of("onHold", true))
                .patch("/customer/{tenant}/customers/{id}", TENANT, number).then().statusCode(200);
        isInvalidToken(Api.as(token).get("/customer/{tenant}/me", TENANT).then());
        awaitRefusedOnB(token);
    }

    @Test
    void aDeletedBackOfficeClient_isRefusedThereAtOnce_andOnTheOtherNodeWithinASecond() throws Exception {
        Response registered = Api.admin().contentType(ContentType.JSON)
                .body(Map.of("name", "two nodes", "scopes", List.of("customer.customer_read")))
                .post("/admin/tenants/{tenant}/api-clients", TENANT);
        registered.then().statusCode(201);
        String token = Api.clientToken(registered.path("clientId"), registered.path("secret")).path("access_token");
        Callable<Integer> searchOnB = () -> Api.backOffice().baseUri(payara.baseUri()).auth().oauth2(token)
                .get("/customer/{tenant}/customers", TENANT).statusCode();
        assertEquals(200, searchOnB.call());
        Api.admin().delete("/admin/tenants/{tenant}/api-clients/{clientId}", TENANT, registered.path("clientId"))
                .then().statusCode(204);
        isInvalidToken(Api.backOffice().auth().oauth2(token).get("/customer/{tenant}/customers", TENANT).then());
        awaitWithinASecond(searchOnB, 401);
    }

    @Test
    void aRevokedStorefrontClient_isRefusedThereAtOnce_andOnTheOtherNodeWithinASecond() throws Exception {
        Api.Tenant shop = Api.newTenantWithClient();
        Callable<Integer> anonymousLoginOnB = () -> payara().queryParam("tenant", shop.name())
                .queryParam("client_id", shop.clientId()).get("/customerlogin/auth/anonymous/login").statusCode();
        assertEquals(200, anonymousLoginOnB.call());
        Api.admin().delete("/admin/tenants/{tenant}/clients/{clientId}", shop.name(), shop.clientId()).then().statusCode(204);
        int refused = Api.givenOutsideSpec().queryParam("tenant", shop.name()).queryParam("client_id", shop.clientId())
                .get("/customerlogin/auth/anonymous/login").statusCode();
        assertEquals(401, refused);
        awaitWithinASecond(anonymousLoginOnB, refused);
    }

    @Test
    void aRotatedRefreshTokenReplayedOnTheOtherNode_endsTheSession() {
        Api.Tenant shop = Api.newTenantWithClient(Map.of("refreshReuseIntervalSeconds", 0));
        String anonymous = Api.anonymousLogin(shop.name(), shop.clientId()).path("access_token");
        Response login = Api.loggedInCustomer(shop.name(), anonymous, Api.uniqueEmail("replay"));
        String first = login.path("refresh_token");
        Response rotated = Api.as(anonymous).queryParam("refreshToken", first)
                .get("/customer/{tenant}/refreshauthtoken", shop.name());
        rotated.then().statusCode(200);
        isFault(payaraAs(anonymous).queryParam("refreshToken", first).get("/customer/{tenant}/refreshauthtoken", shop.name())
                .then(), "oauth.v2.InvalidRefreshToken");
        isFault(Api.as(anonymous).queryParam("refreshToken", rotated.<String>path("refresh_token"))
                .get("/customer/{tenant}/refreshauthtoken", shop.name()).then(), "oauth.v2.InvalidRefreshToken");
        isInvalidToken(Api.as(rotated.<String>path("access_token")).get("/customer/{tenant}/me", shop.name()).then());
    }

    @Test
    void eightSignupsOfOneEmail_splitOverBothNodes_makeOneCustomer() throws Exception {
        String email = Api.uniqueEmail("race");
        List<Callable<Integer>> signups = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean onB = i % 2 == 1;
            String anonymous = Api.anonymousToken();
            signups.add(() -> (onB ? payaraAs(anonymous) : Api.as(anonymous)).contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", PASSWORD)).post("/customer/{tenant}/signup", TENANT)
                    .statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(signups)) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void queuedMails_areSentExactlyOnce_withBothNodesSending() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = Api.signedUpCustomer();
            recipients.add(email);
            (i % 2 == 0 ? Api.as(Api.anonymousToken()) : payaraAs(Api.anonymousToken())).contentType(ContentType.JSON)
                    .body(Map.of("email", email)).post("/customer/{tenant}/password/reset", TENANT).then().statusCode(204);
        }
        for (String email : recipients) {
            Mailbox.awaitMail(email);
        }
        Thread.sleep(2000); // both senders poll every 300 ms: a second delivery would have happened by now
        for (String email : recipients) {
            assertEquals(1, Mailbox.mailsTo(email).size(), email);
        }
    }

    @Test
    void theLoginThrottle_countsFailuresFromBothNodes() {
        String email = Api.signedUpCustomer();
        String address = ClientAddress.fresh();
        for (int i = 0; i < 6; i++) {
            RequestSpecification node = i % 2 == 0 ? Api.as(Api.anonymousToken()) : payaraAs(Api.anonymousToken());
            isFault(node.header(ClientAddress.HEADER, address).contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", "wrong " + i)).post("/customer/{tenant}/login", TENANT)
                    .then(), "oauth.v2.InvalidCredentials");
        }
        isFault(Api.loginFrom(address, Api.anonymousToken(), email, PASSWORD).then(), "oauth.v2.InvalidCredentials");
        isFault(payaraAs(Api.anonymousToken()).header(ClientAddress.HEADER, address).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD)).post("/customer/{tenant}/login", TENANT).then(),
                "oauth.v2.InvalidCredentials");
        Api.loginFrom(ClientAddress.fresh(), Api.anonymousToken(), email, PASSWORD).then().statusCode(200);
    }

    @Test
    void aRetiredKey_isRefusedThereAtOnce_andOnTheOtherNodeWithinASecond() throws Exception {
        payaraAs(tokenOfAnOlderKey).get("/customer/{tenant}/validateauthtoken", TENANT).then().statusCode(200);
        String kid = org.jose4j.jwx.JsonWebStructure.fromCompactSerialization(tokenOfAnOlderKey).getKeyIdHeaderValue();
        Api.admin().delete("/admin/signing-keys/{kid}", kid).then().statusCode(204);
        isInvalidToken(Api.as(tokenOfAnOlderKey).get("/customer/{tenant}/validateauthtoken", TENANT).then());
        awaitRefusedOnB(tokenOfAnOlderKey);
    }

    /** Node B refuses the token within a second (a revocation's bound on the nodes that did not make it). */
    private static void awaitRefusedOnB(String token) throws Exception {
        awaitWithinASecond(() -> payaraAs(token).get("/customer/{tenant}/validateauthtoken", TENANT).statusCode(), 401);
    }

    /** Node B answers the status within a second of the change made on node A. */
    private static void awaitWithinASecond(Callable<Integer> statusOnB, int expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(1);
        int status;
        while ((status = statusOnB.call()) != expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("node B still answers " + status + ", not " + expected + ", after a second");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void health_andMetrics() {
        Api.givenOutsideSpec().baseUri(payara.baseUri()).get("/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("database", "mail"));
        Api.givenOutsideSpec().baseUri(payara.baseUri()).get("/health/live").then().statusCode(200)
                .body("checks.name", hasItems("scheduled-work"));
        Api.givenOutsideSpec().baseUri(payara.baseUri()).get("/metrics").then().statusCode(200)
                .body(containsString("customer_logins_total"));
    }
}
