package org.opencommerce.customer.webhooks.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.web.AddressRange;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which hosts webhooks may be sent to: not to this network's own systems (loopback, private, link-local, unique-local,
 * CGNAT, unspecified, multicast and reserved addresses, also in their IPv4-mapped, IPv4-compatible and NAT64 IPv6
 * forms), unless WEBHOOK_ALLOWED_TARGETS lists the host by name or address, or a range (CIDR) that holds the address.
 * A host name is judged by every address it resolves to, at registration and again before each delivery, so that a
 * name that resolved to a public address when it was registered cannot point at an internal one later.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Looks a host up (the JVM's resolver in production; a fake one in the tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Ranges no webhook goes to unless allowed, besides those InetAddress classifies itself. */
    private static final List<AddressRange> REFUSED = Stream.of(
            "0.0.0.0/8",        // "this network"
            "100.64.0.0/10",    // carrier-grade NAT (RFC 6598)
            "192.0.0.0/24",     // IETF protocol assignments
            "198.18.0.0/15",    // benchmarking
            "240.0.0.0/4",      // reserved, broadcast
            "fc00::/7",         // unique-local IPv6
            "100::/64",         // IPv6 discard
            "64:ff9b:1::/48")   // local-use NAT64
            .map(AddressRange::parse).toList();
    /**
     * IPv6 addresses that carry an IPv4 one in their last 32 bits: IPv4-compatible (::a.b.c.d) and NAT64
     * (64:ff9b::a.b.c.d). IPv4-mapped ones (::ffff:a.b.c.d) InetAddress turns into IPv4 addresses itself.
     */
    private static final List<AddressRange> EMBEDDING_IPV4 = Stream.of("::/96", "64:ff9b::/96")
            .map(AddressRange::parse).toList();

    @Inject
    @ConfigProperty(name = "WEBHOOK_ALLOWED_TARGETS")
    Optional<String> allowedSetting;

    private Resolver resolver;
    private Set<String> allowedHosts;
    private List<AddressRange> allowedRanges;

    protected WebhookTargets() {
    }

    /** A checker with the given allow list (WEBHOOK_ALLOWED_TARGETS' syntax) and resolver. */
    WebhookTargets(String allowed, Resolver resolver) {
        configure(allowed, resolver);
    }

    @PostConstruct
    void init() {
        configure(allowedSetting.orElse(""), InetAddress::getAllByName);
    }

    private void configure(String allowed, Resolver resolver) {
        this.resolver = resolver;
        Set<String> hosts = new HashSet<>();
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : allowed.split(",")) {
            String item = entry.strip().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            String unbracketed = unbracketed(item);
            if (item.contains("/") || AddressRange.literal(unbracketed) != null) {
                ranges.add(AddressRange.parse(unbracketed));
            } else {
                hosts.add(item);
            }
        }
        this.allowedHosts = Set.copyOf(hosts);
        this.allowedRanges = List.copyOf(ranges);
    }

    /**
     * Why a webhook must not be sent to url's host, or empty when it may: the host is allowed by name, or every
     * address it resolves to now is public or allowed. A host that does not resolve is refused only when
     * mustResolve (before a delivery; a URL may be registered before its name is published).
     */
    public Optional<String> refusal(URI url, boolean mustResolve) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("no host");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(name)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return mustResolve ? Optional.of("host " + host + " does not resolve") : Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (!allowed(address)) {
                return Optional.of("target not allowed: " + host + " is " + address.getHostAddress());
            }
        }
        return Optional.empty();
    }

    /** True when a webhook may go to the address: it is public, or WEBHOOK_ALLOWED_TARGETS holds it. */
    boolean allowed(InetAddress address) {
        return allowedRanges.stream().anyMatch(range -> range.contains(address)) || isPublic(address);
    }

    private static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address && EMBEDDING_IPV4.stream().anyMatch(range -> range.contains(address))
                && !isUnspecifiedOrLoopback6(address)) {
            byte[] bytes = address.getAddress();
            return isPublic(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
        }
        return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || REFUSED.stream().anyMatch(range -> range.contains(address)));
    }

    private static boolean isUnspecifiedOrLoopback6(InetAddress address) {
        return address.isAnyLocalAddress() || address.isLoopbackAddress();
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
