-- Units have one owner. The 区县-level rows of responsible_unit (districts, counties, functional
-- zones) are a read-only mirror of registry-service's units (GET /api/v1/units?all=true), kept by
-- cn.jinan.edu.milestone.service.UnitMirror on a schedule and on demand; nothing in this service
-- edits them, and the rows below are only the starting content until the first refresh. The city
-- bureau (370100) and its departments (处室) are this service's own: registry-service has no such
-- units.

-- The registry's kinds: 区 DISTRICT, 县 COUNTY, 功能区 FUNCTIONAL_ZONE.
ALTER TABLE responsible_unit DROP CONSTRAINT responsible_unit_kind_check;
ALTER TABLE responsible_unit ADD CONSTRAINT responsible_unit_kind_check
  CHECK (kind IN ('CITY', 'DEPARTMENT', 'DISTRICT', 'COUNTY', 'FUNCTIONAL_ZONE'));

-- V2 typed the two counties as districts; the registry (their owner) says COUNTY.
UPDATE responsible_unit SET kind = 'COUNTY' WHERE code IN ('370124', '370126') AND kind = 'DISTRICT';

COMMENT ON TABLE responsible_unit IS
  'Units that can be responsible for a task. DISTRICT, COUNTY and FUNCTIONAL_ZONE rows are a'
  ' read-only mirror of registry-service''s units (the owner), refreshed by UnitMirror; CITY and'
  ' DEPARTMENT rows are this service''s own reference data.';
COMMENT ON COLUMN responsible_unit.valid_from IS
  'Start of the period held: for a mirrored unit with several periods, the one in scope at the last'
  ' refresh (else the next to start, else the last to end).';
