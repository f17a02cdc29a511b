package io.trinity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trinity.staff.Role;
import io.trinity.staff.StaffAccounts;
import io.trinity.web.ApiTest;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A guessing attack from outside: wrong passwords on the form and over HTTP Basic are slowed and then locked per
 * account and per client address, the right password does not get through while they are, a locked account is
 * told exactly what a wrong password is told, and every attempt is audited without the password.
 */
@ApiTest
class SignInProtectionTests {

    static final String PASSWORD = "Correct-Horse-42";

    @Autowired MockMvc mvc;
    @Autowired StaffAccounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;

    String username;
    String address;

    @BeforeEach
    void anAccountOfItsOwn() {
        username = "bf-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, encoder.encode(PASSWORD), null, EnumSet.of(Role.MARKETING));
        address = "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @AfterEach
    void forget() {
        jdbc.sql("delete from sign_in_throttle where key in (?, ?)").params("account:" + username, "address:" + address)
                .update();
    }

    RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    int basic(String password, String ip) throws Exception {
        return mvc.perform(get("/api/v1/customers?limit=1").with(httpBasic(username, password)).with(from(ip)))
                .andReturn().getResponse().getStatus();
    }

    /** Waits out the growing delay after the latest failure, as a patient attacker would. */
    void waitOutTheDelay() {
        jdbc.sql("update sign_in_throttle set last_failure_at = last_failure_at - interval '61 seconds'"
                + " where key in (?, ?) and locked_until is null").params("account:" + username, "address:" + address)
                .update();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountAndTheRightOneThenFailLikeAWrongOne() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(basic("guess-" + i, address)).isEqualTo(401);
            waitOutTheDelay();
        }
        // Locked: the right password from the same address and from another one is refused, in the same words.
        String locked = mvc.perform(get("/api/v1/customers?limit=1").with(httpBasic(username, PASSWORD))
                .with(from(address))).andReturn().getResponse().getContentAsString();
        String wrong = mvc.perform(get("/api/v1/customers?limit=1").with(httpBasic("nobody-" + username, "x"))
                .with(from("10.66.0.1"))).andReturn().getResponse().getContentAsString();
        assertThat(locked).isEqualTo(wrong);
        assertThat(basic(PASSWORD, "10.66.0.2")).isEqualTo(401);
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf())
                .with(from("10.66.0.3"))).andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select locked_until > now() from sign_in_throttle where key = ?")
                .param("account:" + username).query(Boolean.class).single()).isTrue();

        // Once the lock is over (here: lifted), the right password works and clears the count.
        jdbc.sql("update sign_in_throttle set locked_until = now() - interval '1 second',"
                + " last_failure_at = now() - interval '1 hour' where key = ?").param("account:" + username).update();
        assertThat(basic(PASSWORD, "10.66.0.4")).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from sign_in_throttle where key = ?").param("account:" + username)
                .query(Long.class).single()).isZero();
        jdbc.sql("delete from sign_in_throttle where key like 'address:10.66.%'").update();
    }

    @Test
    void afterAFewFailuresAttemptsMustWaitSoTheRightPasswordDoesNotGetThroughAtOnce() throws Exception {
        for (int i = 0; i < 4; i++) {
            basic("guess-" + i, address);
        }
        assertThat(basic(PASSWORD, address)).as("too early after four failures").isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from staff_audit where username = ? and event = 'SIGN_IN_THROTTLED'")
                .param(username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneAddressGuessingManyAccountsIsSlowedToo() throws Exception {
        for (int i = 0; i < 21; i++) {
            mvc.perform(get("/api/v1/customers").with(httpBasic("spray-" + i + "-" + username, "Winter2026!"))
                    .with(from(address)));
        }
        assertThat(basic(PASSWORD, address)).as("the address is slowed").isEqualTo(401);
        assertThat(basic(PASSWORD, "10.55.0.1")).as("another address is not").isEqualTo(200);
        jdbc.sql("delete from sign_in_throttle where key like ?").param("account:spray-%-" + username).update();
    }

    @Test
    void signInsAreAuditedAndNoPasswordIsEverWrittenDown() throws Exception {
        assertThat(basic("Tr0ub4dor&3-secret", address)).isEqualTo(401);
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf())
                .with(from(address))).andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select event from staff_audit where username = ? order by id").param(username)
                .query(String.class).list()).containsExactly("SIGN_IN_FAILED", "SIGN_IN");
        assertThat(jdbc.sql("select remote_address from staff_audit where username = ? limit 1").param(username)
                .query(String.class).single()).isEqualTo(address);
        assertThat(jdbc.sql("select count(*) from staff_audit where concat_ws(' ', username, actor, detail) like ?"
                + " or concat_ws(' ', username, actor, detail) like ?").params("%Tr0ub4dor%", "%" + PASSWORD + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPasswordTypedIntoTheUsernameFieldIsNotKept() throws Exception {
        mvc.perform(post("/login").param("username", "my secret pass phrase!").param("password", "x").with(csrf())
                .with(from(address))).andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select count(*) from staff_audit where username like '%secret%'").query(Long.class)
                .single()).isZero();
        jdbc.sql("delete from sign_in_throttle where key = 'account:my secret pass phrase!'").update();
    }
}
