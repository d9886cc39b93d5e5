package dev.unitaudit.cli;

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

/** The audit command end to end: the JSON report, gates and exit codes, suppressions, baseline. */
class AuditCliTest {

  @TempDir Path tmp;
  Path units;

  @BeforeEach
  void tree() throws Exception {
    units = Files.createDirectories(tmp.resolve("repo/units"));
    Files.writeString(
        units.resolve("bare.service"),
        "[Unit]\nDescription=bare %n\n[Service]\nExecStart=/bin/true\n");
  }

  private static JsonNode json(Run r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void jsonReportOfABareServiceMatchesSystemd() throws Exception {
    Run r = CliTest.run("audit", units.toString(), "--format", "json", "--ignore-tree-config");
    assertEquals(0, r.code(), r.err());
    JsonNode u = json(r).get("units").get(0);
    assertEquals("bare.service", u.get("unit").asText());
    assertEquals("bare bare.service", u.get("description").asText());
    assertEquals("9.6", u.get("exposure").asText());
    assertEquals("UNSAFE", u.get("rating").asText());
    assertEquals(0, u.get("level").asInt());
    assertEquals(81, u.get("checks").size());
    assertEquals("UserOrDynamicUser", u.get("checks").get(0).get("json_field").asText());
    assertEquals(0.4, u.get("checks").get(0).get("exposure").asDouble());
    assertTrue(u.get("findings").size() > 0);
  }

  @Test
  void levelScopesFindingsAndCheckedRulesAlike() throws Exception {
    for (int level = 1; level <= 3; level++) {
      JsonNode u =
          json(CliTest.run(
                  units.toString(),
                  "-f",
                  "json",
                  "--level",
                  String.valueOf(level),
                  "--ignore-tree-config"))
              .get("units")
              .get(0);
      int maxFound = 0;
      for (JsonNode f : u.get("findings")) {
        if (f.hasNonNull("level")) {
          maxFound = Math.max(maxFound, f.get("level").asInt());
        }
      }
      assertEquals(level, maxFound, "a bare service fails every level up to " + level);
      java.util.Set<String> checked = new java.util.HashSet<>();
      u.get("rulesChecked").forEach(n -> checked.add(n.asText()));
      assertTrue(checked.contains("UA1001"), "level-1 rule listed at --level " + level);
      // UA1007 is a level-3 rule: listed as checked only when level 3 is in scope
      assertEquals(level == 3, checked.contains("UA1007"), "UA1007 at --level " + level);
    }
  }

  @Test
  void thresholdFollowsSystemd() {
    assertEquals(0, CliTest.run(units.toString(), "-f", "json", "--threshold", "96").code());
    assertEquals(1, CliTest.run(units.toString(), "-f", "json", "--threshold", "95").code());
    assertEquals(
        0, CliTest.run(units.toString(), "-f", "json", "--threshold", "95", "--no-fail").code());
    for (String bad : new String[] {"101", "5.0", "-1", "x"}) {
      Run r = CliTest.run(units.toString(), "-f", "json", "--threshold", bad);
      assertEquals(2, r.code(), bad);
      assertTrue(r.err().contains("--threshold " + bad), r.err());
    }
  }

  @Test
  void thresholdFailsClosedWhenThePolicyLeavesAServiceUnscored() throws Exception {
    // UMask's badness for the default 0022 exceeds a range of 4: systemd asserts; we report the
    // unit's error and the threshold gate does not pass a service it could not score
    Path policy = tmp.resolve("policy.json");
    Files.writeString(policy, "{\"UMask\": {\"range\": 4}}");
    Run r =
        CliTest.run(
            units.toString(),
            "-f",
            "json",
            "--threshold",
            "100",
            "--security-policy",
            policy.toString(),
            "--ignore-tree-config");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("bare.service has no exposure"), r.err());
    assertTrue(json(r).get("units").get(0).get("exposure").isNull());
  }

  /** systemd ignores a misspelt policy field; so do we, with a warning, unless --strict-policy. */
  @Test
  void aMisspeltPolicyFieldIsAWarningAndAnErrorWhenStrict() throws Exception {
    Path policy = tmp.resolve("policy.json");
    Files.writeString(
        policy,
        "{\"PrivateNetwork\": {\"weight\": 0},"
            + " \"CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW\": {\"weight\": 1}}");
    Run lenient =
        CliTest.run(
            units.toString(),
            "-f",
            "json",
            "--security-policy",
            policy.toString(),
            "--ignore-tree-config");
    assertEquals(0, lenient.code(), lenient.err());
    assertTrue(
        lenient
            .err()
            .contains(
                "unitaudit: warning: --security-policy "
                    + policy
                    + ": unknown check 'CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW'"
                    + " ignored, as systemd ignores it; the nearest known check is"
                    + " 'CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW)'"),
        lenient.err());
    assertEquals("9.6", json(lenient).get("units").get(0).get("exposure").asText());
    Run strict =
        CliTest.run(
            units.toString(),
            "-f",
            "json",
            "--security-policy",
            policy.toString(),
            "--strict-policy",
            "--ignore-tree-config");
    assertEquals(2, strict.code(), strict.err());
    assertTrue(
        strict
            .err()
            .contains("unknown check 'CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW'"),
        strict.err());
  }

