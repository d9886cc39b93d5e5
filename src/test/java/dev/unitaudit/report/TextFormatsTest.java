package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The line formats (GitHub workflow commands, Markdown, Prometheus) stay inside their grammar
 * whatever the report holds: hostile text cannot add a command, a table cell or a sample.
 */
class TextFormatsTest {

  private static final List<AuditReport> ALL =
      List.of(SampleReports.typical(), SampleReports.hostile(), SampleReports.empty());

  private static String render(Reporter r, AuditReport report) {
    return r.render(report, SampleReports.catalog(), Reporter.RenderOptions.PLAIN);
  }

  private static void noRawControls(String out, String format) {
    for (char c : out.toCharArray()) {
      assertFalse(
          c < 0x20 && c != '\n' && c != '\t' || c == 0x7f,
          format + " carries control character " + (int) c);
    }
    assertTrue(out.isEmpty() || out.endsWith("\n"), format + " ends with a line feed");
  }

  // --- github ---

  private static final Pattern COMMAND = Pattern.compile("::(error|warning|notice) ([^:]*)::(.*)");

  private static String unescape(String s) {
    return s.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%");
  }

  @Test
  void githubCommandsOneLineEachWithEscapedProperties() {
    for (AuditReport report : ALL) {
      String out = render(new GithubReporter(), report);
      noRawControls(out, "github");
      String[] lines = out.split("\n");
      long counting =
          report.units().stream()
              .flatMap(u -> u.findings().stream())
              .filter(f -> f.suppressed() == null)
              .count();
      assertEquals(counting + report.errors().size() + 1, lines.length);
      for (String line : lines) {
        Matcher m = COMMAND.matcher(line);
        assertTrue(m.matches(), line);
        for (String prop : m.group(2).split(",")) {
          int eq = prop.indexOf('=');
          assertTrue(Set.of("file", "line", "title").contains(prop.substring(0, eq)), prop);
        }
      }
    }
  }

  @Test
  void githubEscapingFollowsTheRunnerRules() {
    assertEquals("50%25 a%0Ab: c, d", GithubReporter.data("50% a\nb: c, d"));
    assertEquals("50%25 a%0Ab%3A c%2C d", GithubReporter.property("50% a\nb: c, d"));
    assertEquals("\\x1b[31mx%0D", GithubReporter.data("\u001b[31mx\r").replace("\\x0d", "%0D"));
    String hostileLine = render(new GithubReporter(), SampleReports.hostile()).split("\n")[0];
    Matcher m = COMMAND.matcher(hostileLine);
    assertTrue(m.matches());
    assertEquals("error", m.group(1));
    String file = m.group(2).split(",")[0].substring("file=".length());
    assertEquals("etc/systemd/system/we ird%,:|#?&\u00e9.service", unescape(file));
    assertEquals(
        SampleReports.hostile().units().get(0).unit().replace("\u001b", "\\x1b")
            + ": "
            + TextSafety.cleanLines(SampleReports.HOSTILE),
        unescape(m.group(3)));
    assertEquals(
        List.of("error", "error", "warning", "notice", "notice"),
        List.of("critical", "high", "medium", "low", "info").stream()
            .map(GithubReporter::command)
            .toList());
  }

  // --- markdown ---

  /** Unescaped pipes: the cell separators of a table row. */
  private static int pipes(String row) {
    int n = 0;
    for (int i = 0; i < row.length(); i++) {
      if (row.charAt(i) == '\\') {
        i++;
      } else if (row.charAt(i) == '|') {
        n++;
      }
    }
    return n;
  }

  @Test
  void markdownRowsKeepTheirCellsAndCarryNoMarkupFromTheReport() {
    for (AuditReport report : ALL) {
      String out = render(new MarkdownReporter(), report);
      noRawControls(out, "markdown");
      assertFalse(out.contains("\t"), "tabs become spaces");
      int width = -1;
      for (String line : out.split("\n")) {
        if (!line.startsWith("|")) {
          width = -1;
          continue;
        }
        if (width < 0) {
          width = pipes(line);
        }
        assertEquals(width, pipes(line), line);
        String stripped = line.replace("<br>", "").replace("<code>", "").replace("</code>", "");
        assertFalse(stripped.contains("<") || stripped.contains(">"), line);
        assertFalse(stripped.matches(".*[^\\\\]`.*"), "unescaped backtick in " + line);
      }
    }
  }

