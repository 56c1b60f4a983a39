-- The plan catalogue: 济教办〔2025〕10号, its 5 actions, 16 measures (措施) and the 37 key tasks of
-- its attachment 重点任务清单, as reference data.
--
-- Rows marked from_document = true reproduce the document. The bureau may add its own rows
-- (from_document = false) but may never delete or reword the document's: triggers below refuse it.
--
-- Storage rules for task.text_zh, applied to every task alike:
--   * the text of one numbered item of a 重点任务 cell, wording and quirks as printed
--     (e.g. 深化特色教育学校… is kept, though the body says 特殊教育);
--   * words the layout broke across lines are joined (泉城教育少年说, 家校社);
--   * the item marker (①②③④, printed as "1 " / "2 " in two cells) is not part of the text: it is
--     the column ordinal;
--   * the trailing list punctuation (； or 。) is dropped.
--
-- Deadline rule: 完成时限 "YYYY年" means the task is due by the end of deadline_date = YYYY-12-31 in
-- Asia/Shanghai, i.e. it is overdue from (deadline_date + 1 day) 00:00 Asia/Shanghai. A date, not a
-- timestamptz, is stored so that the rule does not depend on the session time zone; the Java
-- counterpart is cn.jinan.edu.milestone.domain.Deadline.

CREATE TABLE plan (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL CONSTRAINT plan_code_key UNIQUE,
  title text NOT NULL CHECK (btrim(title) <> ''),
  document_number text NOT NULL CHECK (btrim(document_number) <> ''),
  issuer text NOT NULL CHECK (btrim(issuer) <> ''),
  issue_date date NOT NULL,
  period_start integer NOT NULL,
  period_end integer NOT NULL,
  from_document boolean NOT NULL DEFAULT true,
  CONSTRAINT plan_code_format CHECK (code ~ '^[A-Z]{2}-[0-9]{4}-[0-9]+$'),
  CONSTRAINT plan_period CHECK (period_end >= period_start)
);

CREATE TABLE action (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id bigint NOT NULL REFERENCES plan (id),
  number integer NOT NULL CHECK (number >= 1),
  title text NOT NULL CHECK (btrim(title) <> ''),
  from_document boolean NOT NULL DEFAULT true,
  CONSTRAINT action_plan_number_key UNIQUE (plan_id, number)
);

CREATE TABLE measure (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id bigint NOT NULL REFERENCES plan (id),
  number integer NOT NULL CHECK (number BETWEEN 1 AND 99),
  numeral text NOT NULL,
  title text NOT NULL CHECK (btrim(title) <> ''),
  action_number integer NOT NULL,
  -- The paragraph's quantitative commitments, verbatim clauses joined by "；"; '' where none.
  commitments text NOT NULL DEFAULT '',
  from_document boolean NOT NULL DEFAULT true,
  CONSTRAINT measure_plan_number_key UNIQUE (plan_id, number),
  CONSTRAINT measure_plan_numeral_key UNIQUE (plan_id, numeral),
  CONSTRAINT measure_action_fk FOREIGN KEY (plan_id, action_number)
    REFERENCES action (plan_id, number),
  -- Referenced by task_measure so that a task can only serve measures of its own action.
  CONSTRAINT measure_id_plan_action_key UNIQUE (id, plan_id, action_number),
  -- The numeral must spell the number (一 … 九十九), catching a mistyped row.
  CONSTRAINT measure_numeral_matches CHECK (
    numeral = CASE
      WHEN number < 10 THEN ('{一,二,三,四,五,六,七,八,九}'::text[])[number]
      WHEN number < 20 THEN '十' || coalesce(('{一,二,三,四,五,六,七,八,九}'::text[])[number - 10], '')
      ELSE ('{一,二,三,四,五,六,七,八,九}'::text[])[number / 10] || '十'
        || coalesce(('{一,二,三,四,五,六,七,八,九}'::text[])[number % 10], '')
    END)
);

