package io.trinity.staff.web;

import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.staff.Role;
import io.trinity.staff.StaffAccount;
import io.trinity.staff.StaffAccounts;
import io.trinity.staff.StaffAudit;
import io.trinity.shared.NotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates, edits, deactivates and resets staff accounts with validation shared by the API and the console form;
 * hashes passwords here; every change is audited with who made it.
 */
@Service
class StaffAdministration {

    static final int MIN_PASSWORD = 10;

    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final StaffAudit audit;

    StaffAdministration(StaffAccounts accounts, PasswordEncoder encoder, StaffAudit audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    List<StaffAccount> list() {
        return accounts.list();
    }

    StaffAccount create(@Nullable String username, @Nullable String password, @Nullable String displayName,
            @Nullable List<String> roles, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("^[a-z0-9][a-z0-9._-]{1,49}$")) {
            errors.add(new FieldError("username", "must be 2-50 lower-case letters, digits, '.', '_' or '-'"));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new FieldError("password", "must have at least " + MIN_PASSWORD + " characters"));
        }
        Set<Role> parsed = roles(roles, displayName, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (accounts.exists(name)) {
            throw new ConflictException("username", "user '" + name + "' already exists");
        }
        StaffAccount created = accounts.create(name, encoder.encode(password),
                displayName == null || displayName.isBlank() ? null : displayName.strip(), parsed);
        audit.record(StaffAudit.Event.ACCOUNT_CREATED, name, actor, null, "roles " + parsed.stream().map(Role::name)
                .sorted().collect(java.util.stream.Collectors.joining(",")));
        return created;
    }

    StaffAccount get(String username) {
        return accounts.find(username).orElseThrow(() -> new NotFoundException("no user '" + username + "'"));
    }

    /**
     * Changes an account's name and roles, audited with who did it. Nobody removes their own admin role (the
     * last way back into the administration would go with it).
     */
    StaffAccount update(String username, @Nullable String displayName, @Nullable List<String> roles, String actor) {
        StaffAccount account = get(username);
        List<FieldError> errors = new ArrayList<>();
        Set<Role> parsed = roles(roles, displayName, errors);
        if (username.equals(actor) && account.roles().contains(Role.ADMIN) && !parsed.contains(Role.ADMIN)) {
            errors.add(new FieldError("roles", "you cannot take the admin role from yourself"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        accounts.update(username, displayName == null || displayName.isBlank() ? null : displayName.strip(), parsed);
        audit.record(StaffAudit.Event.ACCOUNT_UPDATED, username, actor, null, "roles " + parsed.stream()
                .map(Role::name).sorted().collect(java.util.stream.Collectors.joining(",")));
        return get(username);
    }

    /** Deactivates or reactivates an account (never one's own); a deactivated account cannot sign in. */
    void setActive(String username, boolean active, String actor) {
        get(username);
        if (username.equals(actor) && !active) {
            throw new InvalidInputException("enabled", "you cannot deactivate your own account");
        }
        accounts.setEnabled(username, active);
        audit.record(active ? StaffAudit.Event.ACCOUNT_REACTIVATED : StaffAudit.Event.ACCOUNT_DEACTIVATED, username,
                actor, null, null);
    }

    /**
     * Hands out a temporary password (shown once to the administrator): it only lets its owner choose a new one
     * at the next sign-in.
     */
    String resetPassword(String username, String actor) {
        get(username);
        String temporary = temporaryPassword();
        accounts.resetPassword(username, encoder.encode(temporary));
        audit.record(StaffAudit.Event.PASSWORD_RESET, username, actor, null, null);
        return temporary;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I): easy to read out, ~90 bits. */
    static String temporaryPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static Set<Role> roles(@Nullable List<String> roles, @Nullable String displayName,
            List<FieldError> errors) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        if (roles == null || roles.isEmpty()) {
            errors.add(new FieldError("roles", "choose at least one role"));
        } else {
            for (String role : roles) {
                try {
                    parsed.add(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("roles", "'" + role + "' is not a role"));
                }
            }
        }
        if (displayName != null && displayName.length() > 200) {
            errors.add(new FieldError("displayName", "is longer than 200 characters"));
        }
        return parsed;
    }
}
