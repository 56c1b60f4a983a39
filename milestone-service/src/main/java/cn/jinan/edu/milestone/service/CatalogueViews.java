package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.domain.Annotation;
import cn.jinan.edu.milestone.domain.Assignment;
import cn.jinan.edu.milestone.domain.Measure;
import cn.jinan.edu.milestone.domain.Plan;
import cn.jinan.edu.milestone.domain.ResponsibleUnit;
import cn.jinan.edu.milestone.domain.Task;
import cn.jinan.edu.milestone.domain.TaskBinding;
import java.util.List;

/** Catalogue entities as the API shows them. */
final class CatalogueViews {
  private CatalogueViews() {}

  static Views.PlanView view(Plan p) {
    return new Views.PlanView(
        p.id,
        p.code,
        p.title,
        p.documentNumber,
        p.issuer,
        p.issueDate,
        p.periodStart,
        p.periodEnd,
        p.fromDocument);
  }

  static Views.MeasureView view(Plan p, Measure m) {
    return new Views.MeasureView(
        p.code, m.number, m.numeral, m.title, m.actionNumber, m.commitments, m.fromDocument);
  }

  static Views.TaskView view(Plan p, Task t, List<Integer> measures) {
    return new Views.TaskView(
        t.id,
        p.code,
        t.number,
        t.actionNumber,
        t.year,
        t.ordinal,
        t.textZh,
        t.deadlineDate,
        t.deadline().lateFrom(),
        measures,
        t.fromDocument);
  }

  static Views.AnnotationView view(Annotation a) {
    return new Views.AnnotationView(a.id, a.taskId, a.textZh, a.author, a.createdAt);
  }

  static Views.AssignmentView view(Assignment a, ResponsibleUnit u) {
    return new Views.AssignmentView(
        a.id,
        a.taskId,
        a.unitCode,
        u.nameZh,
        u.kind,
        a.assignedAt,
        a.assignedBy,
        a.endedAt,
        a.endedBy,
        a.comment);
  }

  static Views.BindingView view(TaskBinding b) {
    return b == null ? null : new Views.BindingView(b.source, b.targetCode, b.version);
  }

  static Views.UnitView view(ResponsibleUnit u) {
    return new Views.UnitView(u.code, u.nameZh, u.kind, u.validFrom, u.validTo);
  }
}