CREATE TABLE task (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id bigint NOT NULL REFERENCES plan (id),
  -- 1 … 37 in document order for the document's tasks; the bureau's own tasks continue after.
  number integer NOT NULL CHECK (number >= 1),
  action_number integer NOT NULL,
  year integer NOT NULL,
  -- Position within its (action, year) cell: ① = 1.
  ordinal integer NOT NULL CHECK (ordinal >= 1),
  text_zh text NOT NULL,
  deadline_date date NOT NULL,
  from_document boolean NOT NULL DEFAULT true,
  CONSTRAINT task_plan_number_key UNIQUE (plan_id, number),
  CONSTRAINT task_cell_ordinal_key UNIQUE (plan_id, action_number, year, ordinal),
  CONSTRAINT task_id_plan_action_key UNIQUE (id, plan_id, action_number),
  CONSTRAINT task_action_fk FOREIGN KEY (plan_id, action_number)
    REFERENCES action (plan_id, number),
  -- The storage rules above: no marker, no trailing list punctuation, no layout whitespace.
  CONSTRAINT task_text_clean CHECK (
    btrim(text_zh) <> ''
    AND text_zh = btrim(text_zh)
    AND text_zh !~ '^[①-⑳]'
    AND text_zh !~ '[；。]$'
    AND text_zh !~ '[[:cntrl:]]'),
  -- The plan runs 2025—2027 and every 完成时限 is a year-end.
  CONSTRAINT task_document_year CHECK (NOT from_document OR year BETWEEN 2025 AND 2027),
  CONSTRAINT task_document_deadline CHECK (
    NOT from_document OR deadline_date = make_date(year, 12, 31)),
  CONSTRAINT task_deadline_not_before_year CHECK (deadline_date >= make_date(year, 1, 1))
);

COMMENT ON COLUMN task.deadline_date IS
  'Last day of the task; due by the end of this day in Asia/Shanghai, overdue from the next day 00:00 Asia/Shanghai';

-- Which measure(s) of the body a task serves. plan_id and action_number are repeated so that the
-- two composite foreign keys force the task and the measure to belong to the same action.
CREATE TABLE task_measure (
  task_id bigint NOT NULL,
  measure_id bigint NOT NULL,
  plan_id bigint NOT NULL,
  action_number integer NOT NULL,
  PRIMARY KEY (task_id, measure_id),
  CONSTRAINT task_measure_task_fk FOREIGN KEY (task_id, plan_id, action_number)
    REFERENCES task (id, plan_id, action_number) ON DELETE CASCADE,
  CONSTRAINT task_measure_measure_fk FOREIGN KEY (measure_id, plan_id, action_number)
    REFERENCES measure (id, plan_id, action_number)
);

CREATE INDEX task_measure_measure_idx ON task_measure (measure_id);

-- Refuses to delete, truncate or change a row that reproduces the document. Trigger arguments
-- name the columns that stay editable on such rows (none today); every other column, including
-- columns added later, is protected by default. check_violation lets the API report it as 422.
CREATE FUNCTION keep_document_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  editable text[] := coalesce(TG_ARGV, '{}');
  changed text;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'table % holds rows of the plan document and cannot be truncated', TG_TABLE_NAME
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_from_document';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.from_document IS DISTINCT FROM OLD.from_document THEN
    RAISE EXCEPTION 'from_document of % id % cannot change', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_from_document';
  END IF;
  IF TG_OP = 'DELETE' AND NOT OLD.from_document THEN
    RETURN OLD;
  END IF;
  IF NOT OLD.from_document THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION '% id % is part of the plan document and cannot be deleted', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_from_document';
  END IF;
  SELECT string_agg(o.key, ', ' ORDER BY o.key) INTO changed
    FROM jsonb_each(to_jsonb(OLD)) AS o
   WHERE o.value IS DISTINCT FROM to_jsonb(NEW) -> o.key
     AND NOT o.key = ANY (editable);
  IF changed IS NOT NULL THEN
    RAISE EXCEPTION '% id % is part of the plan document; % cannot change', TG_TABLE_NAME, OLD.id, changed
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_from_document';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER plan_keep_document_rows BEFORE UPDATE OR DELETE ON plan
  FOR EACH ROW EXECUTE FUNCTION keep_document_rows();
