package org.opencommerce.customer.platform.cluster;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs an operation again when its transaction lost a deadlock (MariaDB 1213) or timed out waiting for a row lock
 * (1205): the resource method calls its EJB, whose transaction has ended, so each attempt is a new transaction. At
 * most LOCK_CONFLICT_ATTEMPTS attempts, a short random pause between them; then the failure goes on (503).
 */
@RetriedOnLockConflict
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class LockConflictRetries {

    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int PAUSE_MILLIS = 50;

    @Inject
    @ConfigProperty(name = "LOCK_CONFLICT_ATTEMPTS", defaultValue = "3")
    int attempts;

    @AroundInvoke
    public Object retry(InvocationContext invocation) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                if (attempt >= attempts || !isLockConflict(e)) {
                    throw e;
                }
                Thread.sleep(PAUSE_MILLIS * attempt + ThreadLocalRandom.current().nextInt(PAUSE_MILLIS));
            }
        }
    }

    /** A deadlock or a lock wait timeout anywhere in the cause chain. */
    public static boolean isLockConflict(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < 20 && current != null; depth++) {
            if (current instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK
                    || sql.getErrorCode() == LOCK_WAIT_TIMEOUT || "40001".equals(sql.getSQLState()))) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }
}
