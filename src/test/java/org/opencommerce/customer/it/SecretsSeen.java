package org.opencommerce.customer.it;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.exception.JsonPathException;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret the suite sends or receives (passwords, access and refresh tokens, mailed tokens, Basic credentials),
 * so that {@link ServerLogAuditIT} can check that none of them reached a server log.
 */
public final class SecretsSeen implements Filter {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<String> REQUEST_FIELDS = List.of("password", "currentPassword", "newPassword",
            "signup.password", "socialLogin.clientSecret", "code_verifier");
    private static final List<String> RESPONSE_FIELDS = List.of("access_token", "refresh_token", "saas_token",
            "social_access_token", "social_id_token");
    private static final List<String> QUERY_PARAMS = List.of("accessToken", "refreshToken", "token", "code_verifier");
    /** Shorter strings (a tenant name, "true") would match by chance; every real secret here is longer. */
    private static final int MIN_LENGTH = 8;

    static final SecretsSeen FILTER = new SecretsSeen();

    private SecretsSeen() {
    }

    public static void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            SECRETS.add(secret);
        }
    }

    public static Set<String> all() {
        return Set.copyOf(SECRETS);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        collectFromRequest(request, response.statusCode() != 401);
        collectFromResponse(response);
        return response;
    }

    /**
     * Credentials the server refused (forged, expired, wrong) are no secrets: the server may name a refused token in
     * its log (Liberty's MicroProfile JWT realm does).
     */
    private static void collectFromRequest(FilterableRequestSpecification request, boolean accepted) {
        String authorization = accepted ? request.getHeaders().getValue("Authorization") : null;
        if (authorization != null && authorization.startsWith("Bearer ")) {
            add(authorization.substring(7));
        } else if (authorization != null && authorization.startsWith("Basic ")) {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            add(credentials.substring(credentials.indexOf(':') + 1));
        }
        QUERY_PARAMS.forEach(name -> {
            Object value = request.getQueryParams().get(name);
            add(value == null ? null : value.toString());
        });
        String body = request.getBody() == null ? null : bodyText(request.getBody());
        addFields(body, REQUEST_FIELDS);
    }

    private static void collectFromResponse(Response response) {
        String contentType = response.getContentType();
        if (contentType != null && contentType.contains("json")) {
            addFields(response.asString(), RESPONSE_FIELDS);
        }
    }

    private static String bodyText(Object body) {
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : body.toString().trim();
    }

    /** The string fields at paths of a JSON object (some tests send malformed JSON on purpose: it holds none). */
    private static void addFields(String json, List<String> paths) {
        if (json == null || !json.startsWith("{")) {
            return;
        }
        try {
            JsonPath parsed = JsonPath.from(json);
            for (String path : paths) {
                if (parsed.get(path) instanceof String text) {
                    add(text);
                }
            }
        } catch (JsonPathException malformed) {
            // no secret in it
        }
    }
}
