package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opencommerce.customer.it.Api.backOffice;
import static org.opencommerce.customer.it.Api.backOfficeToken;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isInvalidField;

/** Any customer's addresses and tags through the tenant-managed API. */
class BackOfficeAddressIT extends ServiceDeployment {

    private static final String ADDRESSES = "/customer/{tenant}/customers/{customerNumber}/addresses";
    private static final String ADDRESS = ADDRESSES + "/{addressId}";

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

    private static String newCustomer() {
        return asManager().contentType(ContentType.JSON).body(Map.of("contactEmail", uniqueEmail("addressed")))
                .queryParam("sendPasswordResetNotifications", false)
                .post("/customer/{tenant}/customers", tenant.name()).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> address(String contactName) {
        return Map.of("contactName", contactName, "street", "Platz der Republik", "streetNumber", "1", "zipCode", "11011",
                "city", "Berlin", "country", "DE", "tags", List.of("BILLING", "SHIPPING"));
    }

    @Test
    void addListGetUpdateDelete() {
        String customer = newCustomer();
        String first = asManager().contentType(ContentType.JSON).body(address("John Doe"))
                .post(ADDRESSES, tenant.name(), customer).then().statusCode(201).extract().path("id");
        String chosenId = "erp-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> second = new java.util.HashMap<>(address("Jane Doe"));
        second.put("id", chosenId);
        second.put("isDefault", true);
        asManager().contentType(ContentType.JSON).body(second).post(ADDRESSES, tenant.name(), customer).then()
                .statusCode(201).body("id", equalTo(chosenId));

        asManager().get(ADDRESSES, tenant.name(), customer).then().statusCode(200).body("$", hasSize(2))
                .body("find { it.id == '" + chosenId + "' }.isDefault", equalTo(true))
                .body("find { it.id == '" + first + "' }.isDefault", equalTo(false));
        asManager().get(ADDRESS, tenant.name(), customer, first).then().statusCode(200)
                .body("contactName", equalTo("John Doe")).body("tags", contains("BILLING", "SHIPPING"));

        int version = asManager().get(ADDRESS, tenant.name(), customer, first).then().extract().path("metadata.version");
        asManager().contentType(ContentType.JSON).body(Map.of("city", "Hamburg", "metadata", Map.of("version", version)))
                .patch(ADDRESS, tenant.name(), customer, first).then().statusCode(200).body("city", equalTo("Hamburg"))
                .body("contactName", equalTo("John Doe"));
        isError(asManager().contentType(ContentType.JSON).body(Map.of("city", "Lost", "metadata", Map.of("version", version)))
                .patch(ADDRESS, tenant.name(), customer, first).then(), 409, "conflict_resource");
        asManager().contentType(ContentType.JSON).body(Map.of("city", "Munich", "country", "DE"))
                .put(ADDRESS, tenant.name(), customer, first).then().statusCode(204);
        asManager().get(ADDRESS, tenant.name(), customer, first).then().statusCode(200)
                .body("city", equalTo("Munich")).body("contactName", equalTo("John Doe")).body("street", nullValue());

        asManager().queryParam("tags", "HOME,BILLING").post(ADDRESS + "/tags", tenant.name(), customer, first).then()
                .statusCode(204);
        asManager().queryParam("tags", "BILLING").delete(ADDRESS + "/tags", tenant.name(), customer, first).then()
                .statusCode(204);
        asManager().get(ADDRESS, tenant.name(), customer, first).then().body("tags", contains("HOME"));

        asManager().delete(ADDRESS, tenant.name(), customer, first).then().statusCode(204);
        isError(asManager().get(ADDRESS, tenant.name(), customer, first).then(), 404, "resource_not_found");
        asManager().get(ADDRESSES, tenant.name(), customer).then().body("id", contains(chosenId));
    }

    @Test
    void put_createsAMissingAddress_withItsId() {
        String customer = newCustomer();
        String id = "put-" + UUID.randomUUID().toString().substring(0, 8);
        isInvalidField(asManager().contentType(ContentType.JSON).body(Map.of("city", "Berlin"))
                .put(ADDRESS, tenant.name(), customer, id).then(), "contactName");
        asManager().contentType(ContentType.JSON).body(address("Put Person")).put(ADDRESS, tenant.name(), customer, id)
                .then().statusCode(201).body("id", equalTo(id));
        asManager().get(ADDRESS, tenant.name(), customer, id).then().statusCode(200).body("isDefault", equalTo(true));
    }

    @Test
    void conflictsAndMissingThings() {
        String customer = newCustomer();
        String other = newCustomer();
        String id = "taken-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> withId = new java.util.HashMap<>(address("Taken"));
        withId.put("id", id);
        asManager().contentType(ContentType.JSON).body(withId).post(ADDRESSES, tenant.name(), customer).then().statusCode(201);
        isError(asManager().contentType(ContentType.JSON).body(withId).post(ADDRESSES, tenant.name(), customer).then(),
                409, "conflict_resource");
        isError(asManager().get(ADDRESS, tenant.name(), other, id).then(), 404, "resource_not_found");
        // address ids are unique per customer: another customer may have one of the same id
        asManager().contentType(ContentType.JSON).body(address("Other's"))
                .put(ADDRESS, tenant.name(), other, id).then().statusCode(201);
        asManager().get(ADDRESS, tenant.name(), other, id).then().statusCode(200).body("contactName", equalTo("Other's"));
        asManager().get(ADDRESS, tenant.name(), customer, id).then().statusCode(200).body("contactName", equalTo("Taken"));
        isError(asManager().get(ADDRESSES, tenant.name(), "99999999997").then(), 404, "resource_not_found");
        isError(asManager().contentType(ContentType.JSON).body(address("Nobody"))
                .post(ADDRESSES, tenant.name(), "99999999997").then(), 404, "resource_not_found");
        isInvalidField(asManager().contentType(ContentType.JSON).body(Map.of("city", "Berlin"))
                .post(ADDRESSES, tenant.name(), customer).then(), "contactName");
        Map<String, Object> badId = new java.util.HashMap<>(address("Bad id"));
        badId.put("id", "no spaces allowed");
        isInvalidField(asManager().contentType(ContentType.JSON).body(badId).post(ADDRESSES, tenant.name(), customer).then(), "id");
        isError(asManager().queryParam("tags", "").post(ADDRESS + "/tags", tenant.name(), customer, id).then(), 400, "bad_request");
    }

    @Test
    void readers_cannotChangeAddresses() {
        String customer = newCustomer();
        String reader = backOfficeToken(tenant.name(), "customer.customer_read");
        backOffice().auth().oauth2(reader).get(ADDRESSES, tenant.name(), customer).then().statusCode(200);
        isError(backOffice().auth().oauth2(reader).contentType(ContentType.JSON).body(address("No"))
                .post(ADDRESSES, tenant.name(), customer).then(), 403, "forbidden");
    }
}
