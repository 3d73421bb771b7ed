package org.opencommerce.customer.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint in the test JVM: records what it is sent, per path, and answers 204 — or, while "down", 503; at a
 * hanging path it answers nothing until the receiver is closed (a receiver that hangs). Requests are served in
 * parallel, so a hanging path does not hold up the others.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request the receiver got. */
    record Received(String path, String id, String timestamp, String signature, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        String type() {
            return json().getString("type");
        }

        /** True when the Standard Webhooks signature is the HMAC-SHA256 of id.timestamp.body with the secret. */
        boolean signedWith(String secret) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(signature);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Set<String> hanging = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger hung = new AtomicInteger();
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (hanging.contains(exchange.getRequestURI().getPath())) {
                hung.incrementAndGet();
                try {
                    closed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            if (down) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            } else {
                synchronized (received) {
                    received.add(new Received(exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"),
                            new String(body, StandardCharsets.UTF_8)));
                }
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void down(boolean down) {
        this.down = down;
    }

    /** Requests at path get no answer until the receiver is closed. */
    void hang(String path) {
        hanging.add(path);
    }

    /** How many requests have hung so far. */
    int hungCount() {
        return hung.get();
    }

    int refusedCount() {
        return refused.get();
    }

    List<Received> at(String path) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    /** Waits (up to 20 s) until at least count requests at path match, and answers all that match. */
    List<Received> await(String path, Predicate<Received> matching, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            List<Received> found = at(path).stream().filter(matching).toList();
            if (found.size() >= count || Instant.now().isAfter(deadline)) {
                if (found.size() < count) {
                    throw new AssertionError("only " + found.size() + " of " + count + " webhooks at " + path + ": " + at(path));
                }
                return found;
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
