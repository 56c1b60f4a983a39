package cn.jinan.edu.platform.data;

import cn.jinan.edu.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.hibernate.annotations.ColumnTransformer;

/** The first response to a POST with an Idempotency-Key, replayed for retries. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {
  @EmbeddedId public Key key;

  @Column(name = "request_hash")
  public String requestHash;

  @Column(name = "response_status")
  public int responseStatus;

  @Column(name = "resource_id")
  public long resourceId;

  @Column(name = "response_body", columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  public String responseBody;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  /**
   * Keys belong to one caller: the token's subject within its client. A client alone is not enough,
   * since every school user signs in through the same browser client and would share (and replay)
   * each other's keys. The issuer is left out so that a key survives a change of issuer URL.
   */
  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "client_id")
    public String clientId;

    @Column(name = "subject")
    public String subject;

    @Column(name = "idem_key")
    public String idemKey;

    public Key() {}

    public Key(String clientId, String subject, String idemKey) {
      this.clientId = clientId;
      this.subject = subject;
      this.idemKey = idemKey;
    }

    /** The key {@code idemKey} as sent by this caller; absent claims count as empty. */
    public static Key of(Caller caller, String idemKey) {
      return new Key(
          Objects.requireNonNullElse(caller.clientId(), ""),
          Objects.requireNonNullElse(caller.subject(), ""),
          idemKey);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(clientId, k.clientId)
          && Objects.equals(subject, k.subject)
          && Objects.equals(idemKey, k.idemKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(clientId, subject, idemKey);
    }
  }
}
