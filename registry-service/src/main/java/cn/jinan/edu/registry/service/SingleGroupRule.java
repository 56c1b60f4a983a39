package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.registry.config.RegistryConfig;
import cn.jinan.edu.registry.domain.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A school may be a party of at most one 集团化办学 group in force at a time ({@code
 * registry.single-active-group}): checked when a group is submitted, filed or amended.
 */
@ApplicationScoped
public class SingleGroupRule {
  @Inject EntityManager em;
  @Inject RegistryConfig config;

  /** 409 naming the other registration when one of the parties is in a group in force. */
  void check(Long selfId, Collection<School> parties, LocalDate start, LocalDate end) {
    if (!config.singleActiveGroup()) {
      return;
    }
    List<Long> ids = parties.stream().map(s -> s.id).toList();
    @SuppressWarnings("unchecked")
    List<Object[]> clash =
        em.createNativeQuery(
                "SELECT r.id, r.filing_number, r.name, s.uscc, s.name_zh FROM registration r JOIN"
                    + " (SELECT id AS rid, lead_school_id AS sid FROM registration UNION ALL"
                    + " SELECT registration_id, school_id FROM registration_member) p ON p.rid ="
                    + " r.id JOIN school s ON s.id = p.sid WHERE r.mode = 'GROUP' AND r.state IN"
                    + " ('FILED', 'ACTIVE') AND r.id <> :self AND p.sid IN (:ids) AND"
                    + " r.term_start <= :end AND r.term_end >= :start ORDER BY r.id LIMIT 1")
            .setParameter("self", selfId == null ? -1L : selfId)
            .setParameter("ids", ids)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList();
    if (clash.isEmpty()) {
      return;
    }
    Object[] c = clash.get(0);
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("conflictingRegistrationId", ((Number) c[0]).longValue());
    ext.put("conflictingFilingNumber", c[1]);
    ext.put("school", c[3]);
    throw ProblemException.conflict(
        "学校 "
            + c[4]
            + " ("
            + c[3]
            + ") 已在集团化办学登记 #"
            + c[0]
            + " "
            + c[1]
            + " 「"
            + c[2]
            + "」中: a school may be in only one 集团化办学 group in force at a time",
        ext);
  }
}
