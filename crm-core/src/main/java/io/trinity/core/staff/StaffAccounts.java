package io.trinity.core.staff;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores staff accounts. Passwords arrive already hashed: the core never sees a clear-text password. */
@Service
public class StaffAccounts {

    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,49}$");

    private final JdbcClient jdbc;

    StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<StaffAccount> find(String username) {
        return jdbc.sql("select * from staff_user where username = ?").param(username)
                .query((rs, n) -> new StaffAccount(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), rs.getString("display_name"), rs.getBoolean("enabled"),
                        Set.of()))
                .optional()
                .map(account -> new StaffAccount(account.id(), account.username(), account.passwordHash(),
                        account.displayName(), account.enabled(), roles(account.id())));
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return jdbc.sql("select count(*) from staff_user where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from staff_user").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<StaffAccount> list() {
        Map<Long, StaffAccount> accounts = new LinkedHashMap<>();
        jdbc.sql("select * from staff_user order by username")
                .query((rs, n) -> new StaffAccount(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), rs.getString("display_name"), rs.getBoolean("enabled"),
                        Set.of()))
                .list().forEach(a -> accounts.put(a.id(), a));
        return accounts.values().stream().map(a -> new StaffAccount(a.id(), a.username(), a.passwordHash(),
                a.displayName(), a.enabled(), roles(a.id()))).toList();
    }

    /** Creates an account; the username must be free and well formed. */
    @Transactional
    public StaffAccount create(String username, String passwordHash, @Nullable String displayName, Set<Role> roles) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 2-50 lower-case letters, digits, '.', '_' or '-'");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        long id = jdbc.sql("insert into staff_user (username, password_hash, display_name) values (?, ?, ?)"
                        + " returning id")
                .params(username, passwordHash, displayName).query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("insert into staff_user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
        return new StaffAccount(id, username, passwordHash, displayName, true, EnumSet.copyOf(roles));
    }

    /** Sets a new (hashed) password. */
    @Transactional
    public void changePassword(String username, String passwordHash) {
        jdbc.sql("update staff_user set password_hash = ? where username = ?").params(passwordHash, username)
                .update();
    }

    private Set<Role> roles(long userId) {
        List<Role> roles = jdbc.sql("select role from staff_user_role where user_id = ?").param(userId)
                .query((rs, n) -> Role.valueOf(rs.getString(1))).list();
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
