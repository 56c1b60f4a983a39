package cn.jinan.edu.milestone.service;

import cn.jinan.edu.milestone.api.Views;
import cn.jinan.edu.milestone.client.FilingStatistics;
import cn.jinan.edu.milestone.client.Sources;
import cn.jinan.edu.milestone.client.TargetEvaluation;
import cn.jinan.edu.milestone.config.MilestoneConfig;
import cn.jinan.edu.milestone.domain.BindingSource;
import cn.jinan.edu.milestone.domain.SourceFigure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Live figures of other services for bound tasks. A figure read recently is reused; otherwise the
 * source is asked (with retries and the clients' timeouts). When the source cannot answer, the last
 * known figure for the same code and unit is returned marked stale with the time it was read — a
 * source outage never turns into an error of this service.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FigureService {
  /** Unit code of city-wide figures. */
  public static final String CITY = "370100";

  @Inject Sources sources;
  @Inject MilestoneConfig config;
  @Inject EntityManager em;

  /**
   * One computation's view of the sources: each (source, code, date) is asked at most once, and a
   * source that failed is not asked again within the same computation.
   */
  public final class Lookup {
    private final Map<String, Map<String, Views.FigureView>> done = new HashMap<>();
    private final Set<BindingSource> down = new HashSet<>();

    /** Figures per unit code (370100 = city); empty when nothing is known at all. */
    public Map<String, Views.FigureView> figures(
        BindingSource source, String code, LocalDate asOf) {
      return done.computeIfAbsent(
          source + "/" + code + "/" + asOf, k -> load(source, code, asOf, down));
    }
  }

  public Lookup lookup() {
    return new Lookup();
  }

  private Map<String, Views.FigureView> load(
      BindingSource source, String code, LocalDate asOf, Set<BindingSource> down) {
    // Microseconds: what PostgreSQL keeps, so a figure reads back with the same time.
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    List<SourceFigure> cached =
        SourceFigure.list("source = ?1 and code = ?2 and asOf = ?3", source.name(), code, asOf);
    if (!cached.isEmpty()
        && cached.stream()
            .allMatch(f -> f.fetchedAt.isAfter(now.minus(config.figureFreshness())))) {
      return views(cached, false);
    }
    if (!down.contains(source)) {
      try {
        List<SourceFigure> fresh = fetch(source, code, asOf, now);
        QuarkusTransaction.requiringNew().run(() -> fresh.forEach(this::upsert));
        return views(fresh, false);
      } catch (Sources.Unavailable e) {
        down.add(source);
      }
    }
    if (!cached.isEmpty()) {
      return views(cached, true);
    }
    // Nothing for this date: the latest figure read for any date, per unit.
    List<SourceFigure> latest =
        SourceFigure.list(
            "source = ?1 and code = ?2 order by fetchedAt desc, id desc", source.name(), code);
    Map<String, SourceFigure> perUnit = new HashMap<>();
    for (SourceFigure f : latest) {
      perUnit.putIfAbsent(f.unitCode, f);
    }
    return views(new ArrayList<>(perUnit.values()), true);
  }

  private List<SourceFigure> fetch(
      BindingSource source, String code, LocalDate asOf, OffsetDateTime now) {
    List<SourceFigure> out = new ArrayList<>();
    switch (source) {
      case QUALITY_TARGET -> {
        TargetEvaluation e = sources.evaluation(code, asOf.toString());
        SourceFigure f = figure(source, code, CITY, asOf, now);
        f.status = e.status() == null ? "UNKNOWN" : e.status();
        f.met = e.met();
        f.progress = share(e.progress());
        f.currentValue = e.currentValue();
        f.requiredValue = e.requiredValue();
        f.explanation = e.explanation();
        out.add(f);
      }
      case REGISTRY_FILING -> {
        FilingStatistics s = sources.filingStatistics(asOf.toString());
        if (s.city() != null) {
          out.add(filing(code, CITY, asOf, now, s.city()));
        }
        if (s.districts() != null) {
          for (FilingStatistics.UnitStatistics d : s.districts()) {
            if (d.districtCode() != null) {
              out.add(filing(code, d.districtCode(), asOf, now, d));
            }
          }
        }
      }
    }
    return out;
  }

  private SourceFigure filing(
      String code,
      String unit,
      LocalDate asOf,
      OffsetDateTime now,
      FilingStatistics.UnitStatistics d) {
    SourceFigure f = figure(BindingSource.REGISTRY_FILING, code, unit, asOf, now);
    f.met = d.expected() > 0 && d.filed() >= d.expected();
    f.status = f.met ? "MET" : "IN_PROGRESS";
    f.progress = share(d.expected() > 0 ? (double) d.filed() / d.expected() : 0);
    f.currentValue = BigDecimal.valueOf(d.filed());
    f.requiredValue = BigDecimal.valueOf(d.expected());
    f.explanation = "已备案 " + d.filed() + " / 应备案 " + d.expected() + " filed of expected";
    return f;
  }

  private static SourceFigure figure(
      BindingSource source, String code, String unit, LocalDate asOf, OffsetDateTime now) {
    SourceFigure f = new SourceFigure();
    f.source = source.name();
    f.code = code;
    f.unitCode = unit;
    f.asOf = asOf;
    f.fetchedAt = now;
    return f;
  }

  private static BigDecimal share(double value) {
    double v = Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
    return BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_UP);
  }

  private void upsert(SourceFigure f) {
    em.createNativeQuery(
            "INSERT INTO source_figure (source, code, unit_code, as_of, status, progress, met,"
                + " current_value, required_value, explanation, fetched_at)"
                + " VALUES (:s, :c, :u, :d, :st, :p, :m, :cv, :rv, :e, :t)"
                + " ON CONFLICT (source, code, unit_code, as_of) DO UPDATE SET status = EXCLUDED.status,"
                + " progress = EXCLUDED.progress, met = EXCLUDED.met,"
                + " current_value = EXCLUDED.current_value, required_value = EXCLUDED.required_value,"
                + " explanation = EXCLUDED.explanation, fetched_at = EXCLUDED.fetched_at")
        .setParameter("s", f.source)
        .setParameter("c", f.code)
        .setParameter("u", f.unitCode)
        .setParameter("d", f.asOf)
        .setParameter("st", f.status)
        .setParameter("p", f.progress)
        .setParameter("m", f.met)
        .setParameter("cv", f.currentValue)
        .setParameter("rv", f.requiredValue)
        .setParameter("e", f.explanation)
        .setParameter("t", f.fetchedAt)
        .executeUpdate();
  }

  private static Map<String, Views.FigureView> views(List<SourceFigure> figures, boolean stale) {
    Map<String, Views.FigureView> out = new HashMap<>();
    for (SourceFigure f : figures) {
      out.put(
          f.unitCode,
          new Views.FigureView(
              BindingSource.valueOf(f.source),
              f.code,
              f.unitCode,
              f.asOf,
              f.status,
              f.met,
              f.progress.doubleValue(),
              f.currentValue,
              f.requiredValue,
              f.explanation,
              f.fetchedAt,
              stale));
    }
    return out;
  }

  /** The figure for a unit: its own when the source reports per unit, else the city's. */
  public static Optional<Views.FigureView> forUnit(
      BindingSource source, Map<String, Views.FigureView> figures, String unit) {
    if (source == BindingSource.QUALITY_TARGET) {
      return Optional.ofNullable(figures.get(CITY));
    }
    return Optional.ofNullable(figures.get(unit));
  }
}
