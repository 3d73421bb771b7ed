package org.opencommerce.customer.it;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.opencommerce.customer.devservices.IntegrationServices;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the service under test mailed to the suite's SMTP server. */
public final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");

    private Mailbox() {
    }

    /** The mails received for recipient so far. */
    public static List<MimeMessage> mailsTo(String recipient) {
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage message : IntegrationServices.smtp().getReceivedMessages()) {
                for (Address to : message.getAllRecipients()) {
                    if (to.toString().equalsIgnoreCase(recipient)) {
                        found.add(message);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Waits (up to 20 s) until recipient has received count mails, and answers the last one. */
    public static MimeMessage awaitMail(String recipient, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = mailsTo(recipient);
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            sleep(200);
        }
        throw new AssertionError("No mail number " + count + " for " + recipient + " within 20 s");
    }

    public static MimeMessage awaitMail(String recipient) {
        return awaitMail(recipient, 1);
    }

    /** The token in the link of a mail (from its plain-text part). */
    public static String tokenIn(MimeMessage mail) {
        Matcher matcher = TOKEN.matcher(text(mail));
        if (!matcher.find()) {
            throw new AssertionError("No token link in: " + text(mail));
        }
        SecretsSeen.add(matcher.group(1));
        return matcher.group(1);
    }

    public static String text(MimeMessage mail) {
        try {
            return (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String html(MimeMessage mail) {
        try {
            return (String) ((Multipart) mail.getContent()).getBodyPart(1).getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
