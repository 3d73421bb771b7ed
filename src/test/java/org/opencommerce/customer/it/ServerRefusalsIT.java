package org.opencommerce.customer.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencommerce.customer.it.RawHttp.assertReady;

/**
 * Requests the servlet container refuses before the service sees them: paths it will not decode (Servlet 6's
 * "suspicious" URIs: an encoded slash, NUL, a bad escape) and request lines beyond its limits. README ("Security")
 * lists what each server answers; here: a 4xx, never a 5xx, and the service stays ready.
 */
class ServerRefusalsIT extends ServiceDeployment {

    @Test
    void undecodablePaths_are4xx_andTheServiceStaysReady() {
        for (String path : List.of("/customer/%2F/me", "/customer/..%2F..%2Fadmin/me", "/customer/%00/me",
                "/customer/%ZZ/me", "/customer/demo%5C..%5C/me", "/customer/%/me", "/customer/demo/me/addresses/%C0%AF")) {
            HttpResponse<String> answer = RawHttp.sendRawTarget("GET", path, null);
            System.out.println("server refusal: " + path + " -> " + answer.statusCode() + " "
                    + answer.headers().firstValue("Content-Type").orElse("") + " " + RawHttp.shorten(answer.body()));
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, path + " answered " + answer.statusCode());
        }
        assertReady("undecodable paths");
    }

    @Test
    void aHugeQueryString_is4xx_andTheServiceStaysReady() {
        HttpResponse<String> answer = RawHttp.sendRawTarget("GET", "/customer/demo/me?expand=" + "x".repeat(100_000), null);
        System.out.println("server refusal: 100 KB query -> " + answer.statusCode() + " " + RawHttp.shorten(answer.body()));
        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, "answered " + answer.statusCode());
        assertReady("a huge query string");
    }
}
