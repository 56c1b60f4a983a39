package cn.jinan.edu.bench.reference;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;

/**
 * The bare reference endpoints for bench/suite-bench.sh. Plain blocking JAX-RS methods on Quarkus
 * REST (worker threads, as in the services): no security, no validation, no metrics, no ORM.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

  /** A constant answer of roughly the shape of the services' "who am I" response. */
  public record Constant(
      String subject,
      List<String> roles,
      String districtCode,
      String schoolCode,
      List<String> scopes) {}

  /** One row of the registry-service table {@code school}, the fields a school read returns. */
  public record SchoolRow(
      String uscc,
      String nameZh,
      String districtCode,
      List<String> stages,
      String ownership,
      String locationType,
      boolean townshipSeat,
      String status,
      int version,
      OffsetDateTime updatedAt) {}

  private static final Constant CONSTANT =
      new Constant("bench", List.of("city-admin"), null, null, List.of());

  // uscc is the school's natural key (UNIQUE; the surrogate primary key is id).
  private static final String SELECT_SCHOOL =
      "SELECT uscc, name_zh, district_code, stages, ownership, location_type, township_seat,"
          + " status, version, updated_at FROM school WHERE uscc = ?";

  @Inject DataSource dataSource;

  @GET
  @Path("constant")
  public Constant constant() {
    return CONSTANT;
  }

  @GET
  @Path("schools/{uscc}")
  public Response school(@PathParam("uscc") String uscc) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(SELECT_SCHOOL)) {
      statement.setString(1, uscc);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.ok(row(rs)).build();
      }
    }
  }

  private static SchoolRow row(ResultSet rs) throws SQLException {
    Array stages = rs.getArray("stages");
    List<String> stageList;
    try {
      stageList = List.of((String[]) stages.getArray());
    } finally {
      stages.free();
    }
    return new SchoolRow(
        rs.getString("uscc"),
        rs.getString("name_zh"),
        rs.getString("district_code"),
        stageList,
        rs.getString("ownership"),
        rs.getString("location_type"),
        rs.getBoolean("township_seat"),
        rs.getString("status"),
        rs.getInt("version"),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
