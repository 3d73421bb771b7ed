package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.given;
import static org.opencommerce.customer.it.Api.loggedInCustomer;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isInvalidField;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

class AddressIT extends ServiceDeployment {

    private static final String ADDRESSES = "/customer/{tenant}/me/addresses";
    private static final String ADDRESS = "/customer/{tenant}/me/addresses/{id}";

    private static Map<String, Object> berlin() {
        return new HashMap<>(Map.of("contactName", "John Doe", "companyName", "Emporix", "street", "Platz der Republik",
                "streetNumber", "1", "zipCode", "11011", "city", "Berlin", "country", "DE",
                "tags", List.of("BILLING", "SHIPPING")));
    }

    private static String add(String token, Map<String, Object> address) {
        return as(token).contentType(ContentType.JSON).body(address).post(ADDRESSES, TENANT)
                .then().statusCode(201).extract().path("id");
    }

    private static Response get(String token, String id) {
        return as(token).get(ADDRESS, TENANT, id);
    }

    @Test
    void add_thenGet_answersTheAddressWithAnOpaqueId() {
        String token = loggedInCustomer().path("access_token");
        String id = add(token, berlin());
        org.hamcrest.MatcherAssert.assertThat(id, matchesPattern("[0-9a-f]{32}"));
        get(token, id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("contactName", equalTo("John Doe"))
                .body("country", equalTo("DE"))
                .body("tags", containsInAnyOrder("BILLING", "SHIPPING"))
                .body("isDefault", equalTo(true))
                .body("metadata.version", equalTo(1));
    }

    @Test
    void list_answersAllAddressesAndOnlyOneIsDefault() {
        String token = loggedInCustomer().path("access_token");
        String first = add(token, berlin());
        Map<String, Object> second = berlin();
        second.put("isDefault", true);
        String secondId = add(token, second);
        as(token).get(ADDRESSES, TENANT).then().statusCode(200)
                .body("", hasSize(2))
                .body("findAll { it.isDefault }.id", contains(secondId));
        get(token, first).then().body("isDefault", equalTo(false));
        as(token).queryParam("expand", "addresses").get("/customer/{tenant}/me", TENANT).then()
                .body("addresses", hasSize(2))
                .body("defaultAddress.id", equalTo(secondId));
    }

    @Test
    void patch_changesFieldsAndMovesTheDefault() {
        String token = loggedInCustomer().path("access_token");
        String first = add(token, berlin());
        String second = add(token, berlin());
        Map<String, Object> change = new HashMap<>();
        change.put("city", "Hamburg");
        change.put("companyName", null);
        change.put("isDefault", true);
        as(token).contentType("application/merge-patch+json").body(change).patch(ADDRESS, TENANT, second)
                .then().statusCode(200)
                .body("city", equalTo("Hamburg"))
                .body("companyName", nullValue())
                .body("street", equalTo("Platz der Republik"))
                .body("isDefault", equalTo(true));
        get(token, first).then().body("isDefault", equalTo(false));
    }

    @Test
    void patch_withStaleVersion_is409() {
        String token = loggedInCustomer().path("access_token");
        String id = add(token, berlin());
        as(token).contentType(ContentType.JSON).body(Map.of("city", "Bonn", "metadata", Map.of("version", 1)))
                .patch(ADDRESS, TENANT, id).then().statusCode(200);
        isError(as(token).contentType(ContentType.JSON).body(Map.of("city", "Köln", "metadata", Map.of("version", 1)))
                .patch(ADDRESS, TENANT, id).then(), 409, "conflict_resource");
    }

    @Test
    void patch_removingTheContactName_is400() {
        String token = loggedInCustomer().path("access_token");
        String id = add(token, berlin());
        Map<String, Object> change = new HashMap<>();
        change.put("contactName", null);
        isInvalidField(as(token).contentType(ContentType.JSON).body(change).patch(ADDRESS, TENANT, id).then(), "contactName");
    }

    @Test
    void delete_removesTheAddress() {
        String token = loggedInCustomer().path("access_token");
        String id = add(token, berlin());
        as(token).delete(ADDRESS, TENANT, id).then().statusCode(204);
        isError(get(token, id).then(), 404, "resource_not_found");
        isError(as(token).delete(ADDRESS, TENANT, id).then(), 404, "resource_not_found");
    }

    @Test
    void tags_areAddedDeduplicatedAndRemoved() {
        String token = loggedInCustomer().path("access_token");
        Map<String, Object> address = berlin();
        address.put("tags", List.of("BILLING"));
        String id = add(token, address);
        as(token).queryParam("tags", "SHIPPING, BILLING,PICKUP").post(ADDRESS + "/tags", TENANT, id).then().statusCode(204);
        get(token, id).then().body("tags", containsInAnyOrder("BILLING", "SHIPPING", "PICKUP"));
        as(token).queryParam("tags", "BILLING,PICKUP").delete(ADDRESS + "/tags", TENANT, id).then().statusCode(204);
        get(token, id).then().body("tags", contains("SHIPPING"));
    }

    @Test
    void tags_withoutTags_is400() {
        String token = loggedInCustomer().path("access_token");
        String id = add(token, berlin());
        isError(as(token).queryParam("tags", " , ").post(ADDRESS + "/tags", TENANT, id).then(), 400, "bad_request");
        isError(as(token).post(ADDRESS + "/tags", TENANT, id).then(), 400, "bad_request");
    }

    @Test
    void anotherCustomersAddress_isNotFound() {
        String owner = loggedInCustomer().path("access_token");
        String id = add(owner, berlin());
        String other = loggedInCustomer().path("access_token");
        isError(get(other, id).then(), 404, "resource_not_found");
        isError(as(other).contentType(ContentType.JSON).body(Map.of("city", "X")).patch(ADDRESS, TENANT, id).then(),
                404, "resource_not_found");
        isError(as(other).delete(ADDRESS, TENANT, id).then(), 404, "resource_not_found");
        isError(as(other).queryParam("tags", "X").post(ADDRESS + "/tags", TENANT, id).then(), 404, "resource_not_found");
        get(owner, id).then().statusCode(200);
    }

    @Test
    void add_withInvalidFields_is400WithDetails() {
        String token = loggedInCustomer().path("access_token");
        Map<String, Object> address = berlin();
        address.remove("contactName");
        address.put("country", "DEU");
        isInvalidField(as(token).contentType(ContentType.JSON).body(address).post(ADDRESSES, TENANT).then(), "contactName")
                .body("details.field", org.hamcrest.Matchers.hasItem("country"));
    }

    @Test
    void addresses_refuseAnonymousAndMissingTokens() {
        isError(as(anonymousToken()).get(ADDRESSES, TENANT).then(), 403, "forbidden");
        isInvalidToken(given().get(ADDRESSES, TENANT).then());
        isInvalidToken(given().contentType(ContentType.JSON).body(berlin()).post(ADDRESSES, TENANT).then());
    }

    @Test
    void unknownAddress_is404WithTheSpecsMessage() {
        String token = loggedInCustomer().path("access_token");
        isError(get(token, "b05c20e034").then(), 404, "resource_not_found")
                .body("message", matchesPattern("Address b05c20e034 of customer [0-9]+ not found\\."));
    }
}
