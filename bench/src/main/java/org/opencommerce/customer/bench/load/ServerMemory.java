package org.opencommerce.customer.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the resident set size of a server process (Linux /proc) twice a second; reports the peak of each run. */
final class ServerMemory implements AutoCloseable {

    private final Path status;
    private final AtomicLong peakKib = new AtomicLong();
    private final Thread sampler;

    ServerMemory(long pid) {
        this.status = pid > 0 ? Path.of("/proc", String.valueOf(pid), "status") : null;
        this.sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        if (status != null) {
            sampler.start();
        }
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            long rss = currentKib();
            peakKib.accumulateAndGet(rss, Math::max);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long currentKib() {
        if (status == null) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    void startPeak() {
        peakKib.set(currentKib());
    }

    long peakMib() {
        return Math.max(peakKib.get(), currentKib()) / 1024;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
