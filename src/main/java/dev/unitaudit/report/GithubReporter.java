package dev.unitaudit.report;

import dev.unitaudit.rules.RuleCatalog;

/**
 * {@code --format github}: GitHub Actions workflow commands, one annotation per finding that counts
 * ({@code ::error}/{@code ::warning}/{@code ::notice file=…,line=…,title=…::message}), one {@code
 * ::error} per audit error, and a closing {@code ::notice} with the totals. Suppressed findings are
 * accepted, so they are not annotated. Critical and high findings are errors, medium warnings, low
 * and info notices. Files are relative to the repository root.
 *
 * <p>Escaping follows the runner's rules: in the message {@code %}, CR and LF become {@code %25},
 * {@code %0D}, {@code %0A}; property values also escape {@code :} and {@code ,}. Control characters
 * are made visible first ({@link TextSafety}), so nothing from a unit file can start a new command
 * or colour the log.
 */
public final class GithubReporter implements Reporter {

  @Override
  public String format() {
    return "github";
  }

  @Override
  public String render(AuditReport report, RuleCatalog catalog, RenderOptions options) {
    StringBuilder sb = new StringBuilder();
    int findings = 0;
    for (AuditReport.UnitEntry u : report.units()) {
      for (AuditReport.FindingEntry f : u.findings()) {
        if (f.suppressed() != null) {
          continue;
        }
        findings++;
        command(
            sb,
            command(f.severity()),
            f.file(),
            f.line(),
            f.rule() + (f.title() == null || f.title().isEmpty() ? "" : " " + f.title()),
            u.unit() + ": " + f.message());
      }
    }
    java.util.Set<String> masked = MaskedUnits.of(report);
    for (AuditReport.ErrorEntry e : report.errors()) {
      // a masked unit was switched off on purpose: worth a note, not a red annotation
      command(
          sb,
          masked.contains(e.unit()) ? "notice" : "error",
          e.file(),
          e.line(),
          "unitaudit error",
          (e.unit() == null ? "" : e.unit() + ": ") + e.message());
    }
    sb.append("::notice title=unitaudit::")
        .append(count(report.units().size(), "unit"))
        .append(" audited, ")
        .append(count(findings, "finding"))
        .append(", ")
        .append(count(report.errors().size(), "error"))
        .append('\n');
    return sb.toString();
  }

  private static void command(
      StringBuilder sb, String command, String file, Integer line, String title, String message) {
    sb.append("::").append(command).append(' ');
    String rel = Locations.relative(file);
    if (rel != null) {
      sb.append("file=").append(property(rel)).append(',');
      if (line != null && line >= 1) {
        sb.append("line=").append(line).append(',');
      }
    }
    sb.append("title=").append(property(title)).append("::").append(data(message)).append('\n');
  }

  private static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** critical/high → error, medium → warning, low/info → notice. */
  static String command(String severity) {
    return switch (severity == null ? "" : severity) {
      case "critical", "high" -> "error";
      case "medium" -> "warning";
      default -> "notice";
    };
  }

  /** A message: % CR LF escaped. */
  static String data(String s) {
    return TextSafety.cleanLines(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: as {@link #data}, and : and , too. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
