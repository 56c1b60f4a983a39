package cn.jinan.edu.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.milestone.domain.Deadline;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The migrated catalogue against 济教办〔2025〕10号. Expected strings are copied from the document
 * (seed/jinan-basic-education-plan-2025-2027.txt), with the catalogue's storage rules applied:
 * words broken across lines joined, item markers and the trailing ；/。 removed.
 */
@QuarkusTest
class CatalogueTests {

  private static final String CHECK_VIOLATION = "23514";

  /** Other tests add plans and tasks of their own; these checks look at the document's only. */
  private static final String DOC = "plan_id = (SELECT id FROM plan WHERE code = 'JN-2025-10')";

  @Inject AgroalDataSource dataSource;

  record Task(int number, int action, int year, int ordinal, String text) {}

  /** All 37 tasks of 重点任务清单, in document order. */
  private static final List<Task> DOCUMENT_TASKS =
      List.of(
          new Task(1, 1, 2025, 1, "用好“优质园+”发展模式，推进游戏活动实验区、实验园和科学保教引领区、引领园建设"),
          new Task(2, 1, 2026, 1, "推动“园长能力提升”“教师发展工程”两大工程，培育有影响力的学前教育专家队伍"),
          new Task(3, 1, 2027, 1, "新建居住区配套幼儿园和乡镇中心幼儿园全部举办为公办幼儿园，持续推进镇村一体化管理"),
          new Task(4, 1, 2027, 2, "80%的区县实现国家学前教育普及普惠县创建目标"),
          new Task(5, 2, 2025, 1, "支持市区优质初中对口帮助乡镇初中提升管理水平和办学质量"),
          new Task(6, 2, 2025, 2, "实行全市中小学校集团化办学（合作办学）登记备案制度，完成全市中小学校集团化办学（合作办学）登记备案"),
          new Task(7, 2, 2026, 1, "建立以增值性评价为主、成员校与牵头校办学质量挂钩的集团化办学评价体系"),
          new Task(8, 2, 2026, 2, "推广一批小学、初中、高中集团化办学典型案例"),
          new Task(9, 2, 2026, 3, "打造“小而美”“美而优”的乡村特色学校"),
          new Task(10, 2, 2027, 1, "探索试点35人左右的小班化教学"),
          new Task(11, 2, 2027, 2, "所有乡镇驻地学校达到省定Ⅱ类以上办学条件标准"),
          new Task(12, 2, 2027, 3, "60%的区县实现国家义务教育优质均衡发展县创建目标"),
          new Task(13, 3, 2025, 1, "全市公办普通高中按照“能增尽增”的原则，有序扩大招生计划"),
          new Task(14, 3, 2025, 2, "探索区县属公办高中面向市区招生"),
          new Task(15, 3, 2025, 3, "探索中职学校转设综合高中或设立综合高中班"),
          new Task(16, 3, 2026, 1, "推进一批新规划高中建设"),
          new Task(17, 3, 2026, 2, "深化中考招生制度改革，试点推进高中阶段综合评价招生"),
          new Task(18, 3, 2026, 3, "加大支持县中发展力度，开展薄弱学校帮扶共建"),
          new Task(19, 3, 2027, 1, "推进省市级特色高中和学科基地校建设，建成至少2所科技高中"),
          new Task(20, 3, 2027, 2, "探索公办高中与中职学校推进职普融通"),
          new Task(21, 4, 2025, 1, "印发《济南市建设国家级特殊教育改革实验区实施方案》"),
          new Task(22, 4, 2025, 2, "全市所有特殊教育学校办学质量达到省定标准"),
          new Task(23, 4, 2025, 3, "推动孤独症儿童特殊教育学校建设"),
          new Task(24, 4, 2026, 1, "推动每个区县建强、办好1所特殊教育学校"),
          new Task(25, 4, 2026, 2, "促进特殊教育向两端延伸，鼓励特殊教育学校增设学前班"),
          new Task(26, 4, 2026, 3, "探索优化特殊教育学生随班就读学业水平评价方式"),
          // The document's own wording (特色, not 特殊) is kept.
          new Task(27, 4, 2027, 1, "深化特色教育学校办学质量提升行动，促进特殊教育融合发展"),
          new Task(28, 4, 2027, 2, "鼓励特殊教育学校联合区域内中等职业教育资源试办中职班"),
          // Joined across the line break after "泉".
          new Task(29, 5, 2025, 1, "深入推进“五育融合”，持续开展“最美舞台”“最美主场”“泉悦读”“泉城教育少年说”等活动"),
          // Joined across the line break after "家".
          new Task(30, 5, 2025, 2, "印发实施《济南市家校社协同育人“教联体”工作方案》，实现区县家校社“教联体”全覆盖"),
          new Task(31, 5, 2025, 3, "印发实施《济南市新时代劳动教育行动方案》"),
          new Task(32, 5, 2026, 1, "深入推进国家中小学科学教育实验区建设，促进学段贯通、学科融合"),
          new Task(33, 5, 2026, 2, "鼓励各区县优化地方课程和校本课程体系，推动课程和教学改革"),
          new Task(34, 5, 2026, 3, "推进“新课堂”“新备课组”建设，强化导学案、作业设计指导与监督"),
          new Task(35, 5, 2026, 4, "科学设置教师招聘岗位，探索招聘“一专多能”型教师"),
          new Task(36, 5, 2027, 1, "持续推进教师队伍建设“四大行动”，健全名师名校长“选、育、管、用”全链条培养体系"),
          new Task(37, 5, 2027, 2, "加大校长、教师交流轮岗力度，逐步实现县域内师资优质均衡配置"));

