package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.cli.Main;
import dev.unitaudit.corpus.CorpusPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 4, measured on a whole machine: the text report of ../shared/corpus/public/root at
 * the default level has at most units × 2 + open findings × 4 + 30 lines, starts with the overview
 * (a header, then one line per unit in report order), ends with the totals block, and at 100
 * columns has no line wider than 100 (counted as a terminal counts, emoji as two). The audit runs
 * through the command line into a JSON and a text file; the text file is what the reporter renders
 * from that JSON without a width, and the 100-column view is rendered from the same report
 * (stdout's width comes from COLUMNS, which a test cannot set). Skipped with a message when the
 * corpus is absent, a failure when CI=true.
 */
class CorpusTextReportTest {

  @Test
  void theCorpusReportIsShortStartsWithTheOverviewAndEndsWithTheTotals(@TempDir Path tmp)
      throws Exception {
    Path root = CorpusPaths.requireCorpus().resolve("root");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "--root",
            root.toString(),
            "--ignore-tree-config",
            "--no-fail",
            "-f",
            "json",
            "-o",
            tmp.resolve("c.json").toString(),
            "--report",
            "text=" + tmp.resolve("c.txt"));
    assertEquals(0, code, err.toString());
    AuditReport report =
        new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readValue(tmp.resolve("c.json").toFile(), AuditReport.class);
    String text = Files.readString(tmp.resolve("c.txt"), StandardCharsets.UTF_8);
    assertEquals(
        new TextReporter().render(report, null, new Reporter.RenderOptions(false, true)),
        text,
        "the command writes what the reporter renders");

    int units = report.units().size();
    long open =
        report.units().stream()
            .flatMap(u -> u.findings().stream())
            .filter(f -> f.suppressed() == null)
            .count();
    List<String> lines = Arrays.asList(text.split("\n"));
    long bound = units * 2L + open * 4 + 30;
    assertTrue(
        units > 400 && open > 1000, "a whole machine: " + units + " units, " + open + " findings");
    assertTrue(lines.size() <= bound, lines.size() + " lines, more than " + bound);

    assertTrue(
        lines.get(0).matches("UNIT +EXPOSURE RATING +LEVEL CRIT HIGH  MED  LOW INFO"),
        lines.get(0));
    for (int i = 0; i < units; i++) {
      assertTrue(lines.get(i + 1).startsWith(report.units().get(i).unit() + " "), lines.get(i + 1));
    }
    assertEquals("", lines.get(units + 1), "the overview is one block");
    int last = lines.lastIndexOf("");
    List<String> totals = lines.subList(last + 1, lines.size());
    assertEquals(
        List.of("units", "ratings", "levels", "findings", "accepted", "errors", "notes", "gates"),
        totals.stream().map(l -> l.split(" ")[0]).toList(),
        String.join("\n", totals));
    assertTrue(totals.get(0).startsWith("units     " + units + ": "), totals.get(0));
    assertTrue(totals.get(3).startsWith("findings  " + open + ": "), totals.get(3));

    String narrow =
        new TextReporter()
            .render(
                report, null, new Reporter.RenderOptions(false, true, 100, TextOptions.DEFAULT));
    int widest = 0;
    for (String line : narrow.split("\n")) {
      assertTrue(TerminalColumns.of(line) <= 100, TerminalColumns.of(line) + " columns: " + line);
      widest = Math.max(widest, TerminalColumns.of(line));
    }
    assertEquals(
        text.split("\n").length, narrow.split("\n").length, "cutting never adds or drops a line");
    int unlimited = lines.stream().mapToInt(TerminalColumns::of).max().orElse(0);
    System.out.println(
        "corpus text report: "
            + lines.size()
            + " lines (bound "
            + bound
            + " for "
            + units
            + " units, "
            + open
            + " open findings); widest line "
            + unlimited
            + " columns without a limit, "
            + widest
            + " at 100");
  }
}
