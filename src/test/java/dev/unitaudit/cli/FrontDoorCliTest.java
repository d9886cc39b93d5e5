package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.cli.CliTest.Run;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person meets first (issue 12, items 5 and 6): text whatever stdout is, -o choosing the
 * format by extension, a quiet end when the reader closes the pipe, did-you-mean, the help, case.
 */
class FrontDoorCliTest {

  @TempDir Path tmp;
  Path units;

  @BeforeEach
  void tree() throws Exception {
    units = Files.createDirectories(tmp.resolve("units"));
    Files.writeString(units.resolve("web.service"), "[Service]\nExecStart=/usr/bin/web\n");
    Files.createSymbolicLink(units.resolve("old.service"), Path.of("/dev/null"));
  }

  @Test
  void textIsTheDefaultFormatWhenStdoutIsNotATerminal() {
    Run r = CliTest.run(units.toString(), "--ignore-tree-config");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().startsWith("{"), r.out());
    assertTrue(r.out().contains("web.service"), r.out());
  }

  @Test
  void outputFileExtensionChoosesTheFormatUnlessFormatIsGiven() throws Exception {
    List<String[]> cases =
        List.of(
            new String[] {"r.json", "{\n  \"schemaVersion\" : 1"},
            new String[] {"r.sarif", "{\n  \"$schema\""},
            new String[] {"r.xml", "<?xml"},
            new String[] {"r.md", "#"},
            new String[] {"r.prom", "# HELP"},
            new String[] {"r.txt", "UNIT"});
    for (String[] c : cases) {
      Path out = tmp.resolve(c[0]);
      Run r = CliTest.run(units.toString(), "--ignore-tree-config", "-o", out.toString());
      assertEquals(0, r.code(), r.err());
      String text = Files.readString(out);
      assertTrue(
          text.startsWith(c[1]) || c[0].equals("r.txt") && !text.startsWith("{"),
          c[0] + ": " + text);
    }
    Path forced = tmp.resolve("forced.sarif");
    CliTest.run(units.toString(), "--ignore-tree-config", "-f", "json", "-o", forced.toString());
    assertTrue(
        Files.readString(forced).startsWith("{\n  \"schemaVersion\""),
        "-f wins over the extension");
  }

  @Test
  void misspeltOptionsAndCommandsGetADidYouMean() {
    Run opt = CliTest.run(units.toString(), "--fial-on", "high");
    assertEquals(2, opt.code());
    assertTrue(
        opt.err().startsWith("unitaudit: Unknown option: '--fial-on' (did you mean --fail-on?)"),
        opt.err());
    Run cmd = CliTest.run("explian", "UA1001");
    assertEquals(2, cmd.code());
    assertTrue(cmd.err().contains("did you mean 'explain'?"), cmd.err());
    Run sub = CliTest.run("cat", "--rot", "/", "x.service");
    assertEquals(2, sub.code());
    assertTrue(sub.err().contains("(did you mean --root?)"), sub.err());
  }

  @Test
  void helpListsTheAuditOptionsAndTheCommands() {
    Run h = CliTest.run("--help");
    assertEquals(0, h.code());
    for (String s :
        List.of(
            "--fail-on",
            "--threshold",
            "--root",
            "--baseline",
            "--ignore-missing",
            "Commands",
            "explain")) {
      assertTrue(h.out().contains(s), s + " missing from --help:\n" + h.out());
    }
  }

  @Test
  void severitiesRuleIdsAndFormatsAreCaseInsensitive() {
    assertEquals(
        1, CliTest.run(units.toString(), "--ignore-tree-config", "--fail-on", "HIGH").code());
    Run e = CliTest.run("explain", "ua1001");
    assertEquals(0, e.code(), e.err());
    assertTrue(e.out().contains("UA1001"), e.out());
    assertTrue(
        CliTest.run(units.toString(), "--ignore-tree-config", "-f", "JSON").out().startsWith("{"));
  }

  @Test
  void aNameWithoutATypeIsAServiceAsSystemdReadsIt() throws Exception {
    Path etc = Files.createDirectories(tmp.resolve("root/etc/systemd/system"));
    Files.writeString(etc.resolve("web.service"), "[Service]\nExecStart=/usr/bin/web\n");
    Run r = CliTest.run("--root", tmp.resolve("root").toString(), "web", "-f", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"unit\" : \"web.service\""), r.out());
  }

  @Test
  void aMaskedUnitIsANoteOnStderr() {
    Run r = CliTest.run(units.toString(), "--ignore-tree-config", "-f", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("unitaudit: note: old.service is masked\n"), r.err());
    assertFalse(r.err().contains("error"), r.err());
  }

  @Test
  void manyMaskedUnitsAreOneNote() throws Exception {
    Path etc = Files.createDirectories(tmp.resolve("masks/etc/systemd/system"));
    Files.writeString(etc.resolve("web.service"), "[Service]\nExecStart=/usr/bin/web\n");
    for (String n : List.of("a", "b", "c", "d", "e", "f", "g")) {
      Files.createSymbolicLink(etc.resolve(n + ".service"), Path.of("/dev/null"));
    }
    Run r =
        CliTest.run(
            "--root", tmp.resolve("masks").toString(), "-f", "json", "--ignore-tree-config");
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "unitaudit: note: 7 units are masked: a.service, b.service, c.service, d.service,"
            + " e.service, …\n",
        r.err());
  }

  @Test
  void onlyABaselineNamesTheBaselineWhenItFails() throws Exception {
    Path b = tmp.resolve("baseline.json");
    assertEquals(
        0,
        CliTest.run("baseline", units.toString(), "--ignore-tree-config", "-o", b.toString())
            .code());
    Files.writeString(units.resolve("new.service"), "[Service]\nExecStart=/usr/bin/new\n");
    Run r =
        CliTest.run(
            units.toString(), "--ignore-tree-config", "-f", "json", "--baseline", b.toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err()
            .matches(
                "(?s).*unitaudit: gate failed: \\d+ findings not in "
                    + java.util.regex.Pattern.quote(b.toString())
                    + " \\(new\\.service \\d+\\)\n.*"),
        r.err());
    assertFalse(r.err().contains("--fail-on"), r.err());
  }

  /**
   * {@code unitaudit … | head -1}: the reader goes away early; no message, the gates' exit code.
   */
  @Test
  void aReaderThatClosesThePipeGetsNoErrorMessage() throws Exception {
    for (String fmt : List.of("text", "json")) {
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              System.getProperty("java.class.path"),
              "dev.unitaudit.cli.Main",
              "--root",
              "../shared/corpus/public/root",
              "-f",
              fmt,
              "--no-fail");
      Path err = tmp.resolve("stderr-" + fmt);
      pb.redirectError(err.toFile());
      Process p = pb.start();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        assertTrue(r.readLine() != null);
      } // closed after one line, as head -1 does
      assertTrue(p.waitFor(5, TimeUnit.MINUTES));
      String stderr = Files.readString(err);
      assertFalse(stderr.contains("cannot write"), fmt + ": " + stderr);
      assertFalse(stderr.contains("Broken pipe"), fmt + ": " + stderr);
      assertEquals(0, p.exitValue(), fmt + ": " + stderr);
    }
  }
}
