package io.trinity.security;

import io.trinity.staff.SignInThrottle;
import io.trinity.staff.StaffAudit;
import io.trinity.staff.ThrottlePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks a username and password (by delegating) only when neither the account nor the client address is being
 * throttled (see {@link ThrottlePolicy}); a throttled or locked attempt fails exactly like a wrong password, so nobody learns which accounts
 * exist or are locked. Every failure and every console sign-in is logged and audited (never the password); HTTP
 * Basic sign-ins, which come with every API call, are audited once per user and address every ten minutes. A
 * database that cannot be reached is an infrastructure failure, never a wrong password.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottlingAuthenticationProvider.class);
    private static final Duration BASIC_AUDIT_INTERVAL = Duration.ofMinutes(10);

    private final AuthenticationProvider delegate;
    private final SignInThrottle throttle;
    private final StaffAudit audit;
    private final SignInProperties settings;
    private final Map<String, Instant> lastBasicAudit = new ConcurrentHashMap<>();

    ThrottlingAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle, StaffAudit audit,
            SignInProperties settings) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName();
        String address = address(authentication);
        String accountKey = SignInThrottle.accountKey(username);
        String addressKey = SignInThrottle.addressKey(address);
        String channel = channel();
        try {
            ThrottlePolicy.State accountState = throttle.state(accountKey);
            ThrottlePolicy.State addressState = throttle.state(addressKey);
            Instant now = Instant.now();
            if (!settings.accountPolicy().allows(accountState, now)
                    || !settings.addressPolicy().allows(addressState, now)) {
                log.warn("Sign-in refused while throttled: user '{}' from {} ({})", StaffAuditNames.of(username),
                        address, channel);
                audit.record(StaffAudit.Event.SIGN_IN_THROTTLED, username, null, address, channel);
                throw new BadCredentialsException("Bad credentials");
            }
            Authentication result;
            try {
                result = delegate.authenticate(authentication);
            } catch (CredentialsExpiredException e) {
                // The password was right; the account must choose a new one first.
                clear(accountKey, accountState);
                audit.record(StaffAudit.Event.SIGN_IN_PASSWORD_CHANGE_REQUIRED, username, null, address, channel);
                throw e;
            } catch (InternalAuthenticationServiceException e) {
                throw e;
            } catch (AuthenticationException e) {
                ThrottlePolicy.State account = throttle.failed(accountKey, settings.accountPolicy());
                throttle.failed(addressKey, settings.addressPolicy());
                log.warn("Failed sign-in for user '{}' from {} ({}): {} consecutive failure(s){}",
                        StaffAuditNames.of(username), address, channel, account.failures(),
                        account.lockedUntil() == null ? "" : "; locked until " + account.lockedUntil());
                audit.record(StaffAudit.Event.SIGN_IN_FAILED, username, null, address,
                        channel + (account.lockedUntil() == null ? "" : "; locked until " + account.lockedUntil()));
                throw e;
            }
            clear(accountKey, accountState);
            if ("console".equals(channel) || basicAuditDue(username + "|" + address)) {
                log.info("Signed in: user '{}' from {} ({})", result.getName(), address, channel);
                audit.record(StaffAudit.Event.SIGN_IN, result.getName(), result.getName(), address, channel);
            }
            return result;
        } catch (DataAccessException | TransactionException e) {
            throw new InternalAuthenticationServiceException("the account store cannot be reached", e);
        }
    }

    /** A right password clears the account's failures; the address's fade with time only. */
    private void clear(String accountKey, ThrottlePolicy.@Nullable State accountState) {
        if (accountState != null) {
            throttle.succeeded(accountKey);
        }
    }

    private boolean basicAuditDue(String key) {
        Instant now = Instant.now();
        Instant last = lastBasicAudit.get(key);
        if (last != null && last.plus(BASIC_AUDIT_INTERVAL).isAfter(now)) {
            return false;
        }
        if (lastBasicAudit.size() > 10_000) {
            lastBasicAudit.clear();
        }
        lastBasicAudit.put(key, now);
        return true;
    }

    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }

    private static String channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String path = attributes.getRequest().getServletPath();
            return path.equals("/login") ? "console" : path.startsWith("/api/") ? "api" : "basic";
        }
        return "other";
    }

    /** How a typed username may appear in the log. */
    static final class StaffAuditNames {
        private StaffAuditNames() {
        }

        static String of(String typed) {
            String s = typed.strip();
            return s.matches("[A-Za-z0-9._@-]{1,50}") ? s : "(not a username)";
        }
    }
}
