package io.trinity.app;

import io.trinity.demo.DemoDataProperties;
import io.trinity.security.AdminProperties;
import io.trinity.security.InitialAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started Trinity where the console is and how to sign in. */
@Component
@ConditionalOnWebApplication
class StartupBanner {

    private final DemoDataProperties demo;
    private final AdminProperties admin;
    private final InitialAccounts accounts;

    StartupBanner(DemoDataProperties demo, AdminProperties admin, InitialAccounts accounts) {
        this.demo = demo;
        this.admin = admin;
        this.accounts = accounts;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        StringBuilder banner = new StringBuilder("\n\n  Trinity sCRM is running at http://localhost:" + port + "/\n");
        if (demo.enabled()) {
            banner.append("  Demo logins (user / password):\n");
            InitialAccounts.DEMO_USERS.forEach((user, role) -> {
                String password = user.equals("admin") && admin.password() != null && !admin.password().isBlank()
                        ? "(crm.admin.password)" : "demo";
                banner.append(String.format("    %-12s %-10s %s%n", user, password, role));
            });
        } else if (accounts.generatedAdminPassword() != null) {
            banner.append("  Sign in as 'admin' with the generated password: ")
                    .append(accounts.generatedAdminPassword()).append("  (shown once)\n");
        }
        banner.append("  API reference: http://localhost:").append(port).append("/swagger-ui.html\n");
        System.out.println(banner);
    }
}
