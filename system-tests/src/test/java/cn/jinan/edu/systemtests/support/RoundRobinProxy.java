package cn.jinan.edu.systemtests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small load balancer of the two-replica test, standing in for a Kubernetes Service: each new
 * TCP connection goes to the next backend in turn, skipping one that refuses the connection (a
 * killed replica). Bytes are piped both ways untouched.
 */
public final class RoundRobinProxy implements AutoCloseable {
  private final ServerSocket server;
  private final List<Integer> backends;
  private final AtomicInteger next = new AtomicInteger();
  private final Thread acceptor;

  public RoundRobinProxy(List<Integer> backendPorts) throws IOException {
    this.backends = List.copyOf(backendPorts);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "round-robin-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket backend = connect();
        if (backend == null) {
          client.close();
          continue;
        }
        pipe(client, backend);
        pipe(backend, client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private Socket connect() {
    for (int i = 0; i < backends.size(); i++) {
      int port = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
      Socket s = new Socket();
      try {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return s;
      } catch (IOException refused) {
        try {
          s.close();
        } catch (IOException ignored) {
          // nothing to close
        }
      }
    }
    return null;
  }

  private static void pipe(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException ended) {
                // one side went away
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // already closed
                }
              }
            },
            "round-robin-pipe");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
