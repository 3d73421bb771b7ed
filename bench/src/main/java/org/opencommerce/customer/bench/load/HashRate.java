package org.opencommerce.customer.bench.load;

import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.opencommerce.customer.verification.control.PasswordHasher;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling of a login: password verifications per second of the service's own hasher (PasswordHasher: Shiro,
 * Argon2id), checking a hash the running server made, so with the parameters it is configured with, in this JVM,
 * with nothing else running.
 */
final class HashRate {

    private static final Pattern PARAMETERS = Pattern.compile("\\$argon2id\\$v=19\\$t=(\\d+),m=(\\d+),p=(\\d+)\\$");

    private final String storedHash;
    private final int iterations;
    private final int memoryKib;
    private final int parallelism;
    private final DefaultPasswordService service;

    /** storedHash: a password hash the server stored (its parameters are read from it). */
    HashRate(String storedHash) {
        Matcher parameters = PARAMETERS.matcher(storedHash);
        if (!parameters.find()) {
            throw new IllegalArgumentException("not a Shiro Argon2id hash: " + storedHash.replaceAll("\\$[^$]*$", "$..."));
        }
        this.storedHash = storedHash;
        iterations = Integer.parseInt(parameters.group(1));
        memoryKib = Integer.parseInt(parameters.group(2));
        parallelism = Integer.parseInt(parameters.group(3));
        service = PasswordHasher.argon2id(iterations, memoryKib, parallelism);
    }

    String parameters() {
        return "argon2id t=" + iterations + " m=" + memoryKib + "KiB p=" + parallelism + " (Shiro 2, BouncyCastle)";
    }

    /** Verifications of password against the stored hash per second, on threads threads at once. */
    double verificationsPerSecond(String password, int threads, Duration warmup, Duration measured)
            throws InterruptedException {
        return CpuRate.perSecond(threads, warmup, measured, () -> {
            if (!service.passwordsMatch(password, storedHash)) {
                throw new IllegalStateException("the stored hash is not of the bench password");
            }
        });
    }
}
