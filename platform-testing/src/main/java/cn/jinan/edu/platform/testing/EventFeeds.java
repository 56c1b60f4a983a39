package cn.jinan.edu.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a service's event feed (GET /api/v1/events) page by page, as a consumer would, and reads
 * every item back with the CloudEvents SDK.
 */
public final class EventFeeds {
  private static final EventFormat FORMAT = new JsonFormat();
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventFeeds() {}

  /** Every event after {@code after}, reading pages of {@code limit} and checking each cursor. */
  public static List<Map<String, Object>> read(String token, long after, int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    String cursor = Long.toString(after);
    long previous = after;
    while (cursor != null) {
      JsonPath page =
          given()
              .auth()
              .oauth2(token)
              .get("/api/v1/events?limit=" + limit + "&after=" + cursor)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      String next = page.getString("nextCursor");
      assertTrue(items.size() <= limit);
      for (Map<String, Object> e : items) {
        parse(e);
        assertTrue(sequence(e) > previous, "out of order or repeated: " + e);
        previous = sequence(e);
      }
      if (next != null) {
        assertEquals(limit, items.size(), "a page with a next page is full");
        assertEquals(Long.toString(previous), next, "the cursor is the page's last event");
      }
      out.addAll(items);
      cursor = next;
    }
    return out;
  }

  /**
   * One feed item read back by the CloudEvents SDK's JSON format, as a consumer's SDK would: fails
   * unless it is a valid CloudEvents 1.0 event with JSON data and a sequence extension.
   */
  public static CloudEvent parse(Map<String, Object> item) {
    CloudEvent ce;
    try {
      ce = FORMAT.deserialize(JSON.writeValueAsBytes(item));
    } catch (Exception e) {
      throw new AssertionError("not a CloudEvent in the JSON format: " + item, e);
    }
    assertEquals(SpecVersion.V1, ce.getSpecVersion());
    assertNotNull(ce.getId());
    assertNotNull(ce.getSource());
    assertNotNull(ce.getTime());
    assertEquals("application/json", ce.getDataContentType());
    assertNotNull(ce.getData(), "event without data: " + item);
    assertEquals(item.get("sequence"), ce.getExtension("sequence"));
    return ce;
  }

  /** The sequence of the newest event now in the feed (0 when empty). */
  public static long lastSequence() {
    List<Map<String, Object>> all = read(TestTokens.auditor(), 0, 200);
    return all.isEmpty() ? 0 : sequence(all.get(all.size() - 1));
  }

  public static long sequence(Map<String, Object> e) {
    assertNotNull(e.get("sequence"));
    return Long.parseLong(e.get("sequence").toString());
  }
}
