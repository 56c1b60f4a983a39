package cn.jinan.edu.deploy.validation;

import static cn.jinan.edu.deploy.validation.Fixture.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunbooksTest {
  private static final String RULE =
      """
      apiVersion: monitoring.coreos.com/v1
      kind: PrometheusRule
      metadata:
        name: alerts
        namespace: jinan-edu
      spec:
        groups:
          - name: g
            rules:
              - record: job:up:sum
                expr: sum(up)
              - alert: PostgresBackupTooOld
                expr: vector(1)
                labels:
                  severity: critical
                annotations:
                  runbook_url: %s
      """;

  private static List<String> with(String url) {
    return findings(Fixture.edited(text -> text + "---\n" + RULE.formatted(url)));
  }

  @Test
  void anAlertLinksToARunbookSectionThatExists() {
    assertEquals(
        List.of(),
        with("https://git.example/plan/blob/main/docs/operations.md#postgresbackuptooold"));
    assertTrue(
        with("https://git.example/docs/operations.md#no-such-section")
            .toString()
            .contains("docs/operations.md has no section #no-such-section"));
    assertTrue(
        with("https://wiki.example/backups").toString().contains("must point to a section of"));
  }

  @Test
  void headingsBecomeGitHubAnchors() {
    Set<String> anchors =
        Runbooks.anchors(
            "## Alerts and runbooks\n```\n# not a heading\n```\n### PostgresBackupTooOld\n## 等保 settings (MLPS)\n");
    assertEquals(
        Set.of("alerts-and-runbooks", "postgresbackuptooold", "等保-settings-mlps"), anchors);
  }
}
