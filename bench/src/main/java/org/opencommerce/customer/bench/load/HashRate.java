package org.opencommerce.customer.bench.load;

import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.opencommerce.customer.credentials.control.PasswordHasher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling of a login: password verifications per second of the service's own hasher (PasswordHasher: Shiro,
 * Argon2id) with the server's parameters, one thread per core, in this JVM, with nothing else running.
 */
final class HashRate {

    final int iterations = intEnv("PASSWORD_HASH_ITERATIONS", 2);
    final int memoryKib = intEnv("PASSWORD_HASH_MEMORY_KIB", 19456);
    final int parallelism = intEnv("PASSWORD_HASH_PARALLELISM", 1);
    private final DefaultPasswordService service = PasswordHasher.argon2id(iterations, memoryKib, parallelism);

    String hash(String password) {
        return service.encryptPassword(password);
    }

    String parameters() {
        return "argon2id t=" + iterations + " m=" + memoryKib + "KiB p=" + parallelism + " (Shiro 2, BouncyCastle)";
    }

    double verificationsPerSecond(String password, Duration warmup, Duration measured) throws InterruptedException {
        String hash = hash(password);
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicLong count = new AtomicLong();
        long from = System.nanoTime() + warmup.toNanos();
        long to = from + measured.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (true) {
                    long begin = System.nanoTime();
                    if (begin >= to) {
                        return;
                    }
                    if (!service.passwordsMatch(password, hash)) {
                        throw new IllegalStateException("hash does not verify");
                    }
                    if (begin >= from && System.nanoTime() <= to) {
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

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
