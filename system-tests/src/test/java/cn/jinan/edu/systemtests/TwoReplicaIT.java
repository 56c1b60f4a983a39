package cn.jinan.edu.systemtests;

import static cn.jinan.edu.systemtests.support.TestUsers.CITY_ADMIN;
import static cn.jinan.edu.systemtests.support.TestUsers.GOV_DATA_EXCHANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinan.edu.platform.ids.Uscc;
import cn.jinan.edu.systemtests.support.Http;
import cn.jinan.edu.systemtests.support.Http.Reply;
import cn.jinan.edu.systemtests.support.RoundRobinProxy;
import cn.jinan.edu.systemtests.support.SuiteExtension;
import cn.jinan.edu.systemtests.support.SystemUnderTest;
import cn.jinan.edu.systemtests.support.SystemUnderTest.Replica;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The prod profile with the replicas the autoscalers ask for: two gateway replicas sharing their
 * rate-limit buckets in the real Redis, and two registry-service replicas on one database behind a
 * round-robin balancer (a Kubernetes Service's stand-in). One client's limit holds across both
 * gateways; the registration lifecycle job runs once per period across both registry replicas;
 * killing one replica of each loses no acknowledged write and the others keep serving.
 */
@ExtendWith(SuiteExtension.class)
class TwoReplicaIT {
  private static final int LIMIT = 20;
  private static final double JOB_PERIOD_SECONDS = 2;

  private final SystemUnderTest suite;
  private final Http http;

  TwoReplicaIT(SystemUnderTest suite) {
    this.suite = suite;
    this.http = suite.http;
  }

  @Test
  void twoGatewaysAndTwoRegistriesBehaveAsOne() throws Exception {
    Map<String, String> fastJob =
        Map.of("REGISTRY_LIFECYCLE_INTERVAL", "2s", "REGISTRY_LIFECYCLE_DELAY", "0s");
    Replica registry1 = suite.startReplica("registry-r1", "registry-service", fastJob);
    Replica registry2 = suite.startReplica("registry-r2", "registry-service", fastJob);
    long jobsSince = System.nanoTime();
    double ranBefore = turns(registry1, "ran") + turns(registry2, "ran");
    try (RoundRobinProxy balancer =
        new RoundRobinProxy(List.of(registry1.port(), registry2.port()))) {
      Map<String, String> gatewayEnv = gatewayEnv(balancer, registry1);
      Replica gateway1 = suite.startReplica("gateway-r1", "gateway", gatewayEnv);
      Replica gateway2 = suite.startReplica("gateway-r2", "gateway", gatewayEnv);

      oneLimitAcrossBothGateways(gateway1, gateway2);
      oneLifecycleRunPerPeriod(registry1, registry2, jobsSince, ranBefore);
      killingOneOfEachLosesNoAcknowledgedWrite(gateway1, gateway2, registry1, registry2);
    }
  }

  private Map<String, String> gatewayEnv(RoundRobinProxy balancer, Replica registry) {
    Map<String, String> env = new HashMap<>();
    env.put("REGISTRY_URL", balancer.url());
    env.put("REGISTRY_MANAGEMENT_URL", registry.managementUrl());
    env.put("MILESTONE_URL", suite.direct("milestone", ""));
    env.put("MILESTONE_MANAGEMENT_URL", suite.management("milestone", ""));
    env.put("QUALITY_URL", suite.direct("quality", ""));
    env.put("QUALITY_MANAGEMENT_URL", suite.management("quality", ""));
    env.put("RATE_LIMIT_DEFAULT", Integer.toString(LIMIT));
    env.put("RATE_LIMIT_PUBLIC", "100000");
    // Buckets of this run only; both replicas share them (one prefix, one Redis).
    env.put("GATEWAY_REDIS_KEY_PREFIX", "two-replica-" + UUID.randomUUID() + ":");
    return env;
  }

  private void oneLimitAcrossBothGateways(Replica gateway1, Replica gateway2) {
    String token = suite.tokens.client(GOV_DATA_EXCHANGE);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < LIMIT + 10; i++) {
      Replica gateway = i % 2 == 0 ? gateway1 : gateway2;
      statuses.add(
          http.get(gateway.url() + "/registry/api/v1/schools?limit=1")
              .bearer(token)
              .send()
              .status());
    }
    long ok = statuses.stream().filter(s -> s == 200).count();
    long refused = statuses.stream().filter(s -> s == 429).count();
    int first429 = statuses.indexOf(429) + 1;
    System.out.printf(
        "[two-replica] rate limit %d/min: %d requests alternating over 2 gateways, %d answered"
            + " 200, %d answered 429, the first 429 at request %d%n",
        LIMIT, statuses.size(), ok, refused, first429);
    assertEquals(LIMIT, ok, statuses::toString);
    assertEquals(LIMIT + 1, first429, statuses::toString);
    assertEquals(10, refused, statuses::toString);
  }

  private void oneLifecycleRunPerPeriod(
      Replica registry1, Replica registry2, long since, double ranBefore)
      throws InterruptedException {
    Thread.sleep(10_000);
    double seconds = (System.nanoTime() - since) / 1e9;
    double ran1 = turns(registry1, "ran");
    double ran2 = turns(registry2, "ran");
    double ran = ran1 + ran2 - ranBefore; // since both replicas are up
    double skipped = turns(registry1, "skipped") + turns(registry2, "skipped");
    double periods = seconds / JOB_PERIOD_SECONDS;
    System.out.printf(
        "[two-replica] lifecycle job every %.0f s, %.1f s (%.1f periods) with both replicas up:"
            + " ran %.0f times (replica 1 in all %.0f, replica 2 in all %.0f), skipped %.0f"
            + " times%n",
        JOB_PERIOD_SECONDS, seconds, periods, ran, ran1, ran2, skipped);
    // Each replica ticks every period; run on both, the sum would be about twice the periods. A
    // turn is free 0.9 periods after the last, so one runner does at most periods / 0.9 (+1).
    assertTrue(ran <= periods / 0.9 + 1, "more than one run per period");
    assertTrue(ran >= periods - 3, "periods without a run");
    assertTrue(skipped >= 1, "the other replica never deferred");
  }

  private double turns(Replica registry, String outcome) {
    String metrics = http.get(registry.managementUrl() + "/q/metrics").expect(200).body();
    return metrics
        .lines()
        .filter(l -> l.startsWith("platform_job_turns_total{"))
        .filter(l -> l.contains("job=\"registry-lifecycle\"") && l.contains(outcome))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private void killingOneOfEachLosesNoAcknowledgedWrite(
      Replica gateway1, Replica gateway2, Replica registry1, Replica registry2)
      throws InterruptedException {
    String token = suite.tokens.user(CITY_ADMIN);
    List<String> acknowledged = new ArrayList<>();
    int sent = 0;
    int failed = 0;
    for (int i = 0; i < 18; i++) {
      if (i == 6) {
        registry2.kill();
      }
      if (i == 12) {
        gateway1.kill();
      }
      // Alternate over both gateways throughout, as a balancer in front of them would; a write
      // that was not acknowledged is sent again through the other one (its USCC is its key).
      Replica gateway = i % 2 == 0 ? gateway1 : gateway2;
      String uscc = Uscc.complete("12370103MB0R" + String.format("%05d", 10_000 + i));
      Reply r = createSchool(gateway, token, uscc, i);
      sent++;
      if (r.status() != 201) {
        failed++;
        Thread.sleep(200);
        r = createSchool(gateway == gateway1 ? gateway2 : gateway1, token, uscc, i);
        sent++;
      }
      if (r.status() == 201) {
        acknowledged.add(uscc);
      }
    }
    int readable = 0;
    for (String uscc : acknowledged) {
      // Read from the surviving registry replica itself: the gateways' quota is spent on writes.
      if (http.get(registry1.url() + "/api/v1/schools/" + uscc).bearer(token).send().status()
          == 200) {
        readable++;
      }
    }
    System.out.printf(
        "[two-replica] writes: %d sent, %d acknowledged (201), %d not (during the kills), %d of"
            + " the acknowledged readable afterwards from the surviving registry replica%n",
        sent, acknowledged.size(), failed, readable);
    assertEquals(acknowledged.size(), readable, "an acknowledged write was lost");
    assertTrue(failed >= 1, "writes through the killed gateway were refused, not acknowledged");
    assertEquals(18, acknowledged.size(), "every write got through a surviving replica");
  }

  private Reply createSchool(Replica gateway, String token, String uscc, int i) {
    try {
      return http.post(gateway.url() + "/registry/api/v1/schools")
          .bearer(token)
          .json(
              Map.of(
                  "uscc",
                  uscc,
                  "nameZh",
                  "双副本测试学校" + i,
                  "districtCode",
                  "370103",
                  "stages",
                  List.of("PRIMARY"),
                  "ownership",
                  "PUBLIC",
                  "locationType",
                  "URBAN"))
          .send();
    } catch (RuntimeException connectionRefused) {
      return new Reply("POST", gateway.url(), 0, null, connectionRefused.toString());
    }
  }
}
