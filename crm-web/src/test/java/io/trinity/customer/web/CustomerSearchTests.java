package io.trinity.customer.web;

import static io.trinity.web.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.trinity.customer.CustomerSearch;
import io.trinity.customer.CustomerService;
import io.trinity.identity.IdentityDeclarations;
import io.trinity.testing.Customers;
import io.trinity.web.ApiTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The one customer search, on the shared test base: words in any order, accents and case, German umlaut spellings,
 * phone numbers in any format, loyalty numbers, e-mail, handles with or without {@code @}, cities; ranked; one
 * exact hit opens the profile in the console. Each customer lives in a city of its own (a random word), so a
 * search with that word finds only this test's people.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerSearchTests {

    @Autowired MockMvc mvc;
    @Autowired CustomerService customers;
    @Autowired CustomerSearch search;
    @Autowired IdentityDeclarations declarations;

    final String town = "qz" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 6);
    final String digits = String.valueOf(10_000_000 + (System.nanoTime() % 89_999_999));
    long hanna;
    long emma;
    long asa;
    long zoe;

    @BeforeAll
    void people() {
        hanna = customers.create(Customers.customer(town + "-1").named("Hanna", "Costa")
                .email("hanna." + town + "@example.pt").phone("+351 9" + digits).loyaltyNumber("LY-" + town.toUpperCase(java.util.Locale.ROOT))
                .livingIn(town, "PT").draft()).id();
        emma = customers.create(Customers.customer(town + "-2").named("Emma", "Walsh").livingIn(town, "US").draft())
                .id();
        asa = customers.create(Customers.customer(town + "-3").named("Åsa", "Ångström").livingIn(town, "SE").draft())
                .id();
        zoe = customers.create(Customers.customer(town + "-4").named("Zoë", "Müller").livingIn(town, "DE").draft())
                .id();
        declarations.declare(emma, List.of(new IdentityDeclarations.Declared("x", null, "emma_" + town)));
    }

    List<Long> found(String q) {
        return search.find(q, 50).stream().map(h -> h.customer().id()).toList();
    }

    @Test
    void wordsInAnyOrderAccentAndCaseFree() {
        assertThat(found("hanna costa " + town)).containsExactly(hanna);
        assertThat(found(town + " COSTA hanna")).containsExactly(hanna);
        assertThat(found("walsh emma " + town)).containsExactly(emma);
        assertThat(found("angstrom " + town)).containsExactly(asa);
        assertThat(found("ÅNGSTRÖM åsa " + town)).containsExactly(asa);
        assertThat(found("zoe " + town)).containsExactly(zoe);
        assertThat(found("mueller " + town)).containsExactly(zoe);
        assertThat(found("müller zoë " + town)).containsExactly(zoe);
        // Words begin words: "sta" is inside Costa, not at a word's start.
        assertThat(found("sta " + town)).isEmpty();
        // A city alone finds its people, best-matching first.
        assertThat(found(town)).containsExactlyInAnyOrder(hanna, emma, asa, zoe);
    }

    @Test
    void phonesLoyaltyNumbersEmailsAndHandles() {
        String national = "9" + digits;
        assertThat(found("+351 " + national)).contains(hanna);
        assertThat(found(national.substring(0, 3) + " " + national.substring(3, 6) + "-" + national.substring(6)))
                .contains(hanna);
        assertThat(found("00351" + national)).contains(hanna);
        assertThat(found("LY-" + town.toUpperCase(java.util.Locale.ROOT))).containsExactly(hanna);
        assertThat(found("ly-" + town)).containsExactly(hanna);
        assertThat(found("HANNA." + town + "@EXAMPLE.PT")).containsExactly(hanna);
        assertThat(found("@emma_" + town)).containsExactly(emma);
        assertThat(found("emma_" + town)).containsExactly(emma);
        assertThat(search.find("ly-" + town, 5).get(0).exact()).isTrue();
    }

    @Test
    void nothingSearchableFindsNothingAndTextStaysData() {
        assertThat(found("%")).isEmpty();
        assertThat(found("--")).isEmpty();
        assertThat(found("' or 1=1 --")).isEmpty();
        assertThat(found("_" + town.substring(1))).isEmpty();
    }

    @Test
    void theApiListsWhatTheSearchFinds() throws Exception {
        String body = mvc.perform(get("marketing", "/api/v1/customers").param("q", "walsh emma " + town))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<Integer>) JsonPath.read(body, "$.items[*].id")).containsExactly((int) emma);
        body = mvc.perform(get("marketing", "/api/v1/customers").param("q", "angstrom " + town))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<Integer>) JsonPath.read(body, "$.items[*].id")).containsExactly((int) asa);
    }

    @Test
    void oneExactHitOpensTheProfileAndOthersAreListed() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/customers").param("q", "LY-" + town)
                        .with(user("service").roles("SERVICE")))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/customers/" + hanna));
        // While typing (htmx from the input) it lists; when sent from the form it opens.
        mvc.perform(MockMvcRequestBuilders.get("/customers").param("q", "LY-" + town).header("HX-Request", "true")
                        .header("HX-Trigger", "q").with(user("service").roles("SERVICE")))
                .andExpect(status().isOk()).andExpect(header().doesNotExist("HX-Redirect"));
        mvc.perform(MockMvcRequestBuilders.get("/customers").param("q", "LY-" + town).header("HX-Request", "true")
                        .header("HX-Trigger", "customer-search").with(user("service").roles("SERVICE")))
                .andExpect(header().string("HX-Redirect", "/customers/" + hanna));
        String page = mvc.perform(MockMvcRequestBuilders.get("/customers").param("q", town)
                        .with(user("service").roles("SERVICE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Hanna Costa", "Emma Walsh", "Åsa Ångström", "Zoë Müller");
    }
}
