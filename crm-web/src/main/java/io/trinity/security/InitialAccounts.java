package io.trinity.security;

import io.trinity.demo.DemoDataProperties;
import io.trinity.staff.Role;
import io.trinity.staff.StaffAccount;
import io.trinity.staff.StaffAccounts;
import io.trinity.staff.StaffAudit;
import java.util.List;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts a new installation needs: an {@code admin} on an empty database (password from
 * {@code crm.admin.password}, else random and printed once), and in demo mode one login per team with password
 * {@code demo}. Outside demo mode no handed-out password keeps working: see {@link #retireDefaultPasswords()}.
 */
@Component
@Order(10)
@EnableConfigurationProperties({DemoDataProperties.class, AdminProperties.class})
public class InitialAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

    static final String DEMO_PASSWORD = "demo";

    /** Demo logins and their roles, in the order the banner prints them. */
    public static final Map<String, Role> DEMO_USERS = demoUsers();

    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final AdminProperties admin;
    private final DemoDataProperties demo;
    private final StaffAudit audit;
    private @Nullable String generatedAdminPassword;

    InitialAccounts(StaffAccounts accounts, PasswordEncoder encoder, AdminProperties admin, DemoDataProperties demo,
            StaffAudit audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.encoder = encoder;
        this.admin = admin;
        this.demo = demo;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean demoMode = demo.enabled();
        checkOlderAccounts();
        if (accounts.count() == 0) {
            String password = admin.password();
            boolean handedOut = false;
            if (password == null || password.isBlank()) {
                if (demoMode) {
                    password = DEMO_PASSWORD;
                    handedOut = true;
                } else {
                    password = randomPassword();
                    generatedAdminPassword = password;
                    log.warn("Created user 'admin' with generated password: {}  (shown once; set "
                            + "CRM_ADMIN_PASSWORD to choose it)", password);
                }
            }
            accounts.create("admin", encoder.encode(password), "Administrator", EnumSet.of(Role.ADMIN), handedOut);
        }
        if (demoMode) {
            DEMO_USERS.forEach((username, role) -> {
                if (!accounts.exists(username)) {
                    accounts.create(username, encoder.encode(DEMO_PASSWORD), null, EnumSet.of(role), true);
                } else if (!username.equals("admin") || admin.password() == null || admin.password().isBlank()) {
                    accounts.find(username).filter(a -> Boolean.TRUE.equals(a.defaultPassword()))
                            .ifPresent(a -> accounts.restoreDemoLogin(username, a.passwordHash()));
                }
            });
        } else {
            retireDefaultPasswords();
        }
        List<String> left = accounts.withDefaultPassword();
        if (!left.isEmpty()) {
            log.warn("{} account(s) still have a default password ({}){}", left.size(), String.join(", ", left),
                    demoMode ? ": demo mode is on; do not keep real customer data here"
                            : "; they must choose a new one at their next sign-in");
        }
    }

    /**
     * Outside demo mode no handed-out password may open the console: demo logins other than {@code admin} are
     * disabled, and {@code admin} takes {@code crm.admin.password} when it is set, else must choose a new password
     * at its next sign-in (so an installation is never locked out of its own admin account).
     */
    private void retireDefaultPasswords() {
        for (String username : accounts.withDefaultPassword()) {
            if (username.equals("admin") && admin.password() != null && !admin.password().isBlank()) {
                accounts.changePassword(username, encoder.encode(admin.password()));
                log.warn("User 'admin' had the demo password; it now has the one set by CRM_ADMIN_PASSWORD");
                audit.record(StaffAudit.Event.PASSWORD_CHANGED, username, "system", null,
                        "default password replaced by crm.admin.password");
            } else if (DEMO_USERS.containsKey(username) && !username.equals("admin")) {
                accounts.setEnabled(username, false);
                accounts.requirePasswordChange(username);
                log.warn("Demo login '{}' disabled: demo mode is off and it still has the demo password", username);
                audit.record(StaffAudit.Event.DEFAULT_PASSWORD_DISABLED, username, "system", null, "demo mode off");
            } else {
                accounts.requirePasswordChange(username);
                log.warn("User '{}' still has a default password: it must choose a new one at its next sign-in",
                        username);
                audit.record(StaffAudit.Event.DEFAULT_PASSWORD_CHANGE_REQUIRED, username, "system", null,
                        "demo mode off");
            }
        }
    }

    /** Accounts made before default passwords were tracked are checked against the demo password once. */
    private void checkOlderAccounts() {
        for (StaffAccount account : accounts.uncheckedForDefaultPassword()) {
            accounts.markDefaultPassword(account.username(), encoder.matches(DEMO_PASSWORD, account.passwordHash()));
        }
    }

    /** The admin password generated on this start, if one was. */
    public @Nullable String generatedAdminPassword() {
        return generatedAdminPassword;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, Role> demoUsers() {
        Map<String, Role> users = new LinkedHashMap<>();
        users.put("marketing", Role.MARKETING);
        users.put("pr", Role.PR);
        users.put("service", Role.SERVICE);
        users.put("loyalty", Role.LOYALTY_ADMIN);
        users.put("admin", Role.ADMIN);
        users.put("integration", Role.INTEGRATION);
        return users;
    }
}
