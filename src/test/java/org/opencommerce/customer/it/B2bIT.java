package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.admin;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.loggedInCustomer;
import static org.opencommerce.customer.it.Faults.isInvalidField;

/** B2B: customers belong to legal entities (managed through the admin API); a refresh selects one for the login. */
class B2bIT extends ServiceDeployment {

    private static String newLegalEntity(String name) {
        String id = "le-" + UUID.randomUUID().toString().substring(0, 8);
        admin().contentType(ContentType.JSON).body(Map.of("id", id, "name", name))
                .post("/admin/tenants/{tenant}/legal-entities", TENANT).then().statusCode(201).body("id", equalTo(id));
        return id;
    }

    private static Response refresh(String accessToken, String refreshToken, String legalEntityId) {
        var request = as(accessToken).queryParam("refreshToken", refreshToken);
        if (legalEntityId != null) {
            request.queryParam("legalEntityId", legalEntityId);
        }
        return request.get("/customer/{tenant}/refreshauthtoken", TENANT);
    }

    @Test
    void aMemberOfALegalEntity_isB2B_andARefreshSelectsTheEntityForTheLogin() {
        String acme = newLegalEntity("ACME");
        String other = newLegalEntity("Other Corp");
        Response login = loggedInCustomer();
        String token = login.path("access_token");
        String customerNumber = as(token).get("/customer/{tenant}/me", TENANT).then().statusCode(200)
                .body("businessModel", equalTo("B2C")).body("b2b", nullValue()).extract().path("customerNumber");

        admin().put("/admin/tenants/{tenant}/legal-entities/{id}/members/{customer}", TENANT, acme, customerNumber)
                .then().statusCode(204);
        as(token).get("/customer/{tenant}/me", TENANT).then().statusCode(200)
                .body("businessModel", equalTo("B2B"))
                .body("b2b.legalEntities", equalTo(List.of(Map.of("id", acme, "name", "ACME"))));

        isInvalidField(refresh(token, login.path("refresh_token"), other).then(), "legalEntityId");
        Response selected = refresh(token, login.path("refresh_token"), acme);
        selected.then().statusCode(200);
        as(selected.<String>path("access_token")).get("/customer/{tenant}/validateauthtoken", TENANT).then()
                .statusCode(200).body("legalEntityId", equalTo(acme));
        // the login keeps its legal entity on later refreshes
        Response later = refresh(anonymousToken(), selected.path("refresh_token"), null);
        as(later.<String>path("access_token")).get("/customer/{tenant}/validateauthtoken", TENANT).then()
                .body("legalEntityId", equalTo(acme));

        admin().delete("/admin/tenants/{tenant}/legal-entities/{id}/members/{customer}", TENANT, acme, customerNumber)
                .then().statusCode(204);
        as(token).get("/customer/{tenant}/me", TENANT).then().body("businessModel", equalTo("B2C"));
    }

    @Test
    void me_listsEveryLegalEntityByName_withOneLoginAndTheDefaultAddressWithAllItsTags() {
        String zeta = newLegalEntity("Zeta Logistics");
        String alpha = newLegalEntity("Alpha Trading");
        String token = loggedInCustomer().path("access_token");
        String customerNumber = as(token).get("/customer/{tenant}/me", TENANT).path("customerNumber");
        as(token).contentType(ContentType.JSON).body(Map.of("contactName", "Jane Roe", "street", "Main Street",
                        "zipCode", "10115", "city", "Berlin", "country", "DE", "tags", List.of("BILLING", "SHIPPING")))
                .post("/customer/{tenant}/me/addresses", TENANT).then().statusCode(201);
        for (String entity : List.of(zeta, alpha)) {
            admin().put("/admin/tenants/{tenant}/legal-entities/{id}/members/{customer}", TENANT, entity, customerNumber)
                    .then().statusCode(204);
        }
        // one read joins the logins and the legal entities: neither may repeat the other's rows
        as(token).get("/customer/{tenant}/me", TENANT).then().statusCode(200)
                .body("b2b.legalEntities.name", contains("Alpha Trading", "Zeta Logistics"))
                .body("accounts", hasSize(1))
                .body("defaultAddress.tags", containsInAnyOrder("BILLING", "SHIPPING"))
                .body("addresses", nullValue());
    }

    @Test
    void theAdminApi_refusesUnknownLegalEntitiesAndCustomers_andTakenIds() {
        String acme = newLegalEntity("ACME");
        admin().put("/admin/tenants/{tenant}/legal-entities/{id}/members/{customer}", TENANT, "nope", "10000000")
                .then().statusCode(404);
        admin().put("/admin/tenants/{tenant}/legal-entities/{id}/members/{customer}", TENANT, acme, "not-a-number")
                .then().statusCode(400);
        admin().contentType(ContentType.JSON).body(Map.of("id", acme, "name", "again"))
                .post("/admin/tenants/{tenant}/legal-entities", TENANT).then().statusCode(409);
        admin().get("/admin/tenants/{tenant}/legal-entities", TENANT).then().statusCode(200);
        admin().delete("/admin/tenants/{tenant}/legal-entities/{id}", TENANT, acme).then().statusCode(204);
    }
}
