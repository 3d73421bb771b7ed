package org.opencommerce.customer.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.loggedInCustomer;
import static org.opencommerce.customer.it.RawHttp.assertReady;
import static org.opencommerce.customer.it.RawHttp.assertSpecAnswer;
import static org.opencommerce.customer.it.RawHttp.send;

/**
 * The spec read as an attacker reads it: every operation gets hostile path values, hostile query values, hostile
 * bodies (wrong shapes, wrong types and hostile strings in every field of its example). No answer may be a 5xx or
 * leave the spec's error shapes, and the service must still be ready after each operation's probes.
 */
class SpecProbesIT extends ServiceDeployment {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Values for path segments, already URL-encoded. Paths the servlet container itself refuses to decode (an encoded
     * slash, NUL, a bad escape) never reach the service: ServerRefusalsIT covers them.
     */
    private static final List<String> HOSTILE_PATH_VALUES = List.of("DEMO", "ab", "x".repeat(300), "..", "%2E%2E",
            "%F0%9F%98%80", "%C3%A9", "1%20OR%201%3D1", "%3Cscript%3E", "%25", "-1", "9".repeat(40), "a;b=c");

    /** Values for query parameters, encoded when sent; the last ones are sent raw (bytes that are not UTF-8). */
    private static final List<String> HOSTILE_QUERY_VALUES = List.of("x".repeat(4000), "'; DROP TABLE customer; --",
            "😀".repeat(50), "\u0000", "\u202e\u0301", "-1", "1e309", "<script>alert(1)</script>", ",,,,", " ",
            "a,b,".repeat(300));
    private static final List<String> RAW_QUERY_VALUES = List.of("%FF%FE", "%C0%80", "%", "%%%");

    private static final List<JsonNode> HOSTILE_FIELD_VALUES = List.of(
            NODES.textNode("x".repeat(5000)), NODES.textNode("\u0000"), NODES.textNode("😀".repeat(60)),
            NODES.textNode("\u202e\u0301 ǅ ß İ ﬁ"), NODES.textNode(""), NODES.textNode("   "),
            NODES.numberNode(123), NODES.numberNode(-1e300), NODES.booleanNode(true), NODES.nullNode(),
            NODES.objectNode().put("a", 1), NODES.arrayNode().add("x").add(1), NODES.arrayNode().add(NODES.objectNode()));

    private static final List<String> HOSTILE_BODIES = List.of("{}", "[]", "null", "\"x\"", "0", "true", "{\"\": {}}",
            "{\"email\": {\"$gt\": \"\"}}");

    @Test
    void everyOperation_answersHostileInputInTheSpecsShapes_andStaysReady() throws Exception {
        int probes = probeAll(System.getProperty("it.spec"), () -> {
            String token = loggedInCustomer().path("access_token");
            String addressId = as(token).contentType(ContentType.JSON).body(Map.of("contactName", "Ada", "country", "DE"))
                    .post("/customer/{tenant}/me/addresses", TENANT).then().statusCode(201).extract().path("id");
            return new Target(token, Map.of("tenant", TENANT, "addressId", addressId, "token", "x"));
        });
        assertTrue(probes > 1000, "only " + probes + " probes ran");
    }

