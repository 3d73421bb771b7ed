package org.opencommerce.customer.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The WAR under test on Payara Micro, started the way the README says (server-config/payara/payara-micro.sh) against
 * the suite's MariaDB (its own database) and SMTP server.
 */
final class PayaraMicroServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    static final String ADMIN_PASSWORD = "payara-admin-secret";

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
        builder.environment().putAll(Map.of(
                "HTTP_PORT", String.valueOf(port),
                "DB_URL", "jdbc:mariadb://127.0.0.1:" + System.getProperty("it.db.port")
                        + "/customer_payara?createDatabaseIfNotExist=true",
                "SMTP_PORT", System.getProperty("it.smtp.port"),
                "PAYARA_DATA_DIR", dir.resolve("data").toString(),
                "ADMIN_PASSWORD", ADMIN_PASSWORD,
                "JAVA_OPTS", "-Xmx512m"));
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
            close();
            throw new IllegalStateException(e.getMessage() + ":\n" + tail(), e);
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
