package org.opencommerce.customer.verification.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.apache.shiro.crypto.hash.HashRequest;
import org.apache.shiro.lang.util.ByteSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.JsonText;
import org.opencommerce.customer.verification.entity.Password;
import org.opencommerce.customer.verification.entity.PasswordHash;

import java.util.concurrent.Semaphore;

/**
 * Hashes and checks passwords with Apache Shiro's password service (Argon2id). The hashing is CPU- and memory-bound,
 * so at most a few run at once; an unknown account is checked against a dummy hash so that it costs the same time.
 * The default parameters are the least memory-hungry of OWASP's equivalent Argon2id settings (m=7 MiB, t=5): the
 * hash's memory is Java heap here, and 19 MiB per hash made the garbage collector the bottleneck of login (see
 * docs/decisions.md, "Password hashing parameters"). A stored hash carries its own parameters, so changing them never
 * locks anyone out.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    @ConfigProperty(name = "PASSWORD_HASH_ITERATIONS", defaultValue = "5")
    int iterations;

    @Inject
    @ConfigProperty(name = "PASSWORD_HASH_MEMORY_KIB", defaultValue = "7168")
    int memoryKib;

    @Inject
    @ConfigProperty(name = "PASSWORD_HASH_PARALLELISM", defaultValue = "1")
    int parallelism;

    @Inject
    @ConfigProperty(name = "PASSWORD_HASH_CONCURRENCY", defaultValue = "0")
    int concurrency;

    /** How Shiro's hashes begin; anything else is an imported hash. */
    private static final String NATIVE_PREFIX = "$shiro2$";

    private DefaultPasswordService passwords;
    private Semaphore permits;
    private String dummyHash;

    @PostConstruct
    void init() {
        passwords = argon2id(iterations, memoryKib, parallelism);
        // Hashing is CPU-bound: more hashes at once than cores adds no throughput, only memory (m KiB each).
        permits = new Semaphore(concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors(), true);
        dummyHash = passwords.encryptPassword("timing-equaliser");
    }

    /** Shiro's password service, hashing new passwords with Argon2id and these parameters (also used by bench/). */
    public static DefaultPasswordService argon2id(int iterations, int memoryKib, int parallelism) {
        return new DefaultPasswordService() {
            @Override
            protected HashRequest createHashRequest(ByteSource plaintext) {
                return new HashRequest.Builder()
                        .setSource(plaintext)
                        .setAlgorithmName("argon2id")
                        .addParameter("Argon2.iterations", String.valueOf(iterations))
                        .addParameter("Argon2.memoryKib", String.valueOf(memoryKib))
                        .addParameter("Argon2.parallelism", String.valueOf(parallelism))
                        .build();
            }
        };
    }

    public PasswordHash hash(Password password) {
        return new PasswordHash(bounded(() -> passwords.encryptPassword(password.value())));
    }

    /**
     * True when password matches the stored hash, the service's own or an imported one ({@link ForeignHashes}); a
     * missing hash costs the same time and never matches.
     */
    public boolean matches(Password password, String storedHash) {
        String plain = password.value();
        if (storedHash == null) {
            bounded(() -> passwords.passwordsMatch(plain, dummyHash));
            return false;
        }
        if (!storedHash.startsWith(NATIVE_PREFIX)) {
            return bounded(() -> ForeignHashes.matches(plain, storedHash));
        }
        return bounded(() -> passwords.passwordsMatch(plain, storedHash));
    }

    /** True when password matches an imported legacy record ({@link LegacyPasswords}). */
    public boolean matchesLegacy(String algorithm, String hash, String contextJson, Password password) {
        return bounded(() -> LegacyPasswords.matches(algorithm, hash, JsonText.objectOrEmpty(contextJson), password.value()));
    }

    /** False for an imported hash: the first login that proves the password replaces it with the service's own. */
    public static boolean isCurrent(String storedHash) {
        return storedHash != null && storedHash.startsWith(NATIVE_PREFIX + "argon2id$");
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
