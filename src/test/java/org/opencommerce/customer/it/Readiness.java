package org.opencommerce.customer.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a server the suite started itself (Payara) to answer {@code /health/ready} with 200. */
final class Readiness {

    private Readiness() {
    }

    /** Returns once ready; fails when the server ends (alive turns false) or is not ready within the timeout. */
    static void await(String baseUri, Duration timeout, BooleanSupplier alive) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUri + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("The server at " + baseUri + " ended during start");
            }
            try {
                HttpResponse<String> answer = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The server at " + baseUri + " was not ready within " + timeout
                + "; its last answer: " + last);
    }
}
