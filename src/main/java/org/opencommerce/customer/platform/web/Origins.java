package org.opencommerce.customer.platform.web;

import java.net.URI;
import java.util.Locale;

/** Web origins as browsers send them in {@code Origin}: {@code scheme://host[:port]}, lower case, no default port. */
public final class Origins {

    /** What a configured origin may look like: an http(s) origin, or "*" for any. */
    public static final String PATTERN = "(?i)\\*|https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?";

    private Origins() {
    }

    /** The origin of a URL or origin ("*" stays "*"); null when it is neither. */
    public static String of(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.trim();
        if ("*".equals(trimmed)) {
            return trimmed;
        }
        try {
            URI uri = URI.create(trimmed);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