CREATE TRIGGER plan_no_truncate BEFORE TRUNCATE ON plan
  FOR EACH STATEMENT EXECUTE FUNCTION keep_document_rows();
CREATE TRIGGER action_keep_document_rows BEFORE UPDATE OR DELETE ON action
  FOR EACH ROW EXECUTE FUNCTION keep_document_rows();
CREATE TRIGGER action_no_truncate BEFORE TRUNCATE ON action
  FOR EACH STATEMENT EXECUTE FUNCTION keep_document_rows();
CREATE TRIGGER measure_keep_document_rows BEFORE UPDATE OR DELETE ON measure
  FOR EACH ROW EXECUTE FUNCTION keep_document_rows();
CREATE TRIGGER measure_no_truncate BEFORE TRUNCATE ON measure
  FOR EACH STATEMENT EXECUTE FUNCTION keep_document_rows();
CREATE TRIGGER task_keep_document_rows BEFORE UPDATE OR DELETE ON task
  FOR EACH ROW EXECUTE FUNCTION keep_document_rows();
CREATE TRIGGER task_no_truncate BEFORE TRUNCATE ON task
  FOR EACH STATEMENT EXECUTE FUNCTION keep_document_rows();

-- Every task serves at least one measure. Checked at commit, so a task and its first mapping can
-- be inserted in either order within one transaction.
CREATE FUNCTION task_has_measure() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  checked bigint;
BEGIN
  IF TG_TABLE_NAME = 'task' THEN
    checked := NEW.id;
  ELSE
    checked := OLD.task_id;
  END IF;
  IF EXISTS (SELECT 1 FROM task WHERE id = checked)
     AND NOT EXISTS (SELECT 1 FROM task_measure WHERE task_id = checked) THEN
    RAISE EXCEPTION 'task id % must serve at least one measure', checked
      USING ERRCODE = 'check_violation', CONSTRAINT = 'task_has_measure';
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER task_has_measure AFTER INSERT ON task
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION task_has_measure();
CREATE CONSTRAINT TRIGGER task_measure_keeps_one AFTER UPDATE OR DELETE ON task_measure
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION task_has_measure();

-- ---------------------------------------------------------------------------------------------
-- Data

INSERT INTO plan (code, title, document_number, issuer, issue_date, period_start, period_end)
VALUES ('JN-2025-10', '济南市基础教育扩优提质行动实施方案（2025—2027年）', '济教办〔2025〕10号',
        '济南市教育局办公室', DATE '2025-06-13', 2025, 2027);

-- Titles as in the 项目名称 column (the body prefixes each with 实施).
INSERT INTO action (plan_id, number, title)
SELECT p.id, v.number, v.title
  FROM plan p
 CROSS JOIN (VALUES
  (1, '学前教育固本强基培优提质行动'),
  (2, '义务教育强校提质优质均衡行动'),
  (3, '普通高中内涵建设优质特色行动'),
  (4, '特殊教育学生关爱融合发展行动'),
  (5, '综合改革提升学生全面发展行动')
 ) AS v (number, title)
 WHERE p.code = 'JN-2025-10';

