package cn.jinan.edu.gateway.domain;

import cn.jinan.edu.platform.testing.OpenApiSnapshots;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/api/merged.json is what the gateway makes of the services' committed snapshots (each kept
 * equal to what its service publishes by that service's own tests), served from the local gateway.
 */
class MergedSnapshotTests {
  static final String LOCAL_GATEWAY = "http://127.0.0.1:8080";

  @Test
  void mergedDocumentMatchesItsSnapshot() throws Exception {
    Path dir = OpenApiSnapshots.directory();
    ObjectMapper json = new ObjectMapper();
    List<OpenApiMerger.Source> sources = new ArrayList<>();
    for (String[] s :
        new String[][] {
          {"registry", "/registry", "registry-service"},
          {"milestone", "/milestone", "milestone-service"},
          {"quality", "/quality", "quality-index-service"}
        }) {
      sources.add(
          new OpenApiMerger.Source(
              s[0], s[1], json.readTree(Files.readString(dir.resolve(s[2] + ".json")))));
    }
    OpenApiSnapshots.check(
        "merged", OpenApiMerger.merge(sources, LOCAL_GATEWAY, Map.of()).toString());
  }
}
