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

/**
 * {@code unitaudit diff} end to end (issue 6): two --root trees audited to JSON and compared. One
 * has a drop-in that weakens ProtectSystem=: exit 1, naming the unit, the rule and the drop-in's
 * file:line; identical trees: exit 0, "no changes". Reports of two different roots compare because
 * paths are root-relative.
 */
class DiffCliTest {

  static final String WEB =
      "[Unit]\nDescription=web\n[Service]\nExecStart=/bin/true\nProtectSystem=strict\n";
  static final String DROPIN = "etc/systemd/system/web.service.d/50-weaken.conf";

  @TempDir Path tmp;
  Path staging;
  Path production;

  @BeforeEach
  void trees() throws Exception {
    staging = tree("staging");
    production = tree("production");
  }

  private Path tree(String name) throws Exception {
    Path root = tmp.resolve(name);
    Path lib = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
    Files.writeString(lib.resolve("web.service"), WEB);
    Files.writeString(
        lib.resolve("db.service"), "[Service]\nExecStart=/bin/true\nPrivateTmp=yes\n");
    return root;
  }

  private void weaken(Path root) throws Exception {
    Path d = root.resolve(DROPIN);
    Files.createDirectories(d.getParent());
    Files.writeString(d, "# ops: needs to write /usr/local\n[Service]\nProtectSystem=no\n");
  }

  /** Audits every unit of {@code root} to a JSON report file. */
  private Path report(Path root, String name, String... extra) {
    Path out = tmp.resolve(name + ".json");
    String[] args =
        new String[] {
          "--root", root.toString(), "web.service", "db.service", "-f", "json", "-o", out.toString()
        };
    String[] all =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
            .toArray(String[]::new);
    Run r = CliTest.run(all);
    assertEquals(0, r.code(), r.err());
    return out;
  }

