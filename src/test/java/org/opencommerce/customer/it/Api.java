package org.opencommerce.customer.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.PathItem;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.anyOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.methodIs;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.pathContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.responseStatusIs;

/**
 * The one test helper of the integration suite: requests whose every answer is validated against the spec's schema
 * for its operation and status, and the fixtures (an anonymous token, a signed-up customer, a logged-in customer).
 */
public final class Api {

    /**
     * The one list of answers the contract does not declare and the service gives on purpose (README,
     * "Compatibility"; the same statuses /openapi adds): every other status outside the spec fails a test.
     */
    private static final ValidationErrorsWhitelist DEVIATIONS = ValidationErrorsWhitelist.create()
            .withRule("429 where requests are throttled", allOf(messageHasKey("validation.response.status.unknown"),
                    responseStatusIs(429), pathContainsRegexp(
                            "/(customerlogin/auth/anonymous/login|customer/[^/]+/(login|signup|password/reset|password/change|me/accounts/internal/email/change))$")))
            .withRule("409 for a stale metadata.version", allOf(messageHasKey("validation.response.status.unknown"),
                    responseStatusIs(409), methodIs(PathItem.HttpMethod.PATCH),
                    pathContainsRegexp("/customer/[^/]+/me(/addresses/[^/]+)?$")))
            .withRule("409 when the new email became taken before confirmation", allOf(
                    messageHasKey("validation.response.status.unknown"), responseStatusIs(409),
                    pathContainsRegexp("/me/accounts/internal/email/change/confirm$")))
            .withRule("400 and 401 of the anonymous login and refresh", allOf(
                    messageHasKey("validation.response.status.unknown"), anyOf(responseStatusIs(400), responseStatusIs(401)),
                    pathContainsRegexp("/customerlogin/auth/anonymous/(login|refresh)$")))
            .withRule("validateauthtoken's 401 has the fault body every other 401 has", allOf(
                    messageHasKey("validation.response.body.unexpected"), responseStatusIs(401),
                    pathContainsRegexp("/validateauthtoken$")))
            .withRule("PUT is an alias of PATCH on the profile and an address", allOf(methodIs(PathItem.HttpMethod.PUT),
                    pathContainsRegexp("/customer/[^/]+/me(/addresses/[^/]+)?$")))
            .withRule("a PATCH answers the changed profile or address (with its new metadata.version)", allOf(
                    messageHasKey("validation.response.body.unexpected"), responseStatusIs(200),
                    methodIs(PathItem.HttpMethod.PATCH), pathContainsRegexp("/customer/[^/]+/me(/addresses/[^/]+)?$")));

    public static final String TENANT = "demo";
    public static final String CLIENT_ID = "demo-storefront";
    public static final String PASSWORD = "correct horse 42";

