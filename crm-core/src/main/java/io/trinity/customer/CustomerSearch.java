package io.trinity.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one customer search of the product (top bar, customer list, dashboard, pickers, API): {@link SearchTerms}
 * turned into one SQL condition over the customer's columns, served by the trigram and phone indexes of migration
 * V16, and a rank (an exact identifier first, then a phone or handle, then how alike the name is). Other features
 * put {@link #condition} into their own queries over {@code customer_directory}, so a search finds the same people
 * everywhere.
 */
@Component
public class CustomerSearch {

    /** Rank of an e-mail, loyalty number or external id typed exactly: one such hit opens the profile. */
    public static final int EXACT = 3;
    static final int CONTACT = 2;

    /** A condition and a rank over a customer alias, with their named parameters (prefixed {@code s_}). */
    public record Sql(String condition, String rank, Map<String, Object> params) {
    }

    /** A customer found, with how it was found. */
    public record Hit(CustomerDetails customer, int rank, double similarity) {

        public boolean exact() {
            return rank == EXACT;
        }
    }

    private final JdbcClient jdbc;
    private final CustomerResolver resolver;

    CustomerSearch(JdbcClient jdbc, CustomerResolver resolver) {
        this.jdbc = jdbc;
        this.resolver = resolver;
    }

    /** The condition and rank of a search over the customer columns of {@code alias} (a table or view alias). */
    public static Sql sql(SearchTerms terms, String alias) {
        String a = alias + ".";
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> exact = new ArrayList<>();
        List<String> contact = new ArrayList<>();
        List<String> any = new ArrayList<>();
        params.put("s_exact", terms.text());
        params.put("s_upper", terms.text().toUpperCase(Locale.ROOT));
        params.put("s_lower", terms.text().toLowerCase(Locale.ROOT));
        exact.add(a + "external_id = :s_exact");
        exact.add(a + "loyalty_number in (:s_exact, :s_upper)");
        exact.add("lower(" + a + "email) = :s_lower");
        if (terms.phoneDigits() != null) {
            params.put("s_phone", "%" + terms.phoneDigits());
            contact.add("(" + a + "phone is not null and phone_digits(" + a + "phone) like :s_phone)");
        }
        if (terms.handle() != null) {
            params.put("s_handle", terms.handle());
            contact.add(a + "id in (select h.customer_id from identity_directory h where lower(h.handle) = :s_handle"
                    + " and h.handle is not null and h.customer_id is not null)");
        }
        if (!terms.words().isEmpty()) {
            List<String> all = new ArrayList<>();
            for (int w = 0; w < terms.words().size(); w++) {
                List<String> spellings = new ArrayList<>();
                List<String> patterns = terms.words().get(w).patterns();
                for (int p = 0; p < patterns.size(); p++) {
                    String name = "s_w" + w + "_" + p;
                    params.put(name, patterns.get(p));
                    spellings.add("customer_search_text(" + a + "first_name, " + a + "last_name, " + a
                            + "city) like trinity_fold(:" + name + ") escape '\\'");
                }
                all.add("(" + String.join(" or ", spellings) + ")");
            }
            any.add("(" + String.join(" and ", all) + ")");
        }
        if (!terms.text().contains(" ") && terms.phoneDigits() == null && !terms.words().isEmpty()) {
            params.put("s_prefix", SearchTerms.escapeLike(terms.text().toLowerCase(Locale.ROOT)) + "%");
            any.add("lower(" + a + "email) like :s_prefix escape '\\'");
        }
        List<String> every = new ArrayList<>(exact);
        every.addAll(contact);
        every.addAll(any);
        String condition = terms.searchable() ? "(" + String.join(" or ", every) + ")" : "false";
        String rank = "(case when " + String.join(" or ", exact) + " then " + EXACT
                + (contact.isEmpty() ? "" : " when " + String.join(" or ", contact) + " then " + CONTACT)
                + " else 0 end)";
        return new Sql(condition, rank, params);
    }

    /**
     * The best {@code limit} customers for a search, exact identifiers first, then by how alike the name and city
     * are to what was typed. Merged-away records are found only by an exact identifier, and answer as the survivor.
     */
    @Transactional(readOnly = true)
    public List<Hit> find(String text, int limit) {
        SearchTerms terms = SearchTerms.of(text);
        if (!terms.searchable()) {
            return List.of();
        }
        Sql sql = sql(terms, "c");
        String query = "select c.*, " + sql.rank() + " as search_rank,"
                + " similarity(customer_search_text(c.first_name, c.last_name, c.city), trinity_fold(:s_exact))"
                + " as search_similarity"
                + " from customer c where " + sql.condition()
                + " and (c.status <> 'MERGED' or " + sql.rank() + " = " + EXACT + ")"
                + " order by search_rank desc, search_similarity desc, c.id limit :s_limit";
        JdbcClient.StatementSpec spec = jdbc.sql(query).param("s_limit", limit);
        for (Map.Entry<String, Object> p : sql.params().entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        List<Hit> hits = spec.query((rs, n) -> new Hit(CustomerService.row(rs, n), rs.getInt("search_rank"),
                rs.getDouble("search_similarity"))).list();
        List<Long> merged = hits.stream().filter(h -> h.customer().status() == CustomerStatus.MERGED)
                .map(h -> h.customer().id()).toList();
        Map<Long, Long> survivors = merged.isEmpty() ? Map.of() : resolver.survivors(merged);
        List<Hit> out = new ArrayList<>(hits.size());
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Hit h : hits) {
            Long survivor = survivors.get(h.customer().id());
            Hit person = survivor == null ? h : new Hit(jdbc.sql("select * from customer where id = ?").param(survivor)
                    .query(CustomerService::row).single(), h.rank(), h.similarity());
            if (seen.add(person.customer().id())) {
                out.add(person);
            }
        }
        return out;
    }
}
