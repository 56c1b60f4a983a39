package cn.jinan.edu.deploy.validation;

import static cn.jinan.edu.deploy.validation.Fixture.findings;
import static cn.jinan.edu.deploy.validation.Fixture.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrictSchemaTest {
  @Test
  void theValidFixturePassesEveryCheck() {
    assertEquals(List.of(), findings(Manifest.parse("valid.yaml", Fixture.valid())));
  }

  @Test
  void aTypoedFieldInADeploymentIsCaught() {
    List<String> found = findings(with("        resources:\n", "        resourcez:\n"));
    assertEquals(1, found.size(), found.toString());
    assertTrue(
        found.get(0).contains("Deployment/registry-service")
            && found.get(0).contains("spec.template.spec.containers[0].resourcez: unknown field"),
        found.get(0));
  }

  @Test
  void aTypoedFieldInMetadataIsCaught() {
    List<String> found =
        findings(
            with(
                "  labels:\n    app.kubernetes.io/component: api\n",
                "  label:\n    app.kubernetes.io/component: api\n"));
    assertTrue(found.toString().contains("metadata.label: unknown field"), found.toString());
  }

  @Test
  void aWrongTypeIsCaught() {
    // A quoted port is a string; the API wants an integer.
    List<String> found = findings(with("containerPort: 8081", "containerPort: '8081'"));
    assertTrue(found.toString().contains("containers[0].ports[0].containerPort"), found.toString());
  }

  @Test
  void aNumberWhereTheApiWantsAStringIsCaught() {
    List<String> found = findings(with("periodSeconds: 5", "periodSeconds: five"));
    assertTrue(found.toString().contains("readinessProbe.periodSeconds"), found.toString());
    List<String> boolText =
        findings(with("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: 'yes'"));
    assertTrue(boolText.toString().contains("readOnlyRootFilesystem"), boolText.toString());
  }

  @Test
  void aKindWithoutSchemaIsRejectedUnlessTheTypeScriptValidatorOwnsIt() {
    List<String> unknown =
        findings(with("kind: PodDisruptionBudget", "kind: PodDisruptionBudgett"));
    assertTrue(
        unknown.toString().contains("no schema for policy/v1/PodDisruptionBudgett"),
        unknown.toString());
    // The CloudNativePG Cluster in the fixture is delegated: no finding from the Java side.
    assertTrue(StrictSchema.DELEGATED.contains("postgresql.cnpg.io/v1/Cluster"));
  }
}
