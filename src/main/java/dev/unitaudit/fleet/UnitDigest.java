package dev.unitaudit.fleet;

import java.util.List;
import java.util.Map;

/**
 * What the summary keeps of one unit of one report: its figures, not its 81 checks or finding
 * texts, so a fleet of reports is never held in memory.
 *
 * @param exposureTenths systemd's exposure times ten (exact: it has one decimal), or -1 when the
 *     unit is not scored
 * @param findings unsuppressed findings by severity: critical, high, medium, low, info
 * @param fired the rules with an unsuppressed finding, each once
 * @param settings the effective settings ({@code Section/Key} to the values joined by newlines), or
 *     null when the report was written without --include-settings
 */
record UnitDigest(
    String unit,
    String type,
    String status,
    int exposureTenths,
    Integer level,
    int[] findings,
    int suppressed,
    List<FiredRule> fired,
    List<String> dropins,
    Map<String, String> settings) {

  int findingCount() {
    int n = 0;
    for (int f : findings) {
      n += f;
    }
    return n;
  }

  /** A rule that fired on the unit, with the title and severity the report gave it. */
  record FiredRule(String rule, String title, String severity, int count) {}
}
