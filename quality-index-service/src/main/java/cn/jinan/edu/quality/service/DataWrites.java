package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.web.ETags;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.domain.DataValue;
import cn.jinan.edu.quality.domain.Indicator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writing one indicator value (PUT). Writers: a district-reviewer for its own district and its
 * schools, data-reporter and city-admin for any. A SUBMITTED or APPROVED period is frozen: changes
 * answer 409 until the city returns or unlocks it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DataWrites {
  @Inject EntityManager em;
  @Inject AuditService audit;

  /** The value after the write, and whether it was created. */
  public record Written(Views.DataValueView value, boolean created) {}

  public Written put(Caller caller, ValueInput in, String ifMatch) {
    Indicator ind =
        Indicator.byCode(in.indicator())
            .orElseThrow(() -> ProblemException.notFound("Indicator", in.indicator()));
    List<FieldError> errors = ValueRules.validate(in, ind);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    String role = DataScope.requireWrite(caller, ind, in.subject(), in.districtCode());
    Optional<DataValue> existing = DataValue.findForUpdate(ind.id, in.subject(), in.period());
    ValueRules.requireEditable(in.districtCode(), in.period());
    if (existing.isPresent()) {
      return update(caller, role, ind, existing.get(), in, ifMatch);
    }
    DataValue v = ValueRules.create(ind, in, caller.actor());
    v.persist();
    audit.append(caller, role, ValueRules.change(ind, v, "create"));
    em.flush();
    return new Written(DataQueries.view(v, ind), true);
  }

  private Written update(
      Caller caller, String role, Indicator ind, DataValue v, ValueInput in, String ifMatch) {
    ETags.requireMatch(ifMatch, v.version);
    if (!v.districtCode.equals(in.districtCode())) {
      // A school moving between districts needs scope over, and an open period in, both.
      DataScope.requireWrite(caller, ind, in.subject(), v.districtCode);
      ValueRules.requireEditable(v.districtCode, v.period);
    }
    if (ValueRules.same(v, in)) {
      return new Written(DataQueries.view(v, ind), false);
    }
    Map<String, Object> before = v.auditSnapshot();
    ValueRules.apply(v, in, caller.actor());
    audit.append(caller, role, ValueRules.change(ind, v, "update").before(before));
    em.flush(); // bumps @Version so the returned ETag is the new one
    return new Written(DataQueries.view(v, ind), false);
  }
}
