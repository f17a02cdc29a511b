package io.trinity.marketing;

import io.trinity.shared.Cursor;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.Page;
import io.trinity.shared.TextRules;
import io.trinity.scoring.ScoringRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranked, filtered customer lists over the current run, keyset-paged on (score, id) so page 10,000 costs what
 * page 1 does; counts stop at 10,000 ("10,000+") instead of scanning everything on every page. Saved audiences
 * keep their filter; the export streams only customers who gave marketing consent and says how many were left out.
 */
@Service
public class Audiences {

    public static final int COUNT_CAP = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ScoringRuns runs;
    private final io.trinity.customer.CustomerSearch search;
    /** A search matching at most this many customers is looked up by id. */
    static final int FEW = 2000;

    Audiences(JdbcClient jdbc, JdbcTemplate template, ScoringRuns runs, io.trinity.customer.CustomerSearch search) {
        this.search = search;
        this.jdbc = jdbc;
        this.template = template;
        this.runs = runs;
    }

    static String column(String sort) {
        return switch (sort) {
            case "transaction" -> "v.transaction_score";
            case "relationship" -> "v.relationship_score";
            case "influence" -> "v.influence_score";
            default -> "v.combined";
        };
    }

    private record Query(String where, MapSqlParameterSource params) {
    }

    private Query where(AudienceFilter f, long run) {
        StringBuilder w = new StringBuilder(" where v.run_id = :run");
        MapSqlParameterSource p = new MapSqlParameterSource("run", run);
        if (f.sort().equals("transaction")) {
            w.append(" and v.transaction_score is not null");
        }
        if (f.segment() != null) {
            w.append(" and v.segment = :segment");
            p.addValue("segment", f.segment());
        }
        if (f.tier() != null) {
            w.append(" and coalesce((select la.tier from loyalty_members la where la.customer_id = v.customer_id),"
                    + " 'BASE') = :tier");
            p.addValue("tier", f.tier());
        }
        if (f.country() != null) {
            w.append(" and c.country = :country");
            p.addValue("country", f.country());
        }
        if (f.city() != null) {
            w.append(" and lower(c.city) = lower(:city)");
            p.addValue("city", f.city());
        }
        if (f.network() != null) {
            w.append(" and exists (select 1 from identity_directory s where s.customer_id = v.customer_id"
                    + " and s.network = :network)");
            p.addValue("network", f.network());
        }
        if (f.consent() != null) {
            w.append(" and c.marketing_consent = :consent");
            p.addValue("consent", f.consent());
        }
        if (f.minValue() != null) {
            w.append(" and v.combined >= :minValue");
            p.addValue("minValue", f.minValue());
        }
        if (f.maxValue() != null) {
            w.append(" and v.combined <= :maxValue");
            p.addValue("maxValue", f.maxValue());
        }
        if (f.q() != null) {
            // The product's one customer search (names and cities in any order, accents, phone, handle, e-mail).
            // A selective search becomes its few ids (index lookups, then the value order); a broad one stays a
            // condition, which the walk down the value order meets often enough to stop early.
            java.util.List<Long> few = search.idsIfFew(f.q(), FEW);
            if (few != null) {
                w.append(" and c.id = any(:searchIds)");
                p.addValue("searchIds", few.toArray(Long[]::new));
            } else {
                io.trinity.customer.CustomerSearch.Sql sql = io.trinity.customer.CustomerSearch.sql(
                        io.trinity.customer.SearchTerms.of(f.q()), "c");
                // "is true" keeps the planner from a bitmap over every match sorted by value: with this many
                // matches, walking the value order stops after a few dozen rows.
                w.append(" and (").append(sql.condition()).append(") is true");
                sql.params().forEach(p::addValue);
            }
        }
        if (f.ids() != null) {
            w.append(" and v.customer_id = any(:chosenIds)");
            p.addValue("chosenIds", f.ids().toArray(Long[]::new));
        }
        if (f.moved()) {
            w.append(" and exists (select 1 from customer_value pv where pv.run_id = :previous"
                    + " and pv.customer_id = v.customer_id and pv.segment <> v.segment)");
            p.addValue("previous", previousRun(run));
        }
        return new Query(w.toString(), p);
    }

