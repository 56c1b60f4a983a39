package cn.jinan.edu.registry.domain;

import cn.jinan.edu.platform.ids.Uscc;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a cooperation registers (登记): the parties (合作主体), term (合作期限), mode (合作模式) and content
 * (合作具体内容). Used for drafts and for amendment proposals alike.
 */
public record RegistrationContent(
    CooperationMode mode,
    String name,
    String leadUscc,
    List<String> memberUsccs,
    List<Partner> partners,
    LocalDate termStart,
    LocalDate termEnd,
    Set<ContentArea> contentAreas,
    String contentText,
    String contactName,
    String contactPhone) {

  // Mainland mobile numbers, or landlines with area code and optional extension.
  private static final Pattern PHONE =
      Pattern.compile("^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?)$");

  public RegistrationContent {
    memberUsccs = memberUsccs == null ? List.of() : List.copyOf(memberUsccs);
    partners = partners == null ? List.of() : List.copyOf(partners);
    // An EnumSet keeps a stable order, so equal bodies serialise (and hash) identically.
    contentAreas =
        contentAreas == null || contentAreas.isEmpty()
            ? Collections.unmodifiableSet(EnumSet.noneOf(ContentArea.class))
            : Collections.unmodifiableSet(EnumSet.copyOf(contentAreas));
  }

  /** Rules on the content alone; whether the schools exist is checked by the service. */
  public List<Violation> violations(int maxTermYears) {
    List<Violation> v = new ArrayList<>();
    if (mode == null) {
      v.add(new Violation("mode", "合作模式必填 (mode is required)"));
    }
    if (name == null || name.isBlank()) {
      v.add(new Violation("name", "名称必填 (name is required)"));
    } else if (name.length() > 200) {
      v.add(new Violation("name", "名称最长200字 (at most 200 characters)"));
    }
    schoolViolations(v);
    partnerViolations(v);
    termViolations(v, maxTermYears);
    if (contentAreas.isEmpty() && (contentText == null || contentText.isBlank())) {
      v.add(
          new Violation(
              "contentAreas", "须填写合作内容 (choose at least one content area or describe it)"));
    }
    if (contactName == null || contactName.isBlank()) {
      v.add(new Violation("contactName", "联系人必填 (contact person is required)"));
    }
    if (contactPhone == null || !PHONE.matcher(contactPhone).matches()) {
      v.add(
          new Violation(
              "contactPhone",
              "联系电话格式错误 (a mobile number like 13812345678 or a landline like 0531-86012345)"));
    }
    return v;
  }

  /** A valid lead school and at least one member, each valid, once, and not the lead. */
  private void schoolViolations(List<Violation> v) {
    Uscc.problem(leadUscc).ifPresent(p -> v.add(new Violation("leadSchool", p)));
    if (memberUsccs.isEmpty()) {
      v.add(new Violation("memberSchools", "至少一所成员校 (at least one member school)"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < memberUsccs.size(); i++) {
      String m = memberUsccs.get(i);
      String field = "memberSchools[" + i + "]";
      Uscc.problem(m).ifPresent(p -> v.add(new Violation(field, p)));
      if (m != null && m.equals(leadUscc)) {
        v.add(new Violation(field, "牵头校不能同时是成员校 (the lead school cannot be a member)"));
      } else if (m != null && !seen.add(m)) {
        v.add(new Violation(field, "成员校重复 (member listed twice)"));
      }
    }
  }

  /** Every other partner has a name and a role, and a valid USCC if it gives one. */
  private void partnerViolations(List<Violation> v) {
    for (int i = 0; i < partners.size(); i++) {
      Partner p = partners.get(i);
      String field = "partners[" + i + "]";
      if (p == null) {
        v.add(new Violation(field, "合作方不能为空 (partner is empty)"));
        continue;
      }
      if (p.name() == null || p.name().isBlank()) {
        v.add(new Violation(field + ".name", "合作方名称必填 (name is required)"));
      }
      if (p.role() == null || p.role().isBlank()) {
        v.add(new Violation(field + ".role", "合作方角色必填 (role is required)"));
      }
      if (p.uscc() != null && !p.uscc().isEmpty()) {
        Uscc.problem(p.uscc()).ifPresent(msg -> v.add(new Violation(field + ".uscc", msg)));
      }
    }
  }

  /** A start, and an end after it within the longest term allowed. */
  private void termViolations(List<Violation> v, int maxTermYears) {
    if (termStart == null) {
      v.add(new Violation("termStart", "合作起始日期必填 (term start is required)"));
    }
    if (termEnd == null) {
      v.add(new Violation("termEnd", "合作截止日期必填 (term end is required)"));
    }
    if (termStart != null && termEnd != null) {
      if (!termEnd.isAfter(termStart)) {
        v.add(new Violation("termEnd", "截止日期须晚于起始日期 (term end must be after term start)"));
      } else if (termStart.plus(Period.ofYears(maxTermYears)).isBefore(termEnd)) {
        v.add(
            new Violation(
                "termEnd",
                "合作期限不得超过" + maxTermYears + "年 (term longer than " + maxTermYears + " years)"));
      }
    }
  }

  /** Every school party, lead first. */
  public List<String> allSchoolUsccs() {
    List<String> all = new ArrayList<>();
    all.add(leadUscc);
    all.addAll(memberUsccs);
    return all;
  }
}
