package cn.jinan.edu.platform.data;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The suite's entities are keyed by a column the database numbers ({@code bigserial} in every
 * migration, Hibernate's IDENTITY generation), not by Panache's default sequence; the key, once.
 */
@MappedSuperclass
public abstract class IdentityEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;
}
