package org.opencommerce.customer.mail.control;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mail templates as the outbox renders them: subject, text and HTML, languages, escaping. */
class MailTemplatesTest {

    private static final String LINK = "https://shop.example.com/opt-in?token=abc-123&lang=en";

    private final MailTemplates templates = new MailTemplates();

    private static Map<String, String> values(String firstName) {
        Map<String, String> values = new HashMap<>();
        values.put("firstName", firstName);
        values.put("link", LINK);
        values.put("token", "abc-123");
        return values;
    }

    @Test
    void render_optInInEnglish_fillsSubjectTextAndHtml() {
        MailTemplates.RenderedMail mail = templates.render("opt_in", "en", values("Ada"));
        assertEquals("Please confirm your account", mail.subject());
        assertEquals("Hello Ada,\n\nplease confirm your email address to activate your account:\n\n" + LINK + "\n\n"
                + "The link works once and expires in 24 hours. If you did not sign up, ignore this mail.\n", mail.text());
        assertTrue(mail.html().startsWith("<html><body><p>Hello Ada,</p>"), mail.html());
        assertTrue(mail.html().contains("<a href=\"https://shop.example.com/opt-in?token=abc-123&amp;lang=en\">"),
                mail.html());
    }

    @Test
    void render_withARegionalGermanLanguage_usesTheGermanTemplate() {
        MailTemplates.RenderedMail mail = templates.render("password_reset", "de_DE", values("Jörg"));
        assertEquals("Passwort zurücksetzen", mail.subject());
        assertTrue(mail.text().startsWith("Hallo Jörg,\n"), mail.text());
        assertTrue(mail.html().contains("<p>Hallo Jörg,</p>"), mail.html());
    }

    @Test
    void render_withALanguageWithoutTemplates_orNone_fallsBackToEnglish() {
        assertEquals("Reset your password", templates.render("password_reset", "fr", values("Ada")).subject());
        assertEquals("Reset your password", templates.render("password_reset", null, values("Ada")).subject());
        assertEquals("Reset your password", templates.render("password_reset", "x", values("Ada")).subject());
    }

    @Test
    void render_aValueWithMarkupAmpersandAndQuotes_isEscapedInHtml_andLeftPlainInSubjectAndText() {
        String hostile = "<script>alert(\"x\")</script> & 'Bobby'";
        Map<String, String> values = Map.of("firstName", hostile, "newEmail", "a&b@example.com");
        MailTemplates.RenderedMail mail = templates.render("email_changed_notice", "en", values);

        assertTrue(mail.html().contains(
                "<p>Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Bobby&#39;,</p>"), mail.html());
        assertTrue(mail.html().contains("changed to a&amp;b@example.com."), mail.html());
        assertFalse(mail.html().contains("<script>"), mail.html());
        assertTrue(mail.text().startsWith("Hello " + hostile + ",\n"), mail.text());
        assertTrue(mail.text().contains("changed to a&b@example.com."), mail.text());
    }

    @Test
    void render_aValueThatLooksLikeAPlaceholder_isNotExpanded() {
        Map<String, String> values = values("{{link}}");
        MailTemplates.RenderedMail mail = templates.render("deletion", "en", values);
        assertTrue(mail.text().startsWith("Hello {{link}},\n"), mail.text());
        assertTrue(mail.html().contains("<p>Hello {{link}},</p>"), mail.html());
    }

    @Test
    void render_aNullValue_isEmpty() {
        MailTemplates.RenderedMail mail = templates.render("deletion", "en", values(null));
        assertTrue(mail.text().startsWith("Hello ,\n"), mail.text());
        assertTrue(mail.html().contains("<p>Hello ,</p>"), mail.html());
    }

    @Test
    void render_aPlaceholderWithoutValue_isAnError() {
        assertThrows(RuntimeException.class, () -> templates.render("opt_in", "en", Map.of("firstName", "Ada")));
    }

    @Test
    void render_anUnknownTemplate_isAnError() {
        assertThrows(IllegalStateException.class, () -> templates.render("no_such_mail", "en", values("Ada")));
    }

    @Test
    void render_everyTemplateInEveryLanguage_withTheValuesItsSendersGive_leavesNoPlaceholder() {
        Map<String, String> all = values("Ada");
        all.put("newEmail", "new@example.com");
        all.put("retentionEndDate", "2027-01-31");
        for (String template : List.of("opt_in", "password_reset", "email_change", "deletion", "email_changed_notice",
                "password_migration_reminder")) {
            for (String language : List.of("en", "de")) {
                MailTemplates.RenderedMail mail = templates.render(template, language, all);
                for (String part : List.of(mail.subject(), mail.text(), mail.html())) {
                    assertFalse(part.isBlank(), template + "_" + language);
                    assertFalse(part.contains("{{") || part.contains("}}"), template + "_" + language + ": " + part);
                }
            }
        }
    }
}
