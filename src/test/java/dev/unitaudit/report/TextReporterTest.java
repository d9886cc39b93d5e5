package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text report's views of the hand-written reports, each against a golden file beside the other
 * formats' (ReporterGoldenTest has the plain view): an 80-column UTF-8 terminal with gates,
 * --quiet, --show-suppressed with --checks, --min-severity, one audited unit (systemd's table
 * without --checks), and the hostile report at 40 columns. Regenerate with {@code mvn test
 * -Dtest=ReporterGoldenTest,TextReporterTest -Dunitaudit.updateGoldens=true}.
 */
class TextReporterTest {

  static final List<String> HELD = List.of("--threshold 95");
  static final List<String> FAILED =
      List.of(
          "--fail-on high: nginx.service has high finding UA1001 at"
              + " etc/systemd/system/nginx.service:7",
          "--require-level 1: nginx.service meets level 0");
  static final TextOptions GATES = new TextOptions(false, false, false, null, HELD, FAILED);

  /**
   * The typical report, with the note systemd-analyze's words for its masked unit give in errors[].
   */
  static AuditReport typical() {
    AuditReport t = SampleReports.typical();
    List<AuditReport.ErrorEntry> errors = new ArrayList<>(t.errors());
    errors.add(
        1,
        new AuditReport.ErrorEntry(
            "off.service", "etc/systemd/system/off.service", null, "Unit off.service is masked."));
    return new AuditReport(t.schemaVersion(), t.tool(), t.units(), errors);
  }

  /** Only nginx.service: one audited unit. */
  static AuditReport single() {
    AuditReport t = SampleReports.typical();
    return new AuditReport(t.schemaVersion(), t.tool(), List.of(t.units().get(0)), List.of());
  }

  static Stream<Arguments> views() {
    return Stream.of(
        Arguments.of(
            "typical.80.txt", typical(), new Reporter.RenderOptions(false, true, 80, GATES)),
        Arguments.of(
            "typical.quiet.txt",
            typical(),
            new Reporter.RenderOptions(
                false, true, 0, new TextOptions(true, false, false, null, HELD, FAILED))),
        Arguments.of(
            "typical.show-suppressed.checks.txt",
            typical(),
            new Reporter.RenderOptions(
                false, true, 0, new TextOptions(false, true, true, null, List.of(), List.of()))),
        Arguments.of(
            "typical.min-severity.txt",
            SampleReports.typical(),
            new Reporter.RenderOptions(
                false, false, 0, new TextOptions(false, false, false, "high", HELD, List.of()))),
        Arguments.of(
            "single.txt",
            single(),
            new Reporter.RenderOptions(false, true, 72, TextOptions.DEFAULT)),
        Arguments.of(
            "hostile.40.txt",
            SampleReports.hostile(),
            new Reporter.RenderOptions(false, true, 40, TextOptions.DEFAULT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("views")
  void rendersTheGoldenBytes(String golden, AuditReport report, Reporter.RenderOptions options)
      throws IOException {
    String actual = new TextReporter().render(report, SampleReports.catalog(), options);
    Path file = ReporterGoldenTest.GOLDEN.resolve(golden);
    if (Boolean.getBoolean("unitaudit.updateGoldens")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(
        Files.readString(file, StandardCharsets.UTF_8),
        actual,
        file + " (regenerate with -Dunitaudit.updateGoldens=true after a deliberate change)");
  }

  /**
   * A finding line that is only its severity, rule id and file:line: no room was left for the
   * message.
   */
  static final Pattern NEVER_CUT = Pattern.compile("  [a-z]+ +UA[0-9]{4} [^ ]+");

  /**
   * At any width from 64 columns up (the overview needs 50 besides the unit names), no line of the
   * typical report is wider, except those made only of what is never cut: a gate failure (it names
   * a unit and file:line), a finding's severity, rule id and file:line.
   */
  @Test
  void everyLineFitsTheWidth() {
    for (int width = 64; width <= 130; width++) {
      for (boolean unicode : new boolean[] {true, false}) {
        String out =
            new TextReporter()
                .render(
                    typical(),
                    SampleReports.catalog(),
                    new Reporter.RenderOptions(
                        false,
                        unicode,
                        width,
                        new TextOptions(false, true, true, null, HELD, FAILED)));
        for (String line : out.split("\n")) {
          assertTrue(
              TerminalColumns.of(line) <= width
                  || line.startsWith("gate failed: ")
                  || NEVER_CUT.matcher(line).matches(),
              width + " columns, unicode " + unicode + ": " + line);
        }
      }
    }
  }

  /** Colours are escape codes around cut and padded cells: the columns do not move. */
  @Test
  void colourChangesNoColumn() {
    Reporter.RenderOptions plain = new Reporter.RenderOptions(false, true, 80, GATES);
    Reporter.RenderOptions colour = new Reporter.RenderOptions(true, true, 80, GATES);
    String p = new TextReporter().render(typical(), SampleReports.catalog(), plain);
    String c = new TextReporter().render(typical(), SampleReports.catalog(), colour);
    assertTrue(c.contains("\u001b[31m"), "red for high findings and failed gates");
    assertEquals(p, c.replaceAll("\u001b\\[[0-9;]*m", ""));
  }

  @Test
  void theOverviewComesFirstAndTheTotalsLast() {
    String out =
        new TextReporter()
            .render(
                typical(),
                SampleReports.catalog(),
                new Reporter.RenderOptions(false, true, 0, GATES));
    String[] lines = out.split("\n");
    assertEquals("UNIT                EXPOSURE RATING LEVEL CRIT HIGH  MED  LOW INFO", lines[0]);
    for (int i = 0; i < typical().units().size(); i++) {
      assertTrue(lines[i + 1].startsWith(typical().units().get(i).unit() + " "), lines[i + 1]);
    }
    String totals = out.substring(out.lastIndexOf("\n\n") + 2);
    assertTrue(totals.startsWith("units     6: 2 scored, "), totals);
    assertTrue(
        totals.endsWith("gate failed: --require-level 1: nginx.service meets level 0\n"), totals);
  }
}
