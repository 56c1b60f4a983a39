package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.csv.Csv;
import cn.jinan.edu.platform.paging.Page;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.quality.api.Views;
import cn.jinan.edu.quality.domain.ApprovalState;
import cn.jinan.edu.quality.domain.DataApproval;
import cn.jinan.edu.quality.domain.DataValue;
import cn.jinan.edu.quality.domain.Decimals;
import cn.jinan.edu.quality.domain.Indicator;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading indicator values: one value, a filtered page, the CSV export. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DataQueries {
  private static final String CSV_HEADER =
      "indicator,districtCode,schoolUscc,period,value,source,comment,approvalState,updatedBy,"
          + "updatedAt\n";

  /** What a search filters on; null fields do not filter. */
  public record Filter(String indicator, String district, String school, Integer period) {}

  public Views.DataValueView get(Caller caller, String indicatorCode, String subject, int period) {
    Indicator ind =
        Indicator.byCode(indicatorCode)
            .orElseThrow(() -> ProblemException.notFound("Indicator", indicatorCode));
    DataValue v =
        DataValue.find(ind.id, subject, period)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "Value", indicatorCode + "/" + subject + "/" + period));
    DataScope.readScope(caller, v.districtCode);
    return view(v, ind);
  }

  public Page<Views.DataValueView> search(Caller caller, Filter f, long afterId, int limit) {
    String scope = DataScope.readScope(caller, f.district());
    StringBuilder q = new StringBuilder("id > :after");
    Parameters p = Parameters.with("after", afterId);
    if (f.indicator() != null) {
      Indicator ind =
          Indicator.byCode(f.indicator())
              .orElseThrow(() -> ProblemException.invalid("indicator", "unknown indicator"));
      q.append(" and indicatorId = :ind");
      p = p.and("ind", ind.id);
    }
    if (scope != null) {
      q.append(" and districtCode = :d");
      p = p.and("d", scope);
    }
    if (f.school() != null) {
      q.append(" and schoolUscc = :s");
      p = p.and("s", f.school());
    }
    if (f.period() != null) {
      q.append(" and period = :p");
      p = p.and("p", f.period());
    }
    List<DataValue> rows = DataValue.find(q + " order by id", p).page(0, limit + 1).list();
    Map<Long, Indicator> indicators = new HashMap<>();
    Indicator.<Indicator>listAll().forEach(i -> indicators.put(i.id, i));
    Map<String, ApprovalState> states = new HashMap<>();
    return Page.of(rows, limit, r -> Long.toString(r.id))
        .map(
            v ->
                view(
                    v,
                    indicators.get(v.indicatorId),
                    states.computeIfAbsent(
                        v.districtCode + "/" + v.period,
                        k -> DataApproval.stateOf(v.districtCode, v.period))));
  }

  /** CSV export of a query: every matching row, read in keyset chunks. */
  public String exportCsv(Caller caller, Filter f) {
    StringBuilder out = new StringBuilder(CSV_HEADER);
    long after = 0;
    while (true) {
      Page<Views.DataValueView> page = search(caller, f, after, 200);
      page.items().forEach(v -> csvLine(out, v));
      if (page.nextCursor() == null) {
        return out.toString();
      }
      after = Long.parseLong(page.nextCursor());
    }
  }

  private static void csvLine(StringBuilder out, Views.DataValueView v) {
    out.append(Csv.field(v.indicator())).append(',');
    out.append(Csv.field(v.districtCode())).append(',');
    out.append(Csv.field(v.schoolUscc())).append(',');
    out.append(v.period()).append(',');
    out.append(Decimals.text(v.value())).append(',');
    out.append(Csv.field(v.source())).append(',');
    out.append(Csv.field(v.comment())).append(',');
    out.append(v.approvalState()).append(',');
    out.append(Csv.field(v.updatedBy())).append(',');
    out.append(v.updatedAt() == null ? "" : v.updatedAt().toString()).append('\n');
  }

  static Views.DataValueView view(DataValue v, Indicator ind) {
    return view(v, ind, DataApproval.stateOf(v.districtCode, v.period));
  }

  static Views.DataValueView view(DataValue v, Indicator ind, ApprovalState state) {
    return new Views.DataValueView(
        ind.code,
        ind.level,
        v.districtCode,
        v.schoolUscc,
        v.period,
        Decimals.plain(v.value),
        v.source,
        v.comment,
        state,
        v.version,
        v.updatedBy,
        v.updatedAt);
  }
}
