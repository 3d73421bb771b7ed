package org.opencommerce.customer.it;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Where test requests come from. The test server trusts 127.0.0.1 as a proxy (TRUSTED_PROXIES), so each request
 * names its client in X-Forwarded-For: by default a fresh address from the IPv6 documentation range, so that the
 * suite's own traffic never trips the per-address throttles; tests of those throttles name a fixed address.
 */
final class ClientAddress {

    static final String HEADER = "X-Forwarded-For";

    /** Adds a fresh client address to every request that does not name one. */
    static final Filter FRESH_UNLESS_GIVEN = new Filter() {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName(HEADER)) {
                request.header(HEADER, fresh());
            }
            return context.next(request, response);
        }
    };

    private ClientAddress() {
    }

    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("2001:db8:%x:%x::%x", random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(1, 0x10000));
    }
}
