package cn.jinan.edu.registry.service;

import cn.jinan.edu.platform.data.imports.ImportConflict;
import cn.jinan.edu.platform.data.imports.ImportMode;
import cn.jinan.edu.platform.data.imports.ImportPipeline;
import cn.jinan.edu.platform.data.imports.ImportRow;
import cn.jinan.edu.platform.data.imports.ImportSummary;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.registry.domain.School;
import cn.jinan.edu.registry.domain.SchoolInput;
import cn.jinan.edu.registry.domain.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 批量导入学校 The school import through the suite's import pipeline: every row is checked against the
 * directory's rules and the caller's district scope, duplicates of an earlier row and changes to a
 * school of another district are refused, identical rows are ignored, and the rest is written in
 * bulk (see {@link SchoolBulkWrite}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SchoolImport {
  private static final int LOOKUP_CHUNK = 5000;

  @Inject SchoolService schools;
  @Inject SchoolBulkWrite bulk;

  /** Imports the rows; all-or-nothing unless {@code mode.partial()} (see {@link ImportMode}). */
  public ImportSummary run(Caller caller, List<ImportRow<SchoolInput>> rows, ImportMode mode) {
    return new ImportPipeline<>(new Steps(caller, schools.unitsInScope())).run(rows, mode);
  }

  private final class Steps implements ImportPipeline.Steps<SchoolInput, String, School> {
    private final Caller caller;
    private final Set<String> units;

    Steps(Caller caller, Set<String> units) {
      this.caller = caller;
      this.units = units;
    }

    @Override
    public String check(ImportRow<SchoolInput> row, List<ImportConflict> conflicts) {
      // A field that could not be read is reported once, not again as missing.
      Set<String> unreadable =
          row.readErrors().stream().map(ImportConflict::field).collect(Collectors.toSet());
      for (Violation v : row.value().violations(units)) {
        if (!unreadable.contains(v.field())) {
          String code =
              v.field().equals("districtCode")
                  ? ImportConflict.UNKNOWN_UNIT
                  : ImportConflict.INVALID;
          conflicts.add(new ImportConflict(row.number(), v.field(), code, v.message()));
        }
      }
      if (conflicts.isEmpty() && !mayWrite(row.value().districtCode())) {
        conflicts.add(
            new ImportConflict(
                row.number(),
                "districtCode",
                ImportConflict.FORBIDDEN,
                "无权导入该区县的学校 (outside the token's district scope)"));
      }
      return row.value().uscc();
    }

    @Override
    public String keyField() {
      return "uscc";
    }

    @Override
    public Map<String, School> existing(Collection<String> keys) {
      Map<String, School> found = new HashMap<>();
      List<String> all = List.copyOf(keys);
      for (int i = 0; i < all.size(); i += LOOKUP_CHUNK) {
        List<String> chunk = all.subList(i, Math.min(all.size(), i + LOOKUP_CHUNK));
        for (School s : School.<School>list("uscc in ?1", chunk)) {
          found.put(s.uscc, s);
        }
      }
      return found;
    }

    @Override
    public ImportConflict refuseChange(ImportRow<SchoolInput> row, School current) {
      if (mayWrite(current.districtCode)) {
        return null;
      }
      return new ImportConflict(
          row.number(),
          "districtCode",
          ImportConflict.FORBIDDEN,
          "该校现属其他区县，无权修改 (school belongs to another district)");
    }

    @Override
    public boolean unchanged(SchoolInput value, School current) {
      return SchoolBulkWrite.probe(value).auditSnapshot().equals(current.auditSnapshot());
    }

    @Override
    public void write(
        List<ImportRow<SchoolInput>> creates,
        List<ImportPipeline.Update<SchoolInput, School>> updates) {
      bulk.write(caller, creates, updates);
    }

    private boolean mayWrite(String district) {
      return caller.roleForDistrict(district, SchoolService.WRITERS).isPresent();
    }
  }
}
