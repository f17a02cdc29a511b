package io.trinity.listening;

import io.trinity.marketing.AudienceFilter;
import io.trinity.marketing.AudienceMember;
import io.trinity.marketing.Audiences;
import io.trinity.shared.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * PR's influencer list: customers ranked by influence with their reach and what they last said about the brand,
 * and the accounts with the largest audiences that are not (yet) known customers.
 */
@Service
public class Influencers {

    private final Audiences audiences;
    private final JdbcClient jdbc;

    Influencers(Audiences audiences, JdbcClient jdbc) {
        this.audiences = audiences;
        this.jdbc = jdbc;
    }

    public record Known(AudienceMember member, long reach, double engagementPerPost, double postsPer30d,
            @Nullable String lastSaid) {
    }

    public record Unknown(long identityId, String network, @Nullable String handle, @Nullable String displayName,
            long followers, @Nullable String lastSaid) {
    }

    public record Result(List<Known> customers, @Nullable String next) {
    }

    public Result customers(int limit, @Nullable String after) {
        Page<AudienceMember> page = audiences.browse(new AudienceFilter("influence", null, null, null, null, null,
                null, null, null, false, null), limit, after);
        Long[] ids = page.items().stream().map(AudienceMember::customerId).toArray(Long[]::new);
        Map<Long, Long> reach = new HashMap<>();
        Map<Long, String> said = new HashMap<>();
        Map<Long, double[]> activity = new HashMap<>();
        if (ids.length > 0) {
            jdbc.sql("""
                            select customer_id, engagement_per_post, posts_per_30d from customer_value
                            where run_id = (select max(id) from scoring_run where status = 'succeeded')
                              and customer_id = any(?)""").param(ids)
                    .query((rs, n) -> activity.put(rs.getLong(1), new double[] {rs.getDouble(2), rs.getDouble(3)}))
                    .list();
            jdbc.sql("select customer_id, coalesce(sum(follower_count), 0) from identity_directory"
                            + " where customer_id = any(?) group by customer_id").param(ids)
                    .query((rs, n) -> reach.put(rs.getLong(1), rs.getLong(2))).list();
            jdbc.sql("""
                            select distinct on (actor_customer_id) actor_customer_id, text from activity_facts
                            where actor_customer_id = any(?) and type in ('MENTION', 'REVIEW', 'SHARE', 'COMMENT')
                              and text is not null
                            order by actor_customer_id, occurred_at desc""").param(ids)
                    .query((rs, n) -> said.put(rs.getLong(1), rs.getString(2))).list();
        }
        return new Result(page.items().stream().map(m -> {
            double[] a = activity.getOrDefault(m.customerId(), new double[2]);
            return new Known(m, reach.getOrDefault(m.customerId(), 0L), a[0], a[1], said.get(m.customerId()));
        }).toList(), page.next());
    }

    public List<Unknown> unknown(int limit) {
        return jdbc.sql("""
                        select i.id, i.network, i.handle, i.display_name, i.follower_count,
                               (select a.text from activity_facts a where a.actor_identity_id = i.id and a.text is not null
                                order by a.occurred_at desc limit 1)
                        from identity_directory i where i.customer_id is null and i.follower_count is not null
                        order by i.follower_count desc, i.id desc limit ?""").param(limit)
                .query((rs, n) -> new Unknown(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6))).list();
    }
}
