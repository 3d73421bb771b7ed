package org.opencommerce.customer.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencommerce.customer.it.Api.givenOutsideSpec;

/**
 * The served contract (/openapi) is the spec: every operation of the spec, with its operationId and every status it
 * lists; beyond it only the documented additions (docs/decisions.md, "Compatibility").
 */
class OpenApiIT extends ServiceDeployment {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** "METHOD path status" the service documents beyond the spec (each is an answer it really gives). */
    private static final Set<String> ADDITIONS = Set.of(
            "patch /customer/{tenant}/me 409", "patch /customer/{tenant}/me/addresses/{addressId} 409",
            "post /customer/{tenant}/me/accounts/internal/email/change/confirm 409",
            "get /customerlogin/auth/anonymous/login 400", "get /customerlogin/auth/anonymous/login 401",
            "get /customerlogin/auth/anonymous/refresh 400", "get /customerlogin/auth/anonymous/refresh 401",
            "get /customerlogin/auth/anonymous/login 429", "post /customer/{tenant}/login 429",
            "post /customer/{tenant}/signup 429", "post /customer/{tenant}/password/reset 429",
            "post /customer/{tenant}/password/change 429", "post /customer/{tenant}/me/accounts/internal/email/change 429");

    @Test
    void theServedDocument_isTheSpecWithOnlyTheDocumentedAdditions() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(new File(System.getProperty("it.spec")));
        JsonNode served = new ObjectMapper().readTree(givenOutsideSpec().accept("application/json").get("/openapi")
                .then().statusCode(200).extract().asString());

        List<String> missing = new ArrayList<>();
        Set<String> extra = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode specified = path.getValue().path(method);
                if (specified.isMissingNode()) {
                    continue;
                }
                JsonNode answered = served.path("paths").path(path.getKey()).path(method);
                assertEquals(specified.path("operationId").asText(), answered.path("operationId").asText(),
                        method + " " + path.getKey());
                specified.path("responses").fieldNames().forEachRemaining(status -> {
                    if (answered.path("responses").path(status).isMissingNode()) {
                        missing.add(method + " " + path.getKey() + " " + status);
                    }
                });
                answered.path("responses").fieldNames().forEachRemaining(status -> {
                    if (specified.path("responses").path(status).isMissingNode() && !Set.of("413", "503").contains(status)) {
                        extra.add(method + " " + path.getKey() + " " + status);
                    }
                });
            }
        }
        assertEquals(List.of(), missing, "statuses of the spec missing from /openapi");
        assertEquals(ADDITIONS, extra, "statuses beyond the spec");
        assertTrue(served.path("paths").path("/customer/{tenant}/signup").path("post").path("responses").has("413"),
                "413 for operations with a body");
        assertTrue(served.path("paths").path("/customer/{tenant}/me").path("get").path("responses").has("503"),
                "503 for every operation (database down)");
        List<String> schemasMissing = new ArrayList<>();
        spec.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (!served.path("components").path("schemas").has(name)) {
                schemasMissing.add(name);
            }
        });
        assertEquals(List.of(), schemasMissing, "the spec's schemas are served");
    }

    @Test
    void everyOperationOfTheTenantManagedContract_isServedToo() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(new File(System.getProperty("it.backoffice.spec")));
        JsonNode served = new ObjectMapper().readTree(givenOutsideSpec().accept("application/json").get("/openapi")
                .then().statusCode(200).extract().asString());
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode specified = path.getValue().path(method);
                if (!specified.isMissingNode()) {
                    operations++;
                    assertEquals(specified.path("operationId").asText(),
                            served.path("paths").path(path.getKey()).path(method).path("operationId").asText(),
                            method + " " + path.getKey());
                }
            }
        }
        assertEquals(19, operations);
    }

    @Test
    void theServedDocument_isValidOpenApi_whereTheVendorsFileIsNot() throws Exception {
        JsonNode served = new ObjectMapper().readTree(givenOutsideSpec().accept("application/json").get("/openapi")
                .then().statusCode(200).extract().asString());
        assertFalse(served.path("info").path("version").asText().isBlank(), "info.version");
        assertFalse(served.path("components").path("responses").path("409_conflict").path("description").asText().isBlank());
        assertEquals(0, served.path("paths").path("/customer/{tenant}/me/accounts/internal").path("post").path("security")
                .path(0).path("CustomerAccessToken").size(), "no scopes on an HTTP bearer scheme");
    }

    @Test
    void theCompatibilityAliasesAndTheAdminApi_areDescribedToo() throws Exception {
        JsonNode served = new ObjectMapper().readTree(givenOutsideSpec().accept("application/json").get("/openapi")
                .then().statusCode(200).extract().asString());
        assertEquals("PUT-customer-update-customer",
                served.path("paths").path("/customer/{tenant}/me").path("put").path("operationId").asText());
        assertEquals("PUT-customer-update-customer-address",
                served.path("paths").path("/customer/{tenant}/me/addresses/{addressId}").path("put").path("operationId").asText());
        assertTrue(served.path("paths").has("/admin/tenants"), "the admin API");
        assertEquals("admin-update-client",
                served.path("paths").path("/admin/tenants/{tenant}/clients/{clientId}").path("patch").path("operationId").asText());
    }
}
