package org.opencommerce.customer.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A storefront page in a real browser (headless Chromium): served from another origin than the service, it performs
 * anonymous login, sign-up, login, GET /me, PATCH /me, address add and delete with fetch, and reports back to its own
 * origin. The same page from an origin the tenant does not allow is blocked by the browser. Runs with
 * {@code -Dit.browser=true} (Maven profile {@code browser}, which .ci/run uses after installing Debian's chromium).
 */
@EnabledIfSystemProperty(named = "it.browser", matches = "true")
class BrowserIT extends ServiceDeployment {

    private static final int ALLOWED_PORT = 8765;
    private static final int OTHER_PORT = 8766;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStorefrontPageFromAnAllowedOrigin_runsTheWholeFlow_andFromAnotherOriginIsBlocked() throws Exception {
        Api.Tenant tenant = Api.newTenantWithClient("http://127.0.0.1:" + ALLOWED_PORT);

        JsonNode allowed = runPage(ALLOWED_PORT, tenant);
        for (String step : List.of("anonymousLogin", "me", "patchMe")) {
            assertEquals(200, allowed.path(step).asInt(), step + " in " + allowed);
        }
        for (String step : List.of("signup", "addAddress")) {
            assertEquals(201, allowed.path(step).asInt(), step + " in " + allowed);
        }
        assertEquals(200, allowed.path("login").asInt(), allowed.toString());
        assertEquals(204, allowed.path("deleteAddress").asInt(), allowed.toString());
        assertTrue(allowed.path("email").asBoolean(), allowed.toString());
        assertEquals("Browser", allowed.path("firstName").asText(), allowed.toString());
        assertTrue(allowed.path("error").isMissingNode(), allowed.toString());

        JsonNode blocked = runPage(OTHER_PORT, tenant);
        assertTrue(blocked.path("error").asText().contains("Failed to fetch"), "blocked by the browser: " + blocked);
        assertTrue(blocked.path("anonymousLogin").isMissingNode(), blocked.toString());
    }

    /** Serves the storefront page on 127.0.0.1:port, opens it in headless Chromium and answers what it reported. */
    private static JsonNode runPage(int port, Api.Tenant tenant) throws Exception {
        String page;
        try (InputStream in = BrowserIT.class.getResourceAsStream("/browser/storefront.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{API}}", Api.baseUri())
                    .replace("{{TENANT}}", tenant.name()).replace("{{CLIENT}}", tenant.clientId());
        }
        CompletableFuture<String> report = new CompletableFuture<>();
        HttpServer storefront = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        byte[] html = page.getBytes(StandardCharsets.UTF_8);
        storefront.createContext("/storefront.html", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        storefront.createContext("/report", exchange -> {
            report.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        storefront.start();
        Path profile = Files.createTempDirectory("chromium-profile");
        Process browser = chromium(profile, "http://127.0.0.1:" + port + "/storefront.html");
        try {
            return JSON.readTree(report.get(90, TimeUnit.SECONDS));
        } finally {
            browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            storefront.stop(0);
        }
    }

    private static Process chromium(Path profile, String url) throws IOException {
        return new ProcessBuilder(System.getProperty("it.chromium", "/usr/bin/chromium"), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, url)
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
    }
}