    private static final OpenApiValidationFilter CONTRACT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(System.getProperty("it.spec"))
                    // allOf schemas (CustomerToken, ...) are merged before checking, else each part rejects the others' fields
                    .withResolveCombinators(true)
                    .withLevelResolver(LevelResolver.create()
                            // Requests are often wrong on purpose here: only the answers are checked.
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            // Fields the spec's schemas omit but its examples and the upstream docs show (the
                            // anonymous refresh_token, ...) are answered; the tests assert each field by name.
                            .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                            .build())
                    .withWhitelist(DEVIATIONS)
                    .build());

    /**
     * The back-office answers the tenant-managed contract does not declare (README, "Back office"): an ErrorMessage
     * where the spec names a status without a body, a PATCH that answers what it changed, 409 for a stale
     * metadata.version or an address id of another customer, 503 (every operation).
     */
    private static final ValidationErrorsWhitelist BACK_OFFICE_DEVIATIONS = ValidationErrorsWhitelist.create()
            .withRule("an ErrorMessage body on the statuses the spec gives without one", allOf(
                    messageHasKey("validation.response.body.unexpected"),
                    anyOf(responseStatusIs(404), responseStatusIs(400))))
            .withRule("a PATCH answers the changed customer or address", allOf(
                    messageHasKey("validation.response.body.unexpected"), responseStatusIs(200),
                    methodIs(PathItem.HttpMethod.PATCH)))
            .withRule("409 for a stale metadata.version or an address id of another customer", allOf(
                    messageHasKey("validation.response.status.unknown"), responseStatusIs(409)))
            .withRule("404 for a customer number that names no customer", allOf(
                    messageHasKey("validation.response.status.unknown"), responseStatusIs(404)));

    private static final OpenApiValidationFilter BACK_OFFICE_CONTRACT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(System.getProperty("it.backoffice.spec"))
                    .withResolveCombinators(true)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                            .build())
                    .withWhitelist(BACK_OFFICE_DEVIATIONS)
                    .build());

    private Api() {
    }

    /** A request to the tenant-managed (back-office) API whose answer must match its contract. */
    public static RequestSpecification backOffice() {
        return RestAssured.given(new RequestSpecBuilder().setBaseUri(baseUri()).addFilter(ClientAddress.FRESH_UNLESS_GIVEN)
                .addFilter(SecretsSeen.FILTER).addFilter(BACK_OFFICE_CONTRACT).build());
    }

    /** A back-office request with the token of a new client of the tenant holding these scopes. */
    public static RequestSpecification backOffice(String tenant, String... scopes) {
        return backOffice().auth().oauth2(backOfficeToken(tenant, scopes));
    }

    /** The client-credentials token of a new back-office client of the tenant with these scopes. */
    public static String backOfficeToken(String tenant, String... scopes) {
        Response registered = admin().contentType(ContentType.JSON)
                .body(Map.of("name", "back office", "scopes", java.util.List.of(scopes)))
                .post("/admin/tenants/{tenant}/api-clients", tenant);
        registered.then().statusCode(201);
        Response token = clientToken(registered.path("clientId"), registered.path("secret"));
        token.then().statusCode(200);
        return token.path("access_token");
    }

    public static String baseUri() {
        return "http://127.0.0.1:" + System.getProperty("it.http.port");
    }

    /** A request whose answer must match the spec. */
    public static RequestSpecification given() {
        return givenAt(baseUri());
    }

    /** A request to another server under test (Payara) whose answer must match the spec. */
    public static RequestSpecification givenAt(String baseUri) {
        return RestAssured.given(new RequestSpecBuilder().setBaseUri(baseUri).addFilter(ClientAddress.FRESH_UNLESS_GIVEN)
                .addFilter(SecretsSeen.FILTER).addFilter(CONTRACT).build());
    }

    /** A request to something the spec does not describe (health, openapi). */
    public static RequestSpecification givenOutsideSpec() {
        return RestAssured.given().baseUri(baseUri()).filter(ClientAddress.FRESH_UNLESS_GIVEN).filter(SecretsSeen.FILTER);
    }

    public static RequestSpecification as(String accessToken) {
        return given().header("Authorization", "Bearer " + accessToken);
    }

    public static final String OPERATOR = "admin";
    public static final String OPERATOR_SECRET = "it-admin-secret";

    private static String operatorToken;
    private static Instant operatorTokenRenewal = Instant.MIN;

    /** A request to the admin API as the suite's operator. */
    public static RequestSpecification admin() {
        return givenOutsideSpec().auth().oauth2(operatorToken());
    }

    /** The suite operator's client-credentials token (a new one once half its lifetime is over). */
    public static synchronized String operatorToken() {
        if (Instant.now().isAfter(operatorTokenRenewal)) {
            Response answer = clientToken(OPERATOR, OPERATOR_SECRET);
            answer.then().statusCode(200);
            operatorToken = answer.path("access_token");
            operatorTokenRenewal = Instant.now().plusSeconds(answer.<Integer>path("expires_in") / 2);
        }
        return operatorToken;
    }

    /** POST /oauth/token with client credentials in HTTP Basic. */
    public static Response clientToken(String clientId, String secret) {
        return givenOutsideSpec().auth().preemptive().basic(clientId, secret)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth/token");
    }

    /** A new tenant, created through the admin API, with one storefront client of the given web origins. */
    public static Tenant newTenantWithClient(String... allowedOrigins) {
        return newTenantWithClient(Map.of(), allowedOrigins);
    }

    /** A new tenant with these settings (admin API), with one storefront client of the given web origins. */
    public static Tenant newTenantWithClient(Map<String, Object> settings, String... allowedOrigins) {
        String tenant = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> withName = new java.util.HashMap<>(settings);
        withName.put("tenant", tenant);
        admin().contentType(ContentType.JSON).body(withName).post("/admin/tenants").then().statusCode(201);
        String clientId = admin().contentType(ContentType.JSON)
                .body(Map.of("name", "web shop", "allowedOrigins", java.util.List.of(allowedOrigins)))
                .post("/admin/tenants/{tenant}/clients", tenant).then().statusCode(201).extract().path("clientId");
        return new Tenant(tenant, clientId);
    }

    /** A tenant and its storefront client's id. */
    public record Tenant(String name, String clientId) {
    }

    public static Response anonymousLogin(String tenant, String clientId) {
        return given().queryParam("tenant", tenant).queryParam("client_id", clientId)
                .get("/customerlogin/auth/anonymous/login");
    }

    /** A fresh anonymous token of the demo tenant. */
    public static String anonymousToken() {
        return anonymousLogin(TENANT, CLIENT_ID).then().statusCode(200).extract().path("access_token");
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public static Response signup(String anonymousToken, String tenant, Object body) {
        return as(anonymousToken).contentType(ContentType.JSON).body(body).post("/customer/{tenant}/signup", tenant);
    }

    /** Signs a new customer up in the demo tenant and answers its email. */
    public static String signedUpCustomer() {
        String email = uniqueEmail("customer");
        signup(anonymousToken(), TENANT, Map.of("email", email, "password", PASSWORD,
                "customerDetails", Map.of("firstName", "Ada", "lastName", "Lovelace")))
                .then().statusCode(201);
        return email;
    }

    public static Response login(String anonymousToken, String tenant, String email, String password) {
        return as(anonymousToken).contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/customer/{tenant}/login", tenant);
    }

    /** A login from the given client address (the test server trusts 127.0.0.1's X-Forwarded-For). */
    public static Response loginFrom(String clientAddress, String anonymousToken, String email, String password) {
        return as(anonymousToken).header(ClientAddress.HEADER, clientAddress).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).post("/customer/{tenant}/login", TENANT);
    }

    /** The login answer of a new customer of the demo tenant. */
    public static Response loggedInCustomer() {
        String email = signedUpCustomer();
        return login(anonymousToken(), TENANT, email, PASSWORD).then().statusCode(200).extract().response();
    }

    /** The login answer of a new customer of the tenant, signed up and logged in with the anonymous token given. */
    public static Response loggedInCustomer(String tenant, String anonymousToken, String email) {
        signup(anonymousToken, tenant, Map.of("email", email, "password", PASSWORD)).then().statusCode(201);
        return login(anonymousToken, tenant, email, PASSWORD).then().statusCode(200).extract().response();
    }
}
