package org.opencommerce.customer.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The 3-node MariaDB Galera cluster of {@link GaleraClusterIT}, driven through {@code galera/cluster.sh} (the same
 * script an engineer uses by hand; galera/README.md). Needs Debian's mariadb-server, galera-4, mariadb-client and
 * rsync (installed by .ci/run). The nodes are stopped at close and, should the test JVM end otherwise, by a shutdown
 * hook.
 */
final class GaleraCluster implements AutoCloseable {

    static final int NODES = 3;

    private final Path script;
    private final Path dir;
    private final int offset;
    private final Path log;
    private final Thread stopOnExit;

    GaleraCluster(Path script, Path dir, int offset) {
        this.script = script;
        this.dir = dir;
        this.offset = offset;
        this.log = dir.resolveSibling(dir.getFileName() + "-cluster.log");
        this.stopOnExit = new Thread(() -> {
            try {
                run(Duration.ofSeconds(40), "stop");
            } catch (Exception e) {
                System.err.println("Could not stop the Galera cluster at exit: " + e);
            }
        }, "galera-cluster-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** The cluster of the build's settings: it.galera.script, it.galera.dir, it.galera.port.offset. */
    static GaleraCluster fromSystemProperties() {
        return new GaleraCluster(Path.of(System.getProperty("it.galera.script", "galera/cluster.sh")),
                Path.of(System.getProperty("it.galera.dir", "target/galera")), Integer.getInteger("it.galera.port.offset", 0));
    }

    /** The SQL port of node n (1..3). */
    int sqlPort(int n) {
        return 23305 + n + offset;
    }

    /**
     * The JDBC URL of a service node whose first database is Galera node {@code first} (1..3), the others following in
     * ring order: the URL of README "Galera" (its options: it.galera.url.options).
     */
    String serviceUrl(int first) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            hosts.add("127.0.0.1:" + sqlPort((first - 1 + i) % NODES + 1));
        }
        return "jdbc:mariadb:sequential://" + String.join(",", hosts) + "/customer?"
                + System.getProperty("it.galera.url.options", "galeraAllowedState=4&retriesAllDown=2&sessionVariables=wsrep_sync_wait=3");
    }

    /** A fresh cluster (the data directory is wiped): node 1 bootstrapped, 2 and 3 joined, database and users made. */
    void start() throws IOException, InterruptedException {
        run(Duration.ofSeconds(240), "start");
    }

    /** kill -9 of node n. */
    void kill(int n) throws IOException, InterruptedException {
        run(Duration.ofSeconds(30), "kill", String.valueOf(n));
    }

    /** Starts node n again (after a kill); returns once it is launched, not yet synced: see {@link #awaitSynced}. */
    void restart(int n) throws IOException, InterruptedException {
        run(Duration.ofSeconds(120), "restart", String.valueOf(n));
    }

    void awaitSynced(int n, Duration within) throws IOException, InterruptedException {
        run(within.plusSeconds(10), "wait", String.valueOf(n), "Synced", String.valueOf(within.toSeconds()));
    }

    /** One line per node: pid, cluster size, state and status as the node reports them. */
    String status() throws IOException, InterruptedException {
        return run(Duration.ofSeconds(30), "status");
    }

    /** Whether node n's mariadbd runs (as far as the script's pid file tells). */
    boolean isRunning(int n) throws IOException, InterruptedException {
        return status().lines().anyMatch(line -> line.startsWith("node" + n + " ") && line.contains(" pid="));
    }

    /** Restarts every node that is down and waits until all three are synced (the start of a destructive test). */
    void ensureAllUp(Duration within) throws IOException, InterruptedException {
        List<Integer> restarted = new ArrayList<>();
        for (int n = 1; n <= NODES; n++) {
            if (!isRunning(n)) {
                restart(n);
                restarted.add(n);
            }
        }
        for (int n = 1; n <= NODES; n++) {
            awaitSynced(n, within);
        }
    }

    /** A direct connection to node n as root (reads wait until the node has applied what the cluster committed). */
    Connection connect(int n) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + sqlPort(n)
                + "/customer?sessionVariables=wsrep_sync_wait=1&connectTimeout=5000&socketTimeout=20000", "root", "");
    }

    /** The first column of the first row of a query on node n, as a long (0 when there is no row). */
    long number(int n, String sql, Object... params) throws SQLException {
        try (Connection db = connect(n); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** Every row of a query on node n, each as its columns joined by " | ". */
    List<String> rows(int n, String sql, Object... params) throws SQLException {
        try (Connection db = connect(n); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<String> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> values = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        values.add(rows.getString(c));
                    }
                    found.add(String.join(" | ", values));
                }
            }
            return found;
        }
    }

    /** wsrep_cluster_size as node n reports it. */
    long clusterSize(int n) throws SQLException {
        String size = wsrepStatus(n, "wsrep_cluster_size");
        return size.isEmpty() ? 0 : Long.parseLong(size);
    }

    /** wsrep_cluster_status as node n reports it (Primary, non-Primary, Disconnected). */
    String clusterStatus(int n) throws SQLException {
        return wsrepStatus(n, "wsrep_cluster_status");
    }

    /** A wsrep status variable of node n, asked over a connection of its own (the node may be the only one up). */
    private String wsrepStatus(int n, String variable) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + sqlPort(n) + "/?connectTimeout=5000",
                "root", ""); PreparedStatement query = db.prepareStatement("SHOW GLOBAL STATUS LIKE ?")) {
            query.setString(1, variable);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(2) : "";
            }
        }
    }

    /** Waits until node n no longer reports itself in the primary component; answers when it did. */
    java.time.Instant awaitNotPrimary(int n, Duration within) throws SQLException, InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(within);
        while (java.time.Instant.now().isBefore(deadline)) {
            if (!"Primary".equals(clusterStatus(n))) {
                return java.time.Instant.now();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("node " + n + " still in the primary component after " + within);
    }

    Path log() {
        return log;
    }

    private String run(Duration timeout, String command, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("bash", script.toString(), command));
        line.addAll(List.of(args));
        line.add(dir.toString());
        Files.createDirectories(log.getParent());
        Path output = Files.createTempFile(log.getParent(), "galera-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("GALERA_PORT_OFFSET", String.valueOf(offset));
            Process process = builder.start();
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String text = Files.readString(output);
            Files.writeString(log, "$ cluster.sh " + String.join(" ", line.subList(2, line.size())) + "\n" + text,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            if (!ended || process.exitValue() != 0) {
                throw new IllegalStateException("cluster.sh " + command + " " + String.join(" ", args)
                        + (ended ? " failed (" + process.exitValue() + ")" : " did not end within " + timeout) + ":\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(Duration.ofSeconds(40), "stop");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException exiting) {
                // the hook runs anyway
            }
        }
    }
}