-- Title: the paragraph's lead sentence without its 。.
INSERT INTO measure (plan_id, number, numeral, title, action_number, commitments)
SELECT p.id, v.number, v.numeral, v.title, v.action_number, v.commitments
  FROM plan p
 CROSS JOIN (VALUES
  (1, '一', '加大公办幼儿园学位供给', 1,
   '新建居住区配套幼儿园和乡镇中心幼儿园全部举办为公办幼儿园'),
  (2, '二', '提高幼儿园保教质量', 1,
   '每个区县至少配备1名学前教育专职教研员；到2027年底，80%的区县实现创建目标'),
  (3, '三', '建设高素质幼儿教师队伍', 1, ''),
  (4, '四', '加强幼儿园监管', 1, ''),
  (5, '五', '优化义务教育学校布局', 2,
   '在平稳度过小学在校生高峰期后，探索试点35人左右的小班化教学'),
  (6, '六', '实施强镇筑基行动', 2,
   '到2027年底，所有乡镇驻地学校达到省定Ⅱ类以上办学条件标准'),
  (7, '七', '实施集团化办学2.0工程', 2, '到2025年底，完成全市集团化办学登记、备案'),
  (8, '八', '创建国家义务教育优质均衡发展县', 2, '到2027年底，60%的区县实现创建目标'),
  (9, '九', '扩大公办高中学位供给', 3, ''),
  (10, '十', '提升高中办学质量', 3, ''),
  (11, '十一', '促进高中特色多样化发展', 3, '到2027年底建成至少2所科技高中'),
  (12, '十二', '加强特殊教育协同联动', 4, '每个区县建强、办好1所特殊教育学校'),
  (13, '十三', '促进特殊教育优质融合发展', 4,
   '到2025年底，全市所有特殊教育学校办学质量达到省定标准'),
  (14, '十四', '深入推进“五育融合”', 5, '到2025年底，实现区县家校社“教联体”全覆盖'),
  (15, '十五', '促进课堂和教学改革', 5, ''),
  (16, '十六', '强化教师队伍建设', 5, '')
 ) AS v (number, numeral, title, action_number, commitments)
 WHERE p.code = 'JN-2025-10';

-- The 37 tasks of 重点任务清单 in document order: (number, action, year, ordinal, text).
INSERT INTO task (plan_id, number, action_number, year, ordinal, text_zh, deadline_date)
SELECT p.id, v.number, v.action_number, v.year, v.ordinal, v.text_zh, make_date(v.year, 12, 31)
  FROM plan p
 CROSS JOIN (VALUES
  (1, 1, 2025, 1, '用好“优质园+”发展模式，推进游戏活动实验区、实验园和科学保教引领区、引领园建设'),
  (2, 1, 2026, 1, '推动“园长能力提升”“教师发展工程”两大工程，培育有影响力的学前教育专家队伍'),
  (3, 1, 2027, 1, '新建居住区配套幼儿园和乡镇中心幼儿园全部举办为公办幼儿园，持续推进镇村一体化管理'),
  (4, 1, 2027, 2, '80%的区县实现国家学前教育普及普惠县创建目标'),
  (5, 2, 2025, 1, '支持市区优质初中对口帮助乡镇初中提升管理水平和办学质量'),
  (6, 2, 2025, 2, '实行全市中小学校集团化办学（合作办学）登记备案制度，完成全市中小学校集团化办学（合作办学）登记备案'),
  (7, 2, 2026, 1, '建立以增值性评价为主、成员校与牵头校办学质量挂钩的集团化办学评价体系'),
  (8, 2, 2026, 2, '推广一批小学、初中、高中集团化办学典型案例'),
  (9, 2, 2026, 3, '打造“小而美”“美而优”的乡村特色学校'),
  (10, 2, 2027, 1, '探索试点35人左右的小班化教学'),
  (11, 2, 2027, 2, '所有乡镇驻地学校达到省定Ⅱ类以上办学条件标准'),
  (12, 2, 2027, 3, '60%的区县实现国家义务教育优质均衡发展县创建目标'),
  (13, 3, 2025, 1, '全市公办普通高中按照“能增尽增”的原则，有序扩大招生计划'),
  (14, 3, 2025, 2, '探索区县属公办高中面向市区招生'),
  (15, 3, 2025, 3, '探索中职学校转设综合高中或设立综合高中班'),
  (16, 3, 2026, 1, '推进一批新规划高中建设'),
  (17, 3, 2026, 2, '深化中考招生制度改革，试点推进高中阶段综合评价招生'),
  (18, 3, 2026, 3, '加大支持县中发展力度，开展薄弱学校帮扶共建'),
  (19, 3, 2027, 1, '推进省市级特色高中和学科基地校建设，建成至少2所科技高中'),
  (20, 3, 2027, 2, '探索公办高中与中职学校推进职普融通'),
  (21, 4, 2025, 1, '印发《济南市建设国家级特殊教育改革实验区实施方案》'),
  (22, 4, 2025, 2, '全市所有特殊教育学校办学质量达到省定标准'),
  (23, 4, 2025, 3, '推动孤独症儿童特殊教育学校建设'),
  (24, 4, 2026, 1, '推动每个区县建强、办好1所特殊教育学校'),
  (25, 4, 2026, 2, '促进特殊教育向两端延伸，鼓励特殊教育学校增设学前班'),
  (26, 4, 2026, 3, '探索优化特殊教育学生随班就读学业水平评价方式'),
  (27, 4, 2027, 1, '深化特色教育学校办学质量提升行动，促进特殊教育融合发展'),
  (28, 4, 2027, 2, '鼓励特殊教育学校联合区域内中等职业教育资源试办中职班'),
  (29, 5, 2025, 1, '深入推进“五育融合”，持续开展“最美舞台”“最美主场”“泉悦读”“泉城教育少年说”等活动'),
  (30, 5, 2025, 2, '印发实施《济南市家校社协同育人“教联体”工作方案》，实现区县家校社“教联体”全覆盖'),
  (31, 5, 2025, 3, '印发实施《济南市新时代劳动教育行动方案》'),
  (32, 5, 2026, 1, '深入推进国家中小学科学教育实验区建设，促进学段贯通、学科融合'),
  (33, 5, 2026, 2, '鼓励各区县优化地方课程和校本课程体系，推动课程和教学改革'),
  (34, 5, 2026, 3, '推进“新课堂”“新备课组”建设，强化导学案、作业设计指导与监督'),
  (35, 5, 2026, 4, '科学设置教师招聘岗位，探索招聘“一专多能”型教师'),
  (36, 5, 2027, 1, '持续推进教师队伍建设“四大行动”，健全名师名校长“选、育、管、用”全链条培养体系'),
  (37, 5, 2027, 2, '加大校长、教师交流轮岗力度，逐步实现县域内师资优质均衡配置')
 ) AS v (number, action_number, year, ordinal, text_zh)
 WHERE p.code = 'JN-2025-10';

