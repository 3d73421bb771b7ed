package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.admin;
import static org.opencommerce.customer.it.Api.givenOutsideSpec;
import static org.opencommerce.customer.it.Faults.isInvalidField;

/**
 * Browser storefronts (CORS) and the headers every answer carries. The suite's server allows
 * http://127.0.0.1:8767 server-wide (CORS_ALLOWED_ORIGINS in it-overrides.xml); the tenant here allows its client's
 * origin https://shop.example.com.
 */
class CorsIT extends ServiceDeployment {

    private static final String SHOP = "https://shop.example.com";
    private static final String SERVER_WIDE = "http://127.0.0.1:8767";
    private static final String ELSEWHERE = "https://evil.example.net";

    private static Api.Tenant tenant;

    @BeforeAll
    static void tenantWithAShop() {
        tenant = Api.newTenantWithClient(SHOP);
    }

    private static Response preflight(String origin, String path) {
        return givenOutsideSpec().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").options(path);
    }

    private static RequestSpecification from(String origin) {
        return Api.given().header("Origin", origin);
    }

    @Test
    void preflight_fromTheClientsOrigin_allowsTheStorefrontsMethodsAndHeaders() {
        preflight(SHOP, "/customer/" + tenant.name() + "/login").then().statusCode(204)
                .header("Access-Control-Allow-Origin", SHOP)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"))
                .header("Access-Control-Allow-Headers", containsString("session-id"))
                .header("Access-Control-Max-Age", "600")
                .header("Vary", containsString("Origin"));
    }

    @Test
    void preflight_ofTheAnonymousLogin_findsTheTenantInItsParameter() {
        preflight(SHOP, "/customerlogin/auth/anonymous/login?tenant=" + tenant.name() + "&client_id=" + tenant.clientId())
                .then().statusCode(204).header("Access-Control-Allow-Origin", SHOP);
        preflight(SHOP, "/customerlogin/auth/anonymous/login?hybris-tenant=" + tenant.name())
                .then().statusCode(204).header("Access-Control-Allow-Origin", SHOP);
    }

    @Test
    void aDisallowedOrigin_getsNoCorsHeaders_neverAnError() {
        preflight(ELSEWHERE, "/customer/" + tenant.name() + "/login").then().statusCode(lessThan(500))
                .header("Access-Control-Allow-Origin", nullValue());
        // the shop's origin is the shop tenant's, not every tenant's
        preflight(SHOP, "/customer/demo/login").then().header("Access-Control-Allow-Origin", nullValue());
        // a different port or scheme is a different origin
        preflight("https://shop.example.com:8443", "/customer/" + tenant.name() + "/login").then()
                .header("Access-Control-Allow-Origin", nullValue());
        preflight("http://shop.example.com", "/customer/" + tenant.name() + "/login").then()
                .header("Access-Control-Allow-Origin", nullValue());
        Response answer = from(ELSEWHERE).queryParam("tenant", tenant.name()).queryParam("client_id", tenant.clientId())
                .get("/customerlogin/auth/anonymous/login");
        answer.then().statusCode(200).header("Access-Control-Allow-Origin", nullValue()).header("Vary", containsString("Origin"));
    }

    @Test
    void answers_toAnAllowedOrigin_nameIt_andExposeRetryAfter() {
        from(SHOP).queryParam("tenant", tenant.name()).queryParam("client_id", tenant.clientId())
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200)
                .header("Access-Control-Allow-Origin", SHOP)
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("Vary", containsString("Origin"));
        // error answers too, so that the page can read them
        from(SHOP).get("/customer/{tenant}/me", tenant.name()).then().statusCode(401)
                .header("Access-Control-Allow-Origin", SHOP);
    }

    @Test
    void theServerWideOrigin_isAllowedForEveryTenant() {
        preflight(SERVER_WIDE, "/customer/demo/me").then().header("Access-Control-Allow-Origin", SERVER_WIDE);
        preflight(SERVER_WIDE, "/customer/" + tenant.name() + "/me").then().header("Access-Control-Allow-Origin", SERVER_WIDE);
    }

    @Test
    void theClientsOrigins_areManagedThroughTheAdminApi() {
        Api.Tenant other = Api.newTenantWithClient();
        String path = "/customer/" + other.name() + "/login";
        preflight(SHOP, path).then().header("Access-Control-Allow-Origin", nullValue());
        admin().contentType(ContentType.JSON).body(Map.of("allowedOrigins", List.of("HTTPS://Shop.Example.com:443")))
                .patch("/admin/tenants/{tenant}/clients/{client}", other.name(), other.clientId()).then().statusCode(200)
                .body("allowedOrigins", equalTo(List.of(SHOP)));
        preflight(SHOP, path).then().header("Access-Control-Allow-Origin", SHOP);
        isInvalidField(admin().contentType(ContentType.JSON).body(Map.of("allowedOrigins", List.of("https://shop.example.com/path")))
                .patch("/admin/tenants/{tenant}/clients/{client}", other.name(), other.clientId()).then(), "allowedOrigins[0]");
        admin().delete("/admin/tenants/{tenant}/clients/{client}", other.name(), other.clientId()).then().statusCode(204);
        preflight(SHOP, path).then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void tokenAnswers_areNeverCached_andJsonIsNeverSniffed() {
        Response anonymous = Api.anonymousLogin(tenant.name(), tenant.clientId());
        anonymous.then().statusCode(200).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .header("X-Content-Type-Options", "nosniff");
        String email = Api.uniqueEmail("cache");
        Api.signup(anonymous.path("access_token"), tenant.name(), Map.of("email", email, "password", PASSWORD))
                .then().statusCode(201).header("X-Content-Type-Options", "nosniff");
        Response login = Api.login(anonymous.path("access_token"), tenant.name(), email, PASSWORD);
        login.then().statusCode(200).header("Cache-Control", "no-store").header("Pragma", "no-cache");
        Api.as(anonymous.path("access_token")).queryParam("refreshToken", login.<String>path("refresh_token"))
                .get("/customer/{tenant}/refreshauthtoken", tenant.name()).then().statusCode(200)
                .header("Cache-Control", "no-store");
        Api.given().queryParam("tenant", tenant.name()).queryParam("client_id", tenant.clientId())
                .queryParam("refresh_token", anonymous.<String>path("refresh_token"))
                .get("/customerlogin/auth/anonymous/refresh").then().statusCode(200).header("Cache-Control", "no-store");
        Api.as(login.path("access_token")).get("/customer/{tenant}/me", tenant.name()).then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }
}
