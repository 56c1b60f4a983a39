-- Living catalogue on top of V1: annotations, responsible units and their assignment history,
-- district progress reports with a city review, tasks bound to live figures of other services,
-- the last known figure of each source, and the deadline announcements already made.

-- The bureau's notes on a task (批注). Notes are added, never edited: the catalogue's history is
-- the list of notes.
CREATE TABLE annotation (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  text_zh text NOT NULL CHECK (btrim(text_zh) <> '' AND length(text_zh) <= 4000),
  author text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 0
);
CREATE INDEX annotation_task_idx ON annotation (task_id, id);

-- Units that can be responsible for a task: the city bureau itself (370100), its departments
-- (处室) and the districts (GB/T 2260, the same codes as the registry). Valid dates let the set of
-- districts grow (functional zones) without code changes.
CREATE TABLE responsible_unit (
  code text PRIMARY KEY,
  name_zh text NOT NULL CHECK (btrim(name_zh) <> ''),
  kind text NOT NULL CHECK (kind IN ('CITY', 'DISTRICT', 'DEPARTMENT')),
  valid_from date NOT NULL DEFAULT DATE '2000-01-01',
  valid_to date,
  CONSTRAINT responsible_unit_code_format CHECK (
    (kind = 'DEPARTMENT' AND code ~ '^[A-Z][A-Z0-9-]{1,31}$') OR (kind <> 'DEPARTMENT' AND code ~ '^[0-9]{6}$')),
  CONSTRAINT responsible_unit_valid CHECK (valid_to IS NULL OR valid_to > valid_from)
);

INSERT INTO responsible_unit (code, name_zh, kind) VALUES
  ('370100', '济南市教育局', 'CITY'),
  ('370102', '历下区', 'DISTRICT'),
  ('370103', '市中区', 'DISTRICT'),
  ('370104', '槐荫区', 'DISTRICT'),
  ('370105', '天桥区', 'DISTRICT'),
  ('370112', '历城区', 'DISTRICT'),
  ('370113', '长清区', 'DISTRICT'),
  ('370114', '章丘区', 'DISTRICT'),
  ('370115', '济阳区', 'DISTRICT'),
  ('370116', '莱芜区', 'DISTRICT'),
  ('370117', '钢城区', 'DISTRICT'),
  ('370124', '平阴县', 'DISTRICT'),
  ('370126', '商河县', 'DISTRICT');

-- Departments (处室) as reference data for assignments. The set is the bureau's to maintain; these
-- rows are the starting list, not part of the plan document.
INSERT INTO responsible_unit (code, name_zh, kind) VALUES
  ('JJ-JCJY', '基础教育处', 'DEPARTMENT'),
  ('JJ-XQJY', '学前教育处', 'DEPARTMENT'),
  ('JJ-TSJY', '特殊教育处', 'DEPARTMENT'),
  ('JJ-JSGZ', '教师工作处', 'DEPARTMENT'),
  ('JJ-FZGH', '发展规划处', 'DEPARTMENT');

-- One row per task: the version of its set of responsible units (ETag of the assignment list).
CREATE TABLE task_responsibility (
  task_id bigint PRIMARY KEY REFERENCES task (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL DEFAULT 'system'
);

-- Who is responsible for a task, with history: a row is never deleted, an assignment that ends
-- gets ended_at. At most one open row per (task, unit).
CREATE TABLE task_assignment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  unit_code text NOT NULL REFERENCES responsible_unit (code),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by text NOT NULL,
  ended_at timestamptz,
  ended_by text,
  comment text,
  CONSTRAINT task_assignment_period CHECK (ended_at IS NULL OR ended_at >= assigned_at)
);
CREATE UNIQUE INDEX task_assignment_open_key ON task_assignment (task_id, unit_code)
  WHERE ended_at IS NULL;
CREATE INDEX task_assignment_unit_idx ON task_assignment (unit_code, task_id);

-- Default responsibility of the document's tasks (cn.jinan.edu.milestone.domain.DefaultResponsibility
-- applies the same rule to tasks added later): a task the bureau issues itself (印发…) is the
-- city's; every other task is carried out by every district; a 印发 task that also names 区县
-- (task 30, 教联体全覆盖) is both.
INSERT INTO task_responsibility (task_id) SELECT id FROM task;

INSERT INTO task_assignment (task_id, unit_code, assigned_at, assigned_by, comment)
SELECT t.id, '370100', TIMESTAMPTZ '2025-06-13 00:00:00+08', 'system', '默认 default: 市教育局印发'
  FROM task t
 WHERE t.text_zh LIKE '印发%';

