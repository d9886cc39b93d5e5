package dev.unitaudit.report;

import dev.unitaudit.result.Severity;
import dev.unitaudit.rules.RuleCatalog;

/**
 * {@code --format prometheus}: the Prometheus text exposition format, for node_exporter's textfile
 * collector. Every family has its {@code # HELP} and {@code # TYPE} lines and its samples together;
 * units are in report order, severities from critical to info, so the bytes are stable. Suppressed
 * findings are not counted. Label values escape backslash, double quote and line feed as the format
 * requires; other control characters are made visible first ({@link TextSafety}).
 *
 * <p>All families are gauges: a later audit can report fewer findings or units, so none is a
 * counter, and no name ends in {@code _total} (promtool's linter rejects that suffix on gauges).
 *
 * <p>{@code unitaudit_audit_timestamp_seconds} is when the report was rendered, in Unix seconds
 * (the textfile collector takes no sample timestamps, so time is a gauge, and an alert can say "no
 * audit for a day"). With the environment variable {@code SOURCE_DATE_EPOCH} set to a non-negative
 * integer (the reproducible-builds convention) that value is used instead, so the output is
 * byte-for-byte reproducible; a malformed value is ignored. Nothing else in the output depends on
 * time.
 */
public final class PrometheusReporter implements Reporter {

  /** The reproducible-builds variable that fixes the timestamp metric. */
  public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  private static final Severity[] SEVERITIES = {
    Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO
  };

  private final java.util.function.LongSupplier epochSeconds;

  /** The timestamp from {@code SOURCE_DATE_EPOCH} when set, else the clock at render time. */
  public PrometheusReporter() {
    this(PrometheusReporter::now);
  }

  /** A fixed timestamp (tests, reproducible examples). */
  public PrometheusReporter(long epochSeconds) {
    this(() -> epochSeconds);
  }

  private PrometheusReporter(java.util.function.LongSupplier epochSeconds) {
    this.epochSeconds = epochSeconds;
  }

  static long now() {
    Long fixed = sourceDateEpoch(System.getenv(SOURCE_DATE_EPOCH));
    return fixed != null ? fixed : System.currentTimeMillis() / 1000;
  }

  /** SOURCE_DATE_EPOCH's value when it is a non-negative decimal integer, else null. */
  static Long sourceDateEpoch(String v) {
    if (v == null || !v.matches("[0-9]{1,18}")) {
      return null;
    }
    return Long.parseLong(v);
  }

  @Override
  public String format() {
    return "prometheus";
  }

  @Override
  public String render(AuditReport report, RuleCatalog catalog, RenderOptions options) {
    StringBuilder sb = new StringBuilder();
    family(sb, "unitaudit_unit_info", "Audited unit, its type and load status (always 1).");
    for (AuditReport.UnitEntry u : report.units()) {
      sb.append("unitaudit_unit_info{unit=\"")
          .append(label(u.unit()))
          .append("\",type=\"")
          .append(label(u.type()))
          .append("\",status=\"")
          .append(label(u.status()))
          .append("\"} 1\n");
    }
    family(
        sb,
        "unitaudit_exposure",
        "systemd-analyze security overall exposure of the unit, 0.0 (best) to 10.0; only for scored"
            + " units.");
    for (AuditReport.UnitEntry u : report.units()) {
      if (u.exposure() != null) {
        sb.append("unitaudit_exposure{unit=\"")
            .append(label(u.unit()))
            .append("\"} ")
            .append(u.exposure().toPlainString())
            .append('\n');
      }
    }
    family(sb, "unitaudit_level", "Highest hardening level (0-3) the service fully meets.");
    for (AuditReport.UnitEntry u : report.units()) {
      if (u.level() != null) {
        sb.append("unitaudit_level{unit=\"")
            .append(label(u.unit()))
            .append("\"} ")
            .append(u.level())
            .append('\n');
      }
    }
    family(sb, "unitaudit_findings", "Findings that count (not suppressed), by unit and severity.");
    for (AuditReport.UnitEntry u : report.units()) {
      int[] n = new int[SEVERITIES.length];
      for (AuditReport.FindingEntry f : u.findings()) {
        if (f.suppressed() != null) {
          continue;
        }
        for (int i = 0; i < SEVERITIES.length; i++) {
          if (SEVERITIES[i].word().equals(f.severity())) {
            n[i]++;
          }
        }
      }
      for (int i = 0; i < SEVERITIES.length; i++) {
        sb.append("unitaudit_findings{unit=\"")
            .append(label(u.unit()))
            .append("\",severity=\"")
            .append(SEVERITIES[i].word())
            .append("\"} ")
            .append(n[i])
            .append('\n');
      }
    }
    family(sb, "unitaudit_units", "Units in the report.");
    sb.append("unitaudit_units ").append(report.units().size()).append('\n');
    family(
        sb,
        "unitaudit_errors",
        "Errors in the report: units that could not be audited, unreadable files.");
    sb.append("unitaudit_errors ").append(report.errors().size()).append('\n');
    family(
        sb,
        "unitaudit_audit_timestamp_seconds",
        "When the audit was reported, Unix time in seconds (SOURCE_DATE_EPOCH when set, for"
            + " reproducible output).");
    sb.append("unitaudit_audit_timestamp_seconds ").append(epochSeconds.getAsLong()).append('\n');
    return sb.toString();
  }

  private static void family(StringBuilder sb, String name, String help) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" gauge\n");
  }

  /** A label value: backslash, double quote and line feed escaped. */
  static String label(String s) {
    return TextSafety.cleanLines(s)
        .replace("\\", "\\\\")
        .replace("\"", "\\\"")
        .replace("\n", "\\n");
  }
}
