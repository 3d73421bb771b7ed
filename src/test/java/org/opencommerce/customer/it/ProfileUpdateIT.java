package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.anonymousToken;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.given;
import static org.opencommerce.customer.it.Api.loggedInCustomer;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isInvalidField;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

class ProfileUpdateIT extends ServiceDeployment {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static Response patch(String token, String contentType, Object body) {
        return as(token).contentType(contentType).body(body).patch("/customer/{tenant}/me", TENANT);
    }

    private static Response me(String token) {
        return as(token).get("/customer/{tenant}/me", TENANT);
    }

    @Test
    void patch_changesOnlyTheGivenFields() {
        String token = loggedInCustomer().path("access_token");
        patch(token, "application/json", Map.of("title", "DR", "contactPhone", "123456789", "preferredCurrency", "eur"))
                .then().statusCode(200);
        me(token).then()
                .body("title", equalTo("DR"))
                .body("contactPhone", equalTo("123456789"))
                .body("preferredCurrency", equalTo("EUR"))
                .body("firstName", equalTo("Ada"))
                .body("lastName", equalTo("Lovelace"))
                .body("metadata.version", equalTo(2));
    }

    @Test
    void mergePatch_nullRemovesAFieldAndResetsAPreferenceToItsDefault() {
        String token = loggedInCustomer().path("access_token");
        patch(token, MERGE_PATCH, Map.of("preferredLanguage", "de_DE", "company", "ACME")).then().statusCode(200);
        Map<String, Object> removal = new HashMap<>();
        removal.put("company", null);
        removal.put("preferredLanguage", null);
        patch(token, MERGE_PATCH, removal).then().statusCode(200);
        me(token).then()
                .body("company", nullValue())
                .body("preferredLanguage", equalTo("en_US"))
                .body("firstName", equalTo("Ada"));
    }

    @Test
    void mergePatch_storesMixinsAsGivenAndMergesThem() {
        String token = loggedInCustomer().path("access_token");
        patch(token, MERGE_PATCH, Map.of("mixins", Map.of("loyalty", Map.of("tier", "gold", "points", 10)))).then().statusCode(200);
        Map<String, Object> change = new HashMap<>();
        Map<String, Object> loyalty = new HashMap<>();
        loyalty.put("points", null);
        change.put("mixins", Map.of("loyalty", loyalty, "newsletter", true));
        patch(token, MERGE_PATCH, change).then().statusCode(200);
        me(token).then()
                .body("mixins.loyalty.tier", equalTo("gold"))
                .body("mixins.loyalty.points", nullValue())
                .body("mixins.newsletter", equalTo(true));
    }

    @Test
    void patch_cannotRemoveTheContactEmail() {
        String token = loggedInCustomer().path("access_token");
        Map<String, Object> removal = new HashMap<>();
        removal.put("contactEmail", null);
        isInvalidField(patch(token, MERGE_PATCH, removal).then(), "contactEmail");
    }

    @Test
    void patch_withCurrentVersion_isAppliedAndWithStaleVersion_is409() {
        String token = loggedInCustomer().path("access_token");
        patch(token, "application/json", Map.of("firstName", "Grace", "metadata", Map.of("version", 1))).then().statusCode(200);
        isError(patch(token, "application/json", Map.of("firstName", "Ada", "metadata", Map.of("version", 1))).then(),
                409, "conflict_resource");
        me(token).then().body("firstName", equalTo("Grace")).body("metadata.version", equalTo(2));
    }

    @Test
    void twoRacingPatchesWithTheSameVersion_oneWinsOneIs409() throws Exception {
        String token = loggedInCustomer().path("access_token");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String name : List.of("Grace", "Barbara")) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return patch(token, "application/json", Map.of("firstName", name, "metadata", Map.of("version", 1))).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            codes.sort(Integer::compare);
            assertEquals(List.of(200, 409), codes);
        } finally {
            pool.shutdownNow();
        }
        me(token).then().body("metadata.version", equalTo(2));
    }

    @Test
    void patch_withInvalidValues_is400WithDetails() {
        String token = loggedInCustomer().path("access_token");
        isInvalidField(patch(token, "application/json", Map.of("preferredCurrency", "EURO")).then(), "preferredCurrency");
        isInvalidField(patch(token, "application/json", Map.of("contactEmail", "not-an-email")).then(), "contactEmail");
        isInvalidField(patch(token, "application/json", Map.of("firstName", "x".repeat(101))).then(), "firstName");
    }

    @Test
    void patch_b2bWithoutCompany_is400() {
        String token = loggedInCustomer().path("access_token");
        isInvalidField(patch(token, "application/json", Map.of("b2b", Map.of("companyRegistrationId", "42"))).then(), "company");
    }

    @Test
    void patch_b2bWithCompany_storesTheCompanyRegistration() {
        String token = loggedInCustomer().path("access_token");
        patch(token, "application/json", Map.of("company", "ACME", "b2b", Map.of("companyRegistrationId", "42"))).then().statusCode(200);
        me(token).then().body("businessModel", equalTo("B2C")).body("b2b.companyRegistrationId", equalTo("42"));
    }

    @Test
    void patch_withWrongTypesOrMalformedJson_is400() {
        String token = loggedInCustomer().path("access_token");
        isError(patch(token, "application/json", "{\"firstName\": ").then(), 400, "bad_request");
        isError(patch(token, "application/json", "[]").then(), 400, "bad_request");
        isError(patch(token, "application/json", Map.of("b2b", "yes")).then(), 400, "bad_request");
        isError(patch(token, "application/json", Map.of("metadata", Map.of("version", "one"))).then(), 400, "bad_request");
    }

    @Test
    void patch_withAnAnonymousToken_is403() {
        isError(patch(anonymousToken(), "application/json", Map.of("firstName", "X")).then(), 403, "forbidden");
    }

    @Test
    void patch_withoutToken_is401() {
        isInvalidToken(given().contentType(ContentType.JSON).body(Map.of("firstName", "X"))
                .patch("/customer/{tenant}/me", TENANT).then());
    }
}
