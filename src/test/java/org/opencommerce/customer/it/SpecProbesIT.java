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

    /** A token and valid path values for one operation's probes. */
    private record Target(String token, Map<String, String> valid) {
    }

    private static int probeAll(String specLocation, java.util.concurrent.Callable<Target> targets) throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI spec = new OpenAPIV3Parser().read(specLocation, null, options);
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
