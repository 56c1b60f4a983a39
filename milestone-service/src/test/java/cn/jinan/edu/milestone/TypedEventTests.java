package cn.jinan.edu.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinan.edu.milestone.domain.DeadlineReached;
import cn.jinan.edu.milestone.domain.DerivedState;
import cn.jinan.edu.milestone.domain.ReportAction;
import cn.jinan.edu.milestone.domain.ReportReviewed;
import cn.jinan.edu.milestone.domain.ReportState;
import cn.jinan.edu.milestone.domain.ReportStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed events serialise, with the mapper the outbox uses, to exactly the data the Map-built
 * events had: the feed's wire format does not change.
 */
@QuarkusTest
class TypedEventTests {
  @Inject ObjectMapper json;

  private Map<String, Object> data(Object event) throws Exception {
    return json.readValue(json.writeValueAsString(event), new TypeReference<>() {});
  }

  @Test
  void reportEventsCarryTheSameData() throws Exception {
    ReportReviewed returned =
        new ReportReviewed(
            ReportAction.RETURN,
            12,
            "JN-2025-10",
            5,
            5,
            "370102",
            ReportStatus.IN_PROGRESS,
            60,
            LocalDate.of(2025, 9, 30),
            ReportState.RETURNED,
            "请补充佐证材料");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("reportId", 12);
    expected.put("plan", "JN-2025-10");
    expected.put("taskId", 5);
    expected.put("taskNumber", 5);
    expected.put("unitCode", "370102");
    expected.put("status", "IN_PROGRESS");
    expected.put("percent", 60);
    expected.put("asOf", "2025-09-30");
    expected.put("state", "RETURNED");
    expected.put("comment", "请补充佐证材料");
    assertEquals(expected, data(returned));
    assertEquals("report.returned", returned.eventType());
    assertEquals("reports/12", returned.eventSubject());

    // Without a comment the field is left out, as before.
    ReportReviewed accepted =
        new ReportReviewed(
            ReportAction.ACCEPT,
            12,
            "JN-2025-10",
            5,
            5,
            "370102",
            ReportStatus.IN_PROGRESS,
            60,
            LocalDate.of(2025, 9, 30),
            ReportState.ACCEPTED,
            null);
    expected.remove("comment");
    expected.put("state", "ACCEPTED");
    assertEquals(expected, data(accepted));
    assertEquals("report.accepted", accepted.eventType());
  }

  @Test
  void deadlineEventsCarryTheSameData() throws Exception {
    DeadlineReached overdue =
        new DeadlineReached(
            "JN-2025-10",
            5,
            5,
            "支持市区优质初中对口帮助乡镇初中提升管理水平和办学质量",
            LocalDate.of(2025, 12, 31),
            "370105",
            "天桥区",
            DerivedState.OVERDUE,
            ReportStatus.NOT_STARTED,
            0);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("plan", "JN-2025-10");
    expected.put("taskId", 5);
    expected.put("taskNumber", 5);
    expected.put("textZh", "支持市区优质初中对口帮助乡镇初中提升管理水平和办学质量");
    expected.put("deadline", "2025-12-31");
    expected.put("unitCode", "370105");
    expected.put("unitNameZh", "天桥区");
    expected.put("state", "OVERDUE");
    expected.put("status", "NOT_STARTED");
    expected.put("percent", 0);
    assertEquals(expected, data(overdue));
    assertEquals("task.overdue", overdue.eventType());
    assertEquals("tasks/5/units/370105", overdue.eventSubject());
  }
}
