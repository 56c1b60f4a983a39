-- Indexes for the registration list filters that grew with the table (issue 9, docs/performance.md
-- "Scale"): involved district (+ state) and the name fragment.

-- District filter. A GIN index on involved_districts does not help: the list is "id > after ORDER
-- BY id LIMIT n", and PostgreSQL misjudges an array-containment AND state filter (it takes the two
-- as independent, and an element missing from its statistics as 0.5% of the rows), so it walks
-- the primary key and filters; a district with no registration in that state then reads the whole
-- table (0.3-0.5 s at 1,000,000 rows, with or without the GIN index). One row per (registration,
-- involved district) gives B-tree keys in id order and plain column statistics: the list reads
-- only matching rows. Triggers keep it, so every writer (the service, SQL imports) keeps it right.
CREATE TABLE registration_district (
    registration_id  bigint      NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    district_code    text        NOT NULL,
    state            varchar(24) NOT NULL,
    PRIMARY KEY (registration_id, district_code)
);
-- District and state are correlated (a district's inbox of SUBMITTED registrations is small): the
-- planner needs the pairs' real frequencies, or it takes a rare pair for a common one and merges
-- along the whole primary key instead of reading the few matching rows.
CREATE STATISTICS registration_district_state_stats (mcv) ON district_code, state
    FROM registration_district;

INSERT INTO registration_district (registration_id, district_code, state)
SELECT DISTINCT r.id, d, r.state FROM registration r CROSS JOIN LATERAL unnest(r.involved_districts) d;
CREATE INDEX registration_district_idx ON registration_district (district_code, registration_id);
CREATE INDEX registration_district_state_idx
    ON registration_district (district_code, state, registration_id);

-- Statement-level for inserts, so a bulk INSERT … SELECT adds its rows in one statement.
CREATE FUNCTION registration_district_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO registration_district (registration_id, district_code, state)
    SELECT DISTINCT n.id, d, n.state FROM new_rows n CROSS JOIN LATERAL unnest(n.involved_districts) d;
    RETURN NULL;
END;
$$;
CREATE TRIGGER registration_district_insert AFTER INSERT ON registration
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION registration_district_insert();

-- Row-level for updates (transition tables cannot be combined with a column list); Hibernate
-- writes every column, so the WHEN clause skips updates that change neither.
CREATE FUNCTION registration_district_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM registration_district WHERE registration_id = NEW.id;
    INSERT INTO registration_district (registration_id, district_code, state)
    SELECT DISTINCT NEW.id, d, NEW.state FROM unnest(NEW.involved_districts) d;
    RETURN NULL;
END;
$$;
CREATE TRIGGER registration_district_update AFTER UPDATE OF involved_districts, state ON registration
    FOR EACH ROW
    WHEN (OLD.involved_districts IS DISTINCT FROM NEW.involved_districts OR OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION registration_district_update();

ANALYZE registration_district;

-- Name search: "name LIKE '%q%'" (case-sensitive, as before) is answered from a trigram index.
-- pg_trgm is a trusted extension, so the database owner may create it. A fragment needs three
-- characters to give trigrams; shorter ones are still answered, by a scan. Trigrams are built from
-- the characters the database's LC_CTYPE calls letters or digits: C.UTF-8 counts Chinese ones (the
-- databases of deploy/ are created with it), plain C (CloudNativePG's default) does not.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX registration_name_trgm_idx ON registration USING gin (name gin_trgm_ops);
