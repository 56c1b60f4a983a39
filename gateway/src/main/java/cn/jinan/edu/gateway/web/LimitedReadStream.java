package cn.jinan.edu.gateway.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/** Passes a body through and calls {@code onExceeded} once more than {@code limit} bytes came. */
final class LimitedReadStream implements ReadStream<Buffer> {
  private final ReadStream<Buffer> delegate;
  private final long limit;
  private final Runnable onExceeded;
  private long count;
  private boolean exceeded;

  LimitedReadStream(ReadStream<Buffer> delegate, long limit, Runnable onExceeded) {
    this.delegate = delegate;
    this.limit = limit;
    this.onExceeded = onExceeded;
  }

  @Override
  public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    delegate.exceptionHandler(handler);
    return this;
  }

  @Override
  public ReadStream<Buffer> handler(Handler<Buffer> handler) {
    if (handler == null) {
      delegate.handler(null);
      return this;
    }
    delegate.handler(
        chunk -> {
          if (exceeded) {
            return;
          }
          count += chunk.length();
          if (count > limit) {
            exceeded = true;
            onExceeded.run();
          } else {
            handler.handle(chunk);
          }
        });
    return this;
  }

  @Override
  public ReadStream<Buffer> pause() {
    delegate.pause();
    return this;
  }

  @Override
  public ReadStream<Buffer> resume() {
    delegate.resume();
    return this;
  }

  @Override
  public ReadStream<Buffer> fetch(long amount) {
    delegate.fetch(amount);
    return this;
  }

  @Override
  public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    delegate.endHandler(endHandler);
    return this;
  }
}
