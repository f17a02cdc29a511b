-- activity: negative mentions, comments and reviews by time, with their author, for the moments worklist and the
-- homes (the last 24 hours, the last 7 days) without reading every recent activity.
create index activity_negative_recent_idx on activity (occurred_at desc) include (actor_customer_id, id)
    where sentiment = 'NEGATIVE' and type in ('MENTION', 'COMMENT', 'REVIEW');