  @Test
  void markdownEscaping() {
    assertEquals(
        "a\\|b \\`c\\` &lt;b&gt;&amp; \\*x\\* \\[l\\](u) \\~\\~s\\~\\~ \\\\",
        MarkdownReporter.inline("a|b `c` <b>& *x* [l](u) ~~s~~ \\"));
    assertEquals("\\# h<br>\\- item", MarkdownReporter.cell("# h\n- item"));
    // the escape becomes visible text, and its backslash is itself escaped so it renders
    assertEquals("a \\\\x1b\\[0m", MarkdownReporter.inline("a \u001b[0m"));
    assertEquals("````", MarkdownReporter.fence("a ``` b"));
  }

  // --- prometheus ---

  /** name, optional {label="value",…} with only \\ \" \n escapes in values, and a number. */
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n"
              + "]|\\\\[\\\\\"n])*\",?)*\\})? (-?[0-9]+(\\.[0-9]+)?)");

  private static final Pattern META =
      Pattern.compile("# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)");

  @Test
  void prometheusExpositionIsWellFormedAndGrouped() {
    for (AuditReport report : ALL) {
      String out = render(new PrometheusReporter(), report);
      noRawControls(out, "prometheus");
      Map<String, Integer> samples = new LinkedHashMap<>();
      Set<String> typed = new HashSet<>();
      List<String> order = new ArrayList<>();
      for (String line : out.split("\n")) {
        Matcher meta = META.matcher(line);
        if (meta.matches()) {
          if (meta.group(1).equals("TYPE")) {
            assertEquals("gauge", meta.group(3));
            assertTrue(typed.add(meta.group(2)), "one TYPE per family");
            order.add(meta.group(2));
          }
          continue;
        }
        Matcher m = SAMPLE.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(
            order.get(order.size() - 1), m.group(1), "samples follow their family's TYPE line");
        samples.merge(m.group(1), 1, Integer::sum);
      }
      assertEquals(
          List.of(
              "unitaudit_unit_info",
              "unitaudit_exposure",
              "unitaudit_level",
              "unitaudit_findings",
              "unitaudit_units",
              "unitaudit_errors",
              "unitaudit_audit_timestamp_seconds"),
          order);
      assertEquals(report.units().size() * 5, samples.getOrDefault("unitaudit_findings", 0));
      assertTrue(out.contains("unitaudit_units " + report.units().size() + "\n"));
      assertTrue(out.contains("unitaudit_errors " + report.errors().size() + "\n"));
      assertTrue(
          out.matches("(?s).*\nunitaudit_audit_timestamp_seconds [0-9]+\n"),
          "the timestamp comes last");
    }
  }

  @Test
  void prometheusCountsFindingsThatCount() {
    String out = render(new PrometheusReporter(), SampleReports.typical());
    assertTrue(
        out.contains("unitaudit_findings{unit=\"nginx.service\",severity=\"critical\"} 2\n"));
    assertTrue(out.contains("unitaudit_findings{unit=\"nginx.service\",severity=\"high\"} 2\n"));
    assertTrue(
        out.contains("unitaudit_findings{unit=\"nginx.service\",severity=\"medium\"} 0\n"),
        "suppressed");
    assertTrue(out.contains("unitaudit_exposure{unit=\"nginx.service\"} 9.2\n"));
    assertFalse(
        out.contains("unitaudit_exposure{unit=\"backup.timer\"}"), "no exposure, no sample");
    assertEquals("a\\\\b\\\"c\\nd", PrometheusReporter.label("a\\b\"c\nd"));
  }

  @Test
  void prometheusTimestampIsFixedBySourceDateEpoch() {
    assertTrue(
        render(new PrometheusReporter(1700000000L), SampleReports.empty())
            .endsWith("\nunitaudit_audit_timestamp_seconds 1700000000\n"));
    assertEquals(Long.valueOf(0), PrometheusReporter.sourceDateEpoch("0"));
    assertEquals(Long.valueOf(1700000000L), PrometheusReporter.sourceDateEpoch("1700000000"));
    for (String bad : new String[] {null, "", "-1", "1.5", " 1", "12abc", "9".repeat(19)}) {
      assertEquals(null, PrometheusReporter.sourceDateEpoch(bad), bad);
    }
    long before = System.currentTimeMillis() / 1000;
    long t = PrometheusReporter.now();
    String env = System.getenv(PrometheusReporter.SOURCE_DATE_EPOCH);
    if (PrometheusReporter.sourceDateEpoch(env) == null) {
      assertTrue(t >= before && t <= System.currentTimeMillis() / 1000 + 1, "the clock when unset");
    } else {
      assertEquals(PrometheusReporter.sourceDateEpoch(env), Long.valueOf(t));
    }
  }
}
