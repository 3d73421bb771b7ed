package org.opencommerce.customer.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One scenario at one concurrency: each client (a thread) is set up, then all send requests back to back for the
 * warm-up and the measured period. Throughput and latencies are those of the requests that ended within the measured
 * period, whenever they started: counting only requests that also started within it would drop up to one request per
 * client at each edge, which halves the rate of a slow scenario (a login queued for seconds at 64 clients).
 */
final class LoadRun {

    /** One client's next request: true when it was answered as expected. */
    @FunctionalInterface
    interface Client {
        boolean call() throws Exception;
    }

    /** Sets up client number index (logs in, ...) before the clock starts. */
    @FunctionalInterface
    interface ClientFactory {
        Client create(int index) throws Exception;
    }

    record Result(String system, String scenario, int concurrency, String note, double seconds, long requests,
                  long errors, double perSecond, double p50Millis, double p95Millis, double p99Millis, long serverRssMib) {

        Result withServerRssMib(long mib) {
            return new Result(system, scenario, concurrency, note, seconds, requests, errors, perSecond, p50Millis,
                    p95Millis, p99Millis, mib);
        }
    }

    private LoadRun() {
    }

    static Result run(String system, String scenario, String note, int concurrency, Duration warmup, Duration measured,
                      ClientFactory factory, ServerMemory memory) throws Exception {
        long[] window = new long[2];
        // The clock starts when every client is set up (logged in, ...): the barrier's action sets the window.
        CyclicBarrier start = new CyclicBarrier(concurrency + 1, () -> {
            window[0] = System.nanoTime() + warmup.toNanos();
            window[1] = window[0] + measured.toNanos();
        });
        long[][] latencies = new long[concurrency][];
        long[] counts = new long[concurrency];
        long[] errors = new long[concurrency];
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                try {
                    Client client = factory.create(index);
                    start.await();
                    long measureFrom = window[0];
                    long measureTo = window[1];
                    while (true) {
                        long begin = System.nanoTime();
                        if (begin >= measureTo) {
                            break;
                        }
                        boolean ok;
                        try {
                            ok = client.call();
                        } catch (Exception e) {
                            ok = false;
                        }
                        long end = System.nanoTime();
                        if (end >= measureFrom && end <= measureTo) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = end - begin;
                            if (!ok) {
                                errors[index]++;
                            }
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    try {
                        start.await();
                    } catch (Exception ignored) {
                        // the run fails anyway
                    }
                }
                latencies[index] = Arrays.copyOf(mine, n);
                counts[index] = n;
            }, "client-" + i);
            threads.add(thread);
            thread.start();
        }
        start.await();
        memory.startPeak();
        for (Thread thread : threads) {
            thread.join();
        }
        long peakRss = memory.peakMib();
        if (failure.get() != null) {
            throw new IllegalStateException(system + " " + scenario + ": client set-up failed", failure.get());
        }
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] part : latencies) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        double seconds = measured.toNanos() / 1e9;
        return new Result(system, scenario, concurrency, note, seconds, total, Arrays.stream(errors).sum(),
                total / seconds, percentile(all, 0.50), percentile(all, 0.95), percentile(all, 0.99), peakRss);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
