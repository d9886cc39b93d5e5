package dev.unitaudit.report;

import dev.unitaudit.rules.RuleCatalog;

/**
 * {@code --format markdown}: GitHub-flavoured Markdown for pull-request comments and job summaries
 * ({@code $GITHUB_STEP_SUMMARY}). A summary table of the units, then, for each unit with findings,
 * a table of its findings with severity, rule, title, message, file:line and fix; then the errors.
 *
 * <p>Text from unit files cannot break out of its cell or inject markup: control characters become
 * visible escapes ({@link TextSafety}), {@code |}, backslash, backticks and the emphasis, link and
 * strikethrough characters are backslash-escaped, {@code & < >} become entities, and line feeds
 * become {@code <br>}, tabs spaces. Code-looking values are wrapped in {@code <code>} rather than
 * backticks, since a backtick code span cannot escape a backtick inside it.
 */
public final class MarkdownReporter implements Reporter {

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public String render(AuditReport report, RuleCatalog catalog, RenderOptions options) {
    int findings = 0;
    int suppressed = 0;
    for (AuditReport.UnitEntry u : report.units()) {
      for (AuditReport.FindingEntry f : u.findings()) {
        if (f.suppressed() == null) {
          findings++;
        } else {
          suppressed++;
        }
      }
    }
    StringBuilder sb = new StringBuilder("## unitaudit\n\n");
    sb.append(count(report.units().size(), "unit")).append(", ").append(count(findings, "finding"));
    if (suppressed > 0) {
      sb.append(" (").append(suppressed).append(" suppressed)");
    }
    sb.append(", ").append(count(report.errors().size(), "error")).append(".\n");
    if (!report.units().isEmpty()) {
      sb.append("\n| unit | status | exposure | rating | level | findings |\n");
      sb.append("| --- | --- | ---: | --- | ---: | ---: |\n");
      for (AuditReport.UnitEntry u : report.units()) {
        long counting = u.findings().stream().filter(f -> f.suppressed() == null).count();
        long accepted = u.findings().size() - counting;
        sb.append("| ")
            .append(cell(u.unit()))
            .append(" | ")
            .append(cell(u.status()))
            .append(" | ")
            .append(u.exposure() == null ? "-" : u.exposure().toPlainString())
            .append(" | ")
            .append(u.rating() == null ? "-" : cell(u.rating()))
            .append(" | ")
            .append(u.level() == null ? "-" : u.level().toString())
            .append(" | ")
            .append(counting)
            .append(accepted > 0 ? " (" + accepted + " suppressed)" : "")
            .append(" |\n");
      }
    }
    for (AuditReport.UnitEntry u : report.units()) {
      if (u.findings().isEmpty()) {
        continue;
      }
      sb.append("\n### ").append(inline(u.unit())).append("\n\n");
      sb.append("| severity | rule | title | message | location | fix |\n");
      sb.append("| --- | --- | --- | --- | --- | --- |\n");
      for (AuditReport.FindingEntry f : u.findings()) {
        String message = f.message();
        if (f.suppressed() != null) {
          AuditReport.Suppressed s = f.suppressed();
          message +=
              "\nsuppressed ("
                  + s.by()
                  + "): "
                  + (s.reason() == null ? "" : s.reason())
                  + (s.until() == null ? "" : " (until " + s.until() + ")");
        }
        sb.append("| ")
            .append(cell(f.severity()))
            .append(f.suppressed() != null ? " (suppressed)" : "")
            .append(" | ")
            .append(cell(f.rule()))
            .append(" | ")
            .append(cell(f.title()))
            .append(" | ")
            .append(cell(message))
            .append(" | ")
            .append(code(Locations.where(Locations.relative(f.file()), f.line())))
            .append(" | ")
            .append(code(f.fix()))
            .append(" |\n");
      }
    }
    if (!report.errors().isEmpty()) {
      sb.append("\n### Errors\n\n| unit | location | message |\n| --- | --- | --- |\n");
      for (AuditReport.ErrorEntry e : report.errors()) {
        sb.append("| ")
            .append(cell(e.unit()))
            .append(" | ")
            .append(code(Locations.where(Locations.relative(e.file()), e.line())))
            .append(" | ")
            .append(cell(e.message()))
            .append(" |\n");
      }
    }
    return sb.toString();
  }

  private static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** A table cell: {@link #inline} with line feeds as {@code <br>}. */
  public static String cell(String s) {
    return inline(s).replace("\n", "<br>");
  }

  /** Each line as {@code <code>…</code>}, lines joined by {@code <br>}; "" for nothing. */
  static String code(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String line : inline(s).split("\n", -1)) {
      if (sb.length() > 0) {
        sb.append("<br>");
      }
      sb.append("<code>").append(line).append("</code>");
    }
    return sb.toString();
  }

  /** Inline Markdown text that renders as the literal string; line feeds are kept. */
  static String inline(String s) {
    String clean = TextSafety.cleanLines(s);
    StringBuilder out = new StringBuilder(clean.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').append(c);
        case '#', '+', '-', '=' -> out.append(lineStart ? "\\" : "").append(c);
        case '\t' -> out.append(' ');
        default -> out.append(c);
      }
      lineStart = c == '\n';
    }
    return out.toString();
  }

  /** A code fence longer than any run of backticks in the text. */
  static String fence(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
