package dev.unitaudit.app;

import dev.unitaudit.report.AuditReport;
import dev.unitaudit.result.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --min-severity}: the report without the findings below a severity, for every format alike.
 * It is applied after the gates are decided, so hiding findings never lets a gate pass. A rule
 * whose only findings on a unit were hidden leaves that unit's rulesChecked too, so that JUnit does
 * not count as passed a rule that failed unseen.
 */
public final class SeverityFilter {

  private SeverityFilter() {}

  public static AuditReport atLeast(AuditReport report, Severity min) {
    if (min == null || min == Severity.INFO) {
      return report;
    }
    List<AuditReport.UnitEntry> units = new ArrayList<>(report.units().size());
    for (AuditReport.UnitEntry u : report.units()) {
      List<AuditReport.FindingEntry> kept = new ArrayList<>();
      Set<String> hidden = new HashSet<>();
      for (AuditReport.FindingEntry f : u.findings()) {
        Severity s = Severity.parse(f.severity());
        if (s == null || s.compareTo(min) >= 0) {
          kept.add(f);
        } else {
          hidden.add(f.rule());
        }
      }
      if (hidden.isEmpty()) {
        units.add(u);
        continue;
      }
      kept.forEach(f -> hidden.remove(f.rule()));
      List<String> checked = u.rulesChecked().stream().filter(r -> !hidden.contains(r)).toList();
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
              List.copyOf(kept),
              checked,
              u.settings()));
    }
    return new AuditReport(
        report.schemaVersion(),
        report.tool(),
        List.copyOf(units),
        report.errors(),
        report.config(),
        report.suppressions());
  }
}
