package io.trinity.web.security;

import io.trinity.core.staff.Role;
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
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two doors. The API ({@code /api/**}) is stateless HTTP Basic: 401 without credentials, 403 for a role that may
 * not call the endpoint, decided before any body is read. The console is form login with CSRF and a session
 * cookie. {@code INTEGRATION} accounts may only push data in; they cannot read customers back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

    static final String[] STAFF = {Role.MARKETING.name(), Role.PR.name(), Role.SERVICE.name(),
        Role.LOYALTY_ADMIN.name(), Role.ADMIN.name()};
    static final String[] INGEST = {Role.INTEGRATION.name(), Role.ADMIN.name()};
    static final String[] LOYALTY = {Role.LOYALTY_ADMIN.name(), Role.ADMIN.name()};

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
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/*").hasAnyRole(STAFF)
                        .requestMatchers("/api/v1/cases", "/api/v1/cases/*")
                        .hasAnyRole(Role.SERVICE.name(), Role.PR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/ledger/adjustments")
                        .hasAnyRole(LOYALTY)
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/redemptions", "/api/v1/referrals",
                                "/api/v1/customers/*/referral-code")
                        .hasAnyRole(Role.SERVICE.name(), Role.LOYALTY_ADMIN.name(), Role.ADMIN.name(),
                                Role.INTEGRATION.name())
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
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Trinity\"");
                    problem(response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic credentials.");
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

    @Bean
    @Order(3)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/loyalty", "/loyalty/**").hasAnyRole(LOYALTY)
                        .requestMatchers("/marketing", "/marketing/**")
                        .hasAnyRole(Role.MARKETING.name(), Role.ADMIN.name())
                        .requestMatchers("/pr/**").hasAnyRole(Role.PR.name(), Role.ADMIN.name())
                        .requestMatchers("/service/**")
                        .hasAnyRole(Role.SERVICE.name(), Role.PR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/scoring/weights", "/scoring/segments")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/scoring/runs")
                        .hasAnyRole(Role.ADMIN.name(), Role.MARKETING.name())
                        .anyRequest().hasAnyRole(STAFF))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'")));
        return http.build();
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
