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

    /**
     * A condition and a rank over a customer alias, with their named parameters (prefixed {@code s_}); {@code strong}
     * is the part an identifier, phone or handle matches (few rows, by unique or selective indexes), {@code words}
     * the part names and cities match (possibly many rows).
     */
    public record Sql(String condition, String rank, String strong, String words, Map<String, Object> params) {
    }

    /** A search's best customers; {@code broad} when more than {@link #RANKED} match by name or city. */
    public record Found(List<Hit> hits, boolean broad) {
    }

    /** Name and city matches are ranked up to this many; beyond, the search needs another word. */
    public static final int RANKED = 2000;

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
            // = any(array(…)): evaluated once, then an index lookup that can join the other conditions' bitmap
            // (an IN (subquery) inside an OR would scan every customer).
            contact.add(a + "id = any(array(select h.customer_id from identity_directory h"
                    + " where lower(h.handle) = :s_handle and h.handle is not null and h.customer_id is not null))");
        }
        if (!terms.words().isEmpty()) {
            List<String> all = new ArrayList<>();
            for (int w = 0; w < terms.words().size(); w++) {
                List<String> spellings = new ArrayList<>();
                List<String> patterns = terms.words().get(w).patterns();
                for (int p = 0; p < patterns.size(); p++) {
                    String name = "s_w" + w + "_" + p;
                    params.put(name, patterns.get(p));
                    spellings.add(a + "search_text like trinity_fold(:" + name + ") escape '\\'");
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
        List<String> strong = new ArrayList<>(exact);
        strong.addAll(contact);
        String strongCondition = terms.searchable() ? "(" + String.join(" or ", strong) + ")" : "false";
        String wordsCondition = any.isEmpty() ? "false" : "(" + String.join(" or ", any) + ")";
        return new Sql(condition, rank, strongCondition, wordsCondition, params);
    }

    /** The best {@code limit} customers for a search (see {@link #search}). */
    public List<Hit> find(String text, int limit) {
        return search(text, limit).hits();
    }

    /**
     * The best {@code limit} customers for a search: exact identifiers first, then phone or handle, then names and
     * cities by how alike they are to what was typed. More than {@link #RANKED} name matches are not ranked (a first
     * name or a city alone): the first ones are shown and the search is {@code broad}. Merged-away records are found
     * only by an exact identifier, and answer as the survivor.
     */
    @Transactional(readOnly = true)
    public Found search(String text, int limit) {
        SearchTerms terms = SearchTerms.of(text);
        if (!terms.searchable()) {
            return new Found(List.of(), false);
        }
        Sql sql = sql(terms, "c");
        List<Hit> strong = bind(jdbc.sql("select c.*, " + sql.rank() + " as search_rank, 1.0 as search_similarity"
                + " from customer c where " + sql.strong() + " and (c.status <> 'MERGED' or " + sql.rank() + " = "
                + EXACT + ") order by search_rank desc, c.id limit :s_limit"), sql).param("s_limit", limit)
                .query(CustomerSearch::hit).list();
        List<Long> named = bind(jdbc.sql("select c.id from customer c where " + sql.words()
                + " and c.status <> 'MERGED' limit :s_cap"), sql).param("s_cap", RANKED + 1).query(Long.class).list();
        boolean broad = named.size() > RANKED;
        List<Hit> byName = named.isEmpty() ? List.of() : bind(jdbc.sql("select c.*, 0 as search_rank, "
                + (broad ? "0.0" : "similarity(c.search_text, trinity_fold(:s_exact))") + " as search_similarity"
                + " from customer c where c.id = any(:s_ids) order by search_similarity desc, c.id limit :s_limit"),
                sql).param("s_ids", named.stream().limit(broad ? limit : RANKED).toArray(Long[]::new))
                .param("s_limit", limit).query(CustomerSearch::hit).list();
        List<Hit> hits = new ArrayList<>(strong);
        byName.stream().filter(h -> strong.stream().noneMatch(s -> s.customer().id() == h.customer().id()))
                .limit(Math.max(0, limit - strong.size())).forEach(hits::add);
        return new Found(survivors(hits), broad);
    }

    /**
     * The one customer a picker's text names: a customer id, an exact identifier (e-mail, loyalty number, external
     * id), or a search with a single result. Empty when nothing or more than one person matches, so a vague text
     * never links the wrong person.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> pick(@org.jspecify.annotations.Nullable String text) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        String value = text.strip();
        if (value.matches("\\d{1,18}")) {
            long id = Long.parseLong(value);
            Long found = jdbc.sql("select id from customer where id = ? and status <> 'MERGED'").param(id)
                    .query(Long.class).optional().orElse(null);
            if (found != null) {
                return java.util.Optional.of(found);
            }
        }
        List<Hit> hits = search(value, 2).hits();
        if (hits.size() == 1 || (!hits.isEmpty() && hits.get(0).exact() && !hits.get(1).exact())) {
            return java.util.Optional.of(hits.get(0).customer().id());
        }
        return java.util.Optional.empty();
    }

    /**
     * Every customer a search matches, when there are at most {@code cap} of them; {@code null} when there are more.
     * Lists ordered by something else (the dashboard by value) then fetch a few known ids instead of walking their
     * order and testing every row against a rare name.
     */
    @Transactional(readOnly = true)
    public java.util.@org.jspecify.annotations.Nullable List<Long> idsIfFew(String text, int cap) {
        SearchTerms terms = SearchTerms.of(text);
        if (!terms.searchable()) {
            return List.of();
        }
        Sql sql = sql(terms, "c");
        List<Long> ids = bind(jdbc.sql("select c.id from customer c where " + sql.strong() + " union "
                + "(select c.id from customer c where " + sql.words() + " limit :s_cap)"), sql)
                .param("s_cap", cap + 1).query(Long.class).list();
        return ids.size() > cap ? null : ids;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Sql sql) {
        for (Map.Entry<String, Object> p : sql.params().entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec;
    }

    private static Hit hit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Hit(CustomerService.row(rs, n), rs.getInt("search_rank"), rs.getDouble("search_similarity"));
    }

    /** Each merged-away record replaced by its survivor, each person once, in order. */
    private List<Hit> survivors(List<Hit> hits) {
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
