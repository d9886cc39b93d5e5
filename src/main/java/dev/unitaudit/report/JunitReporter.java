package dev.unitaudit.report;

import dev.unitaudit.result.Severity;
import dev.unitaudit.rules.Rule;
import dev.unitaudit.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format junit}: JUnit XML for GitLab, Jenkins and the GitHub test reporters.
 *
 * <p>One {@code testsuite} per unit, one {@code testcase} per applicable rule (the unit's {@code
 * rulesChecked}, plus any rule that has a finding without being listed there), so CI shows "N of M
 * checks pass":
 *
 * <ul>
 *   <li>a rule with a finding that counts is a {@code failure} (type = the highest severity,
 *       message = the first finding's message, body = every finding of the rule with file:line and
 *       fix);
 *   <li>a rule whose findings are all suppressed is {@code skipped}, with the reason;
 *   <li>any other rule passes (an empty testcase).
 * </ul>
 *
 * <p>Units that could not be audited: a {@code not-found} or {@code bad-setting} unit gets one
 * {@code error} testcase per entry of {@code errors[]} that names it (at least one), type = its
 * status; a {@code masked} unit gets a single skipped testcase named {@code masked}, since systemd
 * will never start it. Errors of a loaded unit (a bad suppression, a bad policy) are error
 * testcases in its suite too. Errors that name no unit of the report go to a last suite named
 * {@code unitaudit}.
 *
 * <p>Only what the strict Ant JUnit schema (windyroad JUnit.xsd) declares is written, plus the
 * {@code skipped} element and count that Ant, Surefire, Jenkins and GitLab read: no {@code
 * file}/{@code line} attributes (the location is in the failure body), no attributes on {@code
 * testsuites}. {@code timestamp}, {@code hostname} and {@code time} are fixed, so the bytes depend
 * on the report alone. The document is valid XML 1.0 whatever the unit files contain: control
 * characters become visible escapes ({@link TextSafety}), characters XML 1.0 forbids are dropped,
 * markup characters are escaped, and no CDATA section is used.
 */
public final class JunitReporter implements Reporter {

  /** Suite name for errors that belong to no unit; unit names always carry a type suffix. */
  static final String TOOL_SUITE = "unitaudit";

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public String render(AuditReport report, RuleCatalog catalog, RenderOptions options) {
    Map<String, List<AuditReport.ErrorEntry>> errorsByUnit = new LinkedHashMap<>();
    List<AuditReport.ErrorEntry> toolErrors = new ArrayList<>();
    for (AuditReport.UnitEntry u : report.units()) {
      errorsByUnit.put(u.unit(), new ArrayList<>());
    }
    for (AuditReport.ErrorEntry e : report.errors()) {
      List<AuditReport.ErrorEntry> l = e.unit() == null ? null : errorsByUnit.get(e.unit());
      (l == null ? toolErrors : l).add(e);
    }
    StringBuilder sb =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    int id = 0;
    for (AuditReport.UnitEntry u : report.units()) {
      suite(sb, id++, u.unit(), cases(u, errorsByUnit.get(u.unit()), catalog), properties(u));
    }
    if (!toolErrors.isEmpty()) {
      suite(sb, id, TOOL_SUITE, errorCases(TOOL_SUITE, "error", toolErrors), List.of());
    }
    return sb.append("</testsuites>\n").toString();
  }

  /** One testcase: its name and at most one outcome element (null when it passes). */
  private record Case(
      String classname, String name, String outcome, String type, String message, String body) {}

  private static List<Case> cases(
      AuditReport.UnitEntry u, List<AuditReport.ErrorEntry> errors, RuleCatalog catalog) {
    List<Case> cases = new ArrayList<>();
    if (u.status().equals("masked")) {
      cases.add(
          new Case(
              u.unit(),
              "masked",
              "skipped",
              null,
              "unit is masked: systemd will not start it, so it is not audited",
              null));
    }
    Map<String, List<AuditReport.FindingEntry>> byRule = new LinkedHashMap<>();
    for (String r : u.rulesChecked()) {
      byRule.put(r, new ArrayList<>());
    }
    for (AuditReport.FindingEntry f : u.findings()) {
      byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<AuditReport.FindingEntry>> e : byRule.entrySet()) {
      cases.add(ruleCase(u.unit(), e.getKey(), e.getValue(), catalog));
    }
    boolean unaudited = u.status().equals("not-found") || u.status().equals("bad-setting");
    if (unaudited && errors.isEmpty()) {
      errors = List.of(new AuditReport.ErrorEntry(u.unit(), null, null, "unit is " + u.status()));
    }
    if (!u.status().equals("masked")) { // a masked unit's "is masked" entry is its skipped testcase
      cases.addAll(errorCases(u.unit(), unaudited ? u.status() : "error", errors));
    }
    return cases;
  }

