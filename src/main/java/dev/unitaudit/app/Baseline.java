package dev.unitaudit.app;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.report.Fingerprint;
import dev.unitaudit.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepted findings. An entry is keyed by unit, rule and a fingerprint of the file and message (not
 * the line), so moving a line does not make an accepted finding new again.
 */
@JsonPropertyOrder({"schemaVersion", "findings"})
public record Baseline(int schemaVersion, List<Entry> findings) {

  /** One accepted finding. */
  @JsonPropertyOrder({"unit", "rule", "fingerprint", "file", "message"})
  public record Entry(String unit, String rule, String fingerprint, String file, String message) {}

  public static Baseline of(AuditReport report) {
    List<Entry> out = new ArrayList<>();
    for (AuditReport.UnitEntry u : report.units()) {
      for (AuditReport.FindingEntry f : u.findings()) {
        if (f.suppressed() == null) {
          out.add(new Entry(u.unit(), f.rule(), fingerprint(u.unit(), f), f.file(), f.message()));
        }
      }
    }
    return new Baseline(1, out);
  }

  /** The finding's identity (report/Fingerprint, shared with SARIF and diff). */
  public static String fingerprint(String unit, AuditReport.FindingEntry f) {
    return Fingerprint.of(unit, f);
  }

  /**
   * The identity of an entry, recomputed from its own unit, rule, file and message: baselines
   * written before the fingerprint was shared (16 hex digits of another hash) keep matching.
   */
  private static String identity(Entry e) {
    return Fingerprint.of(e.unit(), e.rule(), e.file(), e.message());
  }

  public String toJson() {
    return Json.write(this);
  }

  public static Baseline read(Path file) throws UsageException {
    try {
      return new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(Files.readAllBytes(file), Baseline.class);
    } catch (IOException e) {
      throw new UsageException(file + ": not a unitaudit baseline: " + e.getMessage());
    }
  }

  public boolean contains(String unit, String rule, String fingerprint) {
    for (Entry e : findings) {
      if (e.unit().equals(unit) && e.rule().equals(rule) && identity(e).equals(fingerprint)) {
        return true;
      }
    }
    return false;
  }

  /** A report with the baseline applied, and the baseline entries that no longer occur. */
  public record Applied(AuditReport report, List<Entry> stale) {}

  /**
   * Marks every unsuppressed finding the baseline holds as suppressed {@code by: baseline}; what
   * stays unsuppressed is new. Entries matching nothing are returned as stale, so a baseline can be
   * pruned as findings get fixed.
   */
  public Applied apply(AuditReport report) {
    java.util.Set<Entry> used = new java.util.HashSet<>();
    List<AuditReport.UnitEntry> units = new ArrayList<>();
    for (AuditReport.UnitEntry u : report.units()) {
      List<AuditReport.FindingEntry> fs = new ArrayList<>();
      for (AuditReport.FindingEntry f : u.findings()) {
        Entry hit = null;
        if (f.suppressed() == null) {
          String fp = fingerprint(u.unit(), f);
          hit =
              findings.stream()
                  .filter(
                      e ->
                          e.unit().equals(u.unit())
                              && e.rule().equals(f.rule())
                              && identity(e).equals(fp))
                  .findFirst()
                  .orElse(null);
        }
        if (hit != null) {
          used.add(hit);
          fs.add(
              new AuditReport.FindingEntry(
                  f.rule(),
                  f.title(),
                  f.severity(),
                  f.level(),
                  f.message(),
                  f.file(),
                  f.line(),
                  f.fix(),
                  new AuditReport.Suppressed("baseline", "accepted in the baseline", null)));
        } else {
          fs.add(f);
        }
      }
      units.add(
          new AuditReport.UnitEntry(
              u.unit(),
              u.aliases(),
              u.type(),
              u.status(),
              u.description(),
              u.fragment(),
              u.dropins(),
              u.exposure(),
              u.rating(),
              u.level(),
              u.checks(),
              fs,
              u.rulesChecked(),
              u.settings()));
    }
    List<Entry> stale = findings.stream().filter(e -> !used.contains(e)).toList();
    return new Applied(
        new AuditReport(
            report.schemaVersion(),
            report.tool(),
            units,
            report.errors(),
            report.config(),
            report.suppressions()),
        stale);
  }
}
