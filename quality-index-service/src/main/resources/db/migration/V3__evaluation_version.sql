-- A counter that moves whenever anything a target evaluation reads changes (values, approvals,
-- units, indicators, targets). Every replica compares it with the version its cached evaluations
-- were computed at, so a cache never outlives a committed change, whichever replica wrote it.
-- The bump is part of the writing transaction: readers see the new version exactly when they can
-- see the new data.
CREATE TABLE evaluation_version (
    id       smallint PRIMARY KEY CHECK (id = 1),
    version  bigint   NOT NULL
);
INSERT INTO evaluation_version VALUES (1, 0);

CREATE FUNCTION evaluation_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE evaluation_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER data_value_bumps AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON data_value
    FOR EACH STATEMENT EXECUTE FUNCTION evaluation_version_bump();
CREATE TRIGGER data_approval_bumps AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON data_approval
    FOR EACH STATEMENT EXECUTE FUNCTION evaluation_version_bump();
CREATE TRIGGER unit_bumps AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit
    FOR EACH STATEMENT EXECUTE FUNCTION evaluation_version_bump();
CREATE TRIGGER indicator_bumps AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator
    FOR EACH STATEMENT EXECUTE FUNCTION evaluation_version_bump();
CREATE TRIGGER target_bumps AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON target
    FOR EACH STATEMENT EXECUTE FUNCTION evaluation_version_bump();
