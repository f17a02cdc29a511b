package io.trinity.web.security;

import io.trinity.core.demo.DemoDataProperties;
import io.trinity.core.staff.Role;
import io.trinity.core.staff.StaffAccounts;
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
 * {@code demo}. Outside demo mode no account has a default password.
 */
@Component
@Order(10)
@EnableConfigurationProperties({DemoDataProperties.class, AdminProperties.class})
public class InitialAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

    /** Demo logins and their roles, in the order the banner prints them. */
    public static final Map<String, Role> DEMO_USERS = demoUsers();

    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final AdminProperties admin;
    private final DemoDataProperties demo;
    private @Nullable String generatedAdminPassword;

    InitialAccounts(StaffAccounts accounts, PasswordEncoder encoder, AdminProperties admin, DemoDataProperties demo) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.admin = admin;
        this.demo = demo;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean demoMode = demo.enabled();
        if (accounts.count() == 0) {
            String password = admin.password();
            if (password == null || password.isBlank()) {
                if (demoMode) {
                    password = "demo";
                } else {
                    password = randomPassword();
                    generatedAdminPassword = password;
                    log.warn("Created user 'admin' with generated password: {}  (shown once; set "
                            + "CRM_ADMIN_PASSWORD to choose it)", password);
                }
            }
            accounts.create("admin", encoder.encode(password), "Administrator", EnumSet.of(Role.ADMIN));
        }
        if (demoMode) {
            DEMO_USERS.forEach((username, role) -> {
                if (!accounts.exists(username)) {
                    accounts.create(username, encoder.encode("demo"), null, EnumSet.of(role));
                }
            });
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
