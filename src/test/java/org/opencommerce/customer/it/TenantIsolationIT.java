package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencommerce.customer.it.Api.anonymousLogin;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.backOffice;
import static org.opencommerce.customer.it.Api.backOfficeToken;
import static org.opencommerce.customer.it.Api.loggedInCustomer;
import static org.opencommerce.customer.it.Api.uniqueEmail;

/**
 * Tenant isolation, generated from both contracts: every operation with a path id is called in tenant B, with B's valid
 * token, once with tenant A's ids and once with ids that exist nowhere. The two answers are the same (status and body,
 * the ids themselves aside), and A's objects are unchanged afterwards. Numbers and address ids are per tenant.
 */
class TenantIsolationIT extends ServiceDeployment {

    private static final String CUSTOMER = "/customer/{tenant}/customers/{customerNumber}";
    private static final String[] ALL_SCOPES = {"customer.customer_read", "customer.customer_manage"};

    private static Api.Tenant a;
    private static Api.Tenant b;
    private static String managerOfA;
    private static String managerOfB;

    /** Two new tenants for each test: numbering per tenant makes one test's numbers meet another's in shared tenants. */
    @BeforeEach
    void twoTenants() {
        a = Api.newTenantWithClient();
        b = Api.newTenantWithClient();
        managerOfA = backOfficeToken(a.name(), ALL_SCOPES);
        managerOfB = backOfficeToken(b.name(), ALL_SCOPES);
    }

    private static RequestSpecification as(String token, boolean backOffice) {
        return backOffice ? backOffice().auth().oauth2(token) : Api.as(token);
    }

    private static String newCustomer(Api.Tenant tenant, String manager, String number) {
        Map<String, Object> body = new HashMap<>(Map.of("contactEmail", uniqueEmail("isolated"), "lastName", "Isolated"));
        if (number != null) {
            body.put("id", number);
        }
        return as(manager, true).contentType(ContentType.JSON).body(body)
                .queryParam("sendPasswordResetNotifications", false)
                .post("/customer/{tenant}/customers", tenant.name()).then().statusCode(201).extract().path("id");
    }

    private static String newAddress(Api.Tenant tenant, String manager, String customer, String id) {
        Map<String, Object> body = new HashMap<>(Map.of("contactName", "Ada", "street", "Main", "city", "Berlin",
                "country", "DE", "tags", List.of("BILLING")));
        if (id != null) {
            body.put("id", id);
        }
        return as(manager, true).contentType(ContentType.JSON).body(body)
                .post(CUSTOMER + "/addresses", tenant.name(), customer).then().statusCode(201).extract().path("id");
    }

