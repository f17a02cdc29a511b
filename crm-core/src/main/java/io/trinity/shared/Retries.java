package io.trinity.shared;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a whole transaction again when PostgreSQL chose it as a deadlock victim or could not serialise it. Such a
 * failure says nothing about the request, so a client must never see it; writers take their locks in a fixed order
 * (sorted keys) so that this is rare, and a few tries with a short random pause settle the rest. Inside a
 * transaction that someone else started, it does not retry (only that transaction's owner can).
 */
public final class Retries {

    private static final Logger log = LoggerFactory.getLogger(Retries.class);
    static final int ATTEMPTS = 5;

    private Retries() {
    }

    /** {@code transaction} must begin and end its own transaction (a TransactionTemplate call). */
    public static <T> T onConflict(Supplier<T> transaction) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (DataAccessException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                log.info("Transaction retried after a lock conflict (attempt {} of {}): {}", attempt, ATTEMPTS,
                        e.getMostSpecificCause().getMessage());
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Deadlock (40P01), serialization failure (40001) or a lock wait given up (55P03). */
    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return switch (sql.getSQLState()) {
                    case "40P01", "40001", "55P03" -> true;
                    default -> false;
                };
            }
        }
        return e instanceof PessimisticLockingFailureException;
    }
}
