package cn.jinan.edu.gateway;

import cn.jinan.edu.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {
  @Test
  void layersAreRespected() {
    ArchitectureRules.check("cn.jinan.edu.gateway");
  }
}
