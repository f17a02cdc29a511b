package io.trinity.security;

import io.trinity.staff.Role;
import io.trinity.staff.StaffAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console session follows its account as it is now: a deactivated account is signed out at its next request,
 * and changed roles apply at once (the session held the roles of the sign-in). One indexed lookup per page.
 */
class LiveAccountFilter extends OncePerRequestFilter {

    private final StaffAccounts accounts;

    LiveAccountFilter(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.equals("/login") || path.equals("/error") || path.equals("/unavailable");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken signedIn && signedIn.isAuthenticated()
                && request.getSession(false) != null) {
            Set<Role> roles;
            try {
                roles = accounts.activeRoles(signedIn.getName());
            } catch (DataAccessException | org.springframework.transaction.TransactionException e) {
                chain.doFilter(request, response); // the page itself answers "temporarily unavailable"
                return;
            }
            if (roles.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?deactivated");
                return;
            }
            Set<String> now = roles.stream().map(Role::name).map(r -> "ROLE_" + r).collect(Collectors.toSet());
            Set<String> held = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).collect(Collectors.toSet());
            if (!now.equals(held)) {
                var refreshed = UsernamePasswordAuthenticationToken.authenticated(signedIn.getPrincipal(), null,
                        now.stream().map(SimpleGrantedAuthority::new).toList());
                refreshed.setDetails(signedIn.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(refreshed);
                SecurityContextHolder.setContext(context);
                request.getSession().setAttribute(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
        chain.doFilter(request, response);
    }
}
