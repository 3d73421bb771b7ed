package org.opencommerce.customer.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IP address or a CIDR range of them (IPv4 or IPv6), as settings list them (TRUSTED_PROXIES, WEBHOOK_ALLOWED_TARGETS). */
public record AddressRange(byte[] network, int prefixBits) {

    /** IPv4 dotted quads, or IPv6 (with a colon): InetAddress parses these without asking DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|(?=.{2,45}$)[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    public AddressRange {
        if (prefixBits < 0 || prefixBits > network.length * 8) {
            throw new IllegalArgumentException("not a prefix length of the address: /" + prefixBits);
        }
        network = network.clone();
    }

    /** An address ("10.0.0.1", "::1": itself alone) or a range ("10.0.0.0/8", "fc00::/7"). */
    public static AddressRange parse(String entry) {
        String[] parts = entry.split("/", 2);
        InetAddress network = literal(parts[0].trim());
        if (network == null) {
            throw new IllegalArgumentException("not an IP address: " + entry);
        }
        byte[] bytes = network.getAddress();
        try {
            return new AddressRange(bytes, parts.length == 2 ? Integer.parseInt(parts[1].trim()) : bytes.length * 8);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR range: " + entry, e);
        }
    }

    /** The address the text is a literal of, or null when it is none (a host name is never resolved). */
    public static InetAddress literal(String text) {
        if (text == null || !IP_LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    public boolean contains(byte[] address) {
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
