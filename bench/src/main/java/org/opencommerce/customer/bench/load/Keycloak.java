package org.opencommerce.customer.bench.load;

import jakarta.json.Json;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Map;

/** The peer: a Keycloak realm set up by the benchmark, with a public client allowed the password grant. */
final class Keycloak {

    static final String REALM = "bench";
    static final String CLIENT = "bench";

    final String base;

    Keycloak(String base) {
        this.base = base;
    }

    private String tokenUrl() {
        return base + "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    /** Creates the realm, its client and the users (each with password), and answers the stored hash's parameters. */
    String setUp(Http http, String adminUser, String adminPassword, int users, String password)
            throws IOException, InterruptedException {
        String admin = Http.json(http.postForm(base + "/realms/master/protocol/openid-connect/token", null, Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", adminUser, "password", adminPassword)),
                200).getString("access_token");
        expectCreated(http.postJson(base + "/admin/realms", admin,
                Json.createObjectBuilder().add("realm", REALM).add("enabled", true).build()));
        expectCreated(http.postJson(base + "/admin/realms/" + REALM + "/clients", admin, Json.createObjectBuilder()
                .add("clientId", CLIENT).add("publicClient", true).add("directAccessGrantsEnabled", true)
                .add("standardFlowEnabled", false).build()));
        for (int i = 0; i < users; i++) {
            expectCreated(http.postJson(base + "/admin/realms/" + REALM + "/users", admin, Json.createObjectBuilder()
                    .add("username", username(i)).add("email", username(i) + "@load.example").add("emailVerified", true)
                    .add("firstName", "Bench").add("lastName", "Mark").add("enabled", true)
                    .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "password").add("value", password).add("temporary", false)))
                    .build()));
        }
        String userId = Json.createReader(new StringReader(http.get(base + "/admin/realms/" + REALM
                + "/users?exact=true&username=" + username(0), admin).body())).readArray().getJsonObject(0).getString("id");
        return Json.createReader(new StringReader(http.get(base + "/admin/realms/" + REALM + "/users/" + userId
                + "/credentials", admin).body())).readArray().getJsonObject(0).getString("credentialData");
    }

    private static void expectCreated(HttpResponse<String> response) {
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("Keycloak set-up answered " + response.statusCode() + ": " + response.body());
        }
    }

    static String username(int i) {
        return "bench-" + i;
    }

    HttpResponse<String> passwordGrant(Http http, String username, String password)
            throws IOException, InterruptedException {
        return http.postForm(tokenUrl(), null, Map.of("grant_type", "password", "client_id", CLIENT,
                "username", username, "password", password, "scope", "openid"));
    }

    HttpResponse<String> refresh(Http http, String refreshToken) throws IOException, InterruptedException {
        return http.postForm(tokenUrl(), null, Map.of("grant_type", "refresh_token", "client_id", CLIENT,
                "refresh_token", refreshToken));
    }

    HttpResponse<String> userinfo(Http http, String accessToken) throws IOException, InterruptedException {
        return http.get(base + "/realms/" + REALM + "/protocol/openid-connect/userinfo", accessToken);
    }
}
