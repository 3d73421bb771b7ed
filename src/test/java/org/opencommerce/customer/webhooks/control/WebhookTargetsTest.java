package org.opencommerce.customer.webhooks.control;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookTargetsTest {

    /** A DNS whose answers the test changes; IP literals resolve to themselves without it. */
    private final Map<String, String> dns = new HashMap<>();

    private InetAddress[] resolve(String host) throws UnknownHostException {
        String address = dns.get(host);
        if (address != null) {
            return new InetAddress[]{InetAddress.getByName(address)};
        }
        if (host.startsWith("[") || Character.isDigit(host.charAt(0))) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    }

    private WebhookTargets allowing(String allowed) {
        return new WebhookTargets(allowed, this::resolve);
    }

    private static boolean refused(WebhookTargets targets, String url) {
        return targets.refusal(URI.create(url), true).isPresent();
    }

    @Test
    void internalAddresses_areRefusedByDefault() {
        WebhookTargets targets = allowing("");
        for (String url : new String[]{"http://127.0.0.1/", "http://127.0.0.2:8080/", "http://10.0.0.1/",
                "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://224.0.0.1/", "http://255.255.255.255/",
                "http://[::1]/", "http://[::]/", "http://[fe80::1]/", "http://[fd00::1]/", "http://[fc12::1]/",
                "http://[ff02::1]/", "http://[::ffff:10.0.0.1]/", "http://[::ffff:127.0.0.1]/",
                "http://[::10.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/"}) {
            assertTrue(refused(targets, url), url);
        }
    }

    @Test
    void publicAddresses_andPublicNames_areAllowed() {
        dns.put("hooks.example.com", "93.184.216.34");
        WebhookTargets targets = allowing("");
        for (String url : new String[]{"https://hooks.example.com/in", "http://93.184.216.34/", "http://100.128.0.1/",
                "http://172.32.0.1/", "http://[2606:4700::1111]/", "http://[::ffff:8.8.8.8]/",
                "http://[64:ff9b::808:808]/"}) {
            assertTrue(!refused(targets, url), url);
        }
    }

    @Test
    void allowedHostsAndRanges_openOnlyWhatTheyList() {
        dns.put("crm.internal", "10.1.2.3");
        dns.put("other.internal", "10.9.9.9");
        WebhookTargets targets = allowing(" 127.0.0.1 , crm.internal, 192.168.0.0/16, fd00::/8, [::1]");
        assertTrue(!refused(targets, "http://127.0.0.1:9999/hook"));
        assertTrue(!refused(targets, "http://[::ffff:127.0.0.1]/"));
        assertTrue(!refused(targets, "http://CRM.internal/hook"));
        assertTrue(!refused(targets, "http://192.168.200.1/"));
        assertTrue(!refused(targets, "http://[fd12::1]/"));
        assertTrue(!refused(targets, "http://[::1]/"));
        assertTrue(refused(targets, "http://127.0.0.2/"));
        assertTrue(refused(targets, "http://other.internal/"));
        assertTrue(refused(targets, "http://10.0.0.1/"));
        assertTrue(refused(targets, "http://[fc00::1]/"));
        assertTrue(refused(targets, "http://169.254.169.254/"));
    }

    @Test
    void aNameThatResolvesToAPublicAddressAtRegistration_andToAPrivateOneLater_isRefusedAtDelivery() {
        WebhookTargets targets = allowing("");
        URI url = URI.create("https://rebind.example.net/hook");
        dns.put("rebind.example.net", "93.184.216.34");
        assertTrue(targets.refusal(url, false).isEmpty(), "accepted at registration");
        dns.put("rebind.example.net", "169.254.169.254");
        assertEquals("target not allowed: rebind.example.net is 169.254.169.254",
                targets.refusal(url, true).orElseThrow());
    }

    @Test
    void aNameWithAnyRefusedAddress_isRefused() throws UnknownHostException {
        WebhookTargets targets = new WebhookTargets("", host -> new InetAddress[]{
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1")});
        assertTrue(refused(targets, "https://mixed.example.com/"));
    }

    @Test
    void anUnresolvableName_isRefusedOnlyBeforeADelivery() {
        WebhookTargets targets = allowing("");
        URI url = URI.create("https://not-yet-published.example.org/");
        assertTrue(targets.refusal(url, false).isEmpty());
        assertEquals("host not-yet-published.example.org does not resolve", targets.refusal(url, true).orElseThrow());
    }

    @Test
    void aMalformedSetting_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> allowing("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> allowing("intranet/8"));
        assertThrows(IllegalArgumentException.class, () -> allowing("10.0.0.0/x"));
    }
}