  private static Case ruleCase(
      String unit, String rule, List<AuditReport.FindingEntry> findings, RuleCatalog catalog) {
    String title = catalog == null ? null : catalog.find(rule).map(Rule::title).orElse(null);
    if (title == null && !findings.isEmpty()) {
      title = findings.get(0).title();
    }
    String name = title == null || title.isEmpty() ? rule : rule + " " + title;
    List<AuditReport.FindingEntry> counting =
        findings.stream().filter(f -> f.suppressed() == null).toList();
    if (findings.isEmpty()) {
      return new Case(unit, name, null, null, null, null);
    }
    StringBuilder body = new StringBuilder();
    for (AuditReport.FindingEntry f : findings) {
      String where = Locations.where(Locations.relative(f.file()), f.line());
      body.append(where.isEmpty() ? unit : where)
          .append(": ")
          .append(f.severity())
          .append(' ')
          .append(f.rule())
          .append(": ")
          .append(f.message())
          .append('\n');
      if (f.suppressed() != null) {
        body.append("suppressed (")
            .append(f.suppressed().by())
            .append("): ")
            .append(reason(f.suppressed()))
            .append('\n');
      }
      if (f.fix() != null && !f.fix().isEmpty()) {
        body.append("fix:\n");
        for (String line : f.fix().split("\n", -1)) {
          body.append("    ").append(line).append('\n');
        }
      }
    }
    if (counting.isEmpty()) {
      return new Case(
          unit,
          name,
          "skipped",
          null,
          "suppressed: " + reason(findings.get(0).suppressed()),
          body.toString());
    }
    Severity worst = Severity.INFO;
    for (AuditReport.FindingEntry f : counting) {
      Severity s = Severity.parse(f.severity());
      if (s != null && s.compareTo(worst) > 0) {
        worst = s;
      }
    }
    String message =
        counting.get(0).message()
            + (counting.size() > 1 ? " (and " + (counting.size() - 1) + " more)" : "");
    return new Case(unit, name, "failure", worst.word(), message, body.toString());
  }

  private static String reason(AuditReport.Suppressed s) {
    String r = s.reason() == null || s.reason().isEmpty() ? "no reason given" : s.reason();
    return s.until() == null ? r : r + " (until " + s.until() + ")";
  }

  private static List<Case> errorCases(
      String classname, String type, List<AuditReport.ErrorEntry> errors) {
    List<Case> cases = new ArrayList<>();
    int n = 0;
    for (AuditReport.ErrorEntry e : errors) {
      String where = Locations.where(Locations.relative(e.file()), e.line());
      String unit = e.unit() == null || e.unit().equals(classname) ? "" : e.unit() + ": ";
      String body = unit + (where.isEmpty() ? "" : where + ": ") + e.message() + "\n";
      cases.add(new Case(classname, "error " + ++n, "error", type, e.message(), body));
    }
    return cases;
  }

  private static List<String[]> properties(AuditReport.UnitEntry u) {
    List<String[]> p = new ArrayList<>();
    p.add(new String[] {"type", u.type()});
    p.add(new String[] {"status", u.status()});
    if (u.fragment() != null) {
      p.add(new String[] {"fragment", Locations.relative(u.fragment())});
    }
    if (u.exposure() != null) {
      p.add(new String[] {"exposure", u.exposure().toPlainString()});
    }
    if (u.rating() != null) {
      p.add(new String[] {"rating", u.rating()});
    }
    if (u.level() != null) {
      p.add(new String[] {"level", u.level().toString()});
    }
    return p;
  }

  private static void suite(
      StringBuilder sb, int id, String name, List<Case> cases, List<String[]> properties) {
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    for (Case c : cases) {
      if (c.outcome() == null) {
        continue;
      }
      switch (c.outcome()) {
        case "failure" -> failures++;
        case "error" -> errors++;
        default -> skipped++;
      }
    }
    sb.append("  <testsuite name=\"")
        .append(attr(name))
        .append("\" id=\"")
        .append(id)
        .append("\" package=\"unitaudit\" tests=\"")
        .append(cases.size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"")
        .append(errors)
        .append("\" skipped=\"")
        .append(skipped)
        .append("\" time=\"0\" timestamp=\"1970-01-01T00:00:00\" hostname=\"localhost\">\n");
    if (properties.isEmpty()) {
      sb.append("    <properties/>\n");
    } else {
      sb.append("    <properties>\n");
      for (String[] p : properties) {
        sb.append("      <property name=\"")
            .append(attr(p[0]))
            .append("\" value=\"")
            .append(attr(p[1]))
            .append("\"/>\n");
      }
      sb.append("    </properties>\n");
    }
    for (Case c : cases) {
      sb.append("    <testcase classname=\"")
          .append(attr(c.classname()))
          .append("\" name=\"")
          .append(attr(c.name()))
          .append("\" time=\"0\"");
      if (c.outcome() == null) {
        sb.append("/>\n");
        continue;
      }
      sb.append(">\n      <").append(c.outcome());
      if (c.type() != null) {
        sb.append(" type=\"").append(attr(c.type())).append('"');
      }
      sb.append(" message=\"").append(attr(c.message())).append('"');
      if (c.body() == null) {
        sb.append("/>\n");
      } else {
        sb.append('>').append(text(c.body())).append("</").append(c.outcome()).append(">\n");
      }
      sb.append("    </testcase>\n");
    }
    sb.append("    <system-out/>\n    <system-err/>\n  </testsuite>\n");
  }

  /**
   * Attribute value: one line; line feeds and tabs as character references so parsers keep them.
   */
  static String attr(String s) {
    return escape(TextSafety.cleanLines(s), true);
  }

  /** Element text: line feeds kept. */
  static String text(String s) {
    return escape(TextSafety.cleanLines(s), false);
  }

  private static String escape(String s, boolean attribute) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        case '\r' -> out.append("&#13;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (allowed(c)) {
            out.append(c);
          }
          // anything else (a lone surrogate, U+FFFE, U+FFFF, a control TextSafety left) is not XML
          // 1.0
        }
      }
    }
    return out.toString();
  }

  /** XML 1.0 Char production for one BMP char outside the cases escaped above. */
  private static boolean allowed(char c) {
    return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
  }
}
