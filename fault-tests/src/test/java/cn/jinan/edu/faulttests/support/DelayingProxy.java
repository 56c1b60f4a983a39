package cn.jinan.edu.faulttests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback that passes requests on at once and holds each connection's response for
 * a while before the client sees it: the network losing an answer that the server has already
 * given. It keeps the first bytes of every response so a test can see what the client missed.
 */
public final class DelayingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int upstreamPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private volatile long responseDelayMillis;

  public DelayingProxy(int upstreamPort, long responseDelayMillis) throws IOException {
    this.upstreamPort = upstreamPort;
    this.responseDelayMillis = responseDelayMillis;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "delaying-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Applies to connections opened from now on. */
  public void responseDelay(long millis) {
    this.responseDelayMillis = millis;
  }

  /** One per client connection, in the order they were accepted. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** What the server sent back on one connection. */
  public static final class Exchange {
    private final ByteArrayOutputStream response = new ByteArrayOutputStream();
    private volatile long firstResponseByteNanos;
    private volatile boolean deliveredToClient = true;

    /** When the server's answer reached the proxy (System.nanoTime), 0 while none has. */
    public long firstResponseByteNanos() {
      return firstResponseByteNanos;
    }

    /** false when the client had hung up before the answer could be passed on. */
    public boolean deliveredToClient() {
      return deliveredToClient;
    }

    /** Status line and header fields of the (first) response. */
    public synchronized String responseHead() {
      String text = response.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? text : text.substring(0, end);
    }

    private synchronized void capture(byte[] b, int n) {
      if (response.size() < 64 * 1024) {
        response.write(b, 0, n);
      }
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        sockets.add(client);
        sockets.add(upstream);
        Exchange exchange = new Exchange();
        exchanges.add(exchange);
        long delay = responseDelayMillis;
        daemon(() -> forwardRequests(client, upstream), "delaying-proxy-up");
        daemon(() -> forwardResponses(upstream, client, exchange, delay), "delaying-proxy-down");
      } catch (IOException e) {
        if (!server.isClosed()) {
          System.err.println("fault-tests proxy: " + e);
        }
      }
    }
  }

  private static void forwardRequests(Socket client, Socket upstream) {
    byte[] buf = new byte[16 * 1024];
    try (InputStream in = client.getInputStream()) {
      OutputStream out = upstream.getOutputStream();
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
      upstream.shutdownOutput();
    } catch (IOException closed) {
      // either side went away
    }
  }

  private static void forwardResponses(
      Socket upstream, Socket client, Exchange exchange, long delayMillis) {
    byte[] buf = new byte[16 * 1024];
    try (InputStream in = upstream.getInputStream()) {
      OutputStream out = client.getOutputStream();
      int n;
      boolean first = true;
      while ((n = in.read(buf)) >= 0) {
        exchange.capture(buf, n);
        if (first) {
          first = false;
          exchange.firstResponseByteNanos = System.nanoTime();
          if (delayMillis > 0) {
            Thread.sleep(delayMillis);
          }
        }
        if (exchange.deliveredToClient) {
          try {
            out.write(buf, 0, n);
            out.flush();
          } catch (IOException clientGone) {
            // Keep reading what the server sends, for the record; stop when it goes quiet.
            exchange.deliveredToClient = false;
            upstream.setSoTimeout(2000);
          }
        }
      }
    } catch (SocketTimeoutException quiet) {
      // the server has said all it had to say on this connection
    } catch (IOException closed) {
      // either side went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
    }
  }

  private static void daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    sockets.forEach(DelayingProxy::closeQuietly);
  }
}
