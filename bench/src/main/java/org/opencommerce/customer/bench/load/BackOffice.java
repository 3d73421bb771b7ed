package org.opencommerce.customer.bench.load;

import jakarta.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The tenant-managed (back-office) API, as the benchmark calls it: a client of the tenant, its token, a search. */
final class BackOffice {

    private final String base;
    private final String tenant;
    private final String clientId;
    private final String secret;

    /** Registers a back-office client (customer.customer_read) of the tenant with the operator's credentials. */
    BackOffice(Http http, String base, String tenant, String adminPassword) throws IOException, InterruptedException {
        this.base = base;
        this.tenant = tenant;
        String operator = token(http, "admin", adminPassword);
        var client = Http.json(http.postJson(base + "/admin/tenants/" + tenant + "/api-clients", operator,
                Json.createObjectBuilder().add("name", "bench").add("scopes",
                        Json.createArrayBuilder().add("customer.customer_read")).build()), 201);
        this.clientId = client.getString("clientId");
        this.secret = client.getString("secret");
    }

    /** A token of the bench's client (valid CLIENT_TOKEN_SECONDS, 300 by default: one per run). */
    String token(Http http) throws IOException, InterruptedException {
        return token(http, clientId, secret);
    }

    private String token(Http http, String id, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/oauth/token")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return Http.json(http.send(request), 200).getString("access_token");
    }

    /** GET /customer/{tenant}/customers?q=…[&sort=…]. */
    HttpResponse<String> search(Http http, String token, String q, String sort) throws IOException, InterruptedException {
        StringBuilder url = new StringBuilder(base + "/customer/" + tenant + "/customers?pageSize=60&q=" + Http.encode(q));
        if (sort != null) {
            url.append("&sort=").append(Http.encode(sort));
        }
        return http.get(url.toString(), token);
    }
}
