package dev.unitaudit.cli;

import static dev.unitaudit.cli.SuppressionCliTest.finding;
import static dev.unitaudit.cli.SuppressionCliTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unitaudit baseline} and {@code --baseline} end to end (issue 6): the baseline holds unit +
 * rule + a line-free fingerprint; a finding whose line moved is still accepted; a new finding fails
 * the gate; entries that no longer occur are reported on stderr.
 */
class BaselineCliTest {

  static final String UNIT =
      "[Unit]\nDescription=web\n[Service]\nExecStart=/bin/true\nPrivateTmp=no\n";

  @TempDir Path tmp;
  Path root;
  Path unit;
  Path baseline;

  @BeforeEach
  void tree() throws Exception {
    root = tmp.resolve("machine");
    Path etc = Files.createDirectories(root.resolve("etc/systemd/system"));
    unit = etc.resolve("web.service");
    Files.writeString(unit, UNIT);
    baseline = tmp.resolve("baseline.json");
    Run b =
        CliTest.run(
            "baseline", "--root", root.toString(), "web.service", "-o", baseline.toString());
    assertEquals(0, b.code(), b.err());
  }

  private Run audit() {
    return CliTest.run(
        "--root", root.toString(), "web.service", "-f", "json", "--baseline", baseline.toString());
  }

  @Test
  void theBaselineIsKeyedByUnitRuleAndFingerprintWithoutLines() throws Exception {
    JsonNode b = new ObjectMapper().readTree(Files.readString(baseline));
    assertEquals(1, b.get("schemaVersion").asInt());
    assertTrue(b.get("findings").size() > 5, b.toString());
    JsonNode privateTmp = null;
    for (JsonNode e : b.get("findings")) {
      assertEquals("web.service", e.get("unit").asText());
      assertTrue(e.get("fingerprint").asText().matches("[0-9a-f]{64}"), e.toString());
      assertFalse(e.has("line"), "no line: moving a line must not make a finding new");
      if (e.get("rule").asText().equals("UA1002")) {
        privateTmp = e;
      }
    }
    assertEquals("etc/systemd/system/web.service", privateTmp.get("file").asText());
    // stdout when no -o
    Run out = CliTest.run("baseline", "--root", root.toString(), "web.service");
    assertEquals(Files.readString(baseline), out.out());
  }

  @Test
  void unchangedTreePassesAndEveryFindingIsMarkedBaseline() throws Exception {
    Run r = audit();
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    for (JsonNode f : json(r).get("units").get(0).get("findings")) {
      assertEquals("baseline", f.get("suppressed").get("by").asText(), f.toString());
    }
  }

  @Test
  void aFindingWhoseLineMovedIsStillMatched() throws Exception {
    int before = finding(json(audit()), "UA1002").get("line").asInt();
    Files.writeString(unit, "# three lines\n# inserted\n# above\n" + UNIT);
    Run r = audit();
    assertEquals(0, r.code(), r.err());
    JsonNode f = finding(json(r), "UA1002");
    assertEquals(before + 3, f.get("line").asInt(), "the line did move");
    assertEquals("baseline", f.get("suppressed").get("by").asText());
    assertFalse(r.err().contains("no longer occurs"), r.err());
  }

  @Test
  void aNewFindingFailsTheGateWithoutFailOn() throws Exception {
    Files.writeString(unit, UNIT + "ProtectSystem=no\n");
    Run r = audit();
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("gate failed") && r.err().contains("UA1003"), r.err());
    JsonNode report = json(r);
    assertTrue(finding(report, "UA1003").get("suppressed").isNull(), "new: not accepted");
    assertEquals(
        "baseline",
        finding(report, "UA1002").get("suppressed").get("by").asText(),
        "old: accepted");
    // a new unit's findings are new too
    Files.writeString(unit, UNIT);
    Files.writeString(unit.resolveSibling("api.service"), "[Service]\nExecStart=/bin/true\n");
    Run grown =
        CliTest.run(
            "--root",
            root.toString(),
            "web.service",
            "api.service",
            "-f",
            "json",
            "--baseline",
            baseline.toString());
    assertEquals(1, grown.code());
    assertTrue(grown.err().contains("api.service"), grown.err());
  }

  @Test
  void aChangedMessageIsANewFinding() throws Exception {
    Files.writeString(unit, UNIT.replace("PrivateTmp=no", "PrivateTmp=false"));
    Run r = audit();
    assertEquals(1, r.code(), "the fingerprint covers the message: " + r.err());
    assertTrue(
        r.err().contains("baseline entry no longer occurs (fixed?): web.service UA1002"), r.err());
  }

  @Test
  void entriesThatNoLongerOccurAreReportedOnStderr() throws Exception {
    Files.writeString(unit, UNIT.replace("PrivateTmp=no", "PrivateTmp=yes"));
    Run r = audit();
    assertEquals(0, r.code(), "fixing is no failure: " + r.err());
    assertTrue(
        r.err()
            .contains(
                "unitaudit: baseline entry no longer occurs (fixed?): web.service UA1002 "
                    + "etc/systemd/system/web.service PrivateTmp= is no"),
        r.err());
    assertEquals(1, r.err().lines().filter(l -> l.contains("no longer occurs")).count(), r.err());
  }

  @Test
  void baselineUsageErrors() throws Exception {
    Files.writeString(tmp.resolve("report.json"), audit().out());
    Run notABaseline =
        CliTest.run(
            "--root",
            root.toString(),
            "web.service",
            "-f",
            "json",
            "--baseline",
            tmp.resolve("report.json").toString());
    assertEquals(2, notABaseline.code());
    assertTrue(notABaseline.err().contains("not a unitaudit baseline"), notABaseline.err());
    assertEquals(
        2,
        CliTest.run(
                "--root",
                root.toString(),
                "web.service",
                "--baseline",
                tmp.resolve("missing.json").toString())
            .code());
    Run nothing = CliTest.run("baseline", "--root", root.toString(), "nope.service");
    assertEquals(2, nothing.code(), "nothing audited is no empty baseline");
    assertTrue(nothing.err().contains("nothing could be audited"), nothing.err());
    assertEquals("", nothing.out());
  }
}
