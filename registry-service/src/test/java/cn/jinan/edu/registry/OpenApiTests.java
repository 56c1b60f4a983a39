package cn.jinan.edu.registry;

import static cn.jinan.edu.platform.testing.ServiceContractTests.management;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTests extends OpenApiContract {
  /** 18 characters shaped like a USCC (8 digits, then 10 code characters) inside any text. */
  private static final Pattern USCC_LIKE =
      Pattern.compile("(?<![0-9A-Za-z])[0-9]{8}[0-9A-Z]{10}(?![0-9A-Za-z])");

  /**
   * Integrators copy examples into requests, so a USCC example with a wrong check character turns
   * into a puzzling 400. Every example of a *uscc* property or parameter must be a valid USCC, and
   * so must every USCC-shaped value inside any other example (request bodies, lists, CSV text).
   */
  @Test
  void everyUsccExampleHasTheRightCheckCharacter() {
    Object doc =
        management()
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .get("$");
    List<String> bad = new ArrayList<>();
    int[] checked = {0};
    walk(doc, "", false, bad, checked);
    assertTrue(checked[0] >= 5, "expected USCC examples to check, found " + checked[0]);
    assertTrue(bad.isEmpty(), "invalid USCC examples:\n" + String.join("\n", bad));
  }

  private static void walk(
      Object node, String where, boolean usccNamed, List<String> bad, int[] checked) {
    if (node instanceof Map<?, ?> map) {
      // A parameter names itself in "name"; a property is the key under "properties".
      boolean named =
          usccNamed || (map.get("name") instanceof String n && n.toLowerCase().contains("uscc"));
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        String at = where + "/" + key;
        if (key.equals("example") || key.equals("examples")) {
          checkExample(e.getValue(), at, named, bad, checked);
        } else {
          boolean property = where.endsWith("/properties") && key.toLowerCase().contains("uscc");
          walk(e.getValue(), at, property || (named && !key.equals("properties")), bad, checked);
        }
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), where + "[" + i + "]", usccNamed, bad, checked);
      }
    }
  }

  private static void checkExample(
      Object value, String where, boolean usccNamed, List<String> bad, int[] checked) {
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) ->
              checkExample(
                  v,
                  where + "/" + k,
                  usccNamed || String.valueOf(k).toLowerCase().contains("uscc"),
                  bad,
                  checked));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        checkExample(list.get(i), where + "[" + i + "]", usccNamed, bad, checked);
      }
    } else if (value instanceof String s) {
      if (usccNamed && !s.isEmpty()) {
        checked[0]++;
        Uscc.problem(s).ifPresent(p -> bad.add(where + ": " + s + " — " + p));
        return;
      }
      Matcher m = USCC_LIKE.matcher(s);
      while (m.find()) {
        checked[0]++;
        String code = m.group();
        Uscc.problem(code).ifPresent(p -> bad.add(where + ": " + code + " — " + p));
      }
    }
  }
}
