-- customer: the folded search text stored with the row (a generated column), so a search's index recheck and its
-- ranking read it instead of folding the name again for every candidate row. Published on customer_directory.
alter table customer add column search_text text
    generated always as (customer_search_text(first_name, last_name, city)) stored;
create index customer_search_text_stored_idx on customer using gin (search_text gin_trgm_ops);
drop index customer_search_text_idx;

create or replace view customer_directory as
select id, external_id, first_name, last_name, email, phone, loyalty_number, locale, city, country,
       marketing_consent, consent_changed_at, status, created_at, updated_at, birth_date,
       street, postal_code, region, merged_into, search_text
from customer;

analyze customer;
