package io.trinity.duplicates.web;

import static io.trinity.web.Requests.get;
import static io.trinity.web.Requests.postJson;
import static io.trinity.web.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.trinity.customer.CustomerService;
import io.trinity.duplicates.DuplicatePair;
import io.trinity.duplicates.DuplicateQueue;
import io.trinity.testing.Customers;
import io.trinity.web.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Scans, the queue, "not the same person" and incremental matching over the API, on the shared test base. */
@ApiTest
class DuplicateApiTests {

    @Autowired MockMvc mvc;
    @Autowired CustomerService customers;
    @Autowired DuplicateQueue queue;
    @Autowired io.trinity.identity.IdentityStore identities;
    @Autowired io.trinity.identity.IdentityDeclarations declarations;

    long customer(Customers c) {
        return customers.create(c.draft()).id();
    }

    String scan() throws Exception {
        String started = mvc.perform(postJson("admin", "/api/v1/duplicates/scans", "{}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("running"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(started, "$.id")).longValue();
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            String body = mvc.perform(get("admin", "/api/v1/duplicates/scans/" + id)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            String state = JsonPath.read(body, "$.status");
            if (!state.equals("running")) {
                assertThat(state).as(body).isEqualTo("succeeded");
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("scan " + id + " did not finish in 60 s");
    }

    @Test
    void aScanFindsDuplicatesExplainsThemAndRemembersRejections() throws Exception {
        String tag = unique("DUP").toLowerCase();
        long kari = customer(Customers.customer(tag + "-1").named("Kari", "Nordmann").email(tag + "@example.no")
                .phone("+4791234001").born("1984-03-12").at("Storgata 12", "0155", "Oslo", null, "NO"));
        long kariAgain = customer(Customers.customer(tag + "-2").named("Kari", "Nordman").email(tag + "@example.no")
                .phone("912 34 001").born("1984-03-12").at("Storgt. 12", "0155", "Oslo", null, "NO"));
        long twin = customer(Customers.customer(tag + "-3").named("Karin", "Nordmann").email(tag + "-t@example.no")
                .phone("+4791234001").born("1984-03-12").at("Storgata 12", "0155", "Oslo", null, "NO"));

        String body = scan();
        assertThat(((Number) JsonPath.read(body, "$.candidates")).longValue()).isPositive();
        assertThat((Object) JsonPath.read(body, "$.parameters.lambda")).isNotNull();
        Map<String, Object> m = JsonPath.read(body, "$.parameters.m");
        assertThat(m).containsKey("firstName");

        DuplicatePair pair = queue.between(kari, kariAgain).orElseThrow();
        assertThat(pair.status()).isEqualTo("open");
        assertThat(pair.probability()).isGreaterThan(0.99);
        mvc.perform(get("marketing", "/api/v1/duplicates?limit=1000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + pair.id() + ")].clusterId").value(
                        org.hamcrest.Matchers.contains((int) pair.clusterId())))
                .andExpect(jsonPath("$.items[?(@.id == " + pair.id() + ")].evidence[*].field").value(
                        org.hamcrest.Matchers.hasItem("email")));
        assertThat(pair.evidence()).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("email");
            assertThat(e.level()).isEqualTo("exact");
            assertThat(e.weight()).isPositive();
        });

        // The twin sharing the phone lands in the same cluster when it is a pair at all.
        Optional<DuplicatePair> sibling = queue.between(kari, twin);
        sibling.ifPresent(p -> assertThat(p.clusterId()).isEqualTo(pair.clusterId()));

        mvc.perform(postJson("service", "/api/v1/duplicates/" + pair.id() + "/reject", "{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("rejected"));
        scan();
        assertThat(queue.between(kari, kariAgain).orElseThrow().status()).isEqualTo("rejected");
        mvc.perform(get("service", "/api/v1/duplicates?status=open&limit=1000"))
                .andExpect(jsonPath("$.items[?(@.id == " + pair.id() + ")]").isEmpty());
    }

    @Test
    void aNewCustomerIsCheckedWithinSecondsOfIngest() throws Exception {
        String tag = unique("INC").toLowerCase();
        long first = customer(Customers.customer(tag + "-1").named("Hanne", "Ødegård").email(tag + "@example.no")
                .phone("+4790000" + (100 + (tag.hashCode() & 0x1ff))).at("Kirkeveien 3", "0368", "Oslo", null, "NO"));
        scan();
        long second = customer(Customers.customer(tag + "-2").named("Hanne", "Odegard").email(tag + "@example.no")
                .at("Kirkeveien 3", "0368", "Oslo", null, "NO"));
        Instant until = Instant.now().plusSeconds(10);
        Optional<DuplicatePair> pair = Optional.empty();
        while (pair.isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            pair = queue.between(first, second);
        }
        assertThat(pair).as("pair found incrementally").isPresent();
        assertThat(pair.get().evidence()).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("lastName");
            assertThat(e.level()).isEqualTo("exact");
        });
    }

