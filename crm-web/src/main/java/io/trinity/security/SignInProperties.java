package io.trinity.security;

import io.trinity.staff.ThrottlePolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of failed sign-ins (form and HTTP Basic alike), per account and per client address.
 *
 * @param accountFreeFailures  failures of one account before attempts are slowed (default 3)
 * @param accountLockAfter     failures of one account that lock it (default 10)
 * @param accountLock          how long such a lock lasts (default 15 minutes)
 * @param addressFreeFailures  failures from one address before its attempts are slowed (default 20)
 * @param addressLockAfter     failures from one address that lock it out (default 100)
 * @param addressLock          how long such a lock lasts (default 15 minutes)
 * @param maxDelay             longest delay between slowed attempts (default 60 s)
 */
@ConfigurationProperties("crm.security.sign-in")
public record SignInProperties(@DefaultValue("3") int accountFreeFailures, @DefaultValue("10") int accountLockAfter,
        @DefaultValue("15m") Duration accountLock, @DefaultValue("20") int addressFreeFailures,
        @DefaultValue("100") int addressLockAfter, @DefaultValue("15m") Duration addressLock,
        @DefaultValue("60s") Duration maxDelay) {

    ThrottlePolicy accountPolicy() {
        return new ThrottlePolicy(accountFreeFailures, maxDelay, accountLockAfter, accountLock);
    }

    ThrottlePolicy addressPolicy() {
        return new ThrottlePolicy(addressFreeFailures, maxDelay, addressLockAfter, addressLock);
    }
}
