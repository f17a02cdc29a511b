-- Each table belongs to one feature, and only that feature writes it (docs/adr/0009). What other features read of
-- it, the owner publishes here as a view: a stable name and column list the owner keeps working when it changes its
-- table, and nothing anyone else can write through. The views are plain projections, so a query through them plans
-- exactly as on the table (same indexes, same partition pruning).

-- customer: who the customer is
create view customer_directory as
select id, external_id, first_name, last_name, email, phone, loyalty_number, locale, city, country,
       marketing_consent, consent_changed_at, status, created_at, updated_at, birth_date
from customer;

-- identity: the customer's social accounts and the accounts not linked to anyone yet
create view identity_directory as
select id, network, network_user_id, handle, display_name, profile_url, follower_count, customer_id, link_method,
       linked_at, created_at, updated_at
from social_identity;

-- order: orders and refunds (customer_purchase_totals, kept by the order feature's triggers, is its other read model)
create view order_facts as
select id, external_id, customer_id, ordered_at, amount_minor, currency, channel, store_id, created_at, updated_at
from orders;

-- activity: what customers and accounts did on the networks and in the stores
create view activity_facts as
select id, network, external_id, type, actor_customer_id, actor_identity_id, target_customer_id, target_post_id,
       target_store_id, occurred_at, text, metrics, sentiment, engagement, created_at, updated_at
from activity;

-- cases: service cases, without their notes
create view case_facts as
select id, customer_id, activity_id, subject, status, priority, assignee, created_by, created_at, updated_at
from service_case;

-- staff: who may be assigned work, and in which role
create view staff_roles as
select u.username, u.display_name, u.enabled, r.role
from staff_user u join staff_user_role r on r.user_id = u.id;

-- loyalty: members' balance and tier, their points with the rule that gave them, and the rules' names
create view loyalty_members as
select customer_id, balance, tier, tier_since, updated_at from loyalty_account;

create view loyalty_points as
select l.id, l.customer_id, l.kind, l.points, l.occurred_at, l.reason, l.rule_id, l.rule_version,
       v.name as rule_name
from loyalty_ledger l
left join reward_rule_version v on v.rule_id = l.rule_id and v.version = l.rule_version;

create view reward_rule_names as
select r.id as rule_id, r.status, r.current_version, v.name
from reward_rule r join reward_rule_version v on v.rule_id = r.id and v.version = r.current_version;

-- marketing: who a campaign reached (or kept back as its holdout)
create view campaign_touches as
select cc.campaign_id, cc.customer_id, cc.holdout, cc.contacted_at, c.name as campaign_name, c.channel
from campaign_contact cc join campaign c on c.id = cc.campaign_id;
