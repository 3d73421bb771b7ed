package org.opencommerce.customer.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One service node of {@link GaleraClusterIT}, running the built WAR with settings from environment variables, as
 * README "Configuration" says: an Open Liberty server of its own (made from the suite's server, {@code it.server.name},
 * which the build creates, with the same server.xml, jvm.options and JDBC driver, but not the suite's test overrides),
 * started with {@code server run}; or Payara Micro, started the way the README says
 * ({@code server-config/payara/payara-micro.sh}), so that Payara's transaction path meets the cluster too. A child
 * process either way; stopped by killing its process tree (also at JVM exit).
 */
final class GaleraServiceNode implements AutoCloseable {

    /** Application start failures Liberty reports (then the node never gets ready). */
    private static final List<String> START_FAILURES = List.of("CWWKZ0002E", "CWWKZ0004E", "CWWKE0701E");
    /** Application start failures Payara Micro reports. */
    private static final List<String> PAYARA_START_FAILURES = List.of("Exception while loading the app",
            "Exception while deploying", "Deployment failed");
    /** An ERROR (or worse) line of Liberty's messages.log. */
    private static final Pattern LIBERTY_ERROR = Pattern.compile("^\\[[^\\]]+\\] \\p{XDigit}+ \\S+\\s+[EF] ");
    /** A SEVERE (or worse) line of Payara's log: its level value is 1000 or more (the level name comes coloured). */
    private static final Pattern PAYARA_ERROR = Pattern.compile("\\[levelValue: [1-9]\\d{3,}\\]");

    enum Server { LIBERTY, PAYARA_MICRO }

    private final Server server;
    private final int index;
    private final String name;
    private final int httpPort;
    private final Path wlp;
    private final Path serverDir;
    private final Map<String, String> environment;
    private Process process;
    private Thread killOnExit;

    private GaleraServiceNode(Server server, int index, String name, int httpPort, Path wlp, Path serverDir,
                              Map<String, String> environment) {
        this.server = server;
        this.index = index;
        this.name = name;
        this.httpPort = httpPort;
        this.wlp = wlp;
        this.serverDir = serverDir;
        this.environment = environment;
    }

    /**
     * Makes (afresh) the Liberty server of node index (1..3) on port httpPort, with the WAR in its dropins and these
     * environment variables on top of the defaults (ports, admin password).
     */
    static GaleraServiceNode create(int index, int httpPort, int httpsPort, Map<String, String> settings) throws IOException {
        Path wlp = Path.of(System.getProperty("it.wlp.home"));
        String name = System.getProperty("it.server.name") + "-galera" + index;
        Path template = wlp.resolve("usr/servers").resolve(System.getProperty("it.server.name"));
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("HTTP_PORT", String.valueOf(httpPort));
        environment.put("HTTPS_PORT", String.valueOf(httpsPort));
        environment.putAll(settings);
        GaleraServiceNode node = new GaleraServiceNode(Server.LIBERTY, index, name, httpPort, wlp,
                wlp.resolve("usr/servers").resolve(name), environment);
        killLeftover(wlp, name);
        deleteRecursively(node.serverDir);
        Files.createDirectories(node.serverDir.resolve("dropins"));
        for (String file : List.of("server.xml", "jvm.options", "bootstrap.properties")) {
            if (Files.exists(template.resolve(file))) {
                Files.copy(template.resolve(file), node.serverDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(Path.of(System.getProperty("it.war")), node.serverDir.resolve("dropins/customer-service.war"));
        return node;
    }

    /**
     * Makes (afresh) a Payara Micro node index (1..3) on port httpPort, in a directory of its own under the build
     * directory, with these environment variables on top of the script's defaults.
     */
    static GaleraServiceNode createPayaraMicro(int index, int httpPort, Map<String, String> settings) throws IOException {
        Path wlp = Path.of(System.getProperty("it.wlp.home"));
        String name = System.getProperty("it.server.name") + "-galera" + index + "-payara";
        Path dir = Path.of(System.getProperty("it.payara.dir")).resolveSibling(name);
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("HTTP_PORT", String.valueOf(httpPort));
        environment.put("PAYARA_DATA_DIR", dir.resolve("data").toString());
        environment.put("JAVA_OPTS", System.getProperty("it.galera.jvm.args", "-Xmx512m -XX:TieredStopAtLevel=1"));
        environment.putAll(settings);
        GaleraServiceNode node = new GaleraServiceNode(Server.PAYARA_MICRO, index, name, httpPort, wlp, dir, environment);
        killLeftoverPayara(httpPort);
        deleteRecursively(dir);
        Files.createDirectories(dir.resolve("logs"));
        return node;
    }

    int index() {
        return index;
    }

    String name() {
        return name;
    }

    String baseUri() {
        return "http://127.0.0.1:" + httpPort;
    }

    Path messagesLog() {
        return server == Server.LIBERTY ? serverDir.resolve("logs/messages.log") : serverDir.resolve("logs/server.log");
    }

    /** Whether a line of {@link #messagesLog()} is an ERROR (Liberty) or SEVERE (Payara) line. */
    boolean isErrorLine(String line) {
        return (server == Server.LIBERTY ? LIBERTY_ERROR : PAYARA_ERROR).matcher(line).find();
    }

    /** Where the messages.log of a failed first start is kept (a second start begins a new one). */
    Path firstStartLog() {
        return serverDir.resolve("messages-first-start.log");
    }

    Path consoleLog() {
        return serverDir.resolve("console-run.log");
    }

    /** Launches the server; returns at once (see {@link #awaitReady}). */
    synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " runs already");
        }
        // a previous run's logs and state would mislead the readiness and log checks
        deleteRecursively(serverDir.resolve("logs"));
        deleteRecursively(serverDir.resolve("workarea"));
        ProcessBuilder builder;
        if (server == Server.LIBERTY) {
            builder = new ProcessBuilder(List.of(wlp.resolve("bin/server").toString(), "run", name))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()));
        } else {
            Files.createDirectories(serverDir.resolve("logs"));
            builder = new ProcessBuilder(List.of("bash", System.getProperty("it.payara.script"),
                    System.getProperty("it.payara.jar"), System.getProperty("it.war"), System.getProperty("it.jdbc.driver")))
                    .directory(serverDir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(messagesLog().toFile()));
        }
        builder.redirectErrorStream(true);
        builder.environment().putAll(environment);
        // C1 only: three servers starting at once on 2 cores take half the time (measured: 77 s instead of 160 s to
        // ready), and the password hash costs the same here
        builder.environment().putIfAbsent("JVM_ARGS", System.getProperty("it.galera.jvm.args", "-Xmx512m -XX:TieredStopAtLevel=1"));
        process = builder.start();
        Process started = process;
        killOnExit = new Thread(() -> killTree(started), name + "-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Returns once /health/ready answers 200; fails as soon as the process ends or Liberty reports that the
     * application did not start, or after the timeout, with the log lines that say why.
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUri() + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + " ended during start:\n" + failureLines());
            }
            String failure = startFailure();
            if (failure != null) {
                throw new IllegalStateException(name + ": the application did not start (" + failure + "):\n" + failureLines());
            }
            try {
                HttpResponse<String> answer = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + " (last answer: " + last + "):\n"
                + failureLines());
    }

    private String startFailure() {
        String log = messages();
        return (server == Server.LIBERTY ? START_FAILURES : PAYARA_START_FAILURES).stream().filter(log::contains)
                .findFirst().orElse(null);
    }

    String messages() {
        try {
            return Files.exists(messagesLog()) ? Files.readString(messagesLog(), StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first ERROR lines of messages.log, each with the deepest cause of its stack trace (a start failure's report). */
    String failureLines() {
        List<String> lines = messages().lines().toList();
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < lines.size() && shown < 3; i++) {
            String line = lines.get(i);
            if (isErrorLine(line)) {
                shown++;
                out.append(shorten(line)).append('\n');
                String deepest = null;
                for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("["); j++) {
                    if (lines.get(j).startsWith("Caused by")) {
                        deepest = lines.get(j);
                    }
                }
                if (deepest != null) {
                    out.append("    root cause: ").append(shorten(deepest.strip())).append('\n');
                }
            }
        }
        return out.isEmpty() ? "(no ERROR line in " + messagesLog() + ")" : out.toString();
    }

    private static String shorten(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /**
     * A thread dump of the server's JVM (jcmd Thread.print) written to a file next to its logs; answers the first
     * request thread that runs application code, its top frames (for a report of a hanging request).
     */
    String dumpThreads(String label) throws InterruptedException {
        if (process == null) {
            return "(not running)";
        }
        Path into = serverDir.resolve("threads-" + label + ".txt");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<Long> jvms = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(handle -> handle.info().command().map(command -> command.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid).toList();
        try {
            for (long pid : jvms) {
                new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(into.toFile())).start().waitFor(30, TimeUnit.SECONDS);
            }
            String dump = Files.exists(into) ? Files.readString(into) : "";
            List<String> threads = List.of(dump.split("\n\n"));
            // a request thread (in the web container) running application code, else any thread in application code
            for (String thread : Stream.concat(threads.stream().filter(t -> t.contains("com.ibm.ws.webcontainer")
                            || t.contains("http-thread-pool")),
                    threads.stream()).toList()) {
                if (thread.contains("org.opencommerce")) {
                    List<String> lines = thread.lines().limit(40).toList();
                    return into + ": " + String.join(" | ", lines.stream().map(String::strip)
                            .filter(line -> !line.startsWith("- ")).limit(25).toList());
                }
            }
            return into + " (no request thread in application code)";
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    /** Kills the server's process tree (as a crash would; the tests need no graceful stop). */
    synchronized void stop() throws InterruptedException {
        if (process != null) {
            killTree(process);
            process.waitFor(30, TimeUnit.SECONDS);
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException exiting) {
                // the hook runs anyway
            }
            process = null;
        }
    }

    /** A server of this name left running by an earlier test JVM that was killed (its shutdown hooks never ran). */
    private static void killLeftover(Path wlp, String name) {
        String launcher = wlp.resolve("bin/tools/ws-server.jar") + " " + name;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> (" " + String.join(" ", args) + " ").contains(launcher + " ")
                        || String.join(" ", args).endsWith(launcher)).orElse(false))
                .forEach(p -> {
                    System.out.println("Killing " + name + " left running by an earlier run (pid " + p.pid() + ")");
                    p.destroyForcibly();
                    p.onExit().join();
                });
    }

    /** A Payara Micro node on this port left running by an earlier test JVM that was killed. */
    private static void killLeftoverPayara(int httpPort) {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> String.join(" ", args))
                        .map(args -> args.contains("payara-micro.jar") && args.contains("--port " + httpPort + " "))
                        .orElse(false))
                .forEach(p -> {
                    System.out.println("Killing the Payara Micro node on " + httpPort + " left running by an earlier run");
                    p.destroyForcibly();
                    p.onExit().join();
                });
    }

    private static void killTree(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
