-- registry-service schema: units, schools, cooperation registrations (集团化办学、合作办学),
-- filing numbers. The audit trail, event outbox and idempotency keys come from platform-data
-- (db/platform/V0_1__platform_tables.sql).

-- Units (区县 and functional zones): effective-dated reference data.
CREATE TABLE unit (
    id          bigserial PRIMARY KEY,
    code        varchar(6)   NOT NULL CHECK (code ~ '^[0-9]{6}$'),
    name_zh     varchar(64)  NOT NULL,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('DISTRICT', 'COUNTY', 'FUNCTIONAL_ZONE')),
    valid_from  date         NOT NULL,
    valid_to    date,
    created_by  varchar(128) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    UNIQUE (code, valid_from)
);

INSERT INTO unit (code, name_zh, kind, valid_from, created_by) VALUES
    ('370102', '历下区', 'DISTRICT', DATE '2000-01-01', 'migration'),
    ('370103', '市中区', 'DISTRICT', DATE '2000-01-01', 'migration'),
    ('370104', '槐荫区', 'DISTRICT', DATE '2000-01-01', 'migration'),
    ('370105', '天桥区', 'DISTRICT', DATE '2000-01-01', 'migration'),
    ('370112', '历城区', 'DISTRICT', DATE '2000-01-01', 'migration'),
    ('370113', '长清区', 'DISTRICT', DATE '2000-01-01', 'migration'),
    ('370114', '章丘区', 'DISTRICT', DATE '2000-01-01', 'migration'),
    ('370115', '济阳区', 'DISTRICT', DATE '2000-01-01', 'migration'),
    ('370116', '莱芜区', 'DISTRICT', DATE '2000-01-01', 'migration'),
    ('370117', '钢城区', 'DISTRICT', DATE '2000-01-01', 'migration'),
    ('370124', '平阴县', 'COUNTY',   DATE '2000-01-01', 'migration'),
    ('370126', '商河县', 'COUNTY',   DATE '2000-01-01', 'migration');

CREATE TABLE school (
    id             bigserial PRIMARY KEY,
    uscc           varchar(18)  NOT NULL UNIQUE CHECK (char_length(uscc) = 18),
    name_zh        varchar(128) NOT NULL,
    district_code  varchar(6)   NOT NULL,
    stages         text[]       NOT NULL CHECK (cardinality(stages) > 0),
    ownership      varchar(16)  NOT NULL CHECK (ownership IN ('PUBLIC', 'PRIVATE')),
    location_type  varchar(16)  NOT NULL CHECK (location_type IN ('URBAN', 'TOWN', 'RURAL')),
    township_seat  boolean      NOT NULL DEFAULT false,
    status         varchar(16)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    version        integer      NOT NULL DEFAULT 0,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CHECK (NOT township_seat OR location_type = 'TOWN')
);
CREATE INDEX school_district_idx ON school (district_code, id);
CREATE INDEX school_name_idx ON school (name_zh);

CREATE TABLE registration (
    id              bigserial PRIMARY KEY,
    mode            varchar(24)  NOT NULL
        CHECK (mode IN ('GROUP', 'COOPERATION', 'PAIRED_SUPPORT', 'ENTRUSTED_MANAGEMENT')),
    name            varchar(200) NOT NULL,
    lead_school_id  bigint       NOT NULL REFERENCES school (id),
    lead_district   varchar(6)   NOT NULL,
    term_start      date         NOT NULL,
    term_end        date         NOT NULL,
    content_areas   text[]       NOT NULL,
    content_text    text,
    contact_name    varchar(64)  NOT NULL,
    contact_phone   varchar(32)  NOT NULL,
    cross_district  boolean      NOT NULL,
    -- Districts of all school parties: each must approve (cross-district needs them all);
    -- approvals given in the current review round: {"370102": {"by": "...", "at": "..."}}.
    involved_districts text[]    NOT NULL DEFAULT '{}',
    approvals       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    state           varchar(24)  NOT NULL
        CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'REJECTED', 'DISTRICT_APPROVED',
                         'FILED', 'ACTIVE', 'EXPIRED', 'TERMINATED', 'REVOKED')),
    filing_number   varchar(32)  UNIQUE,
    filing_year     integer,
    filing_seq      integer,
    filed_at        timestamptz,
    version         integer      NOT NULL DEFAULT 0,
    created_by      varchar(128) NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CHECK (term_end > term_start),
    CHECK ((filing_number IS NULL) = (filing_seq IS NULL)),
    UNIQUE (filing_year, filing_seq)
);
CREATE INDEX registration_state_idx ON registration (state, id);
CREATE INDEX registration_lead_district_idx ON registration (lead_district, id);
CREATE INDEX registration_lead_school_idx ON registration (lead_school_id);

CREATE TABLE registration_member (
    registration_id  bigint  NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    school_id        bigint  NOT NULL REFERENCES school (id),
    ordinal          integer NOT NULL,
    PRIMARY KEY (registration_id, school_id)
);
CREATE INDEX registration_member_school_idx ON registration_member (school_id);

CREATE TABLE registration_partner (
    registration_id  bigint       NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    ordinal          integer      NOT NULL,
    name             varchar(200) NOT NULL,
    uscc             varchar(18),
    role             varchar(100) NOT NULL,
    PRIMARY KEY (registration_id, ordinal)
);

-- Amendments of a filed registration: the proposal is the full new content; the filed version
-- stays valid until the amendment itself is filed.
CREATE TABLE amendment (
    id               bigserial PRIMARY KEY,
    registration_id  bigint       NOT NULL REFERENCES registration (id),
    proposal         jsonb        NOT NULL,
    state            varchar(24)  NOT NULL
        CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'REJECTED', 'DISTRICT_APPROVED', 'FILED')),
    involved_districts text[]     NOT NULL DEFAULT '{}',
    approvals        jsonb        NOT NULL DEFAULT '{}'::jsonb,
    version          integer      NOT NULL DEFAULT 0,
    created_by       varchar(128) NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);
-- At most one amendment in progress per registration.
CREATE UNIQUE INDEX amendment_open_idx ON amendment (registration_id)
    WHERE state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'DISTRICT_APPROVED');

-- Gap-free filing numbers: the counter row is locked by the filing transaction, so a rolled
-- back filing returns its number.
CREATE TABLE filing_counter (
    year        integer PRIMARY KEY,
    last_value  integer NOT NULL
);

CREATE TABLE typical_case (
    registration_id  bigint       PRIMARY KEY REFERENCES registration (id),
    year             integer      NOT NULL CHECK (year BETWEEN 2025 AND 2100),
    stage            varchar(16)  NOT NULL CHECK (stage IN ('PRIMARY', 'JUNIOR', 'SENIOR')),
    marked_by        varchar(128) NOT NULL,
    marked_at        timestamptz  NOT NULL DEFAULT now()
);
