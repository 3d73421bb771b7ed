package org.opencommerce.customer.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which address a request comes from: the TCP peer, or, when the peer is a proxy listed in TRUSTED_PROXIES (addresses
 * or CIDR ranges), the nearest address in {@code X-Forwarded-For} that is not such a proxy. A header from anyone else
 * is ignored, so that a client cannot choose the address it is throttled under.
 */
@ApplicationScoped
public class ClientAddresses {

    /** Comma-separated; read as one string, since Payara cannot inject an optional list. */
    @Inject
    @ConfigProperty(name = "TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    private final List<AddressRange> trusted = new ArrayList<>();

    @PostConstruct
    void init() {
        Arrays.stream(trustedProxies.orElse("").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(entry -> {
                    try {
                        trusted.add(AddressRange.parse(entry));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("TRUSTED_PROXIES: " + e.getMessage(), e);
                    }
                });
    }

    public String of(String peer, String forwardedFor) {
        String client = canonical(peer);
        if (client == null) {
            return "unknown";
        }
        if (forwardedFor == null || !isTrusted(client)) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0 && isTrusted(client); i--) {
            String hop = canonical(hops[i].trim());
            if (hop == null) {
                break;
            }
            client = hop;
        }
        return client;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = bytesOf(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    /** The address in its canonical text form, or null when it is no IP literal (never resolved through DNS). */
    private static String canonical(String literal) {
        byte[] bytes = bytesOf(literal);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] bytesOf(String literal) {
        InetAddress address = AddressRange.literal(literal);
        return address == null ? null : address.getAddress();
    }
}
