package io.trinity.security;

import io.trinity.api.Unavailability;
import io.trinity.staff.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import io.trinity.staff.SignInThrottle;
import io.trinity.staff.StaffAudit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;


/**
 * Two doors. The API ({@code /api/**}) is stateless HTTP Basic: 401 without credentials, 403 for a role that may
 * not call the endpoint, decided before any body is read. The console is form login with CSRF and a session
 * cookie. {@code INTEGRATION} accounts may only push data in; they cannot read customers back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties({SignInProperties.class, ApiDocsProperties.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String[] STAFF = {Role.MARKETING.name(), Role.PR.name(), Role.SERVICE.name(),
        Role.LOYALTY_ADMIN.name(), Role.ADMIN.name()};
    static final String[] INGEST = {Role.INTEGRATION.name(), Role.ADMIN.name()};
    static final String[] LOYALTY = {Role.LOYALTY_ADMIN.name(), Role.ADMIN.name()};
    /** Who reviews and merges duplicate customers. */
    static final String[] DEDUPE = {Role.SERVICE.name(), Role.MARKETING.name(), Role.ADMIN.name()};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/checkins").permitAll()
                        .requestMatchers("/api/v1/connections", "/api/v1/connections/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/identities").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/identities/*/link")
                        .hasAnyRole(Role.PR.name(), Role.SERVICE.name(), Role.ADMIN.name())
                        .requestMatchers("/api/v1/loyalty/**").hasAnyRole(LOYALTY)
                        // Cases and their notes: the same roles as the console's service desk (/service/**).
                        .requestMatchers("/api/v1/cases", "/api/v1/cases/*")
                        .hasAnyRole(Role.SERVICE.name(), Role.PR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/ledger/adjustments")
                        .hasAnyRole(LOYALTY)
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/redemptions", "/api/v1/referrals",
                                "/api/v1/customers/*/referral-code")
                        .hasAnyRole(Role.SERVICE.name(), Role.LOYALTY_ADMIN.name(), Role.ADMIN.name(),
                                Role.INTEGRATION.name())
                        .requestMatchers("/api/v1/duplicates/scans", "/api/v1/duplicates/scans/*")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/merges/*/undo").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/duplicates", "/api/v1/merges/*",
                                "/api/v1/duplicates/identities").hasAnyRole(DEDUPE)
                        .requestMatchers(HttpMethod.POST, "/api/v1/duplicates/*/reject", "/api/v1/customers/*/merge",
                                "/api/v1/duplicates/identities/*/link", "/api/v1/duplicates/identities/*/reject")
                        .hasAnyRole(DEDUPE)
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers").hasAnyRole(INGEST)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/customers/*").hasAnyRole(INGEST)
                        .requestMatchers(HttpMethod.GET, "/api/v1/customers", "/api/v1/customers/**")
                        .hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/orders", "/api/v1/activities",
                                "/api/v1/imports/customers", "/api/v1/imports/orders").hasAnyRole(INGEST)
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/scoring/runs")
                        .hasAnyRole(Role.ADMIN.name(), Role.MARKETING.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/scoring/**").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/scoring/weights").hasRole(Role.ADMIN.name())
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (Unavailability.isInfrastructure(e)) {
                        Unavailability.problem(response);
                        return;
                    }
                    if (e instanceof InternalAuthenticationServiceException) {
                        log.error("Sign-in failed on our side", e);
                        problem(response, HttpStatus.INTERNAL_SERVER_ERROR,
                                "Something went wrong on our side; it has been logged.");
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Trinity\"");
                    problem(response, HttpStatus.UNAUTHORIZED, e instanceof CredentialsExpiredException
                            ? "This account must choose a new password in the console (/account/password) first."
                            : "Sign in with HTTP Basic credentials.");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problem(response, HttpStatus.FORBIDDEN, "Your role may not call this endpoint.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Operations endpoints: health for everyone, the rest (metrics, info) for admins with HTTP Basic. */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Checks passwords through the throttle: a guessing attack is slowed per account and per client address, and
     * every failure is audited.
     */
    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder,
            SignInThrottle throttle, StaffAudit audit, SignInProperties settings) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ThrottlingAuthenticationProvider(passwords, throttle, audit, settings);
    }

    /**
     * The live API documentation: staff only unless {@code crm.api-docs.public} opens it. A signed-in console user
     * reads it in the browser (a visitor is sent to sign in); tools fetch it with HTTP Basic.
     */
    @Bean
    @Order(3)
    SecurityFilterChain apiDocs(HttpSecurity http, ApiDocsProperties apiDocs) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(auth -> {
                    if (apiDocs.open()) {
                        auth.anyRequest().permitAll();
                    } else {
                        auth.anyRequest().hasAnyRole(STAFF);
                    }
                })
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> {
                    String accept = request.getHeader("Accept");
                    if (accept != null && accept.contains("text/html")) {
                        response.sendRedirect(request.getContextPath() + "/login");
                    } else {
                        response.setHeader("WWW-Authenticate", "Basic realm=\"Trinity\"");
                        problem(response, HttpStatus.UNAUTHORIZED, "Sign in to read the API documentation.");
                    }
                }));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain console(HttpSecurity http, io.trinity.staff.StaffAccounts accounts) throws Exception {
        http.addFilterBefore(new LiveAccountFilter(accounts),
                org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                            "/unavailable", "/account/password").permitAll();
                    auth
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/duplicates/scans", "/merges/*/undo")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/duplicates", "/duplicates/**", "/customers/*/merge").hasAnyRole(DEDUPE)
                        .requestMatchers("/loyalty", "/loyalty/**").hasAnyRole(LOYALTY)
                        .requestMatchers("/customers/*/edit").hasAnyRole(Role.SERVICE.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/customers/*/redemptions")
                        .hasAnyRole(Role.SERVICE.name(), Role.LOYALTY_ADMIN.name(), Role.ADMIN.name())
                        .requestMatchers("/marketing", "/marketing/**")
                        .hasAnyRole(Role.MARKETING.name(), Role.ADMIN.name())
                        .requestMatchers("/pr/**").hasAnyRole(Role.PR.name(), Role.ADMIN.name())
                        .requestMatchers("/service/**")
                        .hasAnyRole(Role.SERVICE.name(), Role.PR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/scoring/weights", "/scoring/segments")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/scoring/runs")
                        .hasAnyRole(Role.ADMIN.name(), Role.MARKETING.name())
                        .anyRequest().hasAnyRole(STAFF);
                })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(SecurityConfiguration::consoleSignInFailed).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'")));
        return http.build();
    }

    /**
     * Where a failed console sign-in goes: the password page when the password was right but must change, a
     * "temporarily unavailable" page when the database cannot be reached, otherwise back with "wrong username or
     * password" (also for throttled and locked accounts).
     */
    private static void consoleSignInFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        if (Unavailability.isInfrastructure(e)) {
            response.sendRedirect(request.getContextPath() + "/unavailable");
        } else if (e instanceof CredentialsExpiredException) {
            request.getSession().setAttribute(PasswordChangeController.USERNAME, request.getParameter("username"));
            response.sendRedirect(request.getContextPath() + "/account/password?expired");
        } else {
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
