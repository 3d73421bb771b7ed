package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.web.ClientAddresses;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressesTest {

    private static ClientAddresses trusting(String proxies) {
        ClientAddresses addresses = new ClientAddresses();
        addresses.trustedProxies = Optional.ofNullable(proxies);
        addresses.init();
        return addresses;
    }

    @Test
    void withoutTrustedProxies_theHeaderIsIgnored() {
        assertEquals("203.0.113.9", trusting(null).of("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void aTrustedProxysHeader_namesTheNearestUntrustedHop() {
        ClientAddresses addresses = trusting("10.0.0.0/8, 192.0.2.1");
        assertEquals("198.51.100.7", addresses.of("10.1.2.3", "203.0.113.1, 198.51.100.7, 192.0.2.1"));
        // a client cannot choose its address by prepending to the header: the walk stops at the first untrusted hop
        assertEquals("198.51.100.7", addresses.of("192.0.2.1", "1.2.3.4, 198.51.100.7"));
    }

    @Test
    void anUntrustedPeersHeader_isIgnored() {
        assertEquals("198.51.100.7", trusting("10.0.0.0/8").of("198.51.100.7", "203.0.113.1"));
    }

    @Test
    void hopsThatAreNoIpLiterals_stopTheWalk_andAreNeverResolved() {
        ClientAddresses addresses = trusting("10.0.0.1");
        assertEquals("10.0.0.1", addresses.of("10.0.0.1", "localhost"));
        assertEquals("10.0.0.1", addresses.of("10.0.0.1", "cafe.bad"));
        assertEquals("10.0.0.1", addresses.of("10.0.0.1", "x".repeat(500)));
    }

    @Test
    void ipv6_isCanonical_andMatchedByRange() {
        ClientAddresses addresses = trusting("2001:db8::/32");
        assertEquals("2001:db9:0:0:0:0:0:1", addresses.of("2001:db8::5", "2001:DB9::1"));
    }
}
