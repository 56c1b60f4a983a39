package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.registry.api.Views;
import cn.jinan.edu.registry.config.RegistryConfig;
import cn.jinan.edu.registry.domain.Amendment;
import cn.jinan.edu.registry.domain.ContentArea;
import cn.jinan.edu.registry.domain.DistrictReview;
import cn.jinan.edu.registry.domain.FilingNumber;
import cn.jinan.edu.registry.domain.Registration;
import cn.jinan.edu.registry.domain.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Registrations and amendments as a caller, or the public, may see them. */
@ApplicationScoped
public class RegistrationViews {
  @Inject RegistrationAccess access;
  @Inject RegistrationStore store;
  @Inject RegistryConfig config;

  /** The registration with {@code schools} its parties, and what this caller may do now. */
  Views.RegistrationView registration(Caller caller, Registration r, Map<String, School> schools) {
    Parties parties = Parties.of(r, schools);
    // data-reporter reads everything that is not personal: no contact data.
    boolean personal =
        caller.hasAnyRole(
            Roles.CITY_ADMIN, Roles.AUDITOR, Roles.DISTRICT_REVIEWER, Roles.SCHOOL_APPLICANT);
    FilingNumber number = r.filingSeq == null ? null : new FilingNumber(r.filingYear, r.filingSeq);
    return new Views.RegistrationView(
        r.id,
        r.mode,
        r.name,
        parties.lead(),
        parties.members(),
        partners(r),
        r.termStart,
        r.termEnd,
        Arrays.stream(r.contentAreas).map(ContentArea::valueOf).collect(Collectors.toSet()),
        r.contentText,
        personal ? r.contactName : null,
        personal ? r.contactPhone : null,
        r.crossDistrict,
        List.of(r.involvedDistricts),
        approvals(store.review(r)),
        r.state,
        r.state.labelZh,
        number == null ? null : number.display(),
        number == null ? null : number.ascii(),
        r.filedAt,
        access.allowedActions(caller, r),
        r.version,
        r.createdAt,
        r.updatedAt);
  }

  /** The amendment of {@code r}, and what this caller may do with it now. */
  Views.AmendmentView amendment(Caller caller, Registration r, Amendment a) {
    return new Views.AmendmentView(
        a.id,
        a.registrationId,
        store.read(a.proposalJson, Object.class),
        a.state,
        approvals(store.review(a)),
        access.allowedActions(caller, r, a),
        a.version,
        a.createdAt,
        a.updatedAt);
  }

  /** What the public may verify of a filed registration: no contact data, no review. */
  Views.PublicRegistrationView publicView(Registration r, Map<String, School> schools) {
    Parties parties = Parties.of(r, schools);
    FilingNumber number = new FilingNumber(r.filingYear, r.filingSeq);
    return new Views.PublicRegistrationView(
        number.display(),
        number.ascii(),
        r.name,
        r.mode,
        r.mode.labelZh,
        parties.lead(),
        parties.members(),
        partners(r),
        r.termStart,
        r.termEnd,
        r.filedAt.atZoneSameInstant(config.zone()).toLocalDate(),
        r.state);
  }

  private static List<Views.PartnerView> partners(Registration r) {
    return r.partners.stream().map(p -> new Views.PartnerView(p.name, p.uscc, p.role)).toList();
  }

  private static List<Views.ApprovalView> approvals(DistrictReview review) {
    return review.approvals().entrySet().stream()
        .map(e -> new Views.ApprovalView(e.getKey(), e.getValue().by(), e.getValue().at()))
        .toList();
  }

  /** The lead and member schools as views, in the registration's order. */
  private record Parties(Views.SchoolRef lead, List<Views.SchoolRef> members) {
    static Parties of(Registration r, Map<String, School> schools) {
      Map<Long, School> byId = new LinkedHashMap<>();
      schools.values().forEach(s -> byId.put(s.id, s));
      return new Parties(
          ref(byId.get(r.leadSchoolId)),
          r.memberSchoolIds.stream().map(id -> ref(byId.get(id))).toList());
    }

    private static Views.SchoolRef ref(School s) {
      return new Views.SchoolRef(s.uscc, s.nameZh, s.districtCode);
    }
  }
}
