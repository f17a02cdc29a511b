package io.trinity.listening;

import io.trinity.testing.Customers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trinity.activity.ActivityDraft;
import io.trinity.activity.ActivityIngest;
import io.trinity.cases.ServiceCase;
import io.trinity.cases.ServiceCases;
import io.trinity.customer.CustomerDraft;
import io.trinity.customer.CustomerService;
import io.trinity.order.OrderDraft;
import io.trinity.order.OrderIngest;
import io.trinity.shared.InvalidInputException;
import io.trinity.shared.Page;
import io.trinity.timeline.Timeline;
import io.trinity.timeline.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The PR inbox, service cases and the merged timeline against real PostgreSQL, fed through the real ingest. */
@SpringBootTest
class InboxAndCasesTests {

    @Autowired Inbox inbox;
    @Autowired ServiceCases cases;
    @Autowired Timeline timeline;
    @Autowired CustomerService customers;
    @Autowired ActivityIngest activities;
    @Autowired OrderIngest orders;
    @Autowired JdbcClient jdbc;

    final String p = "IN-" + UUID.randomUUID().toString().substring(0, 8);
    // Newer than anything else in the shared test database, yet within the day ahead that ingest accepts.
    final Instant base = Instant.now().plus(java.time.Duration.ofHours(20))
            .plusSeconds(UUID.randomUUID().hashCode() & 0xfff);

    long customer() {
        return customers.create(Customers.customer(p).named("Ines", "Ibsen").draft()).id();
    }

    ActivityDraft said(String id, String type, Instant at, Long customer, String handle, String sentiment) {
        return new ActivityDraft("x", p + "-" + id, type, at.toString(),
                customer != null ? new ActivityDraft.Actor(customer, null, null, null, null)
                        : new ActivityDraft.Actor(null, null, null, p + handle, p + handle), null,
                "text " + id, null, sentiment);
    }

