package dev.unitaudit.result;

import java.util.List;

/**
 * One rule violated by one unit.
 *
 * @param line 0 when the finding is about a whole file
 * @param fix the lines of the fix for this finding (rules/README.md, "Fix kinds")
 * @param fixKind how the fix lines are applied
 * @param suppressed null, or how the finding was accepted
 */
public record Finding(
    String unit,
    String rule,
    String title,
    Severity severity,
    Integer level,
    String message,
    String file,
    int line,
    List<String> fix,
    FixKind fixKind,
    Suppression suppressed) {

  /** Why a finding does not count against the gates. */
  public record Suppression(String by, String reason, String until) {}

  public Finding withSuppression(Suppression s) {
    return new Finding(unit, rule, title, severity, level, message, file, line, fix, fixKind, s);
  }

  /** The same finding at another severity (a config override). */
  public Finding withSeverity(Severity s) {
    return new Finding(unit, rule, title, s, level, message, file, line, fix, fixKind, suppressed);
  }
}
