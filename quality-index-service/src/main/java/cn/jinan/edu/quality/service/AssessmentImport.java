package cn.jinan.edu.quality.service;

import cn.jinan.edu.platform.csv.Csv;
import cn.jinan.edu.platform.data.AuditService;
import cn.jinan.edu.platform.data.imports.ImportConflict;
import cn.jinan.edu.platform.data.imports.ImportMode;
import cn.jinan.edu.platform.data.imports.ImportSummary;
import cn.jinan.edu.platform.problem.ProblemException;
import cn.jinan.edu.platform.security.Caller;
import cn.jinan.edu.platform.security.Roles;
import cn.jinan.edu.quality.domain.AssessmentRecord;
import cn.jinan.edu.quality.domain.Unit;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * 测评数据导入 The assessment import: CSV streamed into PostgreSQL with COPY, chunk by chunk, so the file
 * is never held in memory. Records are append-only (no key to update), so it shares the suite's
 * {@link ImportMode} and {@link ImportSummary} but not the keyed pipeline: all-or-nothing (any
 * refused record → 422, the transaction rolls the copied rows back) or a dry run.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AssessmentImport {
  private static final int MAX_REPORTED_CONFLICTS = 100;
  private static final int COPY_CHUNK = 1 << 16;

  @Inject EntityManager em;
  @Inject AuditService audit;

  /** What one import did: the summary, the batch it stored (null if none) and its years. */
  public record Imported(ImportSummary summary, Long batchId, List<Integer> years) {}

  /** With replaceYears the earlier records of the years in the file are removed. */
  @TransactionConfiguration(timeout = 3600)
  public Imported run(Caller caller, InputStream body, boolean dryRun, boolean replaceYears) {
    ImportMode mode = new ImportMode(dryRun, false);
    Set<String> units = new HashSet<>();
    Unit.<Unit>listAll().forEach(u -> units.add(u.code));
    Long batchId = dryRun ? null : newBatch(caller);
    Tally tally = new Tally();
    em.unwrap(Session.class).doWork(conn -> stream(conn, body, batchId, units, tally));
    List<Integer> years = List.copyOf(tally.years);
    boolean committed = !dryRun && tally.refused == 0;
    ImportSummary summary =
        new ImportSummary(
            dryRun, committed, tally.valid, 0, 0, tally.refused, List.copyOf(tally.conflicts));
    mode.answer(summary); // 422 with the summary when a real import refused any record
    if (committed) {
      finishBatch(caller, batchId, tally.valid, years, replaceYears);
    }
    return new Imported(summary, committed ? batchId : null, years);
  }

  private Long newBatch(Caller caller) {
    return ((Number)
            em.createNativeQuery(
                    "INSERT INTO assessment_batch (imported_by) VALUES (:by) RETURNING id")
                .setParameter("by", caller.actor())
                .getSingleResult())
        .longValue();
  }

  private void finishBatch(
      Caller caller, long batchId, long records, List<Integer> years, boolean replaceYears) {
    String yearArray = years.toString().replace('[', '{').replace(']', '}');
    em.createNativeQuery(
            "UPDATE assessment_batch SET records = :n, years = CAST(:y AS integer[]) WHERE id = :id")
        .setParameter("n", records)
        .setParameter("y", yearArray)
        .setParameter("id", batchId)
        .executeUpdate();
    if (replaceYears && !years.isEmpty()) {
      em.createNativeQuery(
              "DELETE FROM assessment_record WHERE year = ANY(CAST(:y AS integer[]))"
                  + " AND batch_id <> :id")
          .setParameter("y", yearArray)
          .setParameter("id", batchId)
          .executeUpdate();
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("records", records);
    after.put("years", years);
    after.put("replaceYears", replaceYears);
    audit.append(
        caller,
        caller.hasRole(Roles.CITY_ADMIN) ? Roles.CITY_ADMIN : Roles.DATA_REPORTER,
        AuditService.Change.of("assessment-batch", batchId).action("import").after(after));
  }

  /** Counts of one pass; only the first conflicts are kept, every refused record is counted. */
  private static final class Tally {
    long valid;
    long refused;
    final List<ImportConflict> conflicts = new ArrayList<>();
    final Set<Integer> years = new TreeSet<>();
  }

  private static void stream(
      Connection conn, InputStream body, Long batchId, Set<String> units, Tally tally)
      throws SQLException {
    CopyIn copy =
        batchId == null
            ? null
            : conn.unwrap(PGConnection.class).getCopyAPI().copyIn(AssessmentRecord.COPY_SQL);
    try {
      Csv csv =
          new Csv(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16));
      AssessmentRecord.Layout layout = layout(csv.next());
      copyRecords(csv, layout, units, tally, copy, batchId);
      if (copy != null) {
        CopyIn done = copy;
        copy = null;
        if (tally.refused > 0) {
          done.cancelCopy();
        } else {
          done.endCopy();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (copy != null && copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static AssessmentRecord.Layout layout(List<String> header) {
    if (header == null || Csv.blank(header)) {
      throw ProblemException.invalid("body", "the CSV file is empty");
    }
    List<String> missing = AssessmentRecord.Layout.missing(header);
    if (!missing.isEmpty()) {
      throw ProblemException.invalid(
          "header",
          "missing columns "
              + missing
              + "; expected "
              + AssessmentRecord.REQUIRED_COLUMNS
              + " and optionally "
              + AssessmentRecord.OPTIONAL_COLUMNS);
    }
    return AssessmentRecord.Layout.of(header);
  }

  /** Checks every record; while none is refused, COPY lines gather and are sent per chunk. */
  private static void copyRecords(
      Csv csv,
      AssessmentRecord.Layout layout,
      Set<String> units,
      Tally tally,
      CopyIn copy,
      Long batchId)
      throws IOException, SQLException {
    StringBuilder chunk = new StringBuilder(COPY_CHUNK + 1024);
    List<ImportConflict> errors = new ArrayList<>();
    long row = 0;
    List<String> cells;
    while ((cells = csv.next()) != null) {
      if (Csv.blank(cells)) {
        continue;
      }
      row++;
      errors.clear();
      AssessmentRecord r = AssessmentRecord.read(cells, layout, units, row, errors);
      if (r == null) {
        tally.refused++;
        errors.stream()
            .limit(Math.max(0, MAX_REPORTED_CONFLICTS - tally.conflicts.size()))
            .forEach(tally.conflicts::add);
        chunk.setLength(0); // nothing more will be sent; records are still checked to report
        continue;
      }
      tally.valid++;
      tally.years.add(r.year());
      if (copy != null && tally.refused == 0) {
        r.appendCopyLine(chunk, batchId);
        if (chunk.length() >= COPY_CHUNK) {
          send(copy, chunk);
        }
      }
    }
    if (copy != null && tally.refused == 0 && chunk.length() > 0) {
      send(copy, chunk);
    }
  }

  private static void send(CopyIn copy, StringBuilder chunk) throws SQLException {
    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    chunk.setLength(0);
  }
}
