package org.opencommerce.customer.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * How long a HotSpot JVM's JIT compilers have worked so far: its {@code java.ci.totalTime} performance counter (in
 * ticks of {@code sun.os.hrt.frequency}), read with the JDK's {@code jcmd PerfCounter.print}. The warm-up runs until
 * this stops growing: for minutes after start the compilers take about a core of the two, so a run measured earlier
 * measures the compilers.
 */
final class CompilerActivity {

    private static final String TOTAL_TIME = "java.ci.totalTime";
    private static final String FREQUENCY = "sun.os.hrt.frequency";

    private final long pid;
    private final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    CompilerActivity(long pid) {
        this.pid = pid;
    }

    /** The compilers' total time in seconds, empty when the counters cannot be read (no pid, no jcmd, no perf data). */
    OptionalDouble seconds() {
        if (pid <= 0 || !Files.isExecutable(jcmd)) {
            return OptionalDouble.empty();
        }
        Path output = null;
        try {
            // into a file, not a pipe: reading a pipe to its end would wait for a hung jcmd past the timeout
            output = Files.createTempFile("jcmd-perf", ".txt");
            Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "PerfCounter.print")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return OptionalDouble.empty();
            }
            if (process.exitValue() != 0) {
                return OptionalDouble.empty();
            }
            Map<String, Long> counters = counters(Files.readString(output, StandardCharsets.UTF_8));
            Long ticks = counters.get(TOTAL_TIME);
            Long frequency = counters.get(FREQUENCY);
            return ticks == null || frequency == null || frequency == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) ticks / frequency);
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a left-over temporary file is harmless
                }
            }
        }
    }

    /** The two counters of jcmd's "name=value" lines. */
    private static Map<String, Long> counters(String output) {
        Map<String, Long> counters = new HashMap<>();
        for (String line : output.split("\n")) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = line.substring(0, equals).trim();
            if (name.equals(TOTAL_TIME) || name.equals(FREQUENCY)) {
                try {
                    counters.put(name, Long.parseLong(line.substring(equals + 1).trim()));
                } catch (NumberFormatException e) {
                    // not a number: the counter stays unknown
                }
            }
        }
        return counters;
    }
}
