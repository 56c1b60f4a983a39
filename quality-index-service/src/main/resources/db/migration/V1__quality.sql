-- quality-index-service schema: units (reference data), indicator definitions, data values with
-- approval per (district, period), the plan's targets, assessment records and value-added results.
-- The audit trail, event outbox and idempotency keys come from platform-data.

-- Units (区县 and functional zones): effective-dated reference data, the denominator of every
-- "X% of districts" target. The same 12 GB/T 2260 codes as registry-service.
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

-- Indicator definitions (指标): reference data; city-admin may add.
CREATE TABLE indicator (
    id           bigserial PRIMARY KEY,
    code         varchar(64)  NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_zh      varchar(128) NOT NULL,
    name_en      varchar(200) NOT NULL,
    unit_label   varchar(32)  NOT NULL,
    value_type   varchar(16)  NOT NULL CHECK (value_type IN ('BOOLEAN', 'COUNT', 'RATIO', 'AMOUNT')),
    level        varchar(16)  NOT NULL CHECK (level IN ('DISTRICT', 'SCHOOL')),
    description  text         NOT NULL,
    created_by   varchar(128) NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO indicator (code, name_zh, name_en, unit_label, value_type, level, description, created_by) VALUES
    ('PRESCHOOL_INCLUSIVE_COUNTY_TITLE', '已创成国家学前教育普及普惠县', 'holds the national preschool universal and inclusive county title', 'yes/no', 'BOOLEAN', 'DISTRICT', '1 when the district has been recognised as 国家学前教育普及普惠县 (target PRESCHOOL_INCLUSIVE_COUNTY, measure 一).', 'migration'),
    ('COMPULSORY_BALANCED_COUNTY_TITLE', '已创成国家义务教育优质均衡发展县', 'holds the national high-quality balanced compulsory education county title', 'yes/no', 'BOOLEAN', 'DISTRICT', '1 when the district has been recognised as 国家义务教育优质均衡发展县 (target COMPULSORY_BALANCED_COUNTY, measure 五).', 'migration'),
    ('PRESCHOOL_GROSS_ENROLMENT_RATE', '学前三年毛入园率', 'three-year gross preschool enrolment rate', '%', 'RATIO', 'DISTRICT', 'Percent (85 = 85%); national criterion ≥ 85%.', 'migration'),
    ('PRESCHOOL_INCLUSIVE_COVERAGE', '普惠性幼儿园覆盖率', 'inclusive kindergarten coverage', '%', 'RATIO', 'DISTRICT', 'Children in public plus inclusive private kindergartens ÷ all children in kindergartens, percent; national criterion ≥ 80%.', 'migration'),
    ('PRESCHOOL_PUBLIC_SHARE', '公办园在园幼儿占比', 'public kindergarten enrolment share', '%', 'RATIO', 'DISTRICT', 'Percent; national criterion ≥ 50%.', 'migration'),
    ('PRESCHOOL_FULLTIME_RESEARCHERS', '学前教育专职教研员数', 'full-time preschool teaching researchers', 'persons', 'COUNT', 'DISTRICT', 'Full-time preschool 教研员 in the district (target PRESCHOOL_RESEARCHER: at least 1 in every district).', 'migration'),
    ('NEW_KINDERGARTENS', '新建小区配套及乡镇中心幼儿园数', 'new residential-area and township-central kindergartens', 'kindergartens', 'COUNT', 'DISTRICT', 'Kindergartens newly built in residential areas or as township-central kindergartens, cumulative since 2025.', 'migration'),
    ('NEW_PUBLIC_KINDERGARTENS', '其中办成公办园数', 'of which run as public kindergartens', 'kindergartens', 'COUNT', 'DISTRICT', 'Of NEW_KINDERGARTENS, those run as public kindergartens (target PUBLIC_NEW_KINDERGARTEN: 100%).', 'migration'),
    ('STRONG_SPECIAL_SCHOOLS', '高水平特殊教育学校数', 'strong special-education schools run by the district', 'schools', 'COUNT', 'DISTRICT', 'Target SPECIAL_SCHOOL_PER_DISTRICT: every district runs at least 1.', 'migration'),
    ('FAMILY_SCHOOL_COMMUNITY_COVERED', '教联体全覆盖', 'family-school-community alliance (教联体) covers the district', 'yes/no', 'BOOLEAN', 'DISTRICT', '1 when 学校家庭社会协同育人教联体 covers the district (target FAMILY_SCHOOL_COMMUNITY).', 'migration'),
    ('TECH_HIGH_SCHOOLS', '科技高中数', 'technology high schools built', 'schools', 'COUNT', 'DISTRICT', 'Technology high schools (科技高中) built in the district; the city target sums the districts (≥ 2).', 'migration'),
    ('SMALL_CLASS_PILOT_SCHOOLS', '小班化教学试点学校数', 'schools piloting classes of about 35 students', 'schools', 'COUNT', 'DISTRICT', 'Schools piloting small classes of about 35 students (target SMALL_CLASS_PILOT).', 'migration'),
    ('GROUP_REGISTRATIONS_FILED', '已备案集团化办学数', 'group and cooperative schooling registrations filed', 'registrations', 'COUNT', 'DISTRICT', 'Reported fallback for target GROUP_REGISTRATION_DONE when registry-service cannot be reached.', 'migration'),
    ('GROUP_REGISTRATIONS_EXPECTED', '应登记备案集团化办学数', 'group and cooperative schooling that must be registered', 'registrations', 'COUNT', 'DISTRICT', 'Reported fallback denominator for target GROUP_REGISTRATION_DONE.', 'migration'),
    ('QUALIFIED_TEACHERS_PER_100', '每百名学生拥有高于规定学历教师数', 'teachers above the required qualification per 100 students', 'per 100 students', 'RATIO', 'SCHOOL', 'Resource indicator of 教督〔2017〕6号: standard 4.2 (primary) / 5.3 (junior).', 'migration'),
    ('KEY_TEACHERS_PER_100', '每百名学生拥有县级及以上骨干教师数', 'county-level or higher key teachers per 100 students', 'per 100 students', 'RATIO', 'SCHOOL', 'Resource indicator: standard 1 / 1.', 'migration'),
    ('PE_ART_TEACHERS_PER_100', '每百名学生拥有体育、艺术（美术、音乐）专任教师数', 'PE and art teachers per 100 students', 'per 100 students', 'RATIO', 'SCHOOL', 'Resource indicator: standard 0.9 / 0.9.', 'migration'),
    ('FLOOR_SPACE_PER_STUDENT', '生均教学及辅助用房面积', 'teaching and auxiliary floor space per student', 'm²', 'AMOUNT', 'SCHOOL', 'Resource indicator: standard 4.5 / 5.8 m².', 'migration'),
    ('SPORTS_GROUND_PER_STUDENT', '生均体育运动场馆面积', 'sports ground per student', 'm²', 'AMOUNT', 'SCHOOL', 'Resource indicator: standard 7.5 / 10.2 m².', 'migration'),
    ('EQUIPMENT_VALUE_PER_STUDENT', '生均教学仪器设备值', 'teaching equipment value per student', 'yuan', 'AMOUNT', 'SCHOOL', 'Resource indicator: standard 2000 / 2500 yuan.', 'migration'),
    ('MULTIMEDIA_CLASSROOMS_PER_100', '每百名学生拥有网络多媒体教室数', 'networked multimedia classrooms per 100 students', 'per 100 students', 'RATIO', 'SCHOOL', 'Resource indicator: standard 2.3 / 2.4.', 'migration'),
    ('STUDENTS_PRIMARY', '小学在校生数', 'primary students enrolled', 'students', 'COUNT', 'SCHOOL', 'Weight of the school in the primary coefficient of variation; a school with primary students is assessed as a primary school.', 'migration'),
    ('STUDENTS_JUNIOR', '初中在校生数', 'junior secondary students enrolled', 'students', 'COUNT', 'SCHOOL', 'Weight of the school in the junior coefficient of variation; a school with junior students is assessed as a junior school.', 'migration'),
    ('TOWNSHIP_SCHOOL_CLASS_II', '乡镇驻地学校达到省定Ⅱ类及以上标准', 'township-seat school meets the provincial Class II standard or better', 'yes/no', 'BOOLEAN', 'SCHOOL', 'Reported for every township-seat school (乡镇驻地学校); 1 when it meets Class II or better (target TOWNSHIP_SCHOOL_CLASS_II).', 'migration'),
    ('SPECIAL_SCHOOL_STANDARD', '特殊教育学校达到省定办学标准', 'special-education school meets the provincial standard', 'yes/no', 'BOOLEAN', 'SCHOOL', 'Reported for every special-education school; 1 when it meets the provincial standard (target SPECIAL_SCHOOL_STANDARD).', 'migration');

-- Approval of a district's data for one period (ISO year): OPEN → SUBMITTED → APPROVED (locked);
-- the city may return a submission or unlock an approved period (both → RETURNED).
CREATE TABLE data_approval (
    id             bigserial PRIMARY KEY,
    district_code  varchar(6)   NOT NULL,
    period         integer      NOT NULL CHECK (period BETWEEN 2000 AND 2100),
    state          varchar(16)  NOT NULL CHECK (state IN ('OPEN', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    comment        text,
    version        integer      NOT NULL DEFAULT 0,
    updated_by     varchar(128),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (district_code, period)
);

-- One value per (indicator, subject, period); subject is the district code for district-level
-- indicators and the school's USCC for school-level ones. district_code is the district the
-- value belongs to (for schools: as given by the caller, cached with the value).
CREATE TABLE data_value (
    id             bigserial PRIMARY KEY,
    indicator_id   bigint         NOT NULL REFERENCES indicator (id),
    subject        varchar(18)    NOT NULL,
    district_code  varchar(6)     NOT NULL,
    school_uscc    varchar(18),
    period         integer        NOT NULL CHECK (period BETWEEN 2000 AND 2100),
    value          numeric(24, 6) NOT NULL,
    source         varchar(200),
    comment        text,
    version        integer        NOT NULL DEFAULT 0,
    updated_by     varchar(128)   NOT NULL,
    created_at     timestamptz    NOT NULL DEFAULT now(),
    updated_at     timestamptz    NOT NULL DEFAULT now(),
    CHECK ((school_uscc IS NULL AND subject = district_code) OR subject = school_uscc),
    UNIQUE (indicator_id, subject, period)
);
CREATE INDEX data_value_district_idx ON data_value (district_code, period, id);
CREATE INDEX data_value_indicator_idx ON data_value (indicator_id, period);

-- The plan's quantitative targets (DOMAIN.md section 5).
CREATE TABLE target (
    id                    bigserial PRIMARY KEY,
    code                  varchar(64)    NOT NULL UNIQUE,
    name_zh               varchar(200)   NOT NULL,
    name_en               varchar(200)   NOT NULL,
    kind                  varchar(24)    NOT NULL CHECK (kind IN ('UNIT_SHARE', 'SCHOOL_SHARE', 'RATIO_OF_SUMS', 'SUM_AT_LEAST', 'REGISTRY_FILED')),
    indicator_code        varchar(64)    REFERENCES indicator (code),
    denominator_code      varchar(64)    REFERENCES indicator (code),
    qualifying_value      numeric(24, 6),
    threshold             numeric(24, 6) NOT NULL,
    comparator            varchar(4)     NOT NULL CHECK (comparator IN ('GE')),
    scope                 varchar(16)    NOT NULL CHECK (scope IN ('CITY', 'EACH_DISTRICT')),
    deadline              date,
    measure               varchar(16)    NOT NULL,
    description           text           NOT NULL
);

INSERT INTO target (code, name_zh, name_en, kind, indicator_code, denominator_code, qualifying_value, threshold, comparator, scope, deadline, measure, description) VALUES
    ('PRESCHOOL_INCLUSIVE_COUNTY', '80%以上区县创成国家学前教育普及普惠县', 'at least 80% of districts hold the national preschool universal and inclusive county title', 'UNIT_SHARE', 'PRESCHOOL_INCLUSIVE_COUNTY_TITLE', NULL, 1, 80, 'GE', 'CITY', DATE '2027-12-31', '一', 'Counts units in scope whose approved PRESCHOOL_INCLUSIVE_COUNTY_TITLE is 1; required ⌈80% × units⌉.'),
    ('COMPULSORY_BALANCED_COUNTY', '60%以上区县创成国家义务教育优质均衡发展县', 'at least 60% of districts hold the national high-quality balanced compulsory education county title', 'UNIT_SHARE', 'COMPULSORY_BALANCED_COUNTY_TITLE', NULL, 1, 60, 'GE', 'CITY', DATE '2027-12-31', '五', 'Counts units in scope whose approved COMPULSORY_BALANCED_COUNTY_TITLE is 1; required ⌈60% × units⌉.'),
    ('PRESCHOOL_RESEARCHER', '各区县至少配备1名学前教育专职教研员', 'every district has at least one full-time preschool researcher', 'UNIT_SHARE', 'PRESCHOOL_FULLTIME_RESEARCHERS', NULL, 1, 100, 'GE', 'EACH_DISTRICT', NULL, '四', 'Ongoing: every unit in scope needs PRESCHOOL_FULLTIME_RESEARCHERS ≥ 1.'),
    ('PUBLIC_NEW_KINDERGARTEN', '新建小区配套幼儿园和乡镇中心幼儿园100%办成公办园', '100% of new residential-area and township-central kindergartens are public', 'RATIO_OF_SUMS', 'NEW_PUBLIC_KINDERGARTENS', 'NEW_KINDERGARTENS', NULL, 100, 'GE', 'CITY', DATE '2027-12-31', '二', 'Σ NEW_PUBLIC_KINDERGARTENS ÷ Σ NEW_KINDERGARTENS over the units in scope, in percent.'),
    ('TOWNSHIP_SCHOOL_CLASS_II', '乡镇驻地学校100%达到省定Ⅱ类及以上标准', '100% of township-seat schools meet the provincial Class II standard or better', 'SCHOOL_SHARE', 'TOWNSHIP_SCHOOL_CLASS_II', NULL, 1, 100, 'GE', 'CITY', DATE '2027-12-31', '六', 'Township-seat schools reported with TOWNSHIP_SCHOOL_CLASS_II; those with 1 count; required ⌈100% × schools⌉.'),
    ('GROUP_REGISTRATION_DONE', '集团化办学、合作办学100%完成登记备案', '100% of group and cooperative schooling registered and filed', 'REGISTRY_FILED', 'GROUP_REGISTRATIONS_FILED', 'GROUP_REGISTRATIONS_EXPECTED', NULL, 100, 'GE', 'CITY', DATE '2025-12-31', '七', 'Live from registry-service statistics (filed ÷ expected); when it cannot be reached, from approved GROUP_REGISTRATIONS_FILED ÷ GROUP_REGISTRATIONS_EXPECTED.'),
    ('SPECIAL_SCHOOL_STANDARD', '特殊教育学校100%达到省定办学标准', '100% of special-education schools meet the provincial standard', 'SCHOOL_SHARE', 'SPECIAL_SCHOOL_STANDARD', NULL, 1, 100, 'GE', 'CITY', DATE '2025-12-31', '十二', 'Special-education schools reported with SPECIAL_SCHOOL_STANDARD; those with 1 count.'),
    ('SPECIAL_SCHOOL_PER_DISTRICT', '每个区县办好1所高水平特殊教育学校', 'every district runs one strong special-education school', 'UNIT_SHARE', 'STRONG_SPECIAL_SCHOOLS', NULL, 1, 100, 'GE', 'EACH_DISTRICT', DATE '2026-12-31', '十二', 'Every unit in scope needs STRONG_SPECIAL_SCHOOLS ≥ 1.'),
    ('FAMILY_SCHOOL_COMMUNITY', '教联体区县全覆盖', 'family-school-community alliances cover 100% of districts', 'UNIT_SHARE', 'FAMILY_SCHOOL_COMMUNITY_COVERED', NULL, 1, 100, 'GE', 'CITY', DATE '2025-12-31', '十五', 'Every unit in scope needs FAMILY_SCHOOL_COMMUNITY_COVERED = 1.'),
    ('TECH_HIGH_SCHOOL', '建成2所以上科技高中', 'at least 2 technology high schools built', 'SUM_AT_LEAST', 'TECH_HIGH_SCHOOLS', NULL, NULL, 2, 'GE', 'CITY', DATE '2027-12-31', '十', 'Σ TECH_HIGH_SCHOOLS over the units in scope ≥ 2.'),
    ('SMALL_CLASS_PILOT', '开展35人左右小班化教学试点', 'pilots of classes of about 35 students', 'SUM_AT_LEAST', 'SMALL_CLASS_PILOT_SCHOOLS', NULL, NULL, 1, 'GE', 'CITY', DATE '2027-12-31', '八', 'Σ SMALL_CLASS_PILOT_SCHOOLS over the units in scope ≥ 1 (the plan sets no number; one pilot counts as started).');

-- Pseudonymous assessment records (增值性评价, 随班就读 averages): no names, no ID numbers.
CREATE TABLE assessment_batch (
    id           bigserial PRIMARY KEY,
    records      bigint       NOT NULL DEFAULT 0,
    years        integer[]    NOT NULL DEFAULT '{}',
    imported_by  varchar(128) NOT NULL,
    imported_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE assessment_record (
    batch_id       bigint         NOT NULL REFERENCES assessment_batch (id),
    student_key    varchar(128)   NOT NULL,
    school_uscc    varchar(18)    NOT NULL,
    district_code  varchar(6)     NOT NULL,
    grade          varchar(16)    NOT NULL,
    subject        varchar(32)    NOT NULL,
    year           integer        NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    prior_score    numeric(9, 3),
    current_score  numeric(9, 3)  NOT NULL,
    special_needs  boolean        NOT NULL DEFAULT false,
    class_id       varchar(32)
);
CREATE INDEX assessment_record_year_idx ON assessment_record (year, subject, grade);
CREATE INDEX assessment_record_batch_idx ON assessment_record (batch_id);

-- Stored value-added results; replaced per year on every recompute.
CREATE TABLE value_added_school (
    id              bigserial PRIMARY KEY,
    year            integer        NOT NULL,
    grade           varchar(16)    NOT NULL,
    subject         varchar(32)    NOT NULL,
    school_uscc     varchar(18)    NOT NULL,
    district_code   varchar(6)     NOT NULL,
    students        bigint         NOT NULL,
    status          varchar(16)    NOT NULL,
    value_added     double precision,
    standard_error  double precision,
    computed_at     timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX value_added_school_idx ON value_added_school (year, grade, subject, school_uscc);

CREATE TABLE value_added_group (
    id                    bigserial PRIMARY KEY,
    year                  integer        NOT NULL,
    grade                 varchar(16)    NOT NULL,
    subject               varchar(32)    NOT NULL,
    filing_number         varchar(64)    NOT NULL,
    group_name            varchar(200),
    lead_school_uscc      varchar(18)    NOT NULL,
    lead_value_added      double precision,
    lead_standard_error   double precision,
    lead_students         bigint,
    value_added           double precision,
    standard_error        double precision,
    students              bigint         NOT NULL,
    schools_counted       text[]         NOT NULL,
    schools_without       text[]         NOT NULL,
    groups_source         varchar(64)    NOT NULL,
    computed_at           timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX value_added_group_idx ON value_added_group (year, grade, subject, filing_number);
