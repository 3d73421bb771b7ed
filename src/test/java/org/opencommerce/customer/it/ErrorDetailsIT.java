package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.backOffice;
import static org.opencommerce.customer.it.Api.backOfficeToken;
import static org.opencommerce.customer.it.Api.loggedInCustomer;
import static org.opencommerce.customer.it.Api.uniqueEmail;

/**
 * One error writer: the same bad field gets the same {@code details} entry (type and message; the field named where
 * the operation's body has it) on every operation that takes it, storefront and back office alike.
 */
class ErrorDetailsIT extends ServiceDeployment {

    private static final String BAD_EMAIL = "not-an-email";
    private static final String BAD_COUNTRY = "XX";

    /** The details entry for the field: its code and message, and the field's name without the body's prefix. */
    private static List<String> detailOf(Response answer, String field, String prefix) {
        answer.then().statusCode(400);
        List<Map<String, String>> details = answer.path("details");
        Map<String, String> detail = details.stream().filter(d -> (prefix + field).equals(d.get("field"))).findFirst()
                .orElseThrow(() -> new AssertionError("no detail for " + prefix + field + " in " + answer.asString()));
        return List.of(detail.get("field").substring(prefix.length()), detail.get("type"), detail.get("message"));
    }

    @Test
    void aBadContactEmail_readsTheSameOnEveryOperationThatTakesIt() {
        String customerToken = loggedInCustomer().path("access_token");
        String manager = backOfficeToken(TENANT, "customer.customer_read", "customer.customer_manage");
        String number = backOffice().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("contactEmail", uniqueEmail("details"))).queryParam("sendPasswordResetNotifications", false)
                .post("/customer/{tenant}/customers", TENANT).then().statusCode(201).extract().path("id");
        Map<String, Object> bad = Map.of("contactEmail", BAD_EMAIL);

        List<String> signup = detailOf(as(anonymousToken()).contentType(ContentType.JSON)
                .body(Map.of("email", uniqueEmail("signup"), "password", Api.PASSWORD, "customerDetails", bad))
                .post("/customer/{tenant}/signup", TENANT), "contactEmail", "customerDetails.");
        List<String> me = detailOf(as(customerToken).contentType(ContentType.JSON).body(bad)
                .patch("/customer/{tenant}/me", TENANT), "contactEmail", "");
        List<String> created = detailOf(backOffice().auth().oauth2(manager).contentType(ContentType.JSON).body(bad)
                .post("/customer/{tenant}/customers", TENANT), "contactEmail", "");
        List<String> replaced = detailOf(backOffice().auth().oauth2(manager).contentType(ContentType.JSON).body(bad)
                .put("/customer/{tenant}/customers/{n}", TENANT, number), "contactEmail", "");
        List<String> patched = detailOf(backOffice().auth().oauth2(manager).contentType(ContentType.JSON).body(bad)
                .patch("/customer/{tenant}/customers/{n}", TENANT, number), "contactEmail", "");

        assertEquals(signup, me);
        assertEquals(signup, created);
        assertEquals(signup, replaced);
        assertEquals(signup, patched);
    }

    @Test
    void aBadCountry_readsTheSameOnEveryAddressOperation() {
        String customerToken = loggedInCustomer().path("access_token");
        String own = as(customerToken).contentType(ContentType.JSON).body(Map.of("contactName", "Ada", "country", "DE"))
                .post("/customer/{tenant}/me/addresses", TENANT).then().statusCode(201).extract().path("id");
        String manager = backOfficeToken(TENANT, "customer.customer_read", "customer.customer_manage");
        String number = backOffice().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("contactEmail", uniqueEmail("addressed"))).queryParam("sendPasswordResetNotifications", false)
                .post("/customer/{tenant}/customers", TENANT).then().statusCode(201).extract().path("id");
        String managed = backOffice().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("contactName", "Ada", "country", "DE"))
                .post("/customer/{tenant}/customers/{n}/addresses", TENANT, number).then().statusCode(201).extract().path("id");
        Map<String, Object> bad = new HashMap<>(Map.of("contactName", "Ada", "country", BAD_COUNTRY));

        List<String> added = detailOf(as(customerToken).contentType(ContentType.JSON).body(bad)
                .post("/customer/{tenant}/me/addresses", TENANT), "country", "");
        List<String> patched = detailOf(as(customerToken).contentType(ContentType.JSON).body(bad)
                .patch("/customer/{tenant}/me/addresses/{id}", TENANT, own), "country", "");
        List<String> addedByBackOffice = detailOf(backOffice().auth().oauth2(manager).contentType(ContentType.JSON).body(bad)
                .post("/customer/{tenant}/customers/{n}/addresses", TENANT, number), "country", "");
        List<String> replacedByBackOffice = detailOf(backOffice().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(bad).put("/customer/{tenant}/customers/{n}/addresses/{id}", TENANT, number, managed), "country", "");
        List<String> patchedByBackOffice = detailOf(backOffice().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(bad).patch("/customer/{tenant}/customers/{n}/addresses/{id}", TENANT, number, managed), "country", "");

        assertEquals(added, patched);
        assertEquals(added, addedByBackOffice);
        assertEquals(added, replacedByBackOffice);
        assertEquals(added, patchedByBackOffice);
    }

    @Test
    void aMissingContactName_readsTheSameOnEveryOperationThatCreatesAnAddress() {
        String customerToken = loggedInCustomer().path("access_token");
        String manager = backOfficeToken(TENANT, "customer.customer_read", "customer.customer_manage");
        String number = backOffice().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("contactEmail", uniqueEmail("unnamed"))).queryParam("sendPasswordResetNotifications", false)
                .post("/customer/{tenant}/customers", TENANT).then().statusCode(201).extract().path("id");
        Map<String, Object> unnamed = Map.of("city", "Berlin", "country", "DE");

        List<String> added = detailOf(as(customerToken).contentType(ContentType.JSON).body(unnamed)
                .post("/customer/{tenant}/me/addresses", TENANT), "contactName", "");
        List<String> addedByBackOffice = detailOf(backOffice().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(unnamed).post("/customer/{tenant}/customers/{n}/addresses", TENANT, number), "contactName", "");
        // a PUT of an address the customer does not have yet creates it, and validates it there
        List<String> createdByPut = detailOf(backOffice().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(unnamed).put("/customer/{tenant}/customers/{n}/addresses/{id}", TENANT, number, "new-one"),
                "contactName", "");

        assertEquals("missing_value", added.get(1));
        assertEquals(added, addedByBackOffice);
        assertEquals(added, createdByPut);
    }
}
