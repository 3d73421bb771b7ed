package org.opencommerce.customer.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The WAR under test on Payara Micro, started the way the README says (server-config/payara/payara-micro.sh): a second
 * node of the suite's service, on the same database and SMTP server as the Liberty node, with the same settings.
 */
final class PayaraMicroServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraMicroServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static PayaraMicroServer start() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("it.payara.dir"));
        Path log = dir.resolve("server.log");
        int port = Integer.getInteger("it.payara.port");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", System.getProperty("it.payara.script"),
                System.getProperty("it.payara.jar"), System.getProperty("it.war"), System.getProperty("it.jdbc.driver")))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("HTTP_PORT", String.valueOf(port));
        environment.put("DB_URL", "jdbc:mariadb://127.0.0.1:" + System.getProperty("it.db.port") + "/customer_it");
        environment.put("DB_USER", "root");
        environment.put("SMTP_PORT", System.getProperty("it.smtp.port"));
        environment.put("PAYARA_DATA_DIR", dir.resolve("data").toString());
        environment.put("JAVA_OPTS", "-Xmx512m");
        // the Liberty node's settings (src/test/liberty/it-overrides.xml)
        environment.put("ADMIN_PASSWORD", Api.OPERATOR_SECRET);
        environment.put("TRUSTED_PROXIES", "127.0.0.1");
        environment.put("LOGIN_THROTTLE_BASE_SECONDS", "2");
        environment.put("LOGIN_THROTTLE_MAX_SECONDS", "4");
        environment.put("THROTTLE_ADDRESS_FREE_ATTEMPTS", "30");
        environment.put("THROTTLE_ADDRESS_BASE_SECONDS", "2");
        environment.put("THROTTLE_ADDRESS_MAX_SECONDS", "4");
        environment.put("OUTBOX_POLL_MILLIS", "300");
        // the test receivers listen on 127.0.0.1 (PayaraNodeIT's webhooks)
        environment.put("WEBHOOK_ALLOWED_TARGETS", "127.0.0.1");
        environment.put("OUTBOX_RETRY_BASE_SECONDS", "1");
        environment.put("OUTBOX_RETRY_MAX_SECONDS", "2");
        PayaraMicroServer server = new PayaraMicroServer(builder.start(), log, port);
        server.awaitReady();
        return server;
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    private void awaitReady() throws IOException, InterruptedException {
        try {
            Readiness.await(baseUri(), START_TIMEOUT, process::isAlive);
        } catch (IllegalStateException e) {
            Path threads = log.resolveSibling("threads-when-not-ready.txt");
            dumpThreads(threads);
            close();
            throw new IllegalStateException(e.getMessage() + " (thread dump: " + threads + "):\n" + tail(), e);
        }
    }

    /** A thread dump of the server's JVM, for a start that hangs (seen rarely: started, yet never answering). */
    private void dumpThreads(Path into) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<Long> jvms = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(handle -> handle.info().command().map(command -> command.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid).toList();
        for (long pid : jvms) {
            try {
                new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(into.toFile())).start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                // only a diagnosis: the start has failed either way
            }
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
