package cn.jinan.edu.faulttests.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;

/** Free loopback ports, never those of the local suite (8080-8083) or its Keycloak (18180). */
final class Ports {
  private static final Set<Integer> RESERVED =
      Set.of(8080, 8081, 8082, 8083, 9000, 9080, 9081, 9082, 9083, 18180, 5432);

  private Ports() {}

  static int free() throws IOException {
    for (int i = 0; i < 20; i++) {
      try (ServerSocket s = new ServerSocket(0)) {
        if (!RESERVED.contains(s.getLocalPort())) {
          return s.getLocalPort();
        }
      }
    }
    throw new IOException("no free port");
  }
}
