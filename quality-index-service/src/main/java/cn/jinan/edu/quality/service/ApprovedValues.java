package cn.jinan.edu.quality.service;

import cn.jinan.edu.quality.domain.TargetMeasures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The values targets count: those of a (district, period) that is APPROVED now, and the evaluation
 * version that every change to them bumps (database triggers, V3__evaluation_version.sql).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ApprovedValues {
  @Inject EntityManager em;

  /** Bumped by every statement that changes a value, approval, unit, indicator or target. */
  public long evaluationVersion() {
    return ((Number)
            em.createNativeQuery("SELECT version FROM evaluation_version WHERE id = 1")
                .getSingleResult())
        .longValue();
  }

  /** Approved values of an indicator with period ≤ maxYear, by subject and then period. */
  @SuppressWarnings("unchecked")
  public List<TargetMeasures.Obs> of(String indicatorCode, int maxYear) {
    List<Tuple> rows =
        em.createNativeQuery(
                "SELECT v.subject, v.district_code, v.period, v.value FROM data_value v"
                    + " JOIN indicator i ON i.id = v.indicator_id"
                    + " JOIN data_approval a ON a.district_code = v.district_code"
                    + " AND a.period = v.period AND a.state = 'APPROVED'"
                    + " WHERE i.code = :code AND v.period <= :year ORDER BY v.subject, v.period",
                Tuple.class)
            .setParameter("code", indicatorCode)
            .setParameter("year", maxYear)
            .getResultList();
    List<TargetMeasures.Obs> out = new ArrayList<>(rows.size());
    for (Tuple r : rows) {
      out.add(
          new TargetMeasures.Obs(
              r.get("subject", String.class),
              r.get("district_code", String.class),
              r.get("period", Number.class).intValue(),
              r.get("value", BigDecimal.class)));
    }
    return out;
  }
}
