package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.admin;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isInvalidField;

/**
 * Customer events to a receiver in the test JVM: every type, signed; the outbox's atomicity; order after an outage;
 * the retry horizon and redelivery; disabled subscriptions; hanging receivers beside a healthy one; targets on this
 * network refused. (Two nodes: PayaraNodeIT.)
 */
class WebhookIT extends ServiceDeployment {

    private static final List<String> ALL_TYPES = List.of("customer.created", "customer.updated", "customer.deleted",
            "customer.logged.in", "customer.password-reset", "customer.opt-in", "customer.email-change-request",
            "customer.email-change", "customer.refresh-token");

    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static Response subscribe(String tenant, String path, List<String> types, boolean enabled) {
        Response created = admin().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "eventTypes", types, "enabled", enabled))
                .post("/admin/tenants/{tenant}/webhooks", tenant);
        created.then().statusCode(201).body("secret", matchesPattern("whsec_[A-Za-z0-9+/=]{44}"));
        return created;
    }

    private static String anonymous(Api.Tenant tenant) {
        return anonymousLogin(tenant.name(), tenant.clientId()).then().statusCode(200).extract().path("access_token");
    }

    private static String customerOf(WebhookReceiver.Received event) {
        var data = event.json().getJsonObject("data");
        return data.containsKey("customerNumber") ? data.getString("customerNumber") : data.getString("customerId");
    }

    @Test
    void everyEventType_arrivesOnce_signedWithTheSubscriptionsSecret() throws Exception {
        Api.Tenant tenant = Api.newTenantWithClient(Map.of("doubleOptIn", true));
        String secret = subscribe(tenant.name(), "/all", ALL_TYPES, true).path("secret");
        String email = uniqueEmail("events");
        String anonymous = anonymous(tenant);

        String id = Api.signup(anonymous, tenant.name(), Map.of("email", email, "password", PASSWORD,
                "customerDetails", Map.of("firstName", "Eve"))).then().statusCode(201).extract().path("id");
        String optIn = Mailbox.tokenIn(Mailbox.awaitMail(email));
        as(anonymous).get("/customer/{tenant}/signup/optin/{token}", tenant.name(), optIn).then().statusCode(200);
        Response session = login(anonymous, tenant.name(), email, PASSWORD);
        String access = session.then().statusCode(200).extract().path("access_token");
        as(access).queryParam("refreshToken", (String) session.path("refresh_token"))
                .get("/customer/{tenant}/refreshauthtoken", tenant.name()).then().statusCode(200);
        as(access).contentType(ContentType.JSON).body(Map.of("lastName", "Events"))
                .patch("/customer/{tenant}/me", tenant.name()).then().statusCode(200);
        as(anonymous).contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/customer/{tenant}/password/reset", tenant.name()).then().statusCode(204);
        String newEmail = uniqueEmail("events-new");
        as(access).contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD, "newEmail", newEmail,
                        "syncContactEmail", true))
                .post("/customer/{tenant}/me/accounts/internal/email/change", tenant.name()).then().statusCode(204);
        String change = Mailbox.tokenIn(Mailbox.awaitMail(newEmail));
        as(anonymous).contentType(ContentType.JSON).body(Map.of("token", change))
                .post("/customer/{tenant}/me/accounts/internal/email/change/confirm", tenant.name()).then().statusCode(204);
        String fresh = login(anonymous, tenant.name(), newEmail, PASSWORD).then().statusCode(200).extract().path("access_token");
        as(fresh).delete("/customer/{tenant}/me", tenant.name()).then().statusCode(202);
        String deletion = Mailbox.tokenIn(Mailbox.awaitMail(newEmail, 2));
        as(fresh).queryParam("token", deletion).delete("/customer/{tenant}/me", tenant.name()).then().statusCode(204);

        List<WebhookReceiver.Received> events = receiver.await("/all", e -> id.equals(customerOf(e)), 11);
        Set<String> types = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (WebhookReceiver.Received event : events) {
            assertTrue(event.signedWith(secret), "signature of " + event.type());
            assertTrue(ids.add(event.id()), "delivered once: " + event.id());
            types.add(event.type());
        }
        assertEquals(new HashSet<>(ALL_TYPES), types);
        Thread.sleep(1500);
        assertEquals(11, receiver.at("/all").stream().filter(e -> id.equals(customerOf(e))).count(), "no duplicates");

        var created = events.stream().filter(e -> e.type().equals("customer.created")).findFirst().orElseThrow().json();
        assertEquals("Eve", created.getJsonObject("data").getString("firstName"));
        assertTrue(created.getString("timestamp").endsWith("Z"));
        var updated = events.stream().filter(e -> e.type().equals("customer.updated")).findFirst().orElseThrow().json();
        assertEquals("customer", updated.getJsonObject("data").getString("updatedBy"));
        var deleted = events.stream().filter(e -> e.type().equals("customer.deleted")).findFirst().orElseThrow().json();
        assertEquals(tenant.name(), deleted.getJsonObject("data").getString("tenant"));
        assertEquals("customer", deleted.getJsonObject("data").getString("triggeredBy"));
        String everything = events.toString();
        assertTrue(!everything.contains(optIn) && !everything.contains(change) && !everything.contains(deletion)
                && !everything.contains(PASSWORD), "no mailed token and no password in any payload");
    }

    @Test
    void backOfficeChanges_nameTheClient_andADisabledSubscriptionGetsNothing() throws Exception {
        Api.Tenant tenant = Api.newTenantWithClient();
        subscribe(tenant.name(), "/enabled", List.of("customer.created", "customer.updated", "customer.deleted"), true);
        String disabled = subscribe(tenant.name(), "/disabled", ALL_TYPES, false).path("id");
        String manager = Api.backOfficeToken(tenant.name(), "customer.customer_manage");
        String id = Api.backOffice().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("contactEmail", uniqueEmail("bo-events"), "lastName", "Before"))
                .queryParam("sendPasswordResetNotifications", false)
                .post("/customer/{tenant}/customers", tenant.name()).then().statusCode(201).extract().path("id");
        Api.backOffice().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("lastName", "After"))
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(200);
        Api.backOffice().auth().oauth2(manager).delete("/customer/{tenant}/customers/{id}", tenant.name(), id)
                .then().statusCode(202);

        List<WebhookReceiver.Received> events = receiver.await("/enabled", e -> id.equals(customerOf(e)), 3);
        assertEquals(List.of("customer.created", "customer.updated", "customer.deleted"),
                events.stream().map(WebhookReceiver.Received::type).toList());
        String client = events.get(1).json().getJsonObject("data").getString("updatedBy");
        assertTrue(client.matches("[0-9a-f]{32}"), "the back-office client: " + client);
        assertEquals(client, events.get(2).json().getJsonObject("data").getString("triggeredBy"));
        assertTrue(receiver.at("/disabled").isEmpty());

        admin().get("/admin/tenants/{tenant}/webhooks", tenant.name()).then().statusCode(200)
                .body("find { it.id == '" + disabled + "' }.enabled", equalTo(false)).body("secret", hasItem(nullValue()));
    }

    @Test
    void aReceiverThatIsDown_getsTheEventsInOrderWhenBack_andAFinallyFailedOneCanBeRedelivered() throws Exception {
        Api.Tenant tenant = Api.newTenantWithClient();
        String subscription = subscribe(tenant.name(), "/outage", List.of("customer.updated"), true).path("id");
        String email = uniqueEmail("outage-events");
        String access = Api.loggedInCustomer(tenant.name(), anonymous(tenant), email).path("access_token");
        receiver.down(true);
        try {
            for (String name : List.of("One", "Two", "Three")) {
                as(access).contentType(ContentType.JSON).body(Map.of("firstName", name))
                        .patch("/customer/{tenant}/me", tenant.name()).then().statusCode(200);
            }
            Thread.sleep(2500);
            assertTrue(receiver.refusedCount() > 0, "the receiver was tried while down");
        } finally {
            receiver.down(false);
        }
        List<String> names = receiver.await("/outage", e -> true, 3).stream()
                .map(e -> e.json().getJsonObject("data").getString("firstName")).toList();
        assertEquals(List.of("One", "Two", "Three"), names);

        double failedBefore = PlatformIT.metric("customer_webhooks_total", "result=\"failed\"");
        double retriedBefore = PlatformIT.metric("customer_webhooks_total", "result=\"retried\"");
        receiver.down(true);
        long failed;
        try {
            as(access).contentType(ContentType.JSON).body(Map.of("firstName", "Lost"))
                    .patch("/customer/{tenant}/me", tenant.name()).then().statusCode(200);
            failed = awaitFailed(tenant.name(), subscription);
        } finally {
            receiver.down(false);
        }
        assertTrue(PlatformIT.metric("customer_webhooks_total", "result=\"failed\"") >= failedBefore + 1);
        assertTrue(PlatformIT.metric("customer_webhooks_total", "result=\"retried\"") >= retriedBefore + 2);
        Api.givenOutsideSpec().get("/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'webhooks' }.data.failed", matchesPattern("[0-9]+"));
        // a delivery that finally failed does not hold back the customer's later events
        as(access).contentType(ContentType.JSON).body(Map.of("firstName", "After"))
                .patch("/customer/{tenant}/me", tenant.name()).then().statusCode(200);
        receiver.await("/outage", e -> "After".equals(e.json().getJsonObject("data").getString("firstName")), 1);
        admin().post("/admin/tenants/{tenant}/webhooks/{id}/deliveries/{delivery}/redeliver", tenant.name(),
                subscription, failed).then().statusCode(200).body("state", equalTo("pending"));
        receiver.await("/outage", e -> "Lost".equals(e.json().getJsonObject("data").getString("firstName")), 1);
    }

    private static long awaitFailed(String tenant, String subscription) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Integer> failed = admin().get("/admin/tenants/{tenant}/webhooks/{id}/deliveries", tenant, subscription)
                    .then().statusCode(200).extract().path("id");
            if (!failed.isEmpty()) {
                admin().get("/admin/tenants/{tenant}/webhooks/{id}/deliveries", tenant, subscription).then()
                        .body("[0].lastError", equalTo("HTTP 503")).body("[0].attempts", org.hamcrest.Matchers.greaterThan(1));
                return failed.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no delivery failed finally within 20 s");
    }

    @Test
    void aRolledBackChange_emitsNothing() throws Exception {
        Api.Tenant tenant = Api.newTenantWithClient();
        subscribe(tenant.name(), "/rollback", List.of("customer.updated"), true);
        String access = Api.loggedInCustomer(tenant.name(), anonymous(tenant), uniqueEmail("rollback")).path("access_token");
        // the test holds the gap after the last delivery row: the change's event cannot be written, so the change
        // (its profile update included) rolls back after the database's 2 s lock wait, on every retry
        try (Connection db = TestDatabase.connect(); Statement hold = db.createStatement()) {
            db.setAutoCommit(false);
            hold.executeQuery("SELECT id FROM webhook_delivery WHERE id >= (SELECT COALESCE(MAX(id), 0) FROM webhook_delivery) FOR UPDATE");
            isError(Api.givenOutsideSpec().auth().oauth2(access).contentType(ContentType.JSON)
                    .body(Map.of("firstName", "Never")).patch("/customer/{tenant}/me", tenant.name()).then(),
                    503, "service_unavailable");
            db.rollback();
        }
        as(access).get("/customer/{tenant}/me", tenant.name()).then().statusCode(200).body("firstName", nullValue());
        as(access).contentType(ContentType.JSON).body(Map.of("firstName", "Later"))
                .patch("/customer/{tenant}/me", tenant.name()).then().statusCode(200);
        List<WebhookReceiver.Received> events = receiver.await("/rollback", e -> true, 1);
        Thread.sleep(1000);
        assertEquals(List.of("Later"), receiver.at("/rollback").stream()
                .map(e -> e.json().getJsonObject("data").getString("firstName")).toList());
        assertEquals(1, events.size());
    }

    @Test
    void mailedTokens_goOnlyToEndpointsThatIncludeThem_andAreStoredSealed() throws Exception {
        Api.Tenant tenant = Api.newTenantWithClient();
        admin().contentType(ContentType.JSON).body(Map.of("url", receiver.url("/with-tokens"),
                        "eventTypes", List.of("customer.password-reset"), "includeTokens", true))
                .post("/admin/tenants/{tenant}/webhooks", tenant.name()).then().statusCode(201)
                .body("includeTokens", equalTo(true));
        subscribe(tenant.name(), "/without-tokens", List.of("customer.password-reset"), true);
        String email = uniqueEmail("tokens");
        Api.loggedInCustomer(tenant.name(), anonymous(tenant), email);
        as(anonymous(tenant)).contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/customer/{tenant}/password/reset", tenant.name()).then().statusCode(204);
        String mailed = Mailbox.tokenIn(Mailbox.awaitMail(email));

        var with = receiver.await("/with-tokens", e -> true, 1).get(0).json().getJsonObject("data");
        var without = receiver.await("/without-tokens", e -> true, 1).get(0).json().getJsonObject("data");
        assertEquals(mailed, with.getString("token"));
        assertEquals(email, without.getString("email"));
        assertTrue(!without.containsKey("token"));
        assertEquals("0", TestDatabase.singleString("SELECT COUNT(*) FROM webhook_delivery WHERE payload LIKE ?",
                "%" + mailed + "%"), "the token is never stored readable");
    }

    @Test
    void moreHangingReceiversThanDeliverySlots_delayOnlyTheirOwnDeliveries() throws Exception {
        // the IT server sends 2 deliveries at once (WEBHOOK_CONCURRENCY) and waits 2 s for an answer; these three
        // receivers never answer while the test runs
        Api.Tenant tenant = Api.newTenantWithClient();
        List<String> hanging = new ArrayList<>();
        for (String path : List.of("/hang-1", "/hang-2", "/hang-3")) {
            receiver.hang(path);
            hanging.add(subscribe(tenant.name(), path, List.of("customer.updated"), true).path("id"));
        }
        subscribe(tenant.name(), "/healthy", List.of("customer.updated"), true);
        try {
            // several customers, so that every hanging receiver always has deliveries due
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                customers.add(Api.loggedInCustomer(tenant.name(), anonymous(tenant), uniqueEmail("hang-" + i))
                        .path("access_token"));
            }
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < customers.size(); i++) {
                    String name = "Round" + round + "Customer" + i;
                    long changed = System.nanoTime();
                    as(customers.get(i)).contentType(ContentType.JSON).body(Map.of("firstName", name))
                            .patch("/customer/{tenant}/me", tenant.name()).then().statusCode(200);
                    receiver.await("/healthy",
                            e -> name.equals(e.json().getJsonObject("data").getString("firstName")), 1);
                    long millis = (System.nanoTime() - changed) / 1_000_000;
                    assertTrue(millis < 4000, name + " reached the healthy receiver after " + millis + " ms");
                }
            }
            assertTrue(receiver.hungCount() >= 3, "the hanging receivers were tried: " + receiver.hungCount());
            assertEquals(9, receiver.at("/healthy").size());
        } finally {
            hanging.forEach(id -> admin().delete("/admin/tenants/{tenant}/webhooks/{id}", tenant.name(), id)
                    .then().statusCode(204));
        }
    }

    @Test
    void internalTargets_areRefused_unlessAllowed() {
        Api.Tenant tenant = Api.newTenantWithClient();
        String port = receiver.url("").replaceAll(".*:", "");
        for (String url : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
                "http://192.168.1.1/", "http://[::1]:" + port + "/x", "http://127.0.0.2:" + port + "/x",
                "http://[::ffff:10.0.0.1]/", "http://[::ffff:127.0.0.2]/", "http://100.64.0.1/", "http://[fd00::1]/",
                "http://0.0.0.0:" + port + "/x")) {
            isInvalidField(admin().contentType(ContentType.JSON).body(Map.of("url", url, "eventTypes", ALL_TYPES))
                    .post("/admin/tenants/{tenant}/webhooks", tenant.name()).then(), "url");
        }
        // the IT server allows 127.0.0.1 (WEBHOOK_ALLOWED_TARGETS), where the receiver listens
        String id = subscribe(tenant.name(), "/allowed", ALL_TYPES, true).path("id");
        isInvalidField(admin().contentType(ContentType.JSON).body(Map.of("url", "http://10.0.0.1/hook"))
                .patch("/admin/tenants/{tenant}/webhooks/{id}", tenant.name(), id).then(), "url");
    }

    @Test
    void aTargetThatBecameInternal_isRefusedAtDelivery_asAFailedAttempt() throws Exception {
        Api.Tenant tenant = Api.newTenantWithClient();
        String id = subscribe(tenant.name(), "/became-internal", List.of("customer.updated"), true).path("id");
        // as a name that resolves elsewhere now would: the stored URL points at an address that is not allowed
        String port = receiver.url("").replaceAll(".*:", "");
        TestDatabase.execute("UPDATE webhook_subscription SET url = ? WHERE id = ?",
                "http://127.0.0.2:" + port + "/became-internal", id);
        String access = Api.loggedInCustomer(tenant.name(), anonymous(tenant), uniqueEmail("became-internal"))
                .path("access_token");
        as(access).contentType(ContentType.JSON).body(Map.of("firstName", "Internal"))
                .patch("/customer/{tenant}/me", tenant.name()).then().statusCode(200);
        for (int i = 0; i < 100; i++) {
            List<String> errors = admin().queryParam("state", "pending")
                    .get("/admin/tenants/{tenant}/webhooks/{id}/deliveries", tenant.name(), id)
                    .then().statusCode(200).extract().path("lastError");
            if (!errors.isEmpty() && errors.get(0) != null) {
                assertEquals("target not allowed: 127.0.0.2 is 127.0.0.2", errors.get(0));
                assertTrue(receiver.at("/became-internal").isEmpty());
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no attempt was refused within 10 s");
    }

    @Test
    void subscriptions_areValidated_rekeyed_andDeleted() {
        Api.Tenant tenant = Api.newTenantWithClient();
        isInvalidField(admin().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.com", "eventTypes", ALL_TYPES))
                .post("/admin/tenants/{tenant}/webhooks", tenant.name()).then(), "url");
        isInvalidField(admin().contentType(ContentType.JSON).body(Map.of("url", receiver.url("/x"), "eventTypes",
                List.of("customer.exploded"))).post("/admin/tenants/{tenant}/webhooks", tenant.name()).then(), "eventTypes");
        Response made = subscribe(tenant.name(), "/rekey", ALL_TYPES, true);
        String id = made.path("id");
        String secret = admin().post("/admin/tenants/{tenant}/webhooks/{id}/secret", tenant.name(), id).then()
                .statusCode(200).extract().path("secret");
        assertTrue(!secret.equals(made.path("secret")));
        admin().contentType(ContentType.JSON).body(Map.of("enabled", false, "eventTypes", List.of("customer.deleted")))
                .patch("/admin/tenants/{tenant}/webhooks/{id}", tenant.name(), id).then().statusCode(200)
                .body("enabled", equalTo(false)).body("eventTypes", equalTo(List.of("customer.deleted")))
                .body("secret", nullValue());
        admin().delete("/admin/tenants/{tenant}/webhooks/{id}", tenant.name(), id).then().statusCode(204);
        isError(admin().delete("/admin/tenants/{tenant}/webhooks/{id}", tenant.name(), id).then(), 404, "resource_not_found");
        admin().queryParam("tenant", tenant.name()).get("/admin/audit").then().statusCode(200)
                .body("action", hasItem("webhook.secret"));
    }
}
