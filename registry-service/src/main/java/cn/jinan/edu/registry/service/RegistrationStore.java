package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.problem.FieldError;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.registry.config.RegistryConfig;
import cn.jinan.edu.registry.domain.Amendment;
import cn.jinan.edu.registry.domain.ContentArea;
import cn.jinan.edu.registry.domain.DistrictReview;
import cn.jinan.edu.registry.domain.FilingNumber;
import cn.jinan.edu.registry.domain.Partner;
import cn.jinan.edu.registry.domain.Registration;
import cn.jinan.edu.registry.domain.RegistrationContent;
import cn.jinan.edu.registry.domain.School;
import cn.jinan.edu.registry.domain.SchoolStatus;
import cn.jinan.edu.registry.domain.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loading and storing registrations and amendments: row locks, their schools (resolved by USCC and
 * checked against the directory), content in and out of the entity, and the approvals as stored
 * JSON. Runs in the caller's transaction.
 */
@ApplicationScoped
public class RegistrationStore {
  private static final TypeReference<Map<String, DistrictReview.Approval>> APPROVALS =
      new TypeReference<>() {};

  @Inject EntityManager em;
  @Inject RegistryConfig config;
  @Inject ObjectMapper json;

  /** The registration, locked until the transaction ends, or 404. */
  Registration lock(long id) {
    Registration r = Registration.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (r == null) {
      throw ProblemException.notFound("Registration", id);
    }
    return r;
  }

  /** The registration, or 404. */
  Registration find(long id) {
    Registration r = Registration.findById(id);
    if (r == null) {
      throw ProblemException.notFound("Registration", id);
    }
    return r;
  }

  /** The amendment of this registration, locked, or 404. */
  Amendment lockAmendment(long registrationId, long amendmentId) {
    Amendment a = Amendment.findById(amendmentId, LockModeType.PESSIMISTIC_WRITE);
    if (a == null || a.registrationId != registrationId) {
      throw ProblemException.notFound("Amendment", amendmentId);
    }
    return a;
  }

