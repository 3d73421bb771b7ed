package org.opencommerce.customer.platform.data;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;

import javax.transaction.xa.XAException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The database refused a transaction for a conflict with another one: it lost a deadlock (MariaDB 1213, also what a
 * Galera cluster answers when another node's commit certified first), waited too long for a row lock (1205), or its
 * commit failed. Running the operation again in a new transaction may succeed; the resources retry it (MicroProfile
 * Fault Tolerance) and answer 503 with {@code Retry-After} when the retries run out.
 */
public class TransactionConflict extends RuntimeException {

    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final String SERIALIZATION_FAILURE = "40001";

    /** Attempts of {@link #retried}: enough for every node of a cluster that starts at the same moment. */
    private static final int START_UP_ATTEMPTS = 10;
    private static final long PAUSE_MILLIS = 100;

    public TransactionConflict(Throwable cause) {
        super("The transaction met a conflict: " + cause, cause);
    }

    /**
     * A conflict anywhere in the cause chain. A commit that failed counts: the servers report a commit the database
     * refused (a Galera certification failure) as a rollback or a heuristic outcome without the SQL error behind it.
     */
    public static boolean isConflict(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < 20 && current != null; depth++) {
            if (current instanceof TransactionConflict) {
                return true;
            }
            if (current instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK
                    || sql.getErrorCode() == LOCK_WAIT_TIMEOUT || SERIALIZATION_FAILURE.equals(sql.getSQLState()))) {
                return true;
            }
            if (current instanceof RollbackException || current instanceof HeuristicMixedException
                    || current instanceof HeuristicRollbackException || current instanceof XAException) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    /**
     * Runs work (a call of a transactional bean: each attempt a transaction of its own) again while it fails for a
     * conflict, for start-up work that no resource's {@code @Retry} covers, such as the first node's key creation
     * racing another node's. The work must be idempotent: an attempt whose commit was reported failed may have
     * committed.
     */
    public static <T> T retried(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= START_UP_ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(PAUSE_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to try again", e);
        }
    }
}
