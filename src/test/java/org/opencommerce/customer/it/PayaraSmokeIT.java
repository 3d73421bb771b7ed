package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.opencommerce.customer.it.Api.CLIENT_ID;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Faults.isError;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

/** The same WAR on Payara Micro: the storefront flow, answered as the spec says, as on Open Liberty. */
class PayaraSmokeIT {

    private static PayaraMicroServer payara;

    @BeforeAll
    static void startPayara() throws Exception {
        payara = PayaraMicroServer.start();
    }

    @AfterAll
    static void stopPayara() throws Exception {
        if (payara != null) {
            payara.close();
        }
    }

    private static RequestSpecification payara() {
        return Api.givenAt(payara.baseUri());
    }

    private static RequestSpecification payaraAs(String token) {
        return payara().header("Authorization", "Bearer " + token);
    }

    @Test
    void storefrontFlow_fromAnonymousToLogout() {
        String anonymous = payara().queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200)
                .body("access_token", notNullValue()).extract().path("access_token");
        String email = Api.uniqueEmail("payara");

        payaraAs(anonymous).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD,
                        "customerDetails", Map.of("firstName", "Grace", "lastName", "Hopper")))
                .post("/customer/{tenant}/signup", TENANT).then().statusCode(201);
        String token = payaraAs(anonymous).contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/customer/{tenant}/login", TENANT).then().statusCode(200)
                .body("refresh_token", notNullValue()).extract().path("access_token");

        payaraAs(token).get("/customer/{tenant}/me", TENANT).then().statusCode(200)
                .body("contactEmail", equalTo(email)).body("firstName", equalTo("Grace"));
        String addressId = payaraAs(token).contentType(ContentType.JSON)
                .body(Map.of("contactName", "Grace Hopper", "street", "Main Street", "streetNumber", "1",
                        "zipCode", "10115", "city", "Berlin", "country", "DE"))
                .post("/customer/{tenant}/me/addresses", TENANT).then().statusCode(201).extract().path("id");
        payaraAs(token).get("/customer/{tenant}/me/addresses/{id}", TENANT, addressId).then().statusCode(200)
                .body("city", equalTo("Berlin"));

        payaraAs(token).queryParam("accessToken", token).get("/customer/{tenant}/logout", TENANT).then().statusCode(204);
        isInvalidToken(payaraAs(token).get("/customer/{tenant}/me", TENANT).then());
    }

    @Test
    void refusedTokens_getTheSpecsAnswers() {
        String anonymous = payara().queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200).extract().path("access_token");

        isInvalidToken(payara().get("/customer/{tenant}/me", TENANT).then());
        isInvalidToken(payaraAs(TestTokens.forged(anonymous)).get("/customer/{tenant}/me", TENANT).then());
        isError(payaraAs(anonymous).get("/customer/{tenant}/me/addresses", TENANT).then(), 403, "forbidden");
    }

    @Test
    void hostileInput_neverCostsA5xx_andPayaraStaysReady() {
        int port = java.net.URI.create(payara.baseUri()).getPort();
        for (String path : java.util.List.of("/customer/%2F/me", "/customer/%00/me", "/customer/%ZZ/me",
                "/customer/demo/me?expand=" + "x".repeat(100_000))) {
            var answer = RawHttp.sendRawTarget(port, "GET", path, null);
            System.out.println("payara refusal: " + RawHttp.shorten(path) + " -> " + answer.statusCode() + " "
                    + answer.headers().firstValue("Content-Type").orElse("") + " " + RawHttp.shorten(answer.body()));
            // Payara answers some of these itself, before the application (README, "Security"); never with a 5xx
            org.junit.jupiter.api.Assertions.assertTrue(answer.statusCode() < 500,
                    RawHttp.shorten(path) + " answered " + answer.statusCode());
        }
        String anonymous = payara().queryParam("tenant", Api.TENANT).queryParam("client_id", Api.CLIENT_ID)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200).extract().path("access_token");
        // the one body reader runs on Payara too: a truncated document is 400 at once
        payaraAs(anonymous).contentType("application/json").body("{\"a\": [1, 2").post("/customer/{tenant}/signup", Api.TENANT)
                .then().statusCode(400);
        Api.givenOutsideSpec().baseUri(payara.baseUri()).get("/health/ready").then().statusCode(200);
    }

    @Test
    void adminApi_withAnOperatorToken_setsUpATenantThatServesAStorefront() {
        RequestSpecification outside = Api.givenOutsideSpec().baseUri(payara.baseUri());
        String operator = Api.givenOutsideSpec().baseUri(payara.baseUri()).auth().preemptive()
                .basic(Api.OPERATOR, PayaraMicroServer.ADMIN_PASSWORD).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth/token").then().statusCode(200)
                .body("scope", equalTo("admin")).extract().path("access_token");
        String tenant = "p" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Api.givenOutsideSpec().baseUri(payara.baseUri()).auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant)).post("/admin/tenants").then().statusCode(201);
        String clientId = Api.givenOutsideSpec().baseUri(payara.baseUri()).auth().oauth2(operator)
                .contentType(ContentType.JSON).body(Map.of("name", "web shop"))
                .post("/admin/tenants/{tenant}/clients", tenant).then().statusCode(201).extract().path("clientId");
        payara().queryParam("tenant", tenant).queryParam("client_id", clientId)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200);
        Api.givenOutsideSpec().baseUri(payara.baseUri()).auth().oauth2(operator).queryParam("tenant", tenant)
                .get("/admin/audit").then().statusCode(200)
                .body("action", equalTo(java.util.List.of("client.create", "tenant.create")))
                .body("actor", hasItems(Api.OPERATOR));

        isInvalidToken(outside.get("/admin/tenants").then());
        String anonymous = payara().queryParam("tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .get("/customerlogin/auth/anonymous/login").then().statusCode(200).extract().path("access_token");
        isError(Api.givenOutsideSpec().baseUri(payara.baseUri()).auth().oauth2(anonymous).get("/admin/tenants").then(),
                403, "forbidden");
    }

    @Test
    void health_andMetrics() {
        Api.givenOutsideSpec().baseUri(payara.baseUri()).get("/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("database", "mail"));
        Api.givenOutsideSpec().baseUri(payara.baseUri()).get("/health/live").then().statusCode(200)
                .body("checks.name", hasItems("outbox-sender"));
        Api.givenOutsideSpec().baseUri(payara.baseUri()).get("/metrics").then().statusCode(200)
                .body(containsString("customer_logins_total"));
    }
}
