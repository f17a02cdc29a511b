package io.trinity.staff;

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
                .query((rs, n) -> account(rs)).optional()
                .map(account -> withRoles(account, roles(account.id())));
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
                .query((rs, n) -> account(rs))
                .list().forEach(a -> accounts.put(a.id(), a));
        return accounts.values().stream().map(a -> withRoles(a, roles(a.id()))).toList();
    }

    /** The roles an enabled account holds now; empty when the account is disabled or gone. One indexed query. */
    @Transactional(readOnly = true)
    public Set<Role> activeRoles(String username) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from staff_roles where username = ? and enabled").param(username)
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    /** The console language the person chose (a BCP 47 tag), if any. */
    @Transactional(readOnly = true)
    public Optional<String> language(String username) {
        return jdbc.sql("select language from staff_user where username = ? and language is not null")
                .param(username).query(String.class).optional();
    }

    /** Remembers the console language a person chose; {@code null} goes back to the browser's choice. */
    @Transactional
    public void setLanguage(String username, @Nullable String languageTag) {
        jdbc.sql("update staff_user set language = ? where username = ?").params(languageTag, username).update();
    }

    /** Enabled accounts that still have a password Trinity handed out, by username. */
    @Transactional(readOnly = true)
    public List<String> withDefaultPassword() {
        return jdbc.sql("select username from staff_user where enabled and default_password order by username")
                .query(String.class).list();
    }

    /** Accounts made before default passwords were tracked: their hash still has to be checked once. */
    @Transactional(readOnly = true)
    public List<StaffAccount> uncheckedForDefaultPassword() {
        return jdbc.sql("select * from staff_user where default_password is null order by username")
                .query((rs, n) -> account(rs)).list();
    }

    @Transactional
    public void markDefaultPassword(String username, boolean defaultPassword) {
        jdbc.sql("update staff_user set default_password = ? where username = ?").params(defaultPassword, username)
                .update();
    }

    /** The account signs in only to choose a new password (its current one stays valid for that). */
    @Transactional
    public void requirePasswordChange(String username) {
        jdbc.sql("update staff_user set password_change_required = true where username = ?").param(username)
                .update();
    }

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("update staff_user set enabled = ? where username = ?").params(enabled, username).update();
    }

    /** A demo login again usable with its demo password (demo mode only). */
    @Transactional
    public void restoreDemoLogin(String username, String passwordHash) {
        jdbc.sql("""
                update staff_user set enabled = true, password_change_required = false, default_password = true,
                       password_hash = ?
                where username = ?""").params(passwordHash, username).update();
    }

    /** Creates an account; the username must be free and well formed. */
    @Transactional
    public StaffAccount create(String username, String passwordHash, @Nullable String displayName, Set<Role> roles) {
        return create(username, passwordHash, displayName, roles, false);
    }

    /** Creates an account, saying whether its password is a default one handed out by Trinity (demo logins). */
    @Transactional
    public StaffAccount create(String username, String passwordHash, @Nullable String displayName, Set<Role> roles,
            boolean defaultPassword) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 2-50 lower-case letters, digits, '.', '_' or '-'");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        long id = jdbc.sql("insert into staff_user (username, password_hash, display_name, default_password)"
                        + " values (?, ?, ?, ?) returning id")
                .params(username, passwordHash, displayName, defaultPassword).query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("insert into staff_user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
        return new StaffAccount(id, username, passwordHash, displayName, true, EnumSet.copyOf(roles),
                defaultPassword, false);
    }

    /** Changes the name shown for an account and its roles (at least one). */
    @Transactional
    public void update(String username, @Nullable String displayName, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        long id = jdbc.sql("update staff_user set display_name = ? where username = ? returning id")
                .params(displayName, username).query(Long.class).single();
        jdbc.sql("delete from staff_user_role where user_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("insert into staff_user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
    }

    /** A password an administrator handed out: valid only to choose a new one at the next sign-in. */
    @Transactional
    public void resetPassword(String username, String passwordHash) {
        jdbc.sql("""
                update staff_user set password_hash = ?, default_password = false, password_change_required = true
                where username = ?""").params(passwordHash, username).update();
    }

    /** Sets a new (hashed) password chosen by a person: it is no longer a default one and no change is pending. */
    @Transactional
    public void changePassword(String username, String passwordHash) {
        jdbc.sql("""
                update staff_user set password_hash = ?, default_password = false, password_change_required = false
                where username = ?""").params(passwordHash, username).update();
    }

    private static StaffAccount account(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), rs.getBoolean("enabled"), Set.of(),
                rs.getObject("default_password", Boolean.class), rs.getBoolean("password_change_required"));
    }

    private static StaffAccount withRoles(StaffAccount a, Set<Role> roles) {
        return new StaffAccount(a.id(), a.username(), a.passwordHash(), a.displayName(), a.enabled(), roles,
                a.defaultPassword(), a.passwordChangeRequired());
    }

    private Set<Role> roles(long userId) {
        List<Role> roles = jdbc.sql("select role from staff_user_role where user_id = ?").param(userId)
                .query((rs, n) -> Role.valueOf(rs.getString(1))).list();
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