    private long previousRun(long run) {
        return jdbc.sql("select coalesce(max(id), -1) from scoring_run where status = 'succeeded' and id < ?")
                .param(run).query(Long.class).single();
    }

    private static final String SELECT = """
            select v.customer_id, c.external_id, c.first_name, c.last_name, c.city, c.country, c.marketing_consent,
                   v.combined, v.transaction_score, v.relationship_score, v.influence_score, v.segment,
                   coalesce((select la.tier from loyalty_members la where la.customer_id = v.customer_id), 'BASE')
                       as tier
            from customer_value v join customer_directory c on c.id = v.customer_id""";

    public Page<AudienceMember> browse(AudienceFilter f, int limit, @Nullable String after) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        OptionalLong run = runs.currentRunId();
        if (run.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Cursor.ScoreKey key = after == null || after.isBlank()
                ? new Cursor.ScoreKey(Double.MAX_VALUE, Long.MAX_VALUE) : Cursor.decodeScoreKey(after);
        Query q = where(f, run.getAsLong());
        String col = column(f.sort());
        q.params().addValue("score", key.score()).addValue("id", key.id()).addValue("limit", limit + 1);
        List<AudienceMember> rows = new NamedParameterJdbcTemplate(template).query(SELECT + q.where()
                + " and (" + col + ", v.customer_id) < (:score, :id) order by " + col + " desc, v.customer_id desc"
                + " limit :limit", q.params(), Audiences::row);
        if (rows.size() > limit) {
            AudienceMember last = rows.get(limit - 1);
            double score = switch (f.sort()) {
                case "transaction" -> last.transaction() == null ? 0 : last.transaction();
                case "relationship" -> last.relationship();
                case "influence" -> last.influence();
                default -> last.combined();
            };
            return new Page<>(List.copyOf(rows.subList(0, limit)), Cursor.encode(score, last.customerId()));
        }
        return new Page<>(rows, null);
    }

    /**
     * Customers per segment among the first {@link #COUNT_CAP} the filter matches (the segment bars of a filtered
     * dashboard): bounded like the count, so a broad filter never costs a scan of the base. Exact when the filter
     * matches fewer; the caller says "of the first 10,000" otherwise.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> segmentCounts(AudienceFilter f) {
        OptionalLong run = runs.currentRunId();
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        if (run.isEmpty()) {
            return counts;
        }
        Query q = where(f, run.getAsLong());
        q.params().addValue("cap", COUNT_CAP);
        new NamedParameterJdbcTemplate(template).query("select segment, count(*) from (select v.segment"
                + " from customer_value v join customer_directory c on c.id = v.customer_id" + q.where()
                + " limit :cap) x group by 1 order by 2 desc", q.params(), (java.sql.ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Up to {@code limit} customers the filter matches, for the matrix of a filtered dashboard. */
    @Transactional(readOnly = true)
    public List<MarketingStats.Point> sample(AudienceFilter f, int limit) {
        OptionalLong run = runs.currentRunId();
        if (run.isEmpty()) {
            return List.of();
        }
        Query q = where(f, run.getAsLong());
        q.params().addValue("limit", limit);
        return new NamedParameterJdbcTemplate(template).query("select v.customer_id, c.first_name, c.last_name,"
                + " c.external_id, v.segment, coalesce(v.transaction_score, 0) as t, v.influence_score as i,"
                + " v.relationship_score as r from customer_value v join customer_directory c on c.id = v.customer_id"
                + q.where() + " limit :limit", q.params(), MarketingStats.Point::row);
    }

    /** How many match, counted up to {@link #COUNT_CAP} + 1: "10,000+" beyond that. */
    public String countLabel(AudienceFilter f) {
        OptionalLong run = runs.currentRunId();
        if (run.isEmpty()) {
            return "0";
        }
        Query q = where(f, run.getAsLong());
        q.params().addValue("cap", COUNT_CAP + 1);
        Long n = new NamedParameterJdbcTemplate(template).queryForObject("select count(*) from (select 1"
                + " from customer_value v join customer_directory c on c.id = v.customer_id" + q.where() + " limit :cap) x",
                q.params(), Long.class);
        long count = n == null ? 0 : n;
        return count > COUNT_CAP ? String.format("%,d+", COUNT_CAP) : String.format("%,d", count);
    }

