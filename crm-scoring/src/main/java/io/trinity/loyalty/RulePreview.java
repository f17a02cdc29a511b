package io.trinity.loyalty;

import io.trinity.loyalty.internal.Award;
import io.trinity.loyalty.internal.AwardHistory;
import io.trinity.loyalty.internal.RuleEngine;
import io.trinity.loyalty.internal.LoyaltyEngine;
import io.trinity.loyalty.internal.LoyaltyEvent;
import io.trinity.loyalty.internal.Member;
import io.trinity.loyalty.internal.PastEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "What would this rule have given over the last 30 days?" Replays the real orders, activities, account links,
 * referrals and birthdays of the period through the rule, alongside the rules in force (so groups and multipliers
 * behave as they would), with limits counted from the start of the period. Writes nothing. Segment entries are not
 * replayed: the valuation keeps no daily history of them.
 */
@Service
public class RulePreview {

    public static final int DAYS = 30;

    /** The rule's would-be results; {@code examples} names a few customers with their points. */
    public record Result(int days, Instant from, Instant until, long events, long customers, long awards, long points,
            long perks, long rewards, List<Example> examples, String note) {
    }

    public record Example(long customerId, long points, int awards) {
    }

    private final RewardRules rules;
    private final TierLadder tiers;
    private final LoyaltyEngine engine;
    private final Clock clock;
    private final PastEvents past;

    RulePreview(PastEvents past, RewardRules rules, TierLadder tiers, LoyaltyEngine engine, Clock clock) {
        this.past = past;
        this.rules = rules;
        this.tiers = tiers;
        this.engine = engine;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Result preview(RewardRule candidate) {
        Instant until = clock.instant();
        Instant from = until.minus(DAYS, ChronoUnit.DAYS);
        RewardRule subject = new RewardRule(candidate.id() == 0 ? -1 : candidate.id(), candidate.version(),
                candidate.name(), candidate.trigger(), RuleStatus.ACTIVE, candidate.priority(), candidate.group(), null,
                null, candidate.conditions(), candidate.effect(), candidate.limits());
        List<RewardRule> set = new ArrayList<>();
        for (RewardRule r : rules.active()) {
            if (r.id() != subject.id() && r.trigger() == subject.trigger()) {
                set.add(new RewardRule(r.id(), r.version(), r.name(), r.trigger(), RuleStatus.ACTIVE, r.priority(),
                        r.group(), null, null, r.conditions(), r.effect(), r.limits()));
            }
        }
        set.add(subject);
        List<LoyaltyEvent> events = past.events(subject.trigger(), from, until);
        Tiers ladder = tiers.current();
        RuleEngine ruleEngine = new RuleEngine(ladder, engine.minorPerUnit());
        AwardHistory history = new AwardHistory();
        Map<Long, Member> members = new HashMap<>();
        Map<Long, long[]> perCustomer = new HashMap<>();
        long awards = 0;
        long points = 0;
        long perks = 0;
        long rewards = 0;
        for (int start = 0; start < events.size(); start += 5000) {
            List<LoyaltyEvent> chunk = events.subList(start, Math.min(events.size(), start + 5000));
            loadMembers(chunk, members, ladder);
            for (LoyaltyEvent event : chunk) {
                Member member = members.get(event.customerId());
                for (Award award : ruleEngine.evaluate(event, set, member, history, until)) {
                    if (award.ruleId() != subject.id()) {
                        continue;
                    }
                    awards++;
                    points += award.points();
                    long[] c = perCustomer.computeIfAbsent(award.customerId(), k -> new long[2]);
                    c[0] += award.points();
                    c[1]++;
                    if (award.perk() != null) {
                        perks++;
                        Set<String> held = new HashSet<>(member.perks());
                        held.add(award.perk());
                        members.put(member.customerId(), new Member(member.customerId(), member.tier(), held,
                                member.segment(), member.influence()));
                    }
                    if (award.rewardId() != null) {
                        rewards++;
                    }
                }
            }
        }
        List<Example> examples = perCustomer.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]) != 0
                        ? Long.compare(b.getValue()[0], a.getValue()[0]) : Long.compare(a.getKey(), b.getKey()))
                .limit(5).map(e -> new Example(e.getKey(), e.getValue()[0], (int) e.getValue()[1])).toList();
        String note = subject.trigger() == Trigger.SEGMENT_ENTERED
                ? "Segment entries are not replayed (no daily history); the next scoring run will apply the rule."
                : "Replayed the last " + DAYS + " days' " + events.size() + " events (" + subject.trigger().label() + ")"
                        + " with today's tiers, segments and influence; limits counted from the period's start;"
                        + " the rule's active window is ignored.";
        return new Result(DAYS, from, until, events.size(), perCustomer.size(), awards, points, perks, rewards,
                examples, note);
    }

    private void loadMembers(List<LoyaltyEvent> chunk, Map<Long, Member> members, Tiers ladder) {
        List<Long> missing = chunk.stream().map(LoyaltyEvent::customerId).filter(id -> !members.containsKey(id))
                .distinct().toList();
        if (!missing.isEmpty()) {
            members.putAll(engine.members(missing, ladder));
        }
    }


}