  @Test
  void aDropInPathAuditsItsUnit() throws Exception {
    Path d = Files.createDirectories(units.resolve("bare.service.d"));
    Files.writeString(d.resolve("harden.conf"), "[Service]\nNoNewPrivileges=yes\n");
    String dropIn = units.resolve("bare.service.d/harden.conf").toString();
    for (String[] args :
        new String[][] {{dropIn}, {dropIn, units.resolve("bare.service").toString()}}) {
      java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(args));
      a.addAll(java.util.List.of("-f", "json", "--ignore-tree-config"));
      Run r = CliTest.run(a.toArray(String[]::new));
      assertEquals(0, r.code(), r.err());
      JsonNode us = json(r).get("units");
      assertEquals(1, us.size(), "one unit, however many of its files are named");
      assertEquals("bare.service", us.get(0).get("unit").asText());
      assertEquals(1, us.get(0).get("dropins").size());
      assertTrue(
          us.get(0).get("dropins").get(0).asText().endsWith("units/bare.service.d/harden.conf"));
    }
    Path typeLevel = Files.createDirectories(units.resolve("service.d"));
    Files.writeString(typeLevel.resolve("all.conf"), "[Service]\nPrivateTmp=yes\n");
    Run r = CliTest.run(typeLevel.resolve("all.conf").toString(), "-f", "json");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("not a unit file name"), r.err());
  }

  @Test
  void theTextReportEndsWithTheFailedGates() throws Exception {
    Run r =
        CliTest.run(
            units.toString(),
            "-f",
            "text",
            "--require-level",
            "1",
            "--threshold",
            "50",
            "--ignore-tree-config");
    assertEquals(1, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(
        "gate failed: --require-level 1: bare.service meets level 0", lines[lines.length - 1]);
    assertEquals(
        "gate failed: --threshold 50: bare.service has exposure 9.6 (above 5.0)",
        lines[lines.length - 2]);
    assertFalse(r.err().contains("gate failed"), "said once, in the report: " + r.err());
    // other formats keep the report clean and say it on stderr
    Run j =
        CliTest.run(units.toString(), "-f", "json", "--require-level", "1", "--ignore-tree-config");
    assertEquals(1, j.code());
    assertTrue(
        j.err().contains("unitaudit: gate failed: --require-level 1: bare.service meets level 0"),
        j.err());
  }

  @Test
  void aMaskedUnitIsReportedAndListedInErrors() throws Exception {
    java.nio.file.Files.createSymbolicLink(
        units.resolve("off.service"), java.nio.file.Path.of("/dev/null"));
    Run r =
        CliTest.run(
            units.toString(), "-f", "json", "--ignore-tree-config", "--fail-on", "critical");
    assertEquals(0, r.code(), "masking alone fails no gate: " + r.err());
    JsonNode report = json(r);
    boolean listed = false;
    for (JsonNode e : report.get("errors")) {
      listed |=
          e.get("unit").asText().equals("off.service")
              && e.get("message").asText().equals("Unit off.service is masked.");
    }
    assertTrue(listed, report.get("errors").toString());
  }

  @Test
  void aReportThatCannotBeWrittenIsExit2() {
    java.io.Writer broken =
        new java.io.Writer() {
          @Override
          public void write(char[] b, int off, int len) throws java.io.IOException {
            throw new java.io.IOException("No space left on device");
          }

          @Override
          public void flush() throws java.io.IOException {
            throw new java.io.IOException("No space left on device");
          }

          @Override
          public void close() {}
        };
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Main.run(
            new java.io.PrintWriter(broken, true),
            new java.io.PrintWriter(err, true),
            units.toString(),
            "-f",
            "text",
            "--ignore-tree-config");
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("cannot write"), err.toString());
  }

  @Test
  void usageErrors() {
    assertEquals(2, CliTest.run(units.toString(), "-f", "yaml").code());
    assertEquals(2, CliTest.run("--root", tmp.toString(), "nope.service", "-f", "json").code());
    assertEquals(2, CliTest.run(units.toString(), "--fail-on", "severe").code());
    assertEquals(
        2,
        CliTest.run(units.toString(), "--security-policy", tmp.resolve("missing.json").toString())
            .code());
    assertEquals(2, CliTest.run(units.toString(), "--level", "4").code());
  }

  @Test
  void failOnGate() {
    assertEquals(1, CliTest.run(units.toString(), "-f", "json", "--fail-on", "medium").code());
    assertEquals(
        0, CliTest.run(units.toString(), "-f", "json").code(), "findings alone do not fail");
  }

  @Test
  void inlineSuppressionMarksTheFindingAndIgnoreTreeConfigTurnsItOff() throws Exception {
    Files.writeString(
        units.resolve("bare.service"),
        "# unitaudit: ignore=UA1001 reason=\"legacy daemon\""
            + " until=2999-12-31\n[Service]\nExecStart=/bin/true\n");
    JsonNode f = finding(json(CliTest.run(units.toString(), "-f", "json")), "UA1001");
    assertEquals("inline", f.get("suppressed").get("by").asText());
    assertEquals("legacy daemon", f.get("suppressed").get("reason").asText());
    f =
        finding(
            json(CliTest.run(units.toString(), "-f", "json", "--ignore-tree-config")), "UA1001");
    assertTrue(f.get("suppressed").isNull());
  }

  @Test
  void expiredAndUnknownSuppressionsAreReported() throws Exception {
    Files.writeString(
        units.resolve("bare.service"),
        "# unitaudit: ignore=UA1001,UA9999 reason=\"old\""
            + " until=2020-01-01\n[Service]\nExecStart=/bin/true\n");
    Run r = CliTest.run(units.toString(), "-f", "json");
    JsonNode report = json(r);
    assertTrue(finding(report, "UA1001").get("suppressed").isNull(), "expired: counts again");
    assertTrue(finding(report, "UA0010").get("message").asText().contains("UA9999"));
    assertTrue(finding(report, "UA0009").get("message").asText().contains("expired on 2020-01-01"));
  }

  @Test
  void baselineAcceptsOldFindingsAndFailsOnNewOnes() throws Exception {
    Path b = tmp.resolve("baseline.json");
    assertEquals(0, CliTest.run("baseline", units.toString(), "-o", b.toString()).code());
    Run same = CliTest.run(units.toString(), "-f", "json", "--baseline", b.toString());
    assertEquals(0, same.code(), same.err());
    // moving lines does not make a finding new
    Files.writeString(
        units.resolve("bare.service"),
        "\n\n[Unit]\nDescription=bare %n\n[Service]\nExecStart=/bin/true\n");
    assertEquals(0, CliTest.run(units.toString(), "-f", "json", "--baseline", b.toString()).code());
    Files.writeString(units.resolve("new.service"), "[Service]\nExecStart=/bin/true\n");
    Run grown = CliTest.run(units.toString(), "-f", "json", "--baseline", b.toString());
    assertEquals(1, grown.code(), grown.err());
    assertTrue(grown.err().contains("new.service"), grown.err());
    Files.delete(units.resolve("new.service"));
    Files.writeString(
        units.resolve("bare.service"), "[Service]\nExecStart=/bin/true\nNoNewPrivileges=yes\n");
    Run fixed = CliTest.run(units.toString(), "-f", "json", "--baseline", b.toString());
    assertEquals(0, fixed.code());
    assertTrue(fixed.err().contains("baseline entry no longer occurs"), fixed.err());
  }

  @Test
  void configFoundUpwardDisablesRulesAndIsStrict() throws Exception {
    Files.writeString(tmp.resolve("repo/.unitaudit.json"), "{\"disabledRules\": [\"UA1001\"]}");
    JsonNode report = json(CliTest.run(units.toString(), "-f", "json"));
    assertFalse(report.toString().contains("\"UA1001\",\"title\""), "UA1001 disabled");
    assertTrue(finding(report, "UA1002") != null);
    Files.writeString(tmp.resolve("repo/.unitaudit.json"), "{\"disabledRule\": [\"UA1001\"]}");
    Run r = CliTest.run(units.toString(), "-f", "json");
    assertEquals(2, r.code());
    assertTrue(r.err().contains(".unitaudit.json") && r.err().contains("disabledRule"), r.err());
  }

  @Test
  void aRefusedUnitIsReportedWithItsDiagnosticFindingsAndNoScore() throws Exception {
    Files.writeString(units.resolve("bare.service"), "[Service]\nType=dbus\nExecStart=/bin/true\n");
    Run r = CliTest.run(units.toString(), "-f", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode u = json(r).get("units").get(0);
    assertEquals("bad-setting", u.get("status").asText());
    assertTrue(u.get("exposure").isNull());
    assertEquals("UA0006", u.get("findings").get(0).get("rule").asText(), u.toString());
    assertTrue(json(r).get("errors").toString().contains("no D-Bus service name"), r.out());
  }

  private static JsonNode finding(JsonNode report, String rule) {
    for (JsonNode f : report.get("units").get(0).get("findings")) {
      if (f.get("rule").asText().equals(rule)) {
        return f;
      }
    }
    throw new AssertionError("no " + rule + " in " + report.get("units").get(0).get("findings"));
  }
}
