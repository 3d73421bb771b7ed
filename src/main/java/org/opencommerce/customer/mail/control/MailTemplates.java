package org.opencommerce.customer.mail.control;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mail texts, one pair of Mustache files per template and language under {@code mail/} on the class path:
 * {@code <template>_<lang>.txt} (its first line is {@code Subject: ...}) and {@code <template>_<lang>.html}.
 * {@code {{name}}} placeholders take the values: HTML-escaped in the HTML part, as they are in the subject and the text.
 * A value of null is left empty; a placeholder without a value is an error. Each file is compiled once, on first use.
 * English is the fallback.
 */
@ApplicationScoped
public class MailTemplates {

    static final String FALLBACK_LANGUAGE = "en";

    /** The five characters that matter in HTML text and quoted attributes (JMustache's own escaper adds {@code `} and {@code =}). */
    private static final Mustache.Escaper HTML = Escapers.simple(new String[][]{
            {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});
    private static final Mustache.Compiler HTML_COMPILER = Mustache.compiler().withEscaper(HTML).nullValue("");
    private static final Mustache.Compiler TEXT_COMPILER = Mustache.compiler().escapeHTML(false).nullValue("");

    /** By "template_lang", the templates that exist (a language without them is looked up again, never cached). */
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    public RenderedMail render(String template, String preferredLanguage, Map<String, String> values) {
        Compiled mail = compiled(template, preferredLanguage)
                .or(() -> compiled(template, FALLBACK_LANGUAGE))
                .orElseThrow(() -> new IllegalStateException("Missing mail template mail/" + template + "_"
                        + FALLBACK_LANGUAGE + ".txt"));
        return new RenderedMail(mail.subject().execute(values), mail.text().execute(values), mail.html().execute(values));
    }

    /** "de_DE" → the German template, when there is one. */
    private Optional<Compiled> compiled(String template, String preferredLanguage) {
        if (preferredLanguage == null || preferredLanguage.length() < 2) {
            return Optional.empty();
        }
        String language = preferredLanguage.substring(0, 2).toLowerCase(Locale.ROOT);
        String name = template + "_" + language;
        Compiled known = compiled.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Compiled> found = compile(name);
        found.ifPresent(mail -> compiled.putIfAbsent(name, mail));
        return found;
    }

    private static Optional<Compiled> compile(String name) {
        return read(name + ".txt").map(text -> {
            int firstLineEnd = text.indexOf('\n');
            String subject = text.substring(0, firstLineEnd).replaceFirst("^Subject:\\s*", "").trim();
            String html = read(name + ".html").orElseThrow(() -> new IllegalStateException(
                    "Missing mail template mail/" + name + ".html"));
            return new Compiled(TEXT_COMPILER.compile(subject), TEXT_COMPILER.compile(text.substring(firstLineEnd + 1)),
                    HTML_COMPILER.compile(html));
        });
    }

    private static Optional<String> read(String name) {
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream("mail/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Compiled(Template subject, Template text, Template html) {
    }

    /** A mail ready to be queued. */
    public record RenderedMail(String subject, String text, String html) {
    }
}
