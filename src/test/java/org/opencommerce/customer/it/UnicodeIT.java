package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.loggedInCustomer;
import static org.opencommerce.customer.it.Api.login;
import static org.opencommerce.customer.it.Api.signup;
import static org.opencommerce.customer.it.Faults.isFault;

/** Text as people write it: accents, case, emoji. Never a 5xx, never the wrong account. */
class UnicodeIT extends ServiceDeployment {

    private static final String ADDRESSES = "/customer/{tenant}/me/addresses";

    @Test
    void emailsDifferingInAnAccent_areTwoAccounts_andNeverLogIntoEachOther() {
        String local = "j" + UUID.randomUUID().toString().substring(0, 6);
        String accented = local + "ö@example.com";
        String plain = local + "o@example.com";
        signup(anonymousToken(), TENANT, Map.of("email", accented, "password", PASSWORD)).then().statusCode(201);
        isFault(login(anonymousToken(), TENANT, plain, PASSWORD).then(), "oauth.v2.InvalidCredentials");
        signup(anonymousToken(), TENANT, Map.of("email", plain, "password", "another " + PASSWORD)).then().statusCode(201);
        String plainToken = login(anonymousToken(), TENANT, plain, "another " + PASSWORD).then().statusCode(200)
                .extract().path("access_token");
        as(plainToken).get("/customer/{tenant}/validateauthtoken", TENANT).then().body("email", equalTo(plain));
        // the same address in upper case and in decomposed form (o + combining diaeresis) is the same login
        String decomposedUpper = (local + "o\u0308@EXAMPLE.com").toUpperCase();
        login(anonymousToken(), TENANT, decomposedUpper, PASSWORD).then().statusCode(200);
        signup(anonymousToken(), TENANT, Map.of("email", decomposedUpper, "password", PASSWORD)).then().statusCode(409);
    }

    @Test
    void tagsDifferingInCaseOrAccent_areDifferentTags_andRepeatsAreKeptOnce() {
        String token = loggedInCustomer().path("access_token");
        String id = as(token).contentType(ContentType.JSON)
                .body(Map.of("contactName", "Ada", "tags", List.of("Home", "HOME", "Home ", "cafe\u0301", "café")))
                .post(ADDRESSES, TENANT).then().statusCode(201).extract().path("id");
        as(token).queryParam("tags", "billing,BILLING,cafe").post(ADDRESSES + "/{id}/tags", TENANT, id).then().statusCode(204);
        as(token).queryParam("tags", "billing").post(ADDRESSES + "/{id}/tags", TENANT, id).then().statusCode(204);
        as(token).get(ADDRESSES + "/{id}", TENANT, id).then().statusCode(200)
                .body("tags", containsInAnyOrder("Home", "HOME", "café", "billing", "BILLING", "cafe"));
        as(token).queryParam("tags", "HOME,cafe\u0301").delete(ADDRESSES + "/{id}/tags", TENANT, id).then().statusCode(204);
        as(token).get(ADDRESSES + "/{id}", TENANT, id).then()
                .body("tags", containsInAnyOrder("Home", "billing", "BILLING", "cafe"));
    }

    @Test
    void fourByteCharacters_roundTripInEveryTextField() {
        String token = loggedInCustomer().path("access_token");
        String emoji = "😀𝄞";
        Map<String, Object> profile = new LinkedHashMap<>();
        for (String field : List.of("title", "firstName", "middleName", "lastName", "contactPhone", "company", "preferredSite")) {
            profile.put(field, field.substring(0, 3) + emoji);
        }
        profile.put("mixins", Map.of("note", emoji));
        as(token).contentType(ContentType.JSON).body(profile).patch("/customer/{tenant}/me", TENANT).then().statusCode(200);
        var me = as(token).get("/customer/{tenant}/me", TENANT).then().statusCode(200);
        profile.forEach((field, value) -> me.body(field, equalTo(value)));

        Map<String, Object> address = new LinkedHashMap<>();
        for (String field : List.of("contactName", "companyName", "street", "streetNumber", "streetAppendix", "extraLine1",
                "extraLine2", "extraLine3", "extraLine4", "zipCode", "city", "state", "contactPhone")) {
            address.put(field, field.substring(0, 3) + emoji);
        }
        address.put("tags", List.of("🏠" + emoji));
        address.put("mixins", Map.of("note", emoji));
        String id = as(token).contentType(ContentType.JSON).body(address).post(ADDRESSES, TENANT).then().statusCode(201)
                .extract().path("id");
        var stored = as(token).get(ADDRESSES + "/{id}", TENANT, id).then().statusCode(200);
        address.forEach((field, value) -> stored.body(field, equalTo(value)));
    }

    @Test
    void everyTextColumn_isUtf8mb4WithAnExactCollation() throws Exception {
        List<String> others = new ArrayList<>();
        try (Connection db = TestDatabase.connect(); Statement query = db.createStatement();
             ResultSet columns = query.executeQuery("SELECT table_name, column_name, character_set_name, collation_name "
                     + "FROM information_schema.columns WHERE table_schema = DATABASE() AND character_set_name IS NOT NULL "
                     + "AND table_name NOT LIKE 'DATABASECHANGELOG%'")) {
            while (columns.next()) {
                if (!"utf8mb4".equals(columns.getString(3)) || !"utf8mb4_nopad_bin".equals(columns.getString(4))) {
                    others.add(columns.getString(1) + "." + columns.getString(2) + " " + columns.getString(4));
                }
            }
        }
        assertEquals(List.of(), others);
    }
}
