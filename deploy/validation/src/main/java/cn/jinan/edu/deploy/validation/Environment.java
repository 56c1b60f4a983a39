package cn.jinan.edu.deploy.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment a container will see, resolved from the rendered objects. */
final class Environment {
  private Environment() {}

  /**
   * Variable name to value. ConfigMap values are resolved; values from secrets and fields appear as
   * {@code <secret name/key>} (their values are not in the manifests, by design).
   */
  static Map<String, String> of(Manifest manifest, JsonNode container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      String prefix = from.path("prefix").asText("");
      JsonNode cm = from.path("configMapRef");
      if (!cm.isMissingNode()) {
        manifest
            .find("ConfigMap", cm.path("name").asText())
            .ifPresent(
                map ->
                    map.tree()
                        .path("data")
                        .fields()
                        .forEachRemaining(
                            e -> env.put(prefix + e.getKey(), e.getValue().asText())));
      }
      JsonNode secret = from.path("secretRef");
      if (!secret.isMissingNode()) {
        // Keys of an admin-made secret are unknown here; the name marks that something comes.
        env.put(prefix + "<all keys of secret " + secret.path("name").asText() + ">", "");
      }
    }
    // env entries win over envFrom, as in Kubernetes.
    for (JsonNode e : container.path("env")) {
      String name = e.path("name").asText();
      JsonNode from = e.path("valueFrom");
      if (from.isMissingNode()) {
        env.put(name, e.path("value").asText(""));
      } else if (from.has("secretKeyRef")) {
        env.put(
            name,
            "<secret "
                + from.at("/secretKeyRef/name").asText()
                + "/"
                + from.at("/secretKeyRef/key").asText()
                + ">");
      } else if (from.has("configMapKeyRef")) {
        String cmName = from.at("/configMapKeyRef/name").asText();
        String key = from.at("/configMapKeyRef/key").asText();
        env.put(
            name,
            manifest
                .find("ConfigMap", cmName)
                .map(m -> m.tree().at("/data/" + key).asText(""))
                .orElse(""));
      } else {
        env.put(name, "<" + from.fieldNames().next() + ">");
      }
    }
    return env;
  }
}
