package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.ChineseNumeral;
import cn.jinan.edu.milestone.domain.Plan;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * city-admin adds a further plan with its actions and measures. Plan rows are immutable entities,
 * so they are inserted with SQL; the bureau's rows are marked fromDocument = false.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PlanService {
  @Inject EntityManager em;
  @Inject AuditService audit;

  public record NewPlan(
      String code,
      String title,
      String documentNumber,
      String issuer,
      LocalDate issueDate,
      int periodStart,
      int periodEnd,
      List<NewAction> actions,
      List<NewMeasure> measures) {}

  public record NewAction(int number, String title) {}

  public record NewMeasure(int number, String title, int actionNumber, String commitments) {}

  public Views.PlanView createPlan(Caller caller, NewPlan n) {
    CatalogueService.requireCityAdmin(caller);
    validate(n);
    if (Plan.byCode(n.code()).isPresent()) {
      throw ProblemException.conflict("Plan " + n.code() + " already exists");
    }
    Plan p = insert(n);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("code", p.code);
    after.put("title", p.title);
    after.put("actions", new TreeSet<>(n.actions().stream().map(NewAction::number).toList()));
    after.put("measures", new TreeSet<>(n.measures().stream().map(NewMeasure::number).toList()));
    audit.append(
        caller,
        Roles.CITY_ADMIN,
        AuditService.Change.of("plan", p.id)
            .aggregate("plan-" + p.id)
            .action("create")
            .after(after));
    return CatalogueViews.view(p);
  }

  /** Numbers unique, every measure of an existing action, the period in order. */
  private static void validate(NewPlan n) {
    List<FieldError> errors = new ArrayList<>();
    if (n.periodEnd() < n.periodStart()) {
      errors.add(new FieldError("periodEnd", "不得早于起始年 must not be before periodStart"));
    }
    Set<Integer> actionNumbers = new TreeSet<>();
    for (NewAction a : n.actions()) {
      if (!actionNumbers.add(a.number())) {
        errors.add(new FieldError("actions", "行动序号重复 duplicate action number " + a.number()));
      }
    }
    Set<Integer> measureNumbers = new TreeSet<>();
    for (NewMeasure m : n.measures()) {
      if (!measureNumbers.add(m.number())) {
        errors.add(new FieldError("measures", "措施序号重复 duplicate measure number " + m.number()));
      }
      if (!actionNumbers.contains(m.actionNumber())) {
        errors.add(
            new FieldError(
                "measures", "措施" + m.number() + "的行动不存在 unknown action " + m.actionNumber()));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  private Plan insert(NewPlan n) {
    em.createNativeQuery(
            "INSERT INTO plan (code, title, document_number, issuer, issue_date, period_start,"
                + " period_end, from_document) VALUES (:c, :t, :d, :i, :date, :s, :e, false)")
        .setParameter("c", n.code())
        .setParameter("t", n.title())
        .setParameter("d", n.documentNumber())
        .setParameter("i", n.issuer())
        .setParameter("date", n.issueDate())
        .setParameter("s", n.periodStart())
        .setParameter("e", n.periodEnd())
        .executeUpdate();
    Plan p = Plan.byCode(n.code()).orElseThrow();
    for (NewAction a : n.actions()) {
      em.createNativeQuery(
              "INSERT INTO action (plan_id, number, title, from_document) VALUES (:p, :n, :t, false)")
          .setParameter("p", p.id)
          .setParameter("n", a.number())
          .setParameter("t", a.title())
          .executeUpdate();
    }
    for (NewMeasure m : n.measures()) {
      em.createNativeQuery(
              "INSERT INTO measure (plan_id, number, numeral, title, action_number, commitments,"
                  + " from_document) VALUES (:p, :n, :nz, :t, :a, :c, false)")
          .setParameter("p", p.id)
          .setParameter("n", m.number())
          .setParameter("nz", ChineseNumeral.of(m.number()))
          .setParameter("t", m.title())
          .setParameter("a", m.actionNumber())
          .setParameter("c", m.commitments() == null ? "" : m.commitments())
          .executeUpdate();
    }
    return p;
  }
}