    private static String ghostNumber() {
        return String.valueOf(700_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000_000L));
    }

    private static String ghostAddressId() {
        return "ghost-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyBackOfficeOperationWithAPathId_answersAnotherTenantsIdsLikeIdsThatExistNowhere() {
        // a number B does not have (numbers run per tenant: A's and B's first automatic numbers are the same)
        String customerOfA = newCustomer(a, managerOfA, ghostNumber());
        String addressOfA = newAddress(a, managerOfA, customerOfA, null);
        String before = stateOf(customerOfA, addressOfA);
        String customerOfB = newCustomer(b, managerOfB, null);

        int compared = 0;
        for (Call call : callsOf(System.getProperty("it.backoffice.spec"), "{customerNumber}")) {
            Map<String, String> foreign = Map.of("tenant", b.name(), "customerNumber", customerOfA, "addressId", addressOfA);
            Map<String, String> ghost = Map.of("tenant", b.name(), "customerNumber", ghostNumber(), "addressId", ghostAddressId());
            compareAnswers(call, managerOfB, true, foreign, ghost);
            // and with B's own customer: A's address id is no address of B's customer
            if (call.template().contains("{addressId}")) {
                compareAnswers(call, managerOfB, true,
                        Map.of("tenant", b.name(), "customerNumber", customerOfB, "addressId", addressOfA),
                        Map.of("tenant", b.name(), "customerNumber", customerOfB, "addressId", ghostAddressId()));
            }
            compared++;
        }
        assertTrue(compared >= 11, "only " + compared + " operations compared");
        assertEquals(before, stateOf(customerOfA, addressOfA), "A's customer or address changed");
    }

    @Test
    void everyStorefrontOperationWithAnAddressId_answersAnotherTenantsAddressesLikeAddressesThatExistNowhere() {
        String customerOfA = newCustomer(a, managerOfA, null);
        String addressOfA = newAddress(a, managerOfA, customerOfA, null);
        String before = stateOf(customerOfA, addressOfA);
        String anonymous = anonymousLogin(b.name(), b.clientId()).then().statusCode(200).extract().path("access_token");
        String customerToken = loggedInCustomer(b.name(), anonymous, uniqueEmail("shopper")).path("access_token");

        int compared = 0;
        for (Call call : callsOf(System.getProperty("it.spec"), "{addressId}")) {
            compareAnswers(call, customerToken, false, Map.of("tenant", b.name(), "addressId", addressOfA),
                    Map.of("tenant", b.name(), "addressId", ghostAddressId()));
            compared++;
        }
        assertTrue(compared >= 5, "only " + compared + " operations compared");
        assertEquals(before, stateOf(customerOfA, addressOfA), "A's customer or address changed");
    }

    @Test
    void numbersAndAddressIdsArePerTenant() {
        String number = ghostNumber();
        assertEquals(number, newCustomer(a, managerOfA, number));
        assertEquals(number, newCustomer(b, managerOfB, number));
        assertEquals("home", newAddress(a, managerOfA, number, "home"));
        assertEquals("home", newAddress(b, managerOfB, number, "home"));
        // the same number again in one tenant is still a conflict
        Faults.isError(as(managerOfA, true).contentType(ContentType.JSON).body(Map.of("id", number))
                .post("/customer/{tenant}/customers", a.name()).then(), 409, "conflict_resource");

        // PUT of a number that only A has creates the customer in B
        String onlyInA = newCustomer(a, managerOfA, ghostNumber());
        as(managerOfB, true).get(CUSTOMER, b.name(), onlyInA).then().statusCode(404);
        as(managerOfB, true).contentType(ContentType.JSON).body(Map.of("lastName", "Created in B"))
                .queryParam("sendPasswordResetNotifications", false)
                .put(CUSTOMER, b.name(), onlyInA).then().statusCode(201);
        as(managerOfB, true).get(CUSTOMER, b.name(), onlyInA).then().statusCode(200).body("lastName", equalTo("Created in B"));
        as(managerOfA, true).get(CUSTOMER, a.name(), onlyInA).then().statusCode(200).body("lastName", equalTo("Isolated"));
    }

    @Test
    void automaticNumbersRunPerTenant_andTheTokensSubjectIsTheCustomerNumber() {
        Api.Tenant first = Api.newTenantWithClient();
        Api.Tenant second = Api.newTenantWithClient();
        String anonymousOfFirst = anonymousLogin(first.name(), first.clientId()).path("access_token");
        String anonymousOfSecond = anonymousLogin(second.name(), second.clientId()).path("access_token");
        String tokenOfFirst = loggedInCustomer(first.name(), anonymousOfFirst, uniqueEmail("first")).path("access_token");
        String tokenOfSecond = loggedInCustomer(second.name(), anonymousOfSecond, uniqueEmail("second")).path("access_token");
        String numberInFirst = Api.as(tokenOfFirst).get("/customer/{tenant}/me", first.name()).then().statusCode(200)
                .extract().path("customerNumber");
        String numberInSecond = Api.as(tokenOfSecond).get("/customer/{tenant}/me", second.name()).then().statusCode(200)
                .extract().path("customerNumber");
        assertEquals(numberInFirst, numberInSecond, "each tenant's first customer gets its tenant's first number");
        assertEquals(numberInFirst, TestTokens.claimMap(tokenOfFirst).get("sub"));
        String nextInFirst = newCustomer(first, backOfficeToken(first.name(), ALL_SCOPES), null);
        assertEquals(Long.parseLong(numberInFirst) + 1, Long.parseLong(nextInFirst));
        // the first tenant's token never works in the second one, though its subject names a customer there too
        Faults.isInvalidToken(Api.as(tokenOfFirst).get("/customer/{tenant}/me", second.name()).then());
    }

    /** A's customer and address as A reads them. */
    private static String stateOf(String customer, String address) {
        String customerJson = as(managerOfA, true).get(CUSTOMER, a.name(), customer).then().statusCode(200).extract().asString();
        String addressJson = as(managerOfA, true).get(CUSTOMER + "/addresses/{addressId}", a.name(), customer, address)
                .then().statusCode(200).extract().asString();
        return customerJson + "\n" + addressJson;
    }

    /** One operation of a contract: method and path template. */
    private record Call(String method, String template) {
    }

    /**
     * The operations of the contract whose path has the id, in an order that leaves the upserts for last: a PUT creates
     * what it names when it is missing (an address, then a customer), which would change the later answers.
     */
    private static List<Call> callsOf(String specLocation, String pathId) {
        OpenAPI spec = new OpenAPIV3Parser().read(specLocation);
        List<Call> calls = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
            if (!path.getKey().contains(pathId)) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                calls.add(new Call(operation.getKey().name(), path.getKey()));
            }
        }
        calls.sort(Comparator.comparingInt(call -> !call.method().equals("PUT") ? 0
                : call.template().endsWith("{customerNumber}") ? 2 : 1));
        return calls;
    }

    private static void compareAnswers(Call call, String token, boolean backOffice, Map<String, String> foreign,
                                       Map<String, String> ghost) {
        Response withForeignIds = send(call, token, backOffice, foreign);
        Response withGhostIds = send(call, token, backOffice, ghost);
        String what = call.method() + " " + call.template();
        assertEquals(withGhostIds.statusCode(), withForeignIds.statusCode(), what + ": " + withForeignIds.asString());
        assertNotEquals(200, withForeignIds.statusCode(), what + " answered another tenant's object");
        assertEquals(withoutIds(withGhostIds.asString(), ghost), withoutIds(withForeignIds.asString(), foreign), what);
    }

    private static String withoutIds(String body, Map<String, String> ids) {
        String normalized = body;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            if (!id.getKey().equals("tenant")) {
                normalized = normalized.replace(id.getValue(), "{" + id.getKey() + "}");
            }
        }
        return normalized;
    }

    /** The call with a valid body for its kind: a customer's or an address's fields, or tags. */
    private static Response send(Call call, String token, boolean backOffice, Map<String, String> ids) {
        RequestSpecification request = as(token, backOffice);
        if (call.template().endsWith("/tags")) {
            request = request.queryParam("tags", "VIP");
        } else if (call.method().equals("PUT") || call.method().equals("PATCH") || call.method().equals("POST")) {
            Map<String, Object> body = call.template().contains("/addresses")
                    ? Map.of("contactName", "Intruder", "country", "DE") : Map.of("lastName", "Intruder");
            request = request.contentType(ContentType.JSON).body(body);
        }
        if (call.template().endsWith("{customerNumber}") && call.method().equals("PUT")) {
            request = request.queryParam("sendPasswordResetNotifications", false);
        }
        String path = call.template();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return request.request(call.method(), path);
    }
}
