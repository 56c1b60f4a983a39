package cn.jinan.edu.deploy.validation;

import static cn.jinan.edu.deploy.validation.Fixture.findings;
import static cn.jinan.edu.deploy.validation.Fixture.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvCrossCheckTest {
  @Test
  void aVariableTheServiceNeedsButNobodySetsIsCaught() {
    List<String> found = findings(with("        - name: DB_HOST\n", "        - name: DB_HOTS\n"));
    assertTrue(found.toString().contains("reads DB_HOST"), found.toString());
    // ... and the misspelt one is reported as never read.
    assertTrue(
        found.toString().contains("sets DB_HOTS but registry-service never reads it"),
        found.toString());
  }

  @Test
  void theServicesReadWhatTheDocsDescribe() {
    var reads = new EnvCrossCheck(Fixture.REPO).reads("milestone-service");
    assertTrue(
        reads.containsKey("DB_HOST") && reads.containsKey("OIDC_ISSUER_URL"),
        reads.keySet().toString());
    // Local-profile variables are not part of a deployment.
    assertTrue(!reads.containsKey("OIDC_PUBLIC_KEY"), reads.keySet().toString());
    // %prod wins over the unprofiled default.
    assertEquals("client-credentials", reads.get("PEER_TOKEN_MODE").defaultValue());
  }

  @Test
  void documentedRowsAreParsed() {
    var docs =
        EnvCrossCheck.documented(
            "| variable | default | meaning |\n|---|---|---|\n| `A_B`, `C` | `1` | x |\n| `OIDC_ISSUER_URL` | — (**required in prod**) | y |\n");
    assertEquals(3, docs.size());
    assertTrue(docs.get("OIDC_ISSUER_URL").required());
    assertTrue(!docs.get("C").required());
  }
}
