package cn.jinan.edu.registry.domain;

import cn.jinan.edu.platform.ids.Uscc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What a caller sends to create or replace a school, by the API or one row of an import. */
public record SchoolInput(
    String uscc,
    String nameZh,
    String districtCode,
    List<SchoolStage> stages,
    Ownership ownership,
    LocationType locationType,
    boolean townshipSeat,
    SchoolStatus status) {

  /** The same school under another USCC (the path's, for a replace). */
  public SchoolInput withUscc(String code) {
    return new SchoolInput(
        code, nameZh, districtCode, stages, ownership, locationType, townshipSeat, status);
  }

  /**
   * The rules of the directory, every broken one: a valid USCC, a name, a unit in scope today, at
   * least one stage, ownership and location type, and a township seat only in a town. The only rule
   * on {@code districtCode} is that it names a unit in scope.
   */
  public List<Violation> violations(Collection<String> unitsInScope) {
    List<Violation> e = new ArrayList<>();
    Uscc.problem(uscc).ifPresent(p -> e.add(new Violation("uscc", p)));
    if (nameZh == null || nameZh.isBlank()) {
      e.add(new Violation("nameZh", "学校名称必填 (name is required)"));
    } else if (nameZh.length() > 128) {
      e.add(new Violation("nameZh", "学校名称最长128字 (at most 128 characters)"));
    }
    if (districtCode == null || !unitsInScope.contains(districtCode)) {
      e.add(
          new Violation(
              "districtCode", "不是当前有效的区县代码 (not a unit in scope today; see GET /api/v1/units)"));
    }
    if (stages == null || stages.isEmpty() || stages.contains(null)) {
      e.add(new Violation("stages", "至少一个学段 (at least one stage)"));
    }
    if (ownership == null) {
      e.add(new Violation("ownership", "办学性质必填 (PUBLIC or PRIVATE)"));
    }
    if (locationType == null) {
      e.add(new Violation("locationType", "城乡分类必填 (URBAN, TOWN or RURAL)"));
    } else if (townshipSeat && locationType != LocationType.TOWN) {
      e.add(new Violation("townshipSeat", "乡镇驻地学校须为镇区 (a township-seat school must be TOWN)"));
    }
    return e;
  }
}
