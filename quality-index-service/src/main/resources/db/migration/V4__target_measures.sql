-- Each target's measure (措施) as the plan text puts it (济教办〔2025〕10号, and milestone-service's
-- measure catalogue): V1 named the wrong paragraph for eight of the eleven targets. The phrase
-- after each row is where the plan states the target. Only the known wrong value is replaced, so a
-- value corrected by other means is left alone; every correction is written to the audit trail.
WITH corrected AS (
    UPDATE target t
       SET measure = v.correct
      FROM (VALUES
        ('PRESCHOOL_INCLUSIVE_COUNTY', '一', '二'),   -- （二）80%的区县实现创建目标
        ('COMPULSORY_BALANCED_COUNTY', '五', '八'),   -- （八）60%的区县实现创建目标
        ('PRESCHOOL_RESEARCHER',       '四', '二'),   -- （二）每个区县至少配备1名学前教育专职教研员
        ('PUBLIC_NEW_KINDERGARTEN',    '二', '一'),   -- （一）新建居住区配套幼儿园和乡镇中心幼儿园全部举办为公办幼儿园
        ('SPECIAL_SCHOOL_STANDARD',    '十二', '十三'), -- （十三）全市所有特殊教育学校办学质量达到省定标准
        ('FAMILY_SCHOOL_COMMUNITY',    '十五', '十四'), -- （十四）实现区县家校社“教联体”全覆盖
        ('TECH_HIGH_SCHOOL',           '十', '十一'),  -- （十一）建成至少2所科技高中
        ('SMALL_CLASS_PILOT',          '八', '五')    -- （五）探索试点35人左右的小班化教学
      ) AS v (code, wrong, correct)
     WHERE t.code = v.code AND t.measure = v.wrong
 RETURNING t.code, v.wrong, v.correct
)
INSERT INTO audit_entry (entity_type, entity_id, action, actor, comment, changes)
SELECT 'target', code, 'correct', 'migration V4',
       '措施编号按方案原文更正 measure corrected to the plan text',
       jsonb_build_object('measure', jsonb_build_object('before', wrong, 'after', correct))
  FROM corrected;

-- The two indicator descriptions that repeated the wrong numbers.
WITH corrected AS (
    UPDATE indicator i
       SET description = replace(old.description, v.wrong, v.correct)
      FROM (VALUES
        ('PRESCHOOL_INCLUSIVE_COUNTY_TITLE', 'measure 一)', 'measure 二)'),
        ('COMPULSORY_BALANCED_COUNTY_TITLE', 'measure 五)', 'measure 八)')
      ) AS v (code, wrong, correct)
      JOIN indicator old ON old.code = v.code   -- the row as it was, for the audit entry
     WHERE i.code = v.code AND position(v.wrong IN old.description) > 0
 RETURNING i.code, old.description AS before, i.description AS after
)
INSERT INTO audit_entry (entity_type, entity_id, action, actor, comment, changes)
SELECT 'indicator', code, 'correct', 'migration V4',
       '措施编号按方案原文更正 measure corrected to the plan text',
       jsonb_build_object('description', jsonb_build_object('before', before, 'after', after))
  FROM corrected;
