package cn.jinan.edu.platform.data;

import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.LongToIntFunction;
import java.util.function.Supplier;

/**
 * Idempotency-Key for creating POSTs, in one place: the first answer is stored with a hash of the
 * request, in the transaction that creates the resource, and replayed to a retry by the same caller
 * with the same body; the same key with another body is 422. The service authorises the request
 * before calling {@link #once}, so a key never lets a caller see what the request without it could
 * not.
 */
@ApplicationScoped
public class Idempotency {
  /** Header that marks a replayed answer. */
  public static final String REPLAYED = "Idempotent-Replayed";

  @Inject ObjectMapper json;

  /** A created resource: its view, id and version, and whether this answer is a replay. */
  public record Created<V>(V view, long id, int version, boolean replayed) {
    /** 201 with Location {@code collection/id}, the version as ETag and the replay marker. */
    public Response response(String collection) {
      Response.ResponseBuilder r =
          Response.status(Response.Status.CREATED)
              .type(MediaType.APPLICATION_JSON)
              .entity(view)
              .location(URI.create(collection + "/" + id))
              .tag(Integer.toString(version));
      if (replayed) {
        r.header(REPLAYED, "true");
      }
      return r.build();
    }
  }

  /**
   * Creates once per caller and key. Without a key, {@code create} simply runs. {@code
   * currentVersion} re-reads a replayed resource (and may refuse it: 404 gone, 403 no longer in the
   * caller's scope) and answers its version now.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public <V> Created<V> once(
      Caller caller,
      String key,
      Object request,
      Class<V> viewType,
      Supplier<Created<V>> create,
      LongToIntFunction currentVersion) {
    if (key == null) {
      return create.get();
    }
    IdempotencyRecord.Key id = IdempotencyRecord.Key.of(caller, key);
    String hash = hash(request);
    IdempotencyRecord previous = IdempotencyRecord.findById(id);
    if (previous != null) {
      if (!previous.requestHash.equals(hash)) {
        throw ProblemException.unprocessable(
            "Idempotency-Key "
                + key
                + " was already used with a different body; use a new key for a new request");
      }
      int version = currentVersion.applyAsInt(previous.resourceId);
      return new Created<>(
          read(previous.responseBody, viewType), previous.resourceId, version, true);
    }
    Created<V> created = create.get();
    IdempotencyRecord rec = new IdempotencyRecord();
    rec.key = id;
    rec.requestHash = hash;
    rec.responseStatus = Response.Status.CREATED.getStatusCode();
    rec.resourceId = created.id();
    rec.responseBody = write(created.view());
    rec.createdAt = OffsetDateTime.now();
    rec.persist();
    return created;
  }

  private String hash(Object request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(write(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <V> V read(String text, Class<V> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