  @Test
  void planIsTheJinanDocument() throws SQLException {
    List<List<Object>> rows =
        query(
            "SELECT code, title, document_number, issuer, issue_date, period_start, period_end,"
                + " from_document FROM plan WHERE code = 'JN-2025-10'");
    assertEquals(
        List.of(
            List.of(
                "JN-2025-10",
                "济南市基础教育扩优提质行动实施方案（2025—2027年）",
                "济教办〔2025〕10号",
                "济南市教育局办公室",
                java.sql.Date.valueOf(LocalDate.of(2025, 6, 13)),
                2025,
                2027,
                true)),
        rows);
  }

  @Test
  void fiveActionsAsInTheDocument() throws SQLException {
    assertEquals(
        List.of(
            List.of(1, "学前教育固本强基培优提质行动"),
            List.of(2, "义务教育强校提质优质均衡行动"),
            List.of(3, "普通高中内涵建设优质特色行动"),
            List.of(4, "特殊教育学生关爱融合发展行动"),
            List.of(5, "综合改革提升学生全面发展行动")),
        query("SELECT number, title FROM action WHERE " + DOC + " ORDER BY number"));
  }

  @Test
  void sixteenMeasuresUnderTheirActions() throws SQLException {
    assertEquals(
        List.of(
            List.of(1, "一", "加大公办幼儿园学位供给", 1),
            List.of(2, "二", "提高幼儿园保教质量", 1),
            List.of(3, "三", "建设高素质幼儿教师队伍", 1),
            List.of(4, "四", "加强幼儿园监管", 1),
            List.of(5, "五", "优化义务教育学校布局", 2),
            List.of(6, "六", "实施强镇筑基行动", 2),
            List.of(7, "七", "实施集团化办学2.0工程", 2),
            List.of(8, "八", "创建国家义务教育优质均衡发展县", 2),
            List.of(9, "九", "扩大公办高中学位供给", 3),
            List.of(10, "十", "提升高中办学质量", 3),
            List.of(11, "十一", "促进高中特色多样化发展", 3),
            List.of(12, "十二", "加强特殊教育协同联动", 4),
            List.of(13, "十三", "促进特殊教育优质融合发展", 4),
            List.of(14, "十四", "深入推进“五育融合”", 5),
            List.of(15, "十五", "促进课堂和教学改革", 5),
            List.of(16, "十六", "强化教师队伍建设", 5)),
        query(
            "SELECT number, numeral, title, action_number FROM measure WHERE "
                + DOC
                + " ORDER BY number"));
  }