  private static Run diff(Path a, Path b, String... extra) {
    String[] args =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of("diff", a.toString(), b.toString()),
                java.util.Arrays.stream(extra))
            .toArray(String[]::new);
    return CliTest.run(args);
  }

  @Test
  void identicalTreesHaveNoChanges() throws Exception {
    Path a = report(staging, "staging");
    Path b = report(production, "production");
    // two different roots, the same root-relative paths
    assertEquals(Files.readString(a), Files.readString(b));
    Run r = diff(a, b);
    assertEquals(0, r.code(), r.err());
    assertEquals("no changes\n", r.out());
    assertEquals("**unitaudit diff:** no changes\n", diff(a, b, "-f", "markdown").out());
    JsonNode j = new ObjectMapper().readTree(diff(a, b, "-f", "json").out());
    assertEquals(0, j.get("changed").size());
    assertEquals(0, j.get("regressions").size());
  }

  @Test
  void aDropInWeakeningProtectSystemIsARegression() throws Exception {
    weaken(production);
    Path a = report(staging, "staging");
    Path b = report(production, "production");
    Run r = diff(a, b);
    assertEquals(1, r.code(), r.out() + r.err());
    String out = r.out();
    assertTrue(out.startsWith("~ unit web.service\n"), out);
    assertFalse(out.contains("db.service"), "db.service did not change: " + out);
    assertTrue(out.contains("    new   high UA1003 " + DROPIN + ":3 ProtectSystem= is no"), out);
    assertTrue(out.contains("    exposure: 9.4 -> 9.6  (worse)\n"), out);
    assertTrue(out.contains("2 regression(s):\n"), out);
    assertTrue(out.contains("  web.service: new high finding UA1003 "), out);
    assertTrue(out.contains(" at " + DROPIN + ":3: ProtectSystem= is no"), out);
    assertTrue(out.contains("  web.service: exposure up from 9.4 to 9.6\n"), out);
    // the other way round it is an improvement: exit 0, the finding is listed as fixed
    Run back = diff(b, a);
    assertEquals(0, back.code(), back.out());
    assertTrue(back.out().contains("    fixed high UA1003 " + DROPIN + ":3"), back.out());
    assertTrue(back.out().contains("exposure: 9.6 -> 9.4\n"), back.out());
  }

  @Test
  void failOnRaisesTheBarForNewFindingsButNotForExposure() throws Exception {
    weaken(production);
    Path a = report(staging, "staging");
    Path b = report(production, "production");
    Run r = diff(a, b, "--fail-on", "critical");
    assertEquals(1, r.code(), "exposure up is a regression whatever --fail-on says");
    assertTrue(r.out().contains("1 regression(s):\n  web.service: exposure up"), r.out());
    assertEquals(2, diff(a, b, "--fail-on", "severe").code());
  }

  @Test
  void jsonAndMarkdownOutput() throws Exception {
    weaken(production);
    Path a = report(staging, "staging");
    Path b = report(production, "production");
    Run rj = diff(a, b, "-f", "json");
    assertEquals(1, rj.code());
    JsonNode j = new ObjectMapper().readTree(rj.out());
    assertEquals(0, j.get("added").size());
    assertEquals(0, j.get("removed").size());
    assertEquals(1, j.get("changed").size());
    JsonNode c = j.get("changed").get(0);
    assertEquals("web.service", c.get("unit").asText());
    assertEquals("9.4", c.get("exposureBefore").asText());
    assertEquals("9.6", c.get("exposureAfter").asText());
    assertEquals(1, c.get("newFindings").size());
    JsonNode f = c.get("newFindings").get(0);
    assertEquals("UA1003", f.get("rule").asText());
    assertEquals(DROPIN, f.get("file").asText());
    assertEquals(3, f.get("line").asInt());
    assertEquals(0, c.get("fixedFindings").size());
    assertFalse(c.has("empty"), "no internal isEmpty() leaking into the JSON: " + c);
    assertEquals(2, j.get("regressions").size());

    Run rm = diff(a, b, "-f", "markdown");
    assertEquals(1, rm.code());
    String md = rm.out();
    assertTrue(
        md.startsWith(
            "## unitaudit diff\n\n"
                + "### `web.service`\n\n"
                + "| change | before | after |\n"
                + "|---|---|---|\n"),
        md);
    assertTrue(md.contains("| exposure | 9.4 | 9.6 |\n"), md);
    assertTrue(
        md.contains("| new finding | | high UA1003 " + DROPIN + ":3 ProtectSystem= is no"), md);
    assertTrue(md.contains("\n**Regressions:**\n\n- web.service: new high finding UA1003"), md);
  }

  @Test
  void effectiveSettingChangesWithProvenanceWhenBothReportsCarryThem() throws Exception {
    weaken(production);
    Path a = report(staging, "staging", "--include-settings");
    Path b = report(production, "production", "--include-settings");
    Run r = diff(a, b);
    assertEquals(1, r.code());
    assertTrue(
        r.out()
            .contains(
                "    setting Service.ProtectSystem: strict @ usr/lib/systemd/system/web.service:5"
                    + " -> no @ "
                    + DROPIN
                    + ":3\n"),
        r.out());
    JsonNode s =
        new ObjectMapper()
            .readTree(diff(a, b, "-f", "json").out())
            .get("changed")
            .get(0)
            .get("settings");
    assertEquals(1, s.size(), s.toString());
    assertEquals("Service.ProtectSystem", s.get(0).get("key").asText());
    assertEquals(
        "strict @ usr/lib/systemd/system/web.service:5", s.get(0).get("before").get(0).asText());
    assertEquals("no @ " + DROPIN + ":3", s.get(0).get("after").get(0).asText());
    // only one side with settings: no setting changes claimed
    Path plain = report(staging, "plain");
    assertFalse(diff(plain, b).out().contains("setting "), diff(plain, b).out());
  }

  @Test
  void addedRemovedUnitsAndNewlySuppressedFindings() throws Exception {
    Files.writeString(
        production.resolve("usr/lib/systemd/system/api.service"),
        "[Service]\nExecStart=/bin/true\n");
    Files.delete(production.resolve("usr/lib/systemd/system/db.service"));
    Files.writeString(
        production.resolve("usr/lib/systemd/system/web.service"),
        "# unitaudit: ignore=UA1001 reason=\"legacy daemon\"\n" + WEB);
    Path a = report(staging, "staging");
    Path b = tmp.resolve("production.json");
    Run audit = CliTest.run("--root", production.toString(), "-f", "json", "-o", b.toString());
    assertEquals(0, audit.code(), audit.err());
    Run r = diff(a, b);
    assertEquals(1, r.code(), "a new unit's findings are new findings: " + r.out());
    assertTrue(r.out().contains("+ unit api.service (added)\n"), r.out());
    assertTrue(r.out().contains("- unit db.service (removed)\n"), r.out());
    assertTrue(r.out().contains("  api.service (new unit): high finding UA1001"), r.out());
    // accepting a finding is not a regression, but it is a change a reviewer sees
    assertTrue(
        r.out()
            .contains(
                "~ unit web.service\n"
                    + "    now suppressed high UA1001 usr/lib/systemd/system/web.service:"),
        r.out());
    assertTrue(r.out().contains("(by inline: legacy daemon)"), r.out());
    assertFalse(r.out().contains("web.service: new"), r.out());
  }

  @Test
  void notAReportIsAUsageError() throws Exception {
    Path a = report(staging, "staging");
    Path baseline = tmp.resolve("baseline.json");
    assertEquals(
        0,
        CliTest.run(
                "baseline", "--root", staging.toString(), "web.service", "-o", baseline.toString())
            .code());
    Run r = diff(a, baseline);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("baseline.json: not a unitaudit JSON report"), r.err());
    Files.writeString(tmp.resolve("empty.json"), "{}");
    assertEquals(2, diff(tmp.resolve("empty.json"), a).code());
    Files.writeString(
        tmp.resolve("broken.json"),
        "{\"schemaVersion\": 1, \"units\": [{\"unit\": \"x.service\"}]}");
    assertEquals(2, diff(a, tmp.resolve("broken.json")).code());
    assertEquals(2, diff(a, a, "-f", "sarif").code());
  }
}