INSERT INTO task_assignment (task_id, unit_code, assigned_at, assigned_by, comment)
SELECT t.id, u.code, TIMESTAMPTZ '2025-06-13 00:00:00+08', 'system', '默认 default: 各区县'
  FROM task t
 CROSS JOIN responsible_unit u
 WHERE u.kind = 'DISTRICT'
   AND (t.text_zh NOT LIKE '印发%' OR t.text_zh LIKE '%区县%');

-- Progress reports (进度报告) per task and responsible unit. A district submits; the city accepts
-- or returns it; an accepted report is locked until the city reopens it. Only one report per
-- (task, unit) can be open (submitted or returned) at a time; accepted ones are the history.
CREATE TABLE progress_report (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES task (id),
  unit_code text NOT NULL REFERENCES responsible_unit (code),
  status text NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'BLOCKED')),
  percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
  narrative text NOT NULL DEFAULT '' CHECK (length(narrative) <= 8000),
  evidence text[] NOT NULL DEFAULT '{}',
  as_of date NOT NULL,
  state text NOT NULL CHECK (state IN ('SUBMITTED', 'RETURNED', 'ACCEPTED')),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL,
  reviewed_by text,
  reviewed_at timestamptz,
  review_comment text,
  version integer NOT NULL DEFAULT 0,
  CONSTRAINT progress_report_status_percent CHECK (
    (status <> 'COMPLETED' OR percent = 100) AND (status <> 'NOT_STARTED' OR percent = 0))
);
CREATE UNIQUE INDEX progress_report_one_open_key ON progress_report (task_id, unit_code)
  WHERE state IN ('SUBMITTED', 'RETURNED');
CREATE INDEX progress_report_accepted_idx ON progress_report (task_id, unit_code, as_of)
  WHERE state = 'ACCEPTED';
CREATE INDEX progress_report_unit_idx ON progress_report (unit_code, id);

-- Tasks whose progress is a live figure of another service rather than a report.
CREATE TABLE task_binding (
  task_id bigint PRIMARY KEY REFERENCES task (id) ON DELETE CASCADE,
  source text NOT NULL CHECK (source IN ('QUALITY_TARGET', 'REGISTRY_FILING')),
  target_code text NOT NULL CHECK (target_code ~ '^[A-Z][A-Z_]{1,63}$'),
  bound_at timestamptz NOT NULL DEFAULT now(),
  bound_by text NOT NULL DEFAULT 'system',
  version integer NOT NULL DEFAULT 0
);

INSERT INTO task_binding (task_id, source, target_code)
SELECT t.id, v.source, v.code
  FROM (VALUES
  (4, 'QUALITY_TARGET', 'PRESCHOOL_INCLUSIVE_COUNTY'),
  (6, 'REGISTRY_FILING', 'GROUP_REGISTRATION_DONE'),
  (12, 'QUALITY_TARGET', 'COMPULSORY_BALANCED_COUNTY'),
  (19, 'QUALITY_TARGET', 'TECH_HIGH_SCHOOL'),
  (22, 'QUALITY_TARGET', 'SPECIAL_SCHOOL_STANDARD')
 ) AS v (task_number, source, code)
  JOIN plan p ON p.code = 'JN-2025-10'
  JOIN task t ON t.plan_id = p.id AND t.number = v.task_number;

-- The last figure read from a source, per (source, code, unit, as-of date): returned, marked
-- stale with its time, while the source is unreachable.
CREATE TABLE source_figure (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source text NOT NULL,
  code text NOT NULL,
  unit_code text NOT NULL,
  as_of date NOT NULL,
  status text NOT NULL,
  progress numeric(7, 6) NOT NULL CHECK (progress BETWEEN 0 AND 1),
  met boolean NOT NULL,
  current_value numeric,
  required_value numeric,
  explanation text,
  fetched_at timestamptz NOT NULL,
  CONSTRAINT source_figure_key UNIQUE (source, code, unit_code, as_of)
);
CREATE INDEX source_figure_latest_idx ON source_figure (source, code, unit_code, fetched_at DESC);

-- Deadline announcements already made (due-soon, overdue), so that the scheduled job on any
-- number of replicas announces each (task, unit, kind) once: INSERT … ON CONFLICT DO NOTHING.
CREATE TABLE announcement (
  task_id bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  unit_code text NOT NULL REFERENCES responsible_unit (code),
  kind text NOT NULL CHECK (kind IN ('DUE_SOON', 'OVERDUE')),
  announced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, unit_code, kind)
);
