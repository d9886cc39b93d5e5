package dev.unitaudit.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the text report's overview and totals read off one unit entry: counts and the reason it has
 * no score.
 */
final class UnitFacts {

  /** The severities, worst first, as the overview's columns and the totals list them. */
  static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");

  /** systemd's ratings, worst first. */
  static final List<String> RATINGS =
      List.of("DANGEROUS", "UNSAFE", "EXPOSED", "MEDIUM", "OK", "SAFE", "PERFECT");

  private UnitFacts() {}

  /**
   * Why a unit has no exposure: its status when it was not loaded (masked, not-found, bad-setting),
   * its type when it is not a service (only services are scored), "error" for a service the
   * security policy left unscored (the reason is in errors[]); null when scored.
   */
  static String unscored(AuditReport.UnitEntry u) {
    if (u.exposure() != null) {
      return null;
    }
    if (!u.status().equals("loaded")) {
      return u.status();
    }
    return u.type().equals("service") ? "error" : u.type();
  }

  /** Whether the rules ran on the unit at all: not for a unit that is masked or was not found. */
  static boolean checked(AuditReport.UnitEntry u) {
    return u.status().equals("loaded") || u.status().equals("bad-setting");
  }

  /** Open (not accepted) findings by severity word, every severity present, worst first. */
  static Map<String, Integer> open(AuditReport.UnitEntry u) {
    Map<String, Integer> n = new LinkedHashMap<>();
    SEVERITIES.forEach(s -> n.put(s, 0));
    for (AuditReport.FindingEntry f : u.findings()) {
      if (f.suppressed() == null) {
        n.merge(f.severity(), 1, Integer::sum);
      }
    }
    return n;
  }

  /** Accepted findings by who accepted them (inline, config, baseline), in the order they occur. */
  static Map<String, Integer> accepted(AuditReport.UnitEntry u) {
    Map<String, Integer> n = new LinkedHashMap<>();
    for (AuditReport.FindingEntry f : u.findings()) {
      if (f.suppressed() != null) {
        n.merge(f.suppressed().by(), 1, Integer::sum);
      }
    }
    return n;
  }
}
