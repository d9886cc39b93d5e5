package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text report's options through the command line: --min-severity (every format, gates
 * unaffected), -q, --checks, --show-suppressed, and how masked and missing units are named. Each
 * run passes -f text or -f json explicitly. The assertions hold at any COLUMNS.
 */
class TextCliTest {

  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void tree() throws Exception {
    Path etc = Files.createDirectories(tmp.resolve("root/etc/systemd/system"));
    root = tmp.resolve("root");
    Files.writeString(
        etc.resolve("a.service"),
        "# unitaudit: ignore=UA1001 reason=\"legacy daemon\"\n"
            + "[Unit]\nDescription=first\n[Service]\nExecStart=/bin/true\n");
    Files.writeString(
        etc.resolve("b.service"), "[Unit]\nDescription=second\n[Service]\nExecStart=/bin/true\n");
    Files.createSymbolicLink(etc.resolve("off.service"), Path.of("/dev/null"));
  }

  private Run audit(String... args) {
    List<String> a = new ArrayList<>(List.of("--root", root.toString()));
    a.addAll(List.of(args));
    return CliTest.run(a.toArray(String[]::new));
  }

  private static List<String> severities(JsonNode report) {
    List<String> out = new ArrayList<>();
    report
        .get("units")
        .forEach(u -> u.get("findings").forEach(f -> out.add(f.get("severity").asText())));
    return out;
  }

  @Test
  void minSeverityHidesFindingsFromEveryFormatButNotFromTheGates() throws Exception {
    JsonNode all = new ObjectMapper().readTree(audit("a.service", "b.service", "-f", "json").out());
    assertTrue(severities(all).contains("low"), "the units have low findings to hide");
    Run r =
        audit(
            "a.service", "b.service", "-f", "json", "--min-severity", "MEDIUM", "--fail-on", "low");
    assertEquals(1, r.code(), "the gate sees the hidden low findings: " + r.err());
    assertTrue(
        r.err().contains("gate failed: --fail-on low") && r.err().contains(" has low finding "),
        r.err());
    JsonNode shown = new ObjectMapper().readTree(r.out());
    assertFalse(
        severities(shown).contains("low") || severities(shown).contains("info"), shown.toString());
    assertTrue(severities(shown).contains("medium"));
    // a rule whose findings were all hidden is not listed as checked (JUnit would count it a pass)
    for (JsonNode u : all.get("units")) {
      for (JsonNode f : u.get("findings")) {
        if (f.get("severity").asText().equals("low")) {
          String unit = u.get("unit").asText();
          JsonNode after = null;
          for (JsonNode v : shown.get("units")) {
            after = v.get("unit").asText().equals(unit) ? v : after;
          }
          List<String> checked = new ArrayList<>();
          after.get("rulesChecked").forEach(n -> checked.add(n.asText()));
          assertFalse(checked.contains(f.get("rule").asText()), unit + " " + f.get("rule"));
        }
      }
    }
    Run text =
        audit("a.service", "b.service", "-f", "text", "--min-severity", "medium", "--no-fail");
    assertTrue(
        text.out().contains("\nfindings  ") && text.out().contains(" at medium or above: "),
        text.out());
    assertFalse(text.out().matches("(?s).*\n  low .*"), text.out());
    Run bad = audit("a.service", "-f", "text", "--min-severity", "severe");
    assertEquals(2, bad.code());
    assertTrue(
        bad.err().contains("--min-severity severe: expected critical, high, medium, low or info"),
        bad.err());
    assertEquals(
        1, audit("a.service", "-f", "json", "--fail-on", "HIGH").code(), "severities in any case");
  }

  @Test
  void quietPrintsTheTotalsAndTheFailedGatesOnly() {
    Run r =
        audit(
            "a.service",
            "b.service",
            "-f",
            "text",
            "-q",
            "--require-level",
            "1",
            "--threshold",
            "100");
    assertEquals(1, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].startsWith("units     2: 2 scored"), r.out());
    assertEquals(
        List.of("units", "ratings", "levels", "findings", "accepted", "errors", "gates"),
        List.of(lines).subList(0, 7).stream().map(l -> l.split(" ")[0]).toList(),
        r.out());
    assertEquals("gates     2 failures; held: --threshold 100", lines[6]);
    assertEquals("gate failed: --require-level 1: a.service meets level 0", lines[7]);
    assertEquals("gate failed: --require-level 1: b.service meets level 0", lines[8]);
    assertEquals(9, lines.length, r.out());
  }

  @Test
  void quietStillSaysWhyTheExitIsTwo() {
    Run r = audit("a.service", "nope.service", "-f", "text", "-q");
    assertEquals(2, r.code(), r.err());
    assertFalse(r.out().contains("nope.service"), "-q keeps stdout to the totals: " + r.out());
    assertTrue(r.err().contains("unitaudit: error: nope.service: not found"), r.err());
  }

  @Test
  void systemdsTableForOneUnitOrWithChecks() {
    assertTrue(
        audit("a.service", "-f", "text")
            .out()
            .contains("Overall exposure level for a.service: 9.6 UNSAFE"));
    Run two = audit("a.service", "b.service", "-f", "text");
    assertFalse(two.out().contains("Overall exposure level"), two.out());
    assertTrue(two.out().startsWith("UNIT "), two.out());
    Run checks = audit("a.service", "b.service", "-f", "text", "--checks");
    assertTrue(
        checks.out().contains("Overall exposure level for a.service")
            && checks.out().contains("Overall exposure level for b.service"),
        checks.out());
  }

  @Test
  void acceptedFindingsAreCountedUnlessShowSuppressed() {
    Run counted = audit("a.service", "b.service", "-f", "text");
    assertTrue(
        counted.out().contains("\n  1 accepted finding not shown (inline)\n"), counted.out());
    assertFalse(counted.out().contains("legacy daemon"), counted.out());
    Run shown = audit("a.service", "b.service", "-f", "text", "--show-suppressed");
    assertTrue(shown.out().contains(" UA1001 etc/systemd/system/a.service:"), shown.out());
    assertTrue(shown.out().contains("\n    accepted (inline): legacy daemon\n"), shown.out());
  }

  @Test
  void aMaskedUnitIsANoteAndAMissingOneIsNamedOnce() {
    Run r = audit("a.service", "off.service", "nope.service", "-f", "text", "--no-fail");
    assertTrue(r.out().contains("\nnote: off.service is masked\n"), r.out());
    assertFalse(r.out().contains("error: off.service"), r.out());
    assertTrue(r.out().contains("\nerror: nope.service: not found\n"), r.out());
    // the overview line and the error, nothing else
    assertEquals(2, r.out().split("nope\\.service", -1).length - 1, r.out());
    assertTrue(r.out().contains("\nerrors    1\nnotes     1 (masked unit)\n"), r.out());
  }
}
