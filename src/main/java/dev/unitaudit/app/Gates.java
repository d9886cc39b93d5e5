package dev.unitaudit.app;

import dev.unitaudit.report.AuditReport;
import dev.unitaudit.result.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The CI gates (DESIGN.md): --fail-on, --threshold, --require-level and --baseline. Each failed
 * gate gives one reason; the text report ends with them and the exit code is 1.
 *
 * @param threshold systemd's integer 0–100 in tenths, or null
 * @param baseline the --baseline file as named, or null; without --fail-on, any finding the
 *     baseline does not accept fails, and the failure names the baseline
 */
public record Gates(Severity failOn, Integer threshold, Integer requireLevel, String baseline) {

  public Gates(Severity failOn, Integer threshold, Integer requireLevel) {
    this(failOn, threshold, requireLevel, null);
  }

  public List<String> failures(AuditReport report) {
    List<String> out = new ArrayList<>();
    if (failOn == null && baseline != null) {
      int fresh = 0;
      List<String> where = new ArrayList<>();
      for (AuditReport.UnitEntry u : report.units()) {
        long n = u.findings().stream().filter(f -> f.suppressed() == null).count();
        if (n > 0) {
          fresh += (int) n;
          where.add(u.unit() + " " + n);
        }
      }
      if (fresh > 0) {
        out.add(fresh + (fresh == 1 ? " finding" : " findings") + " not in " + baseline + " ("
            + String.join(", ", where) + ")");
      }
    }
    for (AuditReport.UnitEntry u : report.units()) {
      if (failOn != null) {
        for (AuditReport.FindingEntry f : u.findings()) {
          if (f.suppressed() == null && Severity.parse(f.severity()).compareTo(failOn) >= 0) {
            out.add("--fail-on " + failOn.word() + ": " + u.unit() + " has " + f.severity() + " finding " + f.rule()
                + (f.file() == null ? "" : " at " + f.file() + (f.line() == null ? "" : ":" + f.line())));
          }
        }
      }
      if (threshold != null && u.exposure() != null
          && u.exposure().movePointRight(1).intValueExact() > threshold) {
        out.add("--threshold " + threshold + ": " + u.unit() + " has exposure " + u.exposure().toPlainString()
            + " (above " + threshold / 10 + "." + threshold % 10 + ")");
      }
      if (threshold != null && u.exposure() == null && u.type().equals("service") && u.status().equals("loaded")) {
        // fail closed: a service the policy made unscorable (see errors[]) is not below any threshold
        out.add("--threshold " + threshold + ": " + u.unit() + " has no exposure (it could not be computed)");
      }
      if (requireLevel != null && u.level() != null && u.level() < requireLevel) {
        out.add("--require-level " + requireLevel + ": " + u.unit() + " meets level " + u.level());
      }
    }
    return out;
  }
}