-- Each task mapped to the measure(s) of its own action whose paragraph contains the same
-- commitment or wording (task number, measure number).
INSERT INTO task_measure (task_id, measure_id, plan_id, action_number)
SELECT t.id, m.id, t.plan_id, t.action_number
  FROM (VALUES
  -- action 1: 一 公办学位, 二 保教质量, 三 教师队伍, 四 监管
  (1, 2), (2, 3), (3, 1), (3, 4), (4, 2),
  -- action 2: 五 布局/小班化, 六 强镇筑基, 七 集团化办学, 八 优质均衡县
  (5, 6), (6, 7), (7, 7), (8, 7), (9, 6), (10, 5), (11, 6), (12, 8),
  -- action 3: 九 高中学位, 十 办学质量/职普融通, 十一 特色多样化/招生改革
  (13, 9), (14, 9), (15, 9), (16, 9), (17, 11), (18, 9), (18, 10), (19, 11), (20, 10),
  -- action 4: 十二 协同联动, 十三 优质融合
  (21, 12), (22, 13), (23, 13), (24, 12), (25, 13), (26, 13), (27, 13), (28, 13),
  -- action 5: 十四 五育融合, 十五 课堂教学改革, 十六 教师队伍
  (29, 14), (30, 14), (31, 14), (32, 15), (33, 15), (34, 15), (35, 16), (36, 16), (37, 16)
 ) AS v (task_number, measure_number)
  JOIN plan p ON p.code = 'JN-2025-10'
  JOIN task t ON t.plan_id = p.id AND t.number = v.task_number
  JOIN measure m ON m.plan_id = p.id AND m.number = v.measure_number;
