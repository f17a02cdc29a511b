-- customer: one search for names, cities, phones and handles, accent- and case-insensitive (unaccent + pg_trgm,
-- both shipped with PostgreSQL and trusted, so a database owner may create them).
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (its dictionary could change); with the dictionary named, the fold is IMMUTABLE and can
-- back an index. Every name in the bodies is schema-qualified (found here, where the extensions went) so that the
-- functions stay inlinable and still resolve when a restore runs with an empty search path.
do $migration$
declare
    ext text := (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
                 where e.extname = 'unaccent');
    here text := current_schema();
begin
    execute format($f$
        create function %1$I.trinity_fold(value text) returns text
            language sql immutable parallel safe strict
        as $body$ select pg_catalog.lower(%2$I.unaccent(%3$L::pg_catalog.regdictionary, value)) $body$
        $f$, here, ext, ext || '.unaccent');
    -- The text each word of a search must begin a word of: " first last city", folded; the leading space lets
    -- the pattern '% word%' match the first word too.
    execute format($f$
        create function %1$I.customer_search_text(first_name text, last_name text, city text) returns text
            language sql immutable parallel safe
        as $body$ select ' ' || %1$I.trinity_fold(pg_catalog.concat_ws(' ', first_name, last_name, city)) $body$
        $f$, here);
    -- The digits of a phone number as typed (+47 912 34 567, (480) 776-7159): a search matches its last digits.
    execute format($f$
        create function %1$I.phone_digits(phone text) returns text
            language sql immutable parallel safe strict
        as $body$ select pg_catalog.regexp_replace(phone, '[^0-9]', '', 'g') $body$
        $f$, here);
end
$migration$;

create index customer_search_text_idx on customer
    using gin (customer_search_text(first_name, last_name, city) gin_trgm_ops);
create index customer_phone_digits_idx on customer using gin (phone_digits(phone) gin_trgm_ops)
    where phone is not null;

-- identity: a handle with or without its network
create index social_identity_lower_handle_idx on social_identity (lower(handle)) where handle is not null;
