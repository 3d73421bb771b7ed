package org.opencommerce.customer.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Operations per second of a CPU-bound operation in this JVM, on a number of threads at once: a ceiling. */
final class CpuRate {

    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    private CpuRate() {
    }

    static double perSecond(int threads, Duration warmup, Duration measured, Operation operation)
            throws InterruptedException {
        AtomicLong count = new AtomicLong();
        long from = System.nanoTime() + warmup.toNanos();
        long to = from + measured.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < to) {
                    try {
                        operation.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    long end = System.nanoTime();
                    if (end >= from && end <= to) {
                        count.incrementAndGet();
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return count.get() / (measured.toNanos() / 1e9);
    }
}
