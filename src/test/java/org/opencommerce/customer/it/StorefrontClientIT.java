package org.opencommerce.customer.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencommerce.customer.it.Api.CLIENT_ID;
import static org.opencommerce.customer.it.Api.PASSWORD;
import static org.opencommerce.customer.it.Api.TENANT;
import static org.opencommerce.customer.it.Api.as;
import static org.opencommerce.customer.it.Api.given;
import static org.opencommerce.customer.it.Api.uniqueEmail;
import static org.opencommerce.customer.it.Faults.isInvalidField;
import static org.opencommerce.customer.it.Faults.isInvalidToken;

/**
 * A storefront written against this API as published storefront SDKs are: the compatibility aliases (README,
 * "Compatibility") used the way such clients use them, start to end.
 */
class StorefrontClientIT extends ServiceDeployment {

    @Test
    void aPublishedStorefrontClient_worksUnchanged() throws Exception {
        // older storefronts name the tenant hybris-tenant
        Response anonymousAnswer = given().queryParam("hybris-tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .get("/customerlogin/auth/anonymous/login");
        anonymousAnswer.then().statusCode(200);
        String anonymous = anonymousAnswer.path("access_token");
        String refreshedAnonymous = given().queryParam("hybris-tenant", TENANT).queryParam("client_id", CLIENT_ID)
                .queryParam("refresh_token", anonymousAnswer.<String>path("refresh_token"))
                .get("/customerlogin/auth/anonymous/refresh").then().statusCode(200).extract().path("access_token");

        String email = uniqueEmail("sdk");
        Api.signup(refreshedAnonymous, TENANT, Map.of("email", email, "password", PASSWORD)).then().statusCode(201);

        // clients read the deprecated camelCase fields the schema still lists
        Response login = Api.login(anonymous, TENANT, email, PASSWORD);
        login.then().statusCode(200)
                .body("accessToken", equalTo(login.<String>path("access_token")))
                .body("refreshToken", equalTo(login.<String>path("refresh_token")))
                .body("saasToken", equalTo(login.<String>path("saas_token")))
                .body("expiresIn", equalTo(login.<Integer>path("expires_in")))
                .body("refreshTokenExpiresIn", equalTo(login.<Integer>path("refresh_token_expires_in")));
        String token = login.path("accessToken");

        as(token).get("/customer/{tenant}/me", TENANT).then().statusCode(200).body("contactEmail", equalTo(email));
        // PUT with a partial profile means PATCH
        as(token).contentType(ContentType.JSON).body(Map.of("firstName", "Sdk", "preferredCurrency", "EUR"))
                .put("/customer/{tenant}/me", TENANT).then().statusCode(200)
                .body("firstName", equalTo("Sdk")).body("contactEmail", equalTo(email)).body("preferredCurrency", equalTo("EUR"));
        isInvalidField(as(token).contentType(ContentType.JSON).body(Map.of("preferredCurrency", "QQQ"))
                .put("/customer/{tenant}/me", TENANT).then(), "preferredCurrency");

        String id = as(token).contentType(ContentType.JSON).body(Map.of("contactName", "Ada", "country", "DE", "city", "Berlin"))
                .post("/customer/{tenant}/me/addresses", TENANT).then().statusCode(201).extract().path("id");
        as(token).get("/customer/{tenant}/me/addresses", TENANT).then().statusCode(200).body("", hasSize(1));
        as(token).contentType(ContentType.JSON).body(Map.of("city", "Hamburg"))
                .put("/customer/{tenant}/me/addresses/{id}", TENANT, id).then().statusCode(200)
                .body("city", equalTo("Hamburg")).body("contactName", equalTo("Ada")).body("country", equalTo("DE"));
        isInvalidField(as(token).contentType(ContentType.JSON).body(Map.of("country", "XX"))
                .put("/customer/{tenant}/me/addresses/{id}", TENANT, id).then(), "country");

        // two tabs refresh with the same refresh token at once: both keep working
        String shared = login.path("refreshToken");
        ExecutorService tabs = Executors.newFixedThreadPool(2);
        String newest;
        try {
            Future<Response> first = tabs.submit(() -> as(anonymous).queryParam("refreshToken", shared)
                    .get("/customer/{tenant}/refreshauthtoken", TENANT));
            Future<Response> second = tabs.submit(() -> as(anonymous).queryParam("refreshToken", shared)
                    .get("/customer/{tenant}/refreshauthtoken", TENANT));
            for (Response tab : List.of(first.get(), second.get())) {
                tab.then().statusCode(200).body("accessToken", equalTo(tab.<String>path("access_token")));
                as(tab.path("accessToken")).get("/customer/{tenant}/me", TENANT).then().statusCode(200);
            }
            newest = first.get().path("accessToken");
        } finally {
            tabs.shutdownNow();
        }

        as(anonymous).contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/customer/{tenant}/password/reset", TENANT).then().statusCode(204);
        Mailbox.awaitMail(email);

        as(newest).queryParam("accessToken", newest).get("/customer/{tenant}/logout", TENANT).then().statusCode(204);
        isInvalidToken(as(newest).get("/customer/{tenant}/me", TENANT).then());
        assertEquals(401, as(token).get("/customer/{tenant}/me", TENANT).statusCode(), "the whole login ended");
    }
}
