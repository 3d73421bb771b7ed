package org.opencommerce.customer.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.http.HttpResponse;

/** The customer service's storefront API, as the benchmark calls it. */
final class Storefront {

    final String base;
    final String tenant;
    final String clientId;

    Storefront(String base, String tenant, String clientId) {
        this.base = base;
        this.tenant = tenant;
        this.clientId = clientId;
    }

    HttpResponse<String> anonymousLogin(Http http) throws IOException, InterruptedException {
        return http.get(base + "/customerlogin/auth/anonymous/login?tenant=" + tenant + "&client_id=" + clientId, null);
    }

    String anonymousToken(Http http) throws IOException, InterruptedException {
        return Http.json(anonymousLogin(http), 200).getString("access_token");
    }

    HttpResponse<String> login(Http http, String anonymousToken, String email, String password)
            throws IOException, InterruptedException {
        return http.postJson(base + "/customer/" + tenant + "/login", anonymousToken,
                Json.createObjectBuilder().add("email", email).add("password", password).build());
    }

    /** access_token and refresh_token of a fresh login. */
    JsonObject loggedIn(Http http, String email, String password) throws IOException, InterruptedException {
        return Http.json(login(http, anonymousToken(http), email, password), 200);
    }

    HttpResponse<String> me(Http http, String token) throws IOException, InterruptedException {
        return http.get(base + "/customer/" + tenant + "/me", token);
    }

    HttpResponse<String> refresh(Http http, String accessToken, String refreshToken)
            throws IOException, InterruptedException {
        return http.get(base + "/customer/" + tenant + "/refreshauthtoken?refreshToken=" + Http.encode(refreshToken),
                accessToken);
    }

    HttpResponse<String> signup(Http http, String anonymousToken, String email, String password)
            throws IOException, InterruptedException {
        return http.postJson(base + "/customer/" + tenant + "/signup", anonymousToken, Json.createObjectBuilder()
                .add("email", email).add("password", password)
                .add("customerDetails", Json.createObjectBuilder().add("firstName", "Bench").add("lastName", "Mark"))
                .build());
    }

    HttpResponse<String> addAddress(Http http, String token) throws IOException, InterruptedException {
        return http.postJson(base + "/customer/" + tenant + "/me/addresses", token, Json.createObjectBuilder()
                .add("contactName", "Bench Mark").add("street", "Main Street").add("streetNumber", "1")
                .add("zipCode", "10115").add("city", "Berlin").add("country", "DE").build());
    }
}
