package org.opencommerce.customer.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Requests as an attacker sends them: raw bytes, any path, any header, with a generous time-out (the tests that use it
 * check liveness, not speed). Also checks that an answer is in the spec's error shape.
 */
final class RawHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** HTTP/1.1 only: the default upgrade attempt to HTTP/2 would test the upgrade, not the service. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    static HttpResponse<String> send(String method, String pathAndQuery, String token, String contentType, byte[] body) {
        return sendAs(token == null ? null : "Bearer " + token, method, pathAndQuery, contentType, body);
    }

    /** A request with the given Authorization header value (Bearer or Basic), or none. */
    static HttpResponse<String> sendAs(String authorization, String method, String pathAndQuery, String contentType,
                                       byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.baseUri() + pathAndQuery)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        request.header(ClientAddress.HEADER, ClientAddress.fresh());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(method + " " + shorten(pathAndQuery) + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * A request whose target is sent exactly as given, even where it is no valid URI (bad escapes): written to a
     * socket by hand, since HTTP clients refuse to send such targets.
     */
    static HttpResponse<String> sendRawTarget(String method, String target, String token) {
        return sendRawTarget(Integer.parseInt(System.getProperty("it.http.port")), method, target, token);
    }

    /** {@link #sendRawTarget(String, String, String)} to another server under test on 127.0.0.1:port (Payara). */
    static HttpResponse<String> sendRawTarget(int port, String method, String target, String token) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + ClientAddress.HEADER + ": " + ClientAddress.fresh() + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return RawResponse.parse(answer);
        } catch (IOException e) {
            throw new AssertionError(method + " " + shorten(target) + " got no answer: " + e, e);
        }
    }

    /** A JSON body sent in chunks, without Content-Length: the server learns its size only by reading it. */
    static HttpResponse<String> sendStreamed(String method, String pathAndQuery, String token, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.baseUri() + pathAndQuery)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header(ClientAddress.HEADER, ClientAddress.fresh())
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathAndQuery + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static HttpResponse<String> sendJson(String method, String pathAndQuery, String token, String body) {
        return send(method, pathAndQuery, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** No 5xx; a 4xx carries the spec's body: the fault for 401, else ErrorMessage with its status repeated. */
    static void assertSpecAnswer(HttpResponse<String> response, String probe) {
        int status = response.statusCode();
        if (status >= 500) {
            fail(probe + " answered " + status + ": " + shorten(response.body()));
        }
        if (status < 400) {
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(probe + " answered " + status + " with a body that is not JSON: " + shorten(response.body()));
        }
        if (body == null) {
            fail(probe + " answered " + status + " with no body");
        }
        if (status == 401) {
            assertTrue(body.path("fault").path("faultstring").isTextual(), probe + ": 401 without the fault body: " + body);
            assertTrue(body.path("fault").path("detail").path("errorcode").isTextual(), probe + ": 401 without errorcode");
            return;
        }
        assertEquals(status, body.path("status").asInt(), probe + ": ErrorMessage.status: " + shorten(body.toString()));
        assertTrue(body.path("type").isTextual(), probe + ": ErrorMessage without type");
        assertTrue(body.path("message").isTextual(), probe + ": ErrorMessage without message");
        assertTrue(!response.body().contains("Exception") && !response.body().contains("\tat "),
                probe + ": a stack trace in the answer");
    }

    /** The readiness check answers UP within a few seconds. */
    static void assertReady(String after) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.baseUri() + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> ready = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), "/health/ready after " + after + ": " + ready.body());
        } catch (IOException e) {
            throw new AssertionError("/health/ready did not answer after " + after + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String shorten(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