    @Test
    void unlinkedSocialAccountsAreProposedLinkedOrRejectedNeverOnADisplayNameAlone() throws Exception {
        String tag = unique("IDP").toLowerCase().replaceAll("[^a-z0-9]", "");
        long ingrid = customer(Customers.customer(tag + "-1").named("Ingrid", "Solberg")
                .email("ingrid." + tag + "@example.no").at("Storgata 1", "0155", "Oslo", null, "NO"));
        declarations.declare(ingrid, List.of(new io.trinity.identity.IdentityDeclarations.Declared("x", null,
                "ingrid_trails_" + tag)));
        long ola = customer(Customers.customer(tag + "-2").named("Ola", "Haugen").email("olah" + tag + "@example.no")
                .at("Kirkegata 2", "5003", "Bergen", null, "NO"));
        // The same handle on another network; a handle that is the e-mail's local part; a display name only.
        long sameHandle = identities.observe("instagram", "ig1-" + tag, "ingrid_trails_" + tag, "Ingrid S.", 120L)
                .id();
        long localPart = identities.observe("instagram", "ig2-" + tag, "olah" + tag, "Ola H.", 40L).id();
        long nameOnly = identities.observe("instagram", "ig3-" + tag, "sunny_" + tag, "Ola Haugen", 40L).id();

        scan();
        String body = mvc.perform(get("service", "/api/v1/duplicates/identities?limit=1000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> items = JsonPath.read(body, "$.items[?(@.identityId in [" + sameHandle + ", "
                + localPart + ", " + nameOnly + "])]");
        assertThat(items).extracting(i -> ((Number) i.get("identityId")).longValue())
                .containsExactlyInAnyOrder(sameHandle, localPart);
        Map<String, Object> first = items.stream()
                .filter(i -> ((Number) i.get("identityId")).longValue() == sameHandle).findFirst().orElseThrow();
        assertThat(((Number) first.get("customerId")).longValue()).isEqualTo(ingrid);
        assertThat((Map<String, Object>) first.get("evidence")).containsKey("same handle on x");
        Map<String, Object> second = items.stream()
                .filter(i -> ((Number) i.get("identityId")).longValue() == localPart).findFirst().orElseThrow();
        assertThat(((Number) second.get("customerId")).longValue()).isEqualTo(ola);

        mvc.perform(postJson("pr", "/api/v1/duplicates/identities/" + first.get("id") + "/link", "{}"))
                .andExpect(status().isForbidden());
        mvc.perform(postJson("service", "/api/v1/duplicates/identities/" + first.get("id") + "/link", "{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("linked"));
        assertThat(identities.forCustomer(ingrid)).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo(sameHandle);
            assertThat(i.linkMethod()).isEqualTo(io.trinity.identity.LinkMethod.MANUAL);
        });
        mvc.perform(postJson("marketing", "/api/v1/duplicates/identities/" + second.get("id") + "/reject", "{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("rejected"));
        mvc.perform(postJson("marketing", "/api/v1/duplicates/identities/" + second.get("id") + "/link", "{}"))
                .andExpect(status().isConflict());

        // The next scan neither proposes the linked account again nor the rejected pair.
        scan();
        body = mvc.perform(get("admin", "/api/v1/duplicates/identities?limit=1000")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<Object>) JsonPath.read(body, "$.items[?(@.identityId in [" + sameHandle + ", " + localPart
                + "])]")).isEmpty();
        mvc.perform(get("admin", "/api/v1/duplicates/identities?status=rejected&limit=1000"))
                .andExpect(jsonPath("$.items[?(@.id == " + second.get("id") + ")].status").value(
                        org.hamcrest.Matchers.contains("rejected")));
        mvc.perform(get("admin", "/api/v1/duplicates/identities?status=maybe")).andExpect(status().isBadRequest());
    }

    @Test
    void rolesAndInputAreChecked() throws Exception {
        mvc.perform(postJson("service", "/api/v1/duplicates/scans", "{}")).andExpect(status().isForbidden());
        mvc.perform(get("pr", "/api/v1/duplicates")).andExpect(status().isForbidden());
        mvc.perform(get("service", "/api/v1/duplicates?band=maybe")).andExpect(status().isBadRequest());
        mvc.perform(get("service", "/api/v1/duplicates?limit=1001")).andExpect(status().isBadRequest());
        mvc.perform(get("admin", "/api/v1/duplicates/scans/999999")).andExpect(status().isNotFound());
        mvc.perform(postJson("service", "/api/v1/duplicates/999999/reject", "{}")).andExpect(status().isNotFound());
        List<DuplicatePair> none = queue.pairs("auto", "merged", 1, null).items();
        assertThat(none).isNotNull();
    }
}
