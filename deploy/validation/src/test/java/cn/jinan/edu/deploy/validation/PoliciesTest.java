package cn.jinan.edu.deploy.validation;

import static cn.jinan.edu.deploy.validation.Fixture.findings;
import static cn.jinan.edu.deploy.validation.Fixture.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PoliciesTest {
  @Test
  void aContainerWithoutLimitsIsCaught() {
    List<String> found =
        findings(
            with(
                "          limits:\n            cpu: '1'\n            memory: 512Mi\n          requests:\n",
                "          requests:\n"));
    assertEquals(
        List.of(
            "fixture.yaml Deployment/registry-service container registry-service: no limits.cpu",
            "fixture.yaml Deployment/registry-service container registry-service: no limits.memory"),
        found);
  }

  @Test
  void aMissingProbeIsCaught() {
    List<String> found = findings(with("        startupProbe:", "        startupProbeDisabled:"));
    // An unknown field first: the schema stops there, so remove the probe the honest way.
    assertTrue(found.toString().contains("unknown field"), found.toString());
    List<String> removed =
        findings(
            Fixture.edited(
                text -> text.replaceAll("(?s)        startupProbe:\n(          .*?\n)+", "")));
    assertTrue(removed.toString().contains("no startupProbe"), removed.toString());
  }

  @Test
  void theTagLatestAndUntaggedImagesAreCaught() {
    assertTrue(
        findings(with("registry-service:1.0.0", "registry-service:latest"))
            .toString()
            .contains("uses the tag latest"));
    assertTrue(
        findings(with("registry-service:1.0.0", "registry-service"))
            .toString()
            .contains("has no tag"));
  }

  @Test
  void rootAndAWritableRootFilesystemAreCaught() {
    String found =
        findings(
                with(
                    "          readOnlyRootFilesystem: true\n          runAsNonRoot: true",
                    "          readOnlyRootFilesystem: false\n          runAsNonRoot: false"))
            .toString();
    assertTrue(found.contains("readOnlyRootFilesystem must be true"), found);
    assertTrue(found.contains("must run as non-root"), found);
  }

  @Test
  void aCommittedSecretIsCaught() {
    List<String> found =
        findings(
            Fixture.edited(
                text ->
                    text
                        + "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: leaked\nstringData:\n  password: x\n"));
    assertTrue(
        found.toString().contains("Secret/leaked: a Secret in the manifests"), found.toString());
  }

  @Test
  void theProductionRulesDemandReplicasSpreadAndBackups() {
    List<String> found =
        Validate.validate(Manifest.parse("valid.yaml", Fixture.valid()), Fixture.REPO, true);
    String all = found.toString();
    assertTrue(all.contains("needs >= 2 replicas"), all);
    assertTrue(all.contains("spreads replicas"), all);
    assertTrue(all.contains("spec.instances >= 3"), all);
    assertTrue(all.contains("ScheduledBackup"), all);
  }
}