    @Test
    void theInboxFiltersHandlesAndAssigns() {
        long ines = customer();
        jdbc.sql("insert into staff_user (username, password_hash) values ('service', '{noop}x')"
                + " on conflict (username) do nothing").update();
        jdbc.sql("insert into staff_user_role (user_id, role) select id, 'SERVICE' from staff_user"
                + " where username = 'service' on conflict do nothing").update();
        jdbc.sql("insert into staff_user (username, password_hash) values ('pr', '{noop}x')"
                + " on conflict (username) do nothing").update();
        jdbc.sql("insert into staff_user_role (user_id, role) select id, 'PR' from staff_user"
                + " where username = 'pr' on conflict do nothing").update();
        activities.ingest(List.of(said("m1", "MENTION", base.plusSeconds(1), ines, null, "NEGATIVE"),
                said("m2", "REVIEW", base.plusSeconds(2), null, "h1", "POSITIVE"),
                said("m3", "COMMENT", base.plusSeconds(3), null, "h2", "NEGATIVE"),
                said("m4", "SHARE", base.plusSeconds(4), ines, null, null)));
        Page<InboxItem> newest = inbox.list(InboxFilter.ALL, 3, null);
        assertThat(newest.items()).extracting(InboxItem::text).containsExactly("text m3", "text m2", "text m1");
        InboxItem m3 = newest.items().get(0);
        assertThat(m3.customerId()).isNull();
        assertThat(m3.author()).isEqualTo("@" + p + "h2");
        assertThat(inbox.list(InboxFilter.parse(null, "negative", null, null, null), 2, null).items())
                .extracting(InboxItem::text).containsExactly("text m3", "text m1");

        inbox.markHandled(m3.activityId(), true, "pr");
        inbox.assign(m3.activityId(), "pr");
        InboxItem handled = inbox.get(m3.activityId());
        assertThat(handled.handledBy()).isEqualTo("pr");
        assertThat(handled.assignee()).isEqualTo("pr");
        // Only people who can open the inbox are offered, and only they can be given a mention.
        assertThat(inbox.colleagues()).contains("pr").doesNotContain("service");
        assertThatThrownBy(() -> inbox.assign(m3.activityId(), "service"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot work the PR inbox");
        assertThat(inbox.list(InboxFilter.parse(null, null, null, "open", null), 2, null).items())
                .extracting(InboxItem::text).doesNotContain("text m3");
        assertThat(inbox.list(InboxFilter.parse(null, null, null, "all", "pr"), 50, null).items())
                .extracting(InboxItem::activityId).contains(m3.activityId());
        inbox.markHandled(m3.activityId(), false, "pr");
        assertThat(inbox.get(m3.activityId()).handledAt()).isNull();
        assertThatThrownBy(() -> inbox.assign(m3.activityId(), "nobody-" + p))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no colleague");
        assertThatThrownBy(() -> InboxFilter.parse(null, "angry", "-1", "maybe", null))
                .isInstanceOf(InvalidInputException.class);

        // Several at once, all or none: an unknown id refuses the batch and nothing changes.
        InboxItem m1 = newest.items().get(2);
        assertThatThrownBy(() -> inbox.markHandled(List.of(m1.activityId(), -1L), true, "pr"))
                .isInstanceOf(io.trinity.shared.NotFoundException.class);
        assertThat(inbox.get(m1.activityId()).handledAt()).isNull();
        assertThat(inbox.markHandled(List.of(m1.activityId(), m3.activityId()), true, "pr")).isEqualTo(2);
        assertThat(inbox.get(m1.activityId()).handledBy()).isEqualTo("pr");
        assertThat(inbox.assign(List.of(m1.activityId(), m3.activityId()), "pr")).isEqualTo(2);
        assertThat(inbox.get(m1.activityId()).assignee()).isEqualTo("pr");
        assertThatThrownBy(() -> inbox.assign(List.of(), "pr")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aCaseFromAMentionTakesItsAuthorAndShowsOnTheTimeline() {
        long ines = customer();
        activities.ingest(List.of(said("c1", "COMMENT", base.plusSeconds(10), ines, null, "NEGATIVE")));
        long comment = jdbc.sql("select id from activity where external_id = ?").param(p + "-c1").query(Long.class)
                .single();
        ServiceCase opened = cases.open(null, comment, "Leaking tent", "high", "service", "First contact", "pr");
        assertThat(opened.customerId()).isEqualTo(ines);
        assertThat(opened.priority()).isEqualTo("HIGH");
        assertThat(opened.notes()).extracting(ServiceCase.Note::text).containsExactly("First contact");
        assertThat(inbox.get(comment).openCases()).isEqualTo(1);
        ServiceCase resolved = cases.update(opened.id(), "resolved", null, "Replaced the tent", "service");
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.assignee()).isEqualTo("service");
        assertThat(resolved.notes()).hasSize(2);
        assertThat(inbox.get(comment).openCases()).isZero();
        assertThat(timeline.of(ines, 10, null).items()).extracting(TimelineEntry::kind).contains("case", "comment");
        assertThatThrownBy(() -> cases.open(null, null, "", null, null, null, "pr"))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e)
                        .errors()).extracting(f -> f.field()).contains("subject", "customerId"));
        assertThatThrownBy(() -> cases.update(opened.id(), "closed", null, null, "pr"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cases.update(opened.id(), null, "nobody-" + p, null, "pr"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a colleague");

        // Several at once, all or none.
        ServiceCase second = cases.open(ines, null, "Second", null, null, null, "pr");
        assertThatThrownBy(() -> cases.updateAll(List.of(opened.id(), second.id()), null, "nobody-" + p, null, "pr"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(cases.get(second.id()).assignee()).isNull();
        assertThat(cases.updateAll(List.of(opened.id(), second.id()), "RESOLVED", "service", null, "pr"))
                .isEqualTo(2);
        assertThat(cases.get(second.id()).status()).isEqualTo("RESOLVED");
        assertThat(cases.get(second.id()).assignee()).isEqualTo("service");
    }

    @Test
    void theTimelineMergesEverySourceNewestFirstAndPagesWithoutGapsOrRepeats() {
        long ines = customer();
        List<OrderDraft> drafts = new ArrayList<>();
        List<ActivityDraft> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            drafts.add(new OrderDraft(p + "-o" + i, ines, null, null, base.plusSeconds(100 + i * 2L).toString(),
                    "10.00", "USD", "web", null));
            posts.add(said("s" + i, "SHARE", base.plusSeconds(101 + i * 2L), ines, null, null));
        }
        // Two entries at the very same instant still page apart.
        posts.add(said("tie", "CHECKIN", base.plusSeconds(100), ines, null, null));
        orders.ingest(drafts);
        activities.ingest(posts);
        cases.open(ines, null, "Question about sizes", null, null, null, "service");
        List<TimelineEntry> all = new ArrayList<>();
        String after = null;
        do {
            Page<TimelineEntry> page = timeline.of(ines, 5, after);
            all.addAll(page.items());
            after = page.next();
        } while (after != null);
        assertThat(all).hasSize(12 + 13 + 1);
        assertThat(new HashSet<>(all.stream().map(e -> e.kind() + e.id()).toList())).hasSize(all.size());
        assertThat(all).extracting(TimelineEntry::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(all.get(0).kind()).isEqualTo("share");
        assertThat(all.get(1).kind()).isEqualTo("order");
        assertThat(all.stream().filter(e -> e.kind().equals("order")).findFirst().orElseThrow().detail())
                .isEqualTo("USD 10.00 · web");
    }
}