    @Test
    void everyBackOfficeOperation_answersHostileInputInTheSpecsShapes_andStaysReady() throws Exception {
        Api.Tenant tenant = Api.newTenantWithClient();
        String token = Api.backOfficeToken(tenant.name(), "customer.customer_read", "customer.customer_manage",
                "customer.import_read", "customer.import_manage");
        int probes = probeAll(System.getProperty("it.backoffice.spec"), () -> {
            String customer = Api.backOffice().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("contactEmail", Api.uniqueEmail("probed"))).queryParam("sendPasswordResetNotifications", false)
                    .post("/customer/{tenant}/customers", tenant.name()).then().statusCode(201).extract().path("id");
            String addressId = Api.backOffice().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("contactName", "Ada", "country", "DE"))
                    .post("/customer/{tenant}/customers/{id}/addresses", tenant.name(), customer).then().statusCode(201)
                    .extract().path("id");
            return new Target(token, Map.of("tenant", tenant.name(), "customerNumber", customer, "addressId", addressId));
        });
        assertTrue(probes > 1000, "only " + probes + " probes ran");
    }

    @Test
    void everyTypedParameterOfBothContracts_answersMalformedValuesWith400NamingIt() throws Exception {
        String token = loggedInCustomer().path("access_token");
        probeTypedParameters(System.getProperty("it.spec"),
                new Target(token, Map.of("tenant", TENANT, "addressId", "x", "token", "x")));
        Api.Tenant tenant = Api.newTenantWithClient();
        String manager = Api.backOfficeToken(tenant.name(), "customer.customer_read", "customer.customer_manage",
                "customer.import_read", "customer.import_manage");
        int backOffice = probeTypedParameters(System.getProperty("it.backoffice.spec"),
                new Target(manager, Map.of("tenant", tenant.name(), "customerNumber", "99999999996", "addressId", "x")));
        // the tenant-managed contract pages its lists (pageNumber, pageSize) and says whether to mail the password reset;
        // the customer-managed one has no typed parameter today, and gets these probes for any it adds
        assertTrue(backOffice >= 6 * MALFORMED_BOOLEANS.size(), "only " + backOffice + " back-office probes ran");
    }

    @Test
    void theAdminApisTypedParameters_answerMalformedValuesWith400NamingThem() {
        Api.Tenant tenant = Api.newTenantWithClient();
        String subscription = Api.admin().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:1/hook", "eventTypes", List.of("customer.created")))
                .post("/admin/tenants/{tenant}/webhooks", tenant.name()).then().statusCode(201).extract().path("id");
        String deliveries = "/admin/tenants/" + tenant.name() + "/webhooks/" + subscription + "/deliveries";
        for (String value : List.of("abc", "1.5", "0", "1001", "9".repeat(30))) {
            assertNamesParameter(send("GET", "/admin/audit?limit=" + value, Api.operatorToken(), null, null), "limit");
            assertNamesParameter(send("GET", deliveries + "?limit=" + value, Api.operatorToken(), null, null), "limit");
        }
        assertNamesParameter(send("GET", deliveries + "?state=lost", Api.operatorToken(), null, null), "state");
        assertNamesParameter(send("POST", deliveries + "/abc/redeliver", Api.operatorToken(), null, null), "deliveryId");
        assertNamesParameter(send("POST", deliveries + "/1.5/redeliver", Api.operatorToken(), null, null), "deliveryId");
        assertNamesParameter(send("DELETE", "/admin/tenants/" + tenant.name() + "?force=maybe", Api.operatorToken(), null,
                null), "force");
        Api.admin().get("/admin/tenants/{tenant}", tenant.name()).then().statusCode(200);
    }

    private static final List<String> MALFORMED_NUMBERS = List.of("abc", "1.5", "1e3", "", "0x10", "9".repeat(30));
    private static final List<String> MALFORMED_BOOLEANS = List.of("maybe", "1", "yes", "");

    /**
     * Sends malformed values to each integer, number, boolean or enum parameter (path or query) of the spec's
     * operations, and below a minimum or above a maximum it declares; answers how many probes ran.
     */
    private static int probeTypedParameters(String specLocation, Target target) {
        int probes = 0;
        for (Map.Entry<String, PathItem> path : read(specLocation).getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                String method = entry.getKey().name();
                // no body: an operation's parameters are read whether or not its (optional) body is there
                String contentType = entry.getValue().getRequestBody() == null ? null : "application/json";
                List<Parameter> parameters = entry.getValue().getParameters() == null ? List.of()
                        : entry.getValue().getParameters();
                for (Parameter parameter : parameters) {
                    for (String malformed : malformedValues(parameter)) {
                        String encoded = URLEncoder.encode(malformed, StandardCharsets.UTF_8);
                        String request = "path".equals(parameter.getIn())
                                ? fill(path.getKey(), target.valid(), parameter.getName(), encoded)
                                : fill(path.getKey(), target.valid(), null, null) + "?" + parameter.getName() + "=" + encoded;
                        assertNamesParameter(send(method, request, target.token(), contentType, null), parameter.getName());
                        probes++;
                    }
                }
            }
        }
        return probes;
    }

    /** What the parameter's schema refuses: words for numbers, fractions for integers, the range's neighbours. */
    private static List<String> malformedValues(Parameter parameter) {
        if (!"query".equals(parameter.getIn()) && !"path".equals(parameter.getIn()) || parameter.getSchema() == null) {
            return List.of();
        }
        io.swagger.v3.oas.models.media.Schema<?> schema = parameter.getSchema();
        List<String> values = new ArrayList<>();
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            values.add("not-one-of-them");
        }
        if ("integer".equals(schema.getType()) || "number".equals(schema.getType())) {
            values.addAll("number".equals(schema.getType()) ? List.of("abc", "") : MALFORMED_NUMBERS);
            if (schema.getMinimum() != null) {
                values.add(schema.getMinimum().subtract(java.math.BigDecimal.ONE).toPlainString());
            }
            if (schema.getMaximum() != null) {
                values.add(schema.getMaximum().add(java.math.BigDecimal.ONE).toPlainString());
            }
        }
        if ("boolean".equals(schema.getType())) {
            values.addAll(MALFORMED_BOOLEANS);
        }
        return values;
    }

    /** The spec's 400 ErrorMessage, with a detail (or else the message) naming the parameter. */
    private static void assertNamesParameter(HttpResponse<String> answer, String parameter) {
        String probe = parameter + ": " + answer.uri();
        assertEquals(400, answer.statusCode(), probe + " answered " + answer.statusCode() + " " + answer.body());
        assertSpecAnswer(answer, probe);
        try {
            JsonNode body = JSON.readTree(answer.body());
            assertEquals(400, body.path("status").asInt(), probe + " " + answer.body());
            boolean named = body.path("message").asText().contains(parameter);
            for (JsonNode detail : body.path("details")) {
                named |= parameter.equals(detail.path("field").asText());
            }
            assertTrue(named, probe + " does not name " + parameter + ": " + answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(probe + " answered no JSON: " + answer.body(), e);
        }
    }

    private static OpenAPI read(String specLocation) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().read(specLocation, null, options);
    }

    /** A token and valid path values for one operation's probes. */
    private record Target(String token, Map<String, String> valid) {
    }

    private static int probeAll(String specLocation, java.util.concurrent.Callable<Target> targets) throws Exception {
        OpenAPI spec = read(specLocation);
        int probes = 0;
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                probes += probe(path.getKey(), entry.getKey().name(), entry.getValue(), targets.call());
                assertReady(entry.getKey() + " " + path.getKey());
            }
        }
        return probes;
    }

    private static int probe(String template, String method, Operation operation, Target target) throws Exception {
        String token = target.token();
        Map<String, String> valid = target.valid();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        JsonNode example = exampleBody(operation);
        String contentType = example == null ? null : "application/json";
        int probes = 0;

        for (Parameter parameter : parameters) {
            if ("path".equals(parameter.getIn())) {
                for (String hostile : HOSTILE_PATH_VALUES) {
                    String path = fill(template, valid, parameter.getName(), hostile);
                    check(send(method, path, token, contentType, bytes(example)), method + " " + path);
                    probes++;
                }
            }
        }
        String path = fill(template, valid, null, null);
        for (Parameter parameter : parameters) {
            if ("query".equals(parameter.getIn())) {
                for (String value : HOSTILE_QUERY_VALUES) {
                    String query = path + "?" + parameter.getName() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                    check(send(method, query, token, contentType, bytes(example)), method + " " + RawHttp.shorten(query));
                    probes++;
                }
                for (String value : RAW_QUERY_VALUES) {
                    String query = path + "?" + parameter.getName() + "=" + value;
                    check(RawHttp.sendRawTarget(method, query, token), method + " " + query);
                    probes++;
                }
            }
        }
        if (example != null) {
            for (String body : HOSTILE_BODIES) {
                check(send(method, path, token, contentType, body.getBytes(StandardCharsets.UTF_8)), method + " " + path + " " + body);
                probes++;
            }
            for (JsonNode body : withEachFieldHostile(example)) {
                check(send(method, path, token, contentType, bytes(body)), method + " " + path + " " + RawHttp.shorten(body.toString()));
                probes++;
            }
        }
        return probes;
    }

    private static void check(HttpResponse<String> answer, String probe) {
        assertSpecAnswer(answer, probe);
    }

    private static String fill(String template, Map<String, String> valid, String hostileName, String hostileValue) {
        String path = template;
        for (Map.Entry<String, String> value : valid.entrySet()) {
            String replacement = value.getKey().equals(hostileName) ? hostileValue : value.getValue();
            path = path.replace("{" + value.getKey() + "}", replacement);
        }
        return path;
    }

    /** The first example of the operation's JSON body, or null when it takes none. */
    private static JsonNode exampleBody(Operation operation) throws Exception {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        Object example = json.getExample();
        if (example == null && json.getExamples() != null) {
            Example first = json.getExamples().values().iterator().next();
            example = first.getValue();
        }
        JsonNode body = example == null ? NODES.objectNode() : JSON.readTree(JSON.writeValueAsString(example));
        // the examples' passwords are too common for the password policy; a strong one lets the other fields through
        for (String field : List.of("password", "newPassword")) {
            if (body.has(field)) {
                ((ObjectNode) body).put(field, "probe " + Api.PASSWORD);
            }
        }
        return body;
    }

    /** Copies of the body, each with one field (at any depth) replaced by one hostile value. */
    private static List<JsonNode> withEachFieldHostile(JsonNode body) {
        List<JsonNode> variants = new ArrayList<>();
        collect(body, body, variants);
        return variants;
    }

    private static void collect(JsonNode root, JsonNode node, List<JsonNode> variants) {
        if (!node.isObject()) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode original = node.get(name);
            for (JsonNode hostile : HOSTILE_FIELD_VALUES) {
                ((ObjectNode) node).set(name, hostile);
                variants.add(root.deepCopy());
            }
            ((ObjectNode) node).set(name, original);
            collect(root, original, variants);
        }
    }

    private static byte[] bytes(JsonNode body) {
        return body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
