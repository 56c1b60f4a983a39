package cn.jinan.edu.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * One row per registration and involved district, with the registration's state: the list filters
 * by district (and state) read it in id order instead of testing every registration's array
 * (V2__registration_list_indexes.sql). Database triggers keep it; the service only reads it.
 */
@Entity
@Immutable
@Table(name = "registration_district")
public class RegistrationDistrict extends PanacheEntityBase {
  @EmbeddedId public Key key;

  @Enumerated(EnumType.STRING)
  public RegistrationState state;

  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "registration_id")
    public Long registrationId;

    @Column(name = "district_code", columnDefinition = "text")
    public String districtCode;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(registrationId, k.registrationId)
          && Objects.equals(districtCode, k.districtCode);
    }

    @Override
    public int hashCode() {
      return Objects.hash(registrationId, districtCode);
    }
  }
}
