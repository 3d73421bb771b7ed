package org.opencommerce.customer.platform;

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
import java.util.regex.Pattern;

/**
 * Which address a request comes from: the TCP peer, or, when the peer is a proxy listed in TRUSTED_PROXIES (addresses
 * or CIDR ranges), the nearest address in {@code X-Forwarded-For} that is not such a proxy. A header from anyone else
 * is ignored, so that a client cannot choose the address it is throttled under.
 */
@ApplicationScoped
public class ClientAddresses {

    /** IPv4 dotted quads, or IPv6 (with a colon): InetAddress parses these without asking DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|(?=.{2,45}$)[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    /** Comma-separated; read as one string, since Payara cannot inject an optional list. */
    @Inject
    @ConfigProperty(name = "TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    private final List<Range> trusted = new ArrayList<>();

    @PostConstruct
    void init() {
        Arrays.stream(trustedProxies.orElse("").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(entry -> trusted.add(Range.parse(entry)));
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
        if (literal == null || !IP_LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or a CIDR range of TRUSTED_PROXIES. */
    private record Range(byte[] network, int prefixBits) {

        static Range parse(String entry) {
            String[] parts = entry.split("/", 2);
            byte[] network = bytesOf(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: not an IP address: " + entry);
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            return new Range(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
