package dev.unitaudit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitaudit.rules.RuleCatalog;

/**
 * {@code --format codequality}: GitLab's Code Quality report, the subset of the Code Climate issue
 * format that GitLab reads (its "Implement a custom tool" documentation; the fields are pinned by
 * reports/codequality.schema.json). GitLab shows it in the merge request widget and diff.
 *
 * <p>One issue per finding that counts, in report order: {@code description} ({@code unit:
 * message}), {@code check_name} (the rule id), {@code fingerprint} (the SARIF reporter's, so an
 * issue keeps its identity when lines move, and the two formats agree), {@code severity} and {@code
 * location.path} with {@code location.lines.begin}. Suppressed findings are accepted, so they are
 * left out, as in the GitHub annotations; the format has no place for audit errors, which go to
 * stderr and the JSON report as with every machine format.
 */
public final class CodeQualityReporter implements Reporter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public String format() {
    return "codequality";
  }

  @Override
  public String render(AuditReport report, RuleCatalog catalog, RenderOptions options) {
    ArrayNode issues = NODES.arrayNode();
    for (AuditReport.UnitEntry u : report.units()) {
      for (AuditReport.FindingEntry f : u.findings()) {
        if (f.suppressed() == null) {
          issues.add(issue(u, f));
        }
      }
    }
    return Json.write(issues);
  }

  private static ObjectNode issue(AuditReport.UnitEntry u, AuditReport.FindingEntry f) {
    ObjectNode o = NODES.objectNode();
    o.put("description", TextSafety.cleanLines(u.unit() + ": " + f.message()));
    o.put("check_name", f.rule());
    o.put("fingerprint", Fingerprint.of(u.unit(), f));
    o.put("severity", severity(f.severity()));
    ObjectNode location = o.putObject("location");
    location.put("path", path(u, f));
    // GitLab needs a line; a finding about a whole file points at its first line
    location.putObject("lines").put("begin", f.line() != null && f.line() >= 1 ? f.line() : 1);
    return o;
  }

  /**
   * The finding's file relative to the audited root, else its unit's fragment; a finding with
   * neither (none is made today) is placed at the unit's name, so it is shown rather than dropped.
   */
  private static String path(AuditReport.UnitEntry u, AuditReport.FindingEntry f) {
    String rel = Locations.relative(f.file() != null ? f.file() : u.fragment());
    return TextSafety.cleanLines(rel != null ? rel : u.unit());
  }

  /** GitLab's five levels: info, minor, major, critical, blocker; ours shifted by one. */
  static String severity(String severity) {
    return switch (severity == null ? "" : severity) {
      case "critical" -> "blocker";
      case "high" -> "critical";
      case "medium" -> "major";
      case "low" -> "minor";
      default -> "info";
    };
  }
}
