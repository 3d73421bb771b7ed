package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.backOffice;
import static org.opencommerce.customer.it.Api.backOfficeToken;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isFault;
import static org.opencommerce.customer.it.Faults.isInvalidField;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

/** The tenant-managed customer API: create, read, upsert, patch, delete, status, and the scope checks. */
class BackOfficeCustomerIT extends ServiceDeployment {

    private static Api.Tenant tenant;
    private static String manager;

    @BeforeAll
    static void tenantWithBackOffice() {
        tenant = Api.newTenantWithClient();
        manager = backOfficeToken(tenant.name(), "customer.customer_read", "customer.customer_manage");
    }

    private static RequestSpecification asManager() {
        return backOffice().auth().oauth2(manager);
    }

    private static String anonymous() {
        return anonymousLogin(tenant.name(), tenant.clientId()).then().statusCode(200).extract().path("access_token");
    }

    static String create(Map<String, Object> body) {
        return asManager().contentType(ContentType.JSON).body(body).post("/customer/{tenant}/customers", tenant.name())
                .then().statusCode(201).body("id", matchesPattern("[0-9]+")).extract().path("id");
    }

    private static Map<String, Object> customer(String email, String lastName) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactEmail", email);
        body.put("firstName", "Grace");
        body.put("lastName", lastName);
        body.put("company", "Emporix");
        body.put("preferredSite", "main");
        return body;
    }

    @Test
    void create_withInitialPassword_logsIn_withInitialPasswordTrue() {
        String email = uniqueEmail("employee-made");
        Map<String, Object> body = customer(email, "Hopper");
        body.put("password", PASSWORD);
        body.put("b2b", Map.of("companyRegistrationId", "123-456-789"));
        String id = create(body);

        asManager().get("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(200)
                .body("id", equalTo(id)).body("customerNumber", equalTo(id))
                .body("contactEmail", equalTo(email)).body("email", equalTo(email))
                .body("active", equalTo(true)).body("onHold", equalTo(false))
                .body("b2b.companyRegistrationId", equalTo("123-456-789")).body("businessModel", equalTo("B2C"))
                .body("accounts", nullValue()).body("metadata.version", equalTo(1));
        login(anonymous(), tenant.name(), email, PASSWORD).then().statusCode(200).body("initialPassword", equalTo("true"));
    }

    @Test
    void create_withoutPassword_mailsAResetLink_unlessToldNotTo() {
        String quiet = uniqueEmail("quiet");
        asManager().contentType(ContentType.JSON).body(customer(quiet, "Quiet"))
                .queryParam("sendPasswordResetNotifications", false)
                .post("/customer/{tenant}/customers", tenant.name()).then().statusCode(201);
        String notified = uniqueEmail("notified");
        create(customer(notified, "Notified"));

        String token = Mailbox.tokenIn(Mailbox.awaitMail(notified));
        as(anonymous()).contentType(ContentType.JSON).body(Map.of("token", token, "password", "a brand new secret 7"))
                .post("/customer/{tenant}/password/reset/update", tenant.name()).then().statusCode(204);
        login(anonymous(), tenant.name(), notified, "a brand new secret 7").then().statusCode(200)
                .body("initialPassword", equalTo("false"));
        org.junit.jupiter.api.Assertions.assertTrue(Mailbox.mailsTo(quiet).isEmpty(), "no mail for " + quiet);
        login(anonymous(), tenant.name(), quiet, PASSWORD).then().statusCode(401);
    }

    @Test
    void create_withoutBody_isAnEmptyCustomer() {
        String id = asManager().contentType(ContentType.JSON).post("/customer/{tenant}/customers", tenant.name())
                .then().statusCode(201)
                .extract().path("id");
        asManager().get("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(200)
                .body("preferredLanguage", equalTo("en_US")).body("preferredCurrency", equalTo("USD"))
                .body("preferredSite", equalTo("main")).body("email", nullValue());
    }

    @Test
    void create_withANumber_takesIt_andRefusesItTwice() {
        String number = String.valueOf(900_000_000_000L + System.nanoTime() % 1_000_000_000L);
        Map<String, Object> body = customer(uniqueEmail("numbered"), "Numbered");
        body.put("id", number);
        org.junit.jupiter.api.Assertions.assertEquals(number, create(body));
        body.put("contactEmail", uniqueEmail("numbered-again"));
        isError(asManager().contentType(ContentType.JSON).body(body).post("/customer/{tenant}/customers", tenant.name())
                .then(), 409, "conflict_resource");
        body.put("id", "C-12");
        isInvalidField(asManager().contentType(ContentType.JSON).body(body)
                .post("/customer/{tenant}/customers", tenant.name()).then(), "id");
    }

    @Test
    void create_withATakenLogin_is409_andBadInputIs400() {
        String email = uniqueEmail("taken");
        create(customer(email, "First"));
        isError(asManager().contentType(ContentType.JSON).body(customer(email.toUpperCase(), "Second"))
                .post("/customer/{tenant}/customers", tenant.name()).then(), 409, "conflict_resource")
                .body("message", containsString("Duplicate account"));
        Map<String, Object> bad = customer(uniqueEmail("bad"), "Bad");
        bad.put("preferredCurrency", "EURO");
        isInvalidField(asManager().contentType(ContentType.JSON).body(bad)
                .post("/customer/{tenant}/customers", tenant.name()).then(), "preferredCurrency");
        Map<String, Object> restricted = customer(uniqueEmail("restricted"), "Restricted");
        restricted.put("restriction", "DE");
        isInvalidField(asManager().contentType(ContentType.JSON).body(restricted)
                .post("/customer/{tenant}/customers", tenant.name()).then(), "restriction");
        isError(asManager().contentType(ContentType.JSON).body("{\"firstName\": ")
                .post("/customer/{tenant}/customers", tenant.name()).then(), 400, "bad_request");
    }

    @Test
    void get_ofUnknownOrForeignCustomers_is404() {
        isError(asManager().get("/customer/{tenant}/customers/{id}", tenant.name(), "99999999999").then(), 404,
                "resource_not_found").body("details[0].message", containsString("99999999999"));
        isInvalidField(asManager().get("/customer/{tenant}/customers/{id}", tenant.name(), "abc").then(), "customerNumber");
        Api.Tenant other = Api.newTenantWithClient();
        Map<String, Object> numbered = customer(uniqueEmail("foreign"), "Foreign");
        numbered.put("id", String.valueOf(800_000_000_000L + System.nanoTime() % 1_000_000_000L));
        String foreign = backOffice(other.name(), "customer.customer_manage").contentType(ContentType.JSON)
                .body(numbered).post("/customer/{tenant}/customers", other.name())
                .then().statusCode(201).extract().path("id");
        isError(asManager().get("/customer/{tenant}/customers/{id}", tenant.name(), foreign).then(), 404, "resource_not_found");
        isError(asManager().delete("/customer/{tenant}/customers/{id}", tenant.name(), foreign).then(), 404, "resource_not_found");
    }

    @Test
    void get_expandsAccountsAddressesAndMixins() {
        String email = uniqueEmail("expand");
        Map<String, Object> body = customer(email, "Expanded");
        body.put("mixins", Map.of("loyalty", Map.of("level", "gold")));
        String id = create(body);
        asManager().contentType(ContentType.JSON).body(Map.of("contactName", "Grace Expanded", "city", "Berlin",
                "country", "DE", "tags", List.of("BILLING")))
                .post("/customer/{tenant}/customers/{id}/addresses", tenant.name(), id).then().statusCode(201);
        asManager().get("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(200)
                .body("defaultAddress.city", equalTo("Berlin")).body("addresses", nullValue())
                .body("mixins", nullValue());
        asManager().queryParam("expand", "addresses,accounts,mixin:*")
                .get("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(200)
                .body("accounts.id", contains(email)).body("addresses", hasSize(1))
                .body("addresses[0].tags", contains("BILLING")).body("mixins.loyalty.level", equalTo("gold"));
        isInvalidField(asManager().queryParam("expand", "orders")
                .get("/customer/{tenant}/customers/{id}", tenant.name(), id).then(), "expand");
    }

    @Test
    void put_replacesAnExistingCustomer_andCreatesAMissingOne() {
        String email = uniqueEmail("upsert");
        String id = create(customer(email, "Before"));
        Map<String, Object> replacement = new HashMap<>();
        replacement.put("contactEmail", email);
        replacement.put("lastName", "After");
        replacement.put("preferredCurrency", "eur");
        asManager().contentType(ContentType.JSON).body(replacement)
                .put("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(204);
        asManager().get("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(200)
                .body("lastName", equalTo("After")).body("firstName", nullValue()).body("company", nullValue())
                .body("preferredCurrency", equalTo("EUR")).body("metadata.version", equalTo(2));

        String number = String.valueOf(800_000_000_000L + System.nanoTime() % 1_000_000_000L);
        String newEmail = uniqueEmail("upsert-new");
        asManager().contentType(ContentType.JSON).body(Map.of("contactEmail", newEmail, "lastName", "Upserted"))
                .queryParam("sendPasswordResetNotifications", false)
                .put("/customer/{tenant}/customers/{id}", tenant.name(), number).then().statusCode(201)
                .body("id", equalTo(number));
        asManager().get("/customer/{tenant}/customers/{id}", tenant.name(), number).then().statusCode(200)
                .body("email", equalTo(newEmail));
        isInvalidField(asManager().contentType(ContentType.JSON).body(Map.of("lastName", "NoEmail"))
                .put("/customer/{tenant}/customers/{id}", tenant.name(), id).then(), "contactEmail");
    }

    @Test
    void patch_mergesFields_withOptimisticLocking() {
        String id = create(customer(uniqueEmail("patch"), "Patchable"));
        asManager().contentType("application/merge-patch+json").body(Map.of("firstName", "Ada", "metadata", Map.of("version", 1)))
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(200)
                .body("firstName", equalTo("Ada")).body("lastName", equalTo("Patchable")).body("metadata.version", equalTo(2));
        isError(asManager().contentType(ContentType.JSON).body(Map.of("firstName", "Lost", "metadata", Map.of("version", 1)))
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), id).then(), 409, "conflict_resource");
        Map<String, Object> unset = new HashMap<>();
        unset.put("contactEmail", null);
        isInvalidField(asManager().contentType(ContentType.JSON).body(unset)
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), id).then(), "contactEmail");
        isError(asManager().contentType(ContentType.JSON).body(Map.of("firstName", "Nobody"))
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), "99999999998").then(), 404, "resource_not_found");
    }

    @Test
    void deactivatingOrHolding_endsTokens_andRefusesLogin_untilUndone() {
        String email = uniqueEmail("status");
        Map<String, Object> body = customer(email, "Status");
        body.put("password", PASSWORD);
        String id = create(body);
        Response session = login(anonymous(), tenant.name(), email, PASSWORD);
        session.then().statusCode(200);
        String access = session.path("access_token");
        as(access).get("/customer/{tenant}/me", tenant.name()).then().statusCode(200);

        asManager().contentType(ContentType.JSON).body(Map.of("active", false))
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(200)
                .body("active", equalTo(false));
        isInvalidToken(as(access).get("/customer/{tenant}/me", tenant.name()).then());
        isFault(as(anonymous()).queryParam("refreshToken", (String) session.path("refresh_token"))
                .get("/customer/{tenant}/refreshauthtoken", tenant.name()).then(), "oauth.v2.InvalidRefreshToken");
        isFault(login(anonymous(), tenant.name(), email, PASSWORD).then(), "customer.account_suspended");
        asManager().queryParam("q", "active:false").get("/customer/{tenant}/customers", tenant.name()).then()
                .statusCode(200).body("id", hasItem(id));

        asManager().contentType(ContentType.JSON).body(Map.of("active", true, "onHold", true))
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(200);
        isFault(login(anonymous(), tenant.name(), email, PASSWORD).then(), "customer.account_suspended");
        asManager().contentType(ContentType.JSON).body(Map.of("onHold", false))
                .patch("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(200);
        login(anonymous(), tenant.name(), email, PASSWORD).then().statusCode(200);
    }

    @Test
    void delete_is202_andEndsTheCustomer() {
        String email = uniqueEmail("deleted");
        Map<String, Object> body = customer(email, "Deleted");
        body.put("password", PASSWORD);
        String id = create(body);
        String access = login(anonymous(), tenant.name(), email, PASSWORD).then().statusCode(200).extract().path("access_token");
        asManager().delete("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(202);
        isError(asManager().get("/customer/{tenant}/customers/{id}", tenant.name(), id).then(), 404, "resource_not_found");
        isInvalidToken(as(access).get("/customer/{tenant}/me", tenant.name()).then());
        isError(asManager().delete("/customer/{tenant}/customers/{id}", tenant.name(), id).then(), 404, "resource_not_found");
        create(customer(email, "Again"));
    }

    @Test
    void scopes_areChecked_andOtherTokensRefused() {
        String reader = backOfficeToken(tenant.name(), "customer.customer_read");
        String id = create(customer(uniqueEmail("scoped"), "Scoped"));
        backOffice().auth().oauth2(reader).get("/customer/{tenant}/customers/{id}", tenant.name(), id).then().statusCode(200);
        isError(backOffice().auth().oauth2(reader).contentType(ContentType.JSON).body(Map.of("lastName", "No"))
                .post("/customer/{tenant}/customers", tenant.name()).then(), 403, "forbidden");
        isError(backOffice().auth().oauth2(reader).delete("/customer/{tenant}/customers/{id}", tenant.name(), id).then(),
                403, "forbidden");
        String importer = backOfficeToken(tenant.name(), "customer.import_manage");
        isError(backOffice().auth().oauth2(importer).get("/customer/{tenant}/customers", tenant.name()).then(), 403, "forbidden");

        isError(backOffice().auth().oauth2(anonymous()).get("/customer/{tenant}/customers", tenant.name()).then(),
                403, "forbidden");
        String email = uniqueEmail("storefront");
        String customerToken = Api.loggedInCustomer(tenant.name(), anonymous(), email).path("access_token");
        isError(backOffice().auth().oauth2(customerToken).get("/customer/{tenant}/customers/{id}", tenant.name(), id).then(),
                403, "forbidden");
        isFault(backOffice().get("/customer/{tenant}/customers", tenant.name()).then(), "oauth.v2.InvalidAccessToken");
        isInvalidToken(backOffice().auth().oauth2(TestTokens.forged(manager)).get("/customer/{tenant}/customers", tenant.name()).then());

        Api.Tenant other = Api.newTenantWithClient();
        isInvalidToken(backOffice().auth().oauth2(manager).get("/customer/{tenant}/customers", other.name()).then());
        // a back-office token is not a storefront token
        isError(Api.givenOutsideSpec().auth().oauth2(manager).get("/customer/{tenant}/me", tenant.name()).then(),
                403, "forbidden");
    }

}
