package io.trinity.marketing;

import io.trinity.customer.CustomersMerged;
import io.trinity.customer.MergeUndone;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaign contacts of a merged customer become the survivor's, except in a campaign that reached both records:
 * there the survivor's own contact stands and the other stays on the merged record as history (one person, one
 * contact per campaign). Audiences are filters over the valuation and follow the rescoring.
 */
@Component
class CampaignMerges {

    private final JdbcClient jdbc;

    CampaignMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomersMerged merge) {
        List<Long> moved = jdbc.sql("""
                        update campaign_contact c set customer_id = :survivor
                        where c.customer_id = :merged
                          and not exists (select 1 from campaign_contact s
                                          where s.campaign_id = c.campaign_id and s.customer_id = :survivor)
                        returning c.campaign_id""")
                .param("survivor", merge.survivorId()).param("merged", merge.mergedId()).query(Long.class).list();
        merge.journal().moved("campaign.contacts", "campaignContacts", moved);
    }

    @EventListener
    void on(MergeUndone undo) {
        List<Long> campaigns = undo.journal().ids("campaign.contacts");
        if (!campaigns.isEmpty()) {
            jdbc.sql("update campaign_contact set customer_id = ? where campaign_id = any(?) and customer_id = ?")
                    .params(undo.mergedId(), campaigns.toArray(Long[]::new), undo.survivorId()).update();
        }
    }
}
