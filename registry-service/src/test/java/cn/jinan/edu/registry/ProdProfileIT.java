package cn.jinan.edu.registry;

import cn.jinan.edu.platform.testing.ProdProfileContract;
import java.util.Map;

class ProdProfileIT extends ProdProfileContract {
  @Override
  protected Map<String, String> environment() {
    return Map.of("DB_NAME", "registry_test");
  }
}
