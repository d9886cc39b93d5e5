package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * reports/ holds an example report of every format, written from fixtures/showcase by the one
 * command in reports/README.md. This test runs that command in process (the same code path as
 * bin/unitaudit: Main, the audit command, the reporters and the JSON stream) into a temporary
 * folder and fails when a committed example differs, naming the command that regenerates them.
 *
 * <p>The only time-dependent output is the Prometheus timestamp metric: the documented command sets
 * {@code SOURCE_DATE_EPOCH=0}, which fixes it at 0; this JVM's environment cannot be set, so the
 * test checks the committed line is {@code 0} and compares that one line's value as 0.
 */
class ExampleReportsTest {

  static final Path REPORTS = Path.of("reports");

  /** What the command writes: format → file in reports/. The first is -f/-o, the rest --report. */
  static final List<String[]> OUTPUTS =
      List.of(
          new String[] {"text", "showcase.txt"},
          new String[] {"json", "showcase.json"},
          new String[] {"junit", "showcase.junit.xml"},
          new String[] {"sarif", "showcase.sarif"},
          new String[] {"markdown", "showcase.md"},
          new String[] {"github", "showcase.github.txt"},
          new String[] {"prometheus", "showcase.prom"},
          new String[] {"html", "showcase.html"},
          new String[] {"codequality", "showcase.codequality.json"});

  static final String TIMESTAMP = "unitaudit_audit_timestamp_seconds ";

  /** The arguments of the documented command, with the reports written into {@code dir}. */
  static List<String> args(String dir) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "fixtures/showcase", "--config", "fixtures/showcase/.unitaudit.json", "--no-fail"));
    for (int i = 0; i < OUTPUTS.size(); i++) {
      String[] o = OUTPUTS.get(i);
      String file = dir + "/" + o[1];
      if (i == 0) {
        a.addAll(List.of("-f", o[0], "-o", file));
      } else {
        a.addAll(List.of("--report", o[0] + "=" + file));
      }
    }
    return a;
  }

  /** The command, as reports/README.md gives it (run from the project root). */
  static String command() {
    return "SOURCE_DATE_EPOCH=0 bin/unitaudit " + String.join(" ", args("reports"));
  }

  private static String stale(String file) {
    return "reports/"
        + file
        + " is stale: regenerate the examples from the project root with\n  "
        + command()
        + "\n"
        + "(or mvn -B -o -q test -Dtest=ExampleReportsTest -Dunitaudit.updateGoldens=true) and"
        + " review the diff";
  }

  @Test
  void committedExamplesAreWhatTheCommandWritesNow(@TempDir Path tmp) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            args(tmp.toString()).toArray(String[]::new));
    assertEquals(0, code, err.toString());
    assertEquals("", out.toString(), "everything goes to the files");
    boolean update = Boolean.getBoolean("unitaudit.updateGoldens");
    List<String> staleFiles = new ArrayList<>();
    for (String[] o : OUTPUTS) {
      String fresh = Files.readString(tmp.resolve(o[1]), StandardCharsets.UTF_8);
      if (o[0].equals("prometheus")) {
        fresh = reproducibleTimestamp(fresh);
      }
      Path committed = REPORTS.resolve(o[1]);
      if (update) {
        Files.writeString(committed, fresh, StandardCharsets.UTF_8);
      }
      if (!Files.isRegularFile(committed)
          || !Files.readString(committed, StandardCharsets.UTF_8).equals(fresh)) {
        staleFiles.add(o[1]);
      }
    }
    assertEquals(List.of(), staleFiles, staleFiles.isEmpty() ? "" : stale(staleFiles.get(0)));
  }

  /** The timestamp sample as SOURCE_DATE_EPOCH=0 writes it; the rest untouched. */
  static String reproducibleTimestamp(String prom) {
    String[] lines = prom.split("\n", -1);
    int n = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(TIMESTAMP)) {
        assertTrue(lines[i].substring(TIMESTAMP.length()).matches("[0-9]+"), lines[i]);
        lines[i] = TIMESTAMP + "0";
        n++;
      }
    }
    assertEquals(1, n, "one timestamp sample");
    return String.join("\n", lines);
  }

  @Test
  void theCommittedPrometheusExampleWasWrittenWithSourceDateEpochZero() throws Exception {
    String prom = Files.readString(REPORTS.resolve("showcase.prom"));
    assertTrue(prom.endsWith("\n" + TIMESTAMP + "0\n"), stale("showcase.prom"));
  }

  @Test
  void readmeGivesTheCommand() throws Exception {
    // shell continuation lines joined, runs of blanks collapsed
    String readme =
        Files.readString(REPORTS.resolve("README.md"))
            .replaceAll("\\\\\n\\s*", " ")
            .replaceAll("[ \t]+", " ");
    assertTrue(
        readme.contains(command()), "reports/README.md must give the command\n  " + command());
  }

  @Test
  void reportsHoldsTheExamplesTheSchemaAndTheReadmeOnly() throws Exception {
    Set<String> expected =
        new TreeSet<>(
            Set.of(
                "README.md",
                "report.schema.json",
                "summary.schema.json",
                "codequality.schema.json"));
    OUTPUTS.forEach(o -> expected.add(o[1]));
    try (Stream<Path> files = Files.list(REPORTS)) {
      assertEquals(
          expected,
          files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)),
          "an example no longer written by the command, or a format without an example");
    }
    assertEquals(
        Set.copyOf(Reporters.formats()),
        OUTPUTS.stream().map(o -> o[0]).collect(Collectors.toSet()),
        "an example of every format");
  }

  @Test
  void theExamplesAreValid() throws Exception {
    ObjectMapper om = new ObjectMapper();
    assertEquals(
        List.of(),
        ReportSchemaTest.schema()
            .validate(om.readTree(REPORTS.resolve("showcase.json").toFile()))
            .stream()
            .map(Object::toString)
            .toList(),
        "showcase.json against report.schema.json");
    om.readTree(REPORTS.resolve("showcase.sarif").toFile());
    Validators.xml(Files.readAllBytes(REPORTS.resolve("showcase.junit.xml")));
    PromText.Result prom = PromText.parse(Files.readAllBytes(REPORTS.resolve("showcase.prom")));
    assertEquals(List.of(), prom.problems());
    for (String f :
        List.of("showcase.txt", "showcase.md", "showcase.github.txt", "showcase.prom")) {
      Validators.assertTerminalClean(Files.readString(REPORTS.resolve(f)), f);
    }
    if (Validators.promtool() != null) {
      System.out.println(Validators.promtoolCheck(REPORTS.resolve("showcase.prom")));
    }
    if (Validators.ci()) {
      System.out.println(Validators.sarifMultitool(REPORTS.resolve("showcase.sarif")));
    }
  }
}
