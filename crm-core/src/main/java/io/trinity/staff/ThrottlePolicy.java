package io.trinity.staff;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How consecutive failed sign-ins slow down guessing: the first {@code freeFailures} cost nothing; after that each
 * failure makes the next attempt wait twice as long as the one before (1 s, 2 s, 4 s … up to {@code maxDelay});
 * at {@code lockAfter} failures the key is locked for {@code lockDuration}. An attempt that comes too early is
 * refused without looking at the password, so the right password does not work during a delay or a lock. A
 * successful sign-in clears an account's count; an address's count only fades with time, so one valid login
 * cannot wash away a password spray from the same address. Plain
 * Java; the same policy serves accounts and client addresses with their own numbers.
 */
public record ThrottlePolicy(int freeFailures, Duration maxDelay, int lockAfter, Duration lockDuration) {

    public ThrottlePolicy {
        if (freeFailures < 0 || lockAfter <= freeFailures || maxDelay.isNegative() || lockDuration.isNegative()) {
            throw new IllegalArgumentException("free failures must be fewer than the failures that lock");
        }
    }

    /** What is stored for one key after its latest failure. */
    public record State(int failures, Instant lastFailureAt, @Nullable Instant lockedUntil) {
    }

    /** When the next attempt for this key is allowed; {@code null} means at once. */
    public @Nullable Instant nextAttemptAllowedAt(@Nullable State state) {
        if (state == null) {
            return null;
        }
        if (state.lockedUntil() != null) {
            return state.lockedUntil();
        }
        Duration delay = delayAfter(state.failures());
        return delay.isZero() ? null : state.lastFailureAt().plus(delay);
    }

    public boolean allows(@Nullable State state, Instant now) {
        Instant allowed = nextAttemptAllowedAt(state);
        return allowed == null || !now.isBefore(allowed);
    }

    /**
     * The state after one more failure at {@code now}. A lock that has run out, or a quiet spell as long as a lock
     * since the last failure, starts the count afresh.
     */
    public State afterFailure(@Nullable State state, Instant now) {
        boolean fresh = state == null
                || (state.lockedUntil() != null && !now.isBefore(state.lockedUntil()))
                || !now.isBefore(state.lastFailureAt().plus(lockDuration));
        int failures = fresh ? 1 : state.failures() + 1;
        Instant lockedUntil = failures >= lockAfter ? now.plus(lockDuration) : null;
        return new State(failures, now, lockedUntil);
    }

    Duration delayAfter(int failures) {
        int slowed = failures - freeFailures;
        if (slowed <= 0) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(slowed - 1, 30);
        Duration delay = Duration.ofSeconds(seconds);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
