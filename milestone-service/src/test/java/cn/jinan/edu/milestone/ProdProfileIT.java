package cn.jinan.edu.milestone;

import cn.jinan.edu.platform.testing.ProdProfileContract;
import java.util.Map;

class ProdProfileIT extends ProdProfileContract {
  @Override
  protected Map<String, String> environment() {
    return Map.of("DB_NAME", "milestone_test");
  }
}
