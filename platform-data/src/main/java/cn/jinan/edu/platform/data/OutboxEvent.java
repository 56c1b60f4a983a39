package cn.jinan.edu.platform.data;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** An event for other systems, appended in the transaction of the change it reports. */
@Entity
@Immutable
@Table(name = "outbox_event")
public class OutboxEvent extends IdentityEntity {
  @Column(name = "event_id")
  public UUID eventId;

  public String type;
  public String subject;
  public OffsetDateTime time;

  @Column(name = "data", columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  public String dataJson;
}