    /** What an export of this filter will write and what consent keeps out, counted before it starts. */
    @Transactional(readOnly = true)
    public Exported exportCounts(AudienceFilter f) {
        OptionalLong run = runs.currentRunId();
        if (run.isEmpty()) {
            return new Exported(0, 0);
        }
        Query q = where(f, run.getAsLong());
        return new NamedParameterJdbcTemplate(template).queryForObject("select count(*) filter (where"
                + " c.marketing_consent), count(*) filter (where not c.marketing_consent)"
                + " from customer_value v join customer_directory c on c.id = v.customer_id" + q.where(), q.params(),
                (rs, n) -> new Exported(rs.getLong(1), rs.getLong(2)));
    }

    /** What an export wrote and what consent kept out. */
    public record Exported(long rows, long withoutConsent) {
    }

    /**
     * Streams the audience as CSV, highest value first: only customers with marketing consent; cells that a
     * spreadsheet would run as a formula are written as text. Returns the counts.
     */
    @Transactional(readOnly = true)
    public Exported export(AudienceFilter f, Writer out) {
        OptionalLong run = runs.currentRunId();
        if (run.isEmpty()) {
            return new Exported(0, 0);
        }
        Query q = where(f, run.getAsLong());
        JdbcTemplate streaming = new JdbcTemplate(java.util.Objects.requireNonNull(template.getDataSource()));
        streaming.setFetchSize(5000);
        long[] counts = new long[2];
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("external_id", "first_name",
                    "last_name", "email", "phone", "loyalty_number", "city", "country", "segment", "combined", "transaction", "relationship",
                    "influence", "tier").get());
            new NamedParameterJdbcTemplate(streaming).query("""
                    select c.external_id, c.first_name, c.last_name, c.email, c.city, c.country, v.segment,
                           v.combined, v.transaction_score, v.relationship_score, v.influence_score,
                           coalesce((select la.tier from loyalty_members la where la.customer_id = v.customer_id),
                                    'BASE'), c.marketing_consent, c.phone, c.loyalty_number
                    from customer_value v join customer_directory c on c.id = v.customer_id""" + q.where()
                    + " order by " + column(f.sort()) + " desc, v.customer_id desc", q.params(), rs -> {
                        if (!rs.getBoolean(13)) {
                            counts[1]++;
                            return;
                        }
                        try {
                            // Phone and loyalty number only leave with consent, as every row here has it.
                            csv.printRecord(safe(rs.getString(1)), safe(rs.getString(2)), safe(rs.getString(3)),
                                    safe(rs.getString(4)), safe(rs.getString(14)), safe(rs.getString(15)),
                                    safe(rs.getString(5)), rs.getString(6), rs.getString(7),
                                    round(rs.getDouble(8)), rs.getObject(9) == null ? "" : round(rs.getDouble(9)),
                                    round(rs.getDouble(10)), round(rs.getDouble(11)), rs.getString(12));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        counts[0]++;
                    });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Exported(counts[0], counts[1]);
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** A cell starting with = + - @ (or a tab or carriage return) would be a formula in a spreadsheet. */
    static @Nullable String safe(@Nullable String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    /**
     * Saves a filter as a named audience. Refused: a blank or duplicate name (case-insensitive), and a filter
     * that matches nobody (an empty audience is a mistake, not a list).
     */
    @Transactional
    public Audience save(@Nullable String name, AudienceFilter filter, String actor) {
        String clean = checkName(name, null);
        Exported matching = exportCounts(filter);
        if (runs.currentRunId().isPresent() && matching.rows() + matching.withoutConsent() == 0) {
            throw new InvalidInputException("filter", "matches no customer: an empty audience is not saved");
        }
        Map<String, String> params = filter.toParams();
        StringBuilder json = new StringBuilder("jsonb_build_object(");
        List<Object> args = new ArrayList<>();
        args.add(clean);
        int i = 0;
        for (Map.Entry<String, String> e : params.entrySet()) {
            json.append(i++ == 0 ? "" : ", ").append("?::text, ?::text");
            args.add(e.getKey());
            args.add(e.getValue());
        }
        json.append(")");
        args.add(actor);
        long id = jdbc.sql("insert into audience (name, filter, created_by) values (?, " + json + ", ?) returning id")
                .params(args.toArray()).query(Long.class).single();
        return get(id);
    }

    private String checkName(@Nullable String name, @Nullable Long except) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 120 || !TextRules.isStorable(clean, false)) {
            throw new InvalidInputException("name", "is required: 1 to 120 characters");
        }
        if (jdbc.sql("select count(*) from audience where lower(name) = lower(?) and id <> coalesce(?, -1)")
                .params(clean, except).query(Long.class).single() > 0) {
            throw new InvalidInputException("name", "another audience is already called \"" + clean + "\"");
        }
        return clean;
    }

