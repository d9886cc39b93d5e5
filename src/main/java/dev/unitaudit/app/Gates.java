package dev.unitaudit.app;

import dev.unitaudit.report.AuditReport;
import dev.unitaudit.result.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

  /**
   * What the gates say about a report.
   *
   * @param failures one reason per failure, unit by unit, each starting with its gate's option (the
   *     baseline gate says how many findings the baseline lacks)
   * @param held the gates given that no unit failed, as options ("--threshold 50")
   */
  public record Outcome(List<String> failures, List<String> held) {}

  public List<String> failures(AuditReport report) {
    return check(report).failures();
  }

  public Outcome check(AuditReport report) {
    String failOnGate = failOn == null ? null : "--fail-on " + failOn.word();
    String thresholdGate = threshold == null ? null : "--threshold " + threshold;
    String levelGate = requireLevel == null ? null : "--require-level " + requireLevel;
    String baselineGate = failOn != null || baseline == null ? null : "--baseline " + baseline;
    List<String> out = new ArrayList<>();
    Set<String> failed = new LinkedHashSet<>();
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
        out.add(
            fresh
                + (fresh == 1 ? " finding" : " findings")
                + " not in "
                + baseline
                + " ("
                + String.join(", ", where)
                + ")");
        failed.add(baselineGate);
      }
    }
    for (AuditReport.UnitEntry u : report.units()) {
      if (failOn != null) {
        for (AuditReport.FindingEntry f : u.findings()) {
          if (f.suppressed() == null && Severity.parse(f.severity()).compareTo(failOn) >= 0) {
            out.add(
                failOnGate
                    + ": "
                    + u.unit()
                    + " has "
                    + f.severity()
                    + " finding "
                    + f.rule()
                    + (f.file() == null
                        ? ""
                        : " at " + f.file() + (f.line() == null ? "" : ":" + f.line())));
            failed.add(failOnGate);
          }
        }
      }
      if (threshold != null
          && u.exposure() != null
          && u.exposure().movePointRight(1).intValueExact() > threshold) {
        out.add(
            thresholdGate
                + ": "
                + u.unit()
                + " has exposure "
                + u.exposure().toPlainString()
                + " (above "
                + threshold / 10
                + "."
                + threshold % 10
                + ")");
        failed.add(thresholdGate);
      }
      if (threshold != null
          && u.exposure() == null
          && u.type().equals("service")
          && u.status().equals("loaded")) {
        // fail closed: a service the policy made unscorable (see errors[]) is not below any
        // threshold
        out.add(thresholdGate + ": " + u.unit() + " has no exposure (it could not be computed)");
        failed.add(thresholdGate);
      }
      if (requireLevel != null && u.level() != null && u.level() < requireLevel) {
        out.add(levelGate + ": " + u.unit() + " meets level " + u.level());
        failed.add(levelGate);
      }
    }
    List<String> held = new ArrayList<>();
    for (String gate : new String[] {failOnGate, thresholdGate, levelGate, baselineGate}) {
      if (gate != null && !failed.contains(gate)) {
        held.add(gate);
      }
    }
    return new Outcome(List.copyOf(out), List.copyOf(held));
  }
}