  /**
   * Checks content and resolves its schools by USCC, lead first; 400 naming every bad field (the
   * content's own rules, then schools unknown to the directory or closed).
   */
  Map<String, School> resolve(RegistrationContent content) {
    List<FieldError> errors = new ArrayList<>();
    for (Violation v : content.violations(config.maxTermYears())) {
      errors.add(new FieldError(v.field(), v.message()));
    }
    Map<String, School> schools = new LinkedHashMap<>();
    List<String> all = content.allSchoolUsccs();
    for (int i = 0; i < all.size(); i++) {
      String uscc = all.get(i);
      String field = i == 0 ? "leadSchool" : "memberSchools[" + (i - 1) + "]";
      if (uscc == null || errors.stream().anyMatch(e -> e.field().equals(field))) {
        continue;
      }
      Optional<School> s = School.byUscc(uscc);
      if (s.isEmpty()) {
        errors.add(new FieldError(field, "学校不在名录中 (no school with USCC " + uscc + ")"));
      } else if (s.get().status == SchoolStatus.CLOSED) {
        errors.add(new FieldError(field, "学校已停办 (the school is closed)"));
      } else {
        schools.put(uscc, s.get());
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return schools;
  }

  /** Writes content into the registration; {@code schools} are the resolved parties. */
  /** The audit entry of a change to the registration, whose state after is the one it has now. */
  static AuditService.Change change(Registration r, String action, Object fromState) {
    return AuditService.Change.of("registration", r.id)
        .district(r.leadDistrict)
        .action(action)
        .states(fromState, r.state);
  }

  /**
   * Replaces a stored registration's content (an edit before filing, or a filed amendment) and
   * answers its audit snapshot from before; the schools are loaded first so the snapshot has them.
   */
  Map<String, Object> replaceContent(
      Registration r, RegistrationContent c, Map<String, School> schools) {
    schoolsOf(r);
    Map<String, Object> before = r.auditSnapshot();
    apply(r, c, schools);
    r.updatedAt = OffsetDateTime.now();
    return before;
  }

  void apply(Registration r, RegistrationContent c, Map<String, School> schools) {
    School lead = schools.get(c.leadUscc());
    r.resolveParties(schools.values());
    r.mode = c.mode();
    r.name = c.name().trim();
    r.leadSchoolId = lead.id;
    r.leadDistrict = lead.districtCode;
    r.memberSchoolIds.clear();
    c.memberUsccs().forEach(u -> r.memberSchoolIds.add(schools.get(u).id));
    r.partners.clear();
    for (Partner p : c.partners()) {
      String uscc = p.uscc() == null || p.uscc().isEmpty() ? null : p.uscc();
      r.partners.add(new Registration.PartnerRow(p.name().trim(), uscc, p.role().trim()));
    }
    r.termStart = c.termStart();
    r.termEnd = c.termEnd();
    r.contentAreas = c.contentAreas().stream().sorted().map(Enum::name).toArray(String[]::new);
    r.contentText = c.contentText();
    r.contactName = c.contactName().trim();
    r.contactPhone = c.contactPhone();
    Set<String> d = new TreeSet<>();
    schools.values().forEach(s -> d.add(s.districtCode));
    r.involvedDistricts = d.toArray(String[]::new);
    r.crossDistrict = d.size() > 1;
  }

  /** The registration's content as a request would carry it. */
  RegistrationContent contentOf(Registration r, Map<String, School> schools) {
    Map<Long, String> usccById =
        schools.values().stream().collect(Collectors.toMap(s -> s.id, s -> s.uscc));
    return new RegistrationContent(
        r.mode,
        r.name,
        usccById.get(r.leadSchoolId),
        r.memberSchoolIds.stream().map(usccById::get).toList(),
        r.partners.stream().map(p -> new Partner(p.name, p.uscc, p.role)).toList(),
        r.termStart,
        r.termEnd,
        Arrays.stream(r.contentAreas).map(ContentArea::valueOf).collect(Collectors.toSet()),
        r.contentText,
        r.contactName,
        r.contactPhone);
  }

  /** The districts of all parties, current and proposed (both sides must consent). */
  static String[] districts(Registration r, Map<String, School> proposed) {
    Set<String> d = new TreeSet<>(Arrays.asList(r.involvedDistricts));
    proposed.values().forEach(s -> d.add(s.districtCode));
    return d.toArray(String[]::new);
  }

  /** The registration's schools by USCC, lead first; also tells the registration their USCCs. */
  Map<String, School> schoolsOf(Registration r) {
    List<Long> ids = new ArrayList<>();
    ids.add(r.leadSchoolId);
    ids.addAll(r.memberSchoolIds);
    Map<Long, School> byId =
        School.<School>list("id in ?1", ids).stream()
            .collect(Collectors.toMap(s -> s.id, Function.identity()));
    r.resolveParties(byId.values());
    return byUscc(r, byId);
  }

  /** One registration's schools out of a page's, lead first. */
  static Map<String, School> byUscc(Registration r, Map<Long, School> byId) {
    Map<String, School> out = new LinkedHashMap<>();
    School lead = byId.get(r.leadSchoolId);
    out.put(lead.uscc, lead);
    for (Long id : r.memberSchoolIds) {
      School s = byId.get(id);
      out.put(s.uscc, s);
    }
    return out;
  }

  /** The schools of a page of registrations, in one query. */
  static Map<Long, School> schoolsById(List<Registration> rows) {
    Set<Long> ids = new LinkedHashSet<>();
    rows.forEach(
        r -> {
          ids.add(r.leadSchoolId);
          ids.addAll(r.memberSchoolIds);
        });
    if (ids.isEmpty()) {
      return Map.of();
    }
    return School.<School>list("id in ?1", List.copyOf(ids)).stream()
        .collect(Collectors.toMap(s -> s.id, Function.identity()));
  }

  String leadUscc(Registration r) {
    School lead = School.findById(r.leadSchoolId);
    return lead.uscc;
  }

  /** The district review of the registration as stored. */
  DistrictReview review(Registration r) {
    return DistrictReview.of(r.involvedDistricts, read(r.approvalsJson, APPROVALS));
  }

  /** The district review of the amendment as stored. */
  DistrictReview review(Amendment a) {
    return DistrictReview.of(a.involvedDistricts, read(a.approvalsJson, APPROVALS));
  }

  /** The approvals of a review as stored: district code → {by, at}. */
  String approvalsJson(DistrictReview review) {
    return write(review.approvals());
  }

  /** The next filing number of this year, from the year's counter row (held until commit). */
  FilingNumber nextFilingNumber() {
    int year = LocalDate.now(config.zone()).getYear();
    Number seq =
        (Number)
            em.createNativeQuery(
                    "INSERT INTO filing_counter (year, last_value) VALUES (:y, 1) ON CONFLICT"
                        + " (year) DO UPDATE SET last_value = filing_counter.last_value + 1"
                        + " RETURNING last_value")
                .setParameter("y", year)
                .getSingleResult();
    return new FilingNumber(year, seq.intValue());
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