    /**
     * Adds customers to a list audience (one whose customers were chosen one by one); an audience defined by
     * filters is refused, since its members follow the filters.
     */
    @Transactional
    public Audience addMembers(long id, java.util.Collection<Long> customerIds) {
        Audience audience = get(id);
        if (audience.filter().ids() == null) {
            throw new InvalidInputException("audienceId", "\"" + audience.name() + "\" is defined by its filters;"
                    + " add customers to an audience of chosen customers");
        }
        java.util.Set<Long> all = new java.util.TreeSet<>(audience.filter().ids());
        all.addAll(customerIds);
        AudienceFilter merged = AudienceFilter.of(all);
        jdbc.sql("update audience set filter = jsonb_set(filter, '{ids}', to_jsonb(?::text)) where id = ?")
                .params(merged.toParams().get("ids"), id).update();
        return get(id);
    }

    /** Renames an audience; the same rules as a new name. */
    @Transactional
    public Audience rename(long id, @Nullable String name) {
        get(id);
        jdbc.sql("update audience set name = ? where id = ?").params(checkName(name, id), id).update();
        return get(id);
    }

    /** Deletes an audience no campaign uses (a campaign's audience is part of its record). */
    @Transactional
    public void delete(long id) {
        Audience audience = get(id);
        long used = jdbc.sql("select count(*) from campaign where audience_id = ?").param(id).query(Long.class)
                .single();
        if (used > 0) {
            throw new io.trinity.shared.ConflictException("audienceId", "\"" + audience.name() + "\" is used by "
                    + used + " campaign(s) and stays");
        }
        jdbc.sql("delete from audience where id = ?").param(id).update();
    }

    public List<Audience> list() {
        return jdbc.sql(AUDIENCE + " order by a.id desc limit 200").query(Audiences::audience).list();
    }

    public Audience get(long id) {
        return jdbc.sql(AUDIENCE + " where a.id = ?").param(id).query(Audiences::audience).optional()
                .orElseThrow(() -> new NotFoundException("no audience " + id));
    }

    /** An audience with its filter's keys and values beside it, read in the same query (not one per audience). */
    private static final String AUDIENCE = """
            select a.*, array(select e.key from jsonb_each_text(a.filter) e order by e.key) as filter_keys,
                   array(select e.value from jsonb_each_text(a.filter) e order by e.key) as filter_values
            from audience a""";

    private static Audience audience(ResultSet rs, int n) throws SQLException {
        Map<String, String> params = new HashMap<>();
        String[] keys = (String[]) rs.getArray("filter_keys").getArray();
        String[] values = (String[]) rs.getArray("filter_values").getArray();
        for (int i = 0; i < keys.length; i++) {
            params.put(keys[i], values[i]);
        }
        return new Audience(rs.getLong("id"), rs.getString("name"), AudienceFilter.parse(params),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    static AudienceMember row(ResultSet rs, int n) throws SQLException {
        return new AudienceMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getDouble(8), (Double) rs.getObject(9), rs.getDouble(10),
                rs.getDouble(11), rs.getString(12), rs.getString(13));
    }
}
