package io.trinity.security;

import io.trinity.staff.SignInThrottle;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets failed sign-ins older than a day that hold no lock, so guessed usernames do not pile up. */
@Component
class SignInHousekeeping {

    private final SignInThrottle throttle;

    SignInHousekeeping(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldFailures() {
        throttle.forgetOlderThan(Duration.ofDays(1));
    }
}
