package org.opencommerce.customer.mail.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mail texts, one pair of files per template and language under {@code mail/} on the class path:
 * {@code <template>_<lang>.txt} (its first line is {@code Subject: ...}) and {@code <template>_<lang>.html}.
 * {@code {{name}}} placeholders are replaced by the values, HTML-escaped in the HTML part. English is the fallback.
 */
@ApplicationScoped
public class MailTemplates {

    static final String FALLBACK_LANGUAGE = "en";

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public RenderedMail render(String template, String preferredLanguage, Map<String, String> values) {
        String language = language(template, preferredLanguage);
        String text = read(template + "_" + language + ".txt");
        int firstLineEnd = text.indexOf('\n');
        String subject = text.substring(0, firstLineEnd).replaceFirst("^Subject:\\s*", "").trim();
        String body = text.substring(firstLineEnd + 1);
        String html = read(template + "_" + language + ".html");
        return new RenderedMail(fill(subject, values, false), fill(body, values, false), fill(html, values, true));
    }

    /** "de_DE" → "de" when a German template exists, else English. */
    private String language(String template, String preferredLanguage) {
        if (preferredLanguage != null && preferredLanguage.length() >= 2) {
            String language = preferredLanguage.substring(0, 2).toLowerCase(Locale.ROOT);
            if (exists(template + "_" + language + ".txt")) {
                return language;
            }
        }
        return FALLBACK_LANGUAGE;
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        String result = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            String text = value.getValue() == null ? "" : value.getValue();
            result = result.replace("{{" + value.getKey() + "}}", html ? escapeHtml(text) : text);
        }
        return result;
    }

    private static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private boolean exists(String name) {
        return cache.containsKey(name) || getClass().getClassLoader().getResource("mail/" + name) != null;
    }

    private String read(String name) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("mail/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("Missing mail template mail/" + n);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A mail ready to be queued. */
    public record RenderedMail(String subject, String text, String html) {
    }
}
