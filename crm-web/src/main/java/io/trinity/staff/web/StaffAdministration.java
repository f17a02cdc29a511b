package io.trinity.staff.web;

import io.trinity.shared.ConflictException;
import io.trinity.shared.FieldError;
import io.trinity.shared.InvalidInputException;
import io.trinity.staff.Role;
import io.trinity.staff.StaffAccount;
import io.trinity.staff.StaffAccounts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates staff accounts with validation shared by the API and the console form; hashes passwords here. */
@Service
class StaffAdministration {

    static final int MIN_PASSWORD = 10;

    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;

    StaffAdministration(StaffAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    List<StaffAccount> list() {
        return accounts.list();
    }

    StaffAccount create(@Nullable String username, @Nullable String password, @Nullable String displayName,
            @Nullable List<String> roles) {
        List<FieldError> errors = new ArrayList<>();
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("^[a-z0-9][a-z0-9._-]{1,49}$")) {
            errors.add(new FieldError("username", "must be 2-50 lower-case letters, digits, '.', '_' or '-'"));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new FieldError("password", "must have at least " + MIN_PASSWORD + " characters"));
        }
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
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (accounts.exists(name)) {
            throw new ConflictException("username", "user '" + name + "' already exists");
        }
        return accounts.create(name, encoder.encode(password),
                displayName == null || displayName.isBlank() ? null : displayName.strip(), parsed);
    }
}
