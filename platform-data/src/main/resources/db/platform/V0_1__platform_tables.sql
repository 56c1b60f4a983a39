-- Tables every domain service keeps the same way (platform-data): the append-only audit trail,
-- the event outbox and Idempotency-Key records. Runs before the service's own migrations.

-- Audit trail: append-only. The triggers refuse UPDATE, DELETE and TRUNCATE for every role,
-- the application's included.
CREATE TABLE audit_entry (
    id               bigserial PRIMARY KEY,
    at               timestamptz  NOT NULL DEFAULT now(),
    entity_type      varchar(32)  NOT NULL,
    entity_id        varchar(64)  NOT NULL,
    aggregate_id     varchar(64),
    district_code    varchar(6),
    action           varchar(32)  NOT NULL,
    actor            varchar(128) NOT NULL,
    actor_role       varchar(32),
    actor_district   varchar(6),
    actor_school     varchar(18),
    client_id        varchar(128),
    from_state       varchar(24),
    to_state         varchar(24),
    comment          text,
    request_id       varchar(128),
    changes          jsonb
);
CREATE INDEX audit_entry_aggregate_idx ON audit_entry (aggregate_id, id);
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, id);
CREATE INDEX audit_entry_district_idx ON audit_entry (district_code, id);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();

-- Event outbox, written in the same transaction as the change it reports. Appends are
-- serialised by an advisory lock so ids become visible in order and cursors never skip.
CREATE TABLE outbox_event (
    id          bigserial PRIMARY KEY,
    event_id    uuid         NOT NULL UNIQUE,
    type        varchar(128) NOT NULL,
    subject     varchar(128) NOT NULL,
    time        timestamptz  NOT NULL,
    data        jsonb        NOT NULL
);

CREATE TABLE idempotency_key (
    client_id        varchar(128) NOT NULL,
    idem_key         varchar(128) NOT NULL,
    request_hash     varchar(64)  NOT NULL,
    response_status  integer      NOT NULL,
    resource_id      bigint       NOT NULL,
    response_body    jsonb        NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, idem_key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
