-- Spring Modulith's JDBC event publication registry (schema v2 of spring-modulith-events-jdbc 2.1): an event that
-- a feature publishes inside its transaction is recorded here for every transactional listener of another
-- feature, and marked completed once that listener has run. What is still incomplete at start-up is delivered
-- again, so an event committed with its transaction is never lost to a crash between commit and delivery.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