  @Test
  void measuresCarryTheirQuantitativeCommitments() throws SQLException {
    Map<Integer, String> commitments = new TreeMap<>();
    for (List<Object> row : query("SELECT number, commitments FROM measure WHERE " + DOC)) {
      commitments.put((Integer) row.get(0), (String) row.get(1));
    }
    assertEquals("每个区县至少配备1名学前教育专职教研员；到2027年底，80%的区县实现创建目标", commitments.get(2));
    assertEquals("到2025年底，完成全市集团化办学登记、备案", commitments.get(7));
    assertEquals("到2027年底，60%的区县实现创建目标", commitments.get(8));
    assertEquals("到2027年底建成至少2所科技高中", commitments.get(11));
    assertEquals("到2025年底，全市所有特殊教育学校办学质量达到省定标准", commitments.get(13));
    assertEquals("", commitments.get(3));
  }

  @Test
  void thirtySevenTasksWithTheDocumentsRowCounts() throws SQLException {
    assertEquals(
        List.of(List.of(37L, 37L)),
        query("SELECT count(*), count(*) FILTER (WHERE from_document) FROM task WHERE " + DOC));

    Map<String, Long> perRow = new LinkedHashMap<>();
    for (List<Object> row :
        query(
            "SELECT action_number, year, count(*) FROM task WHERE "
                + DOC
                + " GROUP BY action_number, year ORDER BY action_number, year")) {
      perRow.put(row.get(0) + "/" + row.get(1), (Long) row.get(2));
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    long[][] counts = {{1, 1, 2}, {2, 3, 3}, {3, 3, 2}, {3, 3, 2}, {3, 4, 2}};
    for (int action = 1; action <= 5; action++) {
      for (int y = 0; y < 3; y++) {
        expected.put(action + "/" + (2025 + y), counts[action - 1][y]);
      }
    }
    assertEquals(expected, perRow);
  }

  @Test
  void everyTaskReadsAsInTheDocument() throws SQLException {
    List<Task> stored = new ArrayList<>();
    for (List<Object> row :
        query(
            "SELECT number, action_number, year, ordinal, text_zh FROM task WHERE "
                + DOC
                + " ORDER BY number")) {
      stored.add(
          new Task(
              (Integer) row.get(0),
              (Integer) row.get(1),
              (Integer) row.get(2),
              (Integer) row.get(3),
              (String) row.get(4)));
    }
    assertEquals(DOCUMENT_TASKS, stored);
  }

  @Test
  void deadlineIsTheLastDayOfTheTasksYear() throws SQLException {
    for (List<Object> row : query("SELECT number, year, deadline_date FROM task WHERE " + DOC)) {
      LocalDate expected = Deadline.endOfYear((Integer) row.get(1)).lastDay();
      assertEquals(
          expected, ((java.sql.Date) row.get(2)).toLocalDate(), "task " + row.get(0) + " deadline");
    }
  }

  @Test
  void everyTaskServesAMeasureOfItsOwnAction() throws SQLException {
    assertEquals(
        List.of(List.of(0L)),
        query(
            "SELECT count(*) FROM task t"
                + " WHERE t."
                + DOC
                + " AND NOT EXISTS (SELECT 1 FROM task_measure tm WHERE tm.task_id = t.id)"));
    assertEquals(
        List.of(List.of(0L)),
        query(
            "SELECT count(*) FROM task_measure tm"
                + " JOIN task t ON t.id = tm.task_id JOIN measure m ON m.id = tm.measure_id"
                + " WHERE m.action_number <> t.action_number OR m.plan_id <> t.plan_id"));

    assertEquals(Set.of(7), measuresOf(6)); // 集团化办学登记备案 → 七
    assertEquals(Set.of(2), measuresOf(4)); // 普及普惠县 → 二
    assertEquals(Set.of(8), measuresOf(12)); // 优质均衡发展县 → 八
    assertEquals(Set.of(13), measuresOf(26)); // 随班就读评价 → 十三
    assertEquals(Set.of(14), measuresOf(30)); // 教联体 → 十四
  }

  @Test
  void aDocumentTaskCannotBeReworded() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> st.executeUpdate("UPDATE task SET text_zh = '改写' WHERE number = 6"));
      assertEquals(CHECK_VIOLATION, e.getSQLState(), e.getMessage());
    }
    assertEquals(DOCUMENT_TASKS.get(5).text(), textOf(6));
  }

  @Test
  void aDocumentTaskCannotBeDeleted() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> st.executeUpdate("DELETE FROM task WHERE number = 37 AND " + DOC));
      assertEquals(CHECK_VIOLATION, e.getSQLState(), e.getMessage());
    }
    assertEquals(DOCUMENT_TASKS.get(36).text(), textOf(37));
  }

  @Test
  void aTaskCannotServeAMeasureOfAnotherAction() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      // Task 1 belongs to action 1; measure 五 to action 2.
      assertThrows(
          SQLException.class,
          () ->
              st.executeUpdate(
                  "INSERT INTO task_measure (task_id, measure_id, plan_id, action_number)"
                      + " SELECT t.id, m.id, t.plan_id, t.action_number FROM task t, measure m"
                      + " WHERE t.number = 1 AND m.number = 5 AND m.plan_id = t.plan_id AND t."
                      + DOC));
    }
  }

  @Test
  void theBureauMayAddRewordAndRemoveItsOwnTasks() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeUpdate(
            "INSERT INTO task (plan_id, number, action_number, year, ordinal, text_zh,"
                + " deadline_date, from_document)"
                + " SELECT id, 38, 1, 2026, 2, '区县补充任务', DATE '2026-06-30', false FROM plan"
                + " WHERE code = 'JN-2025-10'");
        st.executeUpdate(
            "INSERT INTO task_measure (task_id, measure_id, plan_id, action_number)"
                + " SELECT t.id, m.id, t.plan_id, t.action_number FROM task t, measure m"
                + " WHERE t.number = 38 AND m.number = 3 AND m.plan_id = t.plan_id AND t."
                + DOC);
        st.executeUpdate("UPDATE task SET text_zh = '区县补充任务（修订）' WHERE number = 38 AND " + DOC);
        st.executeUpdate("DELETE FROM task WHERE number = 38 AND " + DOC);
        st.execute("SET CONSTRAINTS ALL IMMEDIATE"); // run the deferred checks now
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void aTaskWithoutMeasureIsRefusedAtCommit() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeUpdate(
            "INSERT INTO task (plan_id, number, action_number, year, ordinal, text_zh,"
                + " deadline_date, from_document)"
                + " SELECT id, 38, 1, 2026, 2, '无措施任务', DATE '2026-12-31', false FROM plan"
                + " WHERE code = 'JN-2025-10'");
        SQLException e = assertThrows(SQLException.class, c::commit);
        assertEquals(CHECK_VIOLATION, e.getSQLState(), e.getMessage());
      } finally {
        c.rollback();
      }
    }
    assertEquals(List.of(List.of(37L)), query("SELECT count(*) FROM task WHERE " + DOC));
  }

  private Set<Integer> measuresOf(int taskNumber) throws SQLException {
    Set<Integer> measures = new TreeSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT m.number FROM task_measure tm JOIN task t ON t.id = tm.task_id"
                    + " JOIN measure m ON m.id = tm.measure_id WHERE t.number = ? AND t."
                    + DOC)) {
      ps.setInt(1, taskNumber);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          measures.add(rs.getInt(1));
        }
      }
    }
    assertTrue(!measures.isEmpty(), "task " + taskNumber + " has no measure");
    return measures;
  }

  private String textOf(int taskNumber) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT text_zh FROM task WHERE number = ? AND " + DOC)) {
      ps.setInt(1, taskNumber);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "task " + taskNumber + " missing");
        return rs.getString(1);
      }
    }
  }

  private List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
