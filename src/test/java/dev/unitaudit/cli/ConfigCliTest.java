package dev.unitaudit.cli;

import static dev.unitaudit.cli.SuppressionCliTest.finding;
import static dev.unitaudit.cli.SuppressionCliTest.findings;
import static dev.unitaudit.cli.SuppressionCliTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitaudit.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .unitaudit.json} end to end (issue 6): every key does what it says, unknown keys and bad
 * values are usage errors naming the file, the file is found upward from each PATH or --root up to
 * the repository (.git) or filesystem root, and --ignore-tree-config turns it off.
 */
class ConfigCliTest {

  @TempDir Path tmp;
  Path repo;
  Path units;

  @BeforeEach
  void tree() throws Exception {
    repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    units = Files.createDirectories(repo.resolve("deploy/units"));
    Files.writeString(
        units.resolve("web.service"), "[Service]\nExecStart=/bin/true\nProtectSystem=strict\n");
  }

  private void config(String json) throws Exception {
    Files.writeString(repo.resolve(".unitaudit.json"), json);
  }

  private Run audit(String... extra) {
    List<String> args = new ArrayList<>(List.of(units.toString()));
    args.addAll(List.of(extra));
    return CliTest.run(args.toArray(String[]::new));
  }

  private static int maxLevel(JsonNode report) {
    int max = 0;
    for (JsonNode f : report.get("units").get(0).get("findings")) {
      max = Math.max(max, f.path("level").asInt(0));
    }
    return max;
  }

  @Test
  void levelIsTheDefaultAndTheOptionWins() throws Exception {
    config("{\"level\": 1}");
    assertEquals(1, maxLevel(json(audit("-f", "json"))));
    assertEquals(3, maxLevel(json(audit("-f", "json", "--level", "3"))));
  }

  @Test
  void formatIsTheDefaultAndTheOptionWins() throws Exception {
    config("{\"format\": \"junit\"}");
    assertTrue(audit().out().startsWith("<?xml"), "junit from the config");
    assertTrue(audit("-f", "json").out().startsWith("{"));
  }

  @Test
  void failOnIsTheDefaultGate() throws Exception {
    config("{\"failOn\": \"high\"}");
    Run r = audit("-f", "json");
    assertEquals(1, r.code(), "UA1001 is high");
    assertTrue(r.err().contains("gate failed") && r.err().contains("UA1001"), r.err());
    assertEquals(0, audit("-f", "json", "--fail-on", "critical").code(), "the option wins");
  }

  @Test
  void disabledRulesByIdOrNameAreGone() throws Exception {
    config("{\"disabledRules\": [\"UA1001\", \"protect-home\"]}");
    Run r = audit("-f", "json", "--fail-on", "high");
    assertEquals(0, r.code(), r.err());
    JsonNode report = json(r);
    assertEquals(List.of(), findings(report, "UA1001"));
    assertEquals(List.of(), findings(report, "UA1004"), "protect-home is UA1004");
    assertEquals(1, findings(report, "UA1015").size(), "others stay");
    JsonNode checked = report.get("units").get(0).get("rulesChecked");
    List<String> ids = new java.util.ArrayList<>();
    checked.forEach(n -> ids.add(n.asText()));
    assertFalse(
        ids.contains("UA1001"),
        "a disabled rule is not listed as checked (JUnit would count it passed)");
    assertFalse(ids.contains("UA1004"), "disabled by name");
    assertTrue(ids.contains("UA1015"));
  }

  @Test
  void severityOverridesChangeTheFindingAndTheGate() throws Exception {
    config("{\"severity\": {\"UA1001\": \"low\", \"protect-kernel-modules\": \"critical\"}}");
    Run r = audit("-f", "json", "--fail-on", "critical");
    assertEquals(1, r.code(), r.err());
    JsonNode report = json(r);
    assertEquals("low", finding(report, "UA1001").get("severity").asText());
    assertEquals("critical", finding(report, "UA1015").get("severity").asText());
    assertTrue(r.err().contains("UA1015"), r.err());
  }

  @Test
  void perUnitIgnoresCarryTheirReasonAndMatchGlobs() throws Exception {
    Files.writeString(
        units.resolve("api.service"), "[Service]\nExecStart=/bin/true\nProtectSystem=strict\n");
    config(
        "{\"ignore\": [{\"unit\": \"web.service\", \"rules\": [\"UA1001\"], \"reason\": \"legacy\","
            + " \"until\": \"2999-01-01\"}, {\"unit\": \"a*.service\", \"rules\": [\"UA1004\"],"
            + " \"reason\": \"no homes\"}]}");
    JsonNode report = json(audit("-f", "json"));
    JsonNode api = report.get("units").get(0);
    JsonNode web = report.get("units").get(1);
    assertEquals("api.service", api.get("unit").asText());
    for (JsonNode f : web.get("findings")) {
      String rule = f.get("rule").asText();
      if (rule.equals("UA1001")) {
        assertEquals("config", f.get("suppressed").get("by").asText());
        assertEquals("legacy", f.get("suppressed").get("reason").asText());
        assertEquals("2999-01-01", f.get("suppressed").get("until").asText());
      } else {
        assertTrue(f.get("suppressed").isNull(), f.toString());
      }
    }
    for (JsonNode f : api.get("findings")) {
      String rule = f.get("rule").asText();
      assertEquals(rule.equals("UA1004"), !f.get("suppressed").isNull(), f.toString());
    }
  }

  @Test
  void anExpiredConfigIgnoreCountsAgainAndIsReported() throws Exception {
    config(
        "{\"ignore\": [{\"unit\": \"web.service\", \"rules\": [\"UA1001\"], \"reason\": \"was\","
            + " \"until\": \"2020-01-31\"}], \"disabledRules\": [\"UA9998\"]}");
    Run r = audit("-f", "json", "--fail-on", "high");
    assertEquals(1, r.code(), r.err());
    JsonNode report = json(r);
    assertTrue(finding(report, "UA1001").get("suppressed").isNull());
    String errors = report.get("errors").toString();
    assertTrue(errors.contains("expired on 2020-01-31"), errors);
    assertTrue(errors.contains("disabledRules: unknown rule UA9998"), errors);
    assertTrue(errors.contains(".unitaudit.json"), "errors name the config file: " + errors);
  }

  @Test
  void extraRulesDirectoriesAreRelativeToTheConfig() throws Exception {
    Path site = Files.createDirectories(repo.resolve("policy"));
    Files.writeString(
        site.resolve("site.json"),
        """
        {"family": "site", "rules": [{
          "id": "UA9001", "name": "private-network", "title": "Service is not network-isolated",
          "severity": "medium", "unitTypes": ["service"],
          "check": {"kind": "boolean", "key": "PrivateNetwork", "want": true},
          "message": "${key}= is ${actual}; our jobs run without network",
          "rationale": "Site policy.", "fix": ["[Service]", "PrivateNetwork=yes"],
          "docs": "https://www.freedesktop.org/software/systemd/man/252/systemd.exec.html#PrivateNetwork="}]}
        """);
    config("{\"rules\": [\"policy\"]}");
    JsonNode report = json(audit("-f", "json"));
    assertEquals(
        "PrivateNetwork= is unset; our jobs run without network",
        finding(report, "UA9001").get("message").asText());
  }

  @Test
  void unknownKeysAreErrorsNamingTheFile() throws Exception {
    config("{\n  \"level\": 2,\n  \"disabledRule\": [\"UA1001\"]\n}");
    Run r = audit("-f", "json");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(
        r.err().contains(repo.resolve(".unitaudit.json") + ":3: unknown key \"disabledRule\""),
        r.err());
  }

  @Test
  void badValuesAreErrorsNamingTheFileNotInternalErrors() throws Exception {
    String[][] cases = {
      {"{\"level\": 4}", "level 4"},
      {"{\"format\": \"yaml\"}", "format \"yaml\""},
      {"{\"failOn\": \"severe\"}", "failOn \"severe\""},
      {"{\"severity\": {\"UA1001\": \"severe\"}}", "severity of UA1001 \"severe\""},
      {
        "{\"ignore\": [{\"unit\": \"web.service\", \"rules\": [\"UA1001\"], \"reason\": \"x\","
            + " \"until\": \"soon\"}]}",
        "until \"soon\""
      },
      {
        "{\"ignore\": [{\"unit\": \"web.service\", \"rules\": [\"UA1001\"]}]}",
        "needs unit, rules and a reason"
      },
      {
        "{\"ignore\": [{\"unit\": \"web.service\", \"rules\": [\"UA1001\"], \"reason\": \"x\","
            + " \"why\": 1}]}",
        "unknown key \"why\""
      },
      {"[1]", ".unitaudit.json"},
      {"{\"level\": ", ".unitaudit.json"},
    };
    for (String[] c : cases) {
      config(c[0]);
      Run r = audit("-f", "json");
      assertEquals(2, r.code(), c[0] + ": " + r.err());
      assertTrue(
          r.err().contains(repo.resolve(".unitaudit.json").toString()), c[0] + ": " + r.err());
      assertTrue(r.err().contains(c[1]), c[0] + ": " + r.err());
    }
  }

  @Test
  void explicitConfigAndMissingConfig() throws Exception {
    Path elsewhere = tmp.resolve("ci.json");
    Files.writeString(elsewhere, "{\"disabledRules\": [\"UA1001\"]}");
    config("{\"failOn\": \"info\"}");
    Run r = audit("-f", "json", "--config", elsewhere.toString());
    assertEquals(0, r.code(), "--config replaces the tree's config: " + r.err());
    assertEquals(List.of(), findings(json(r), "UA1001"));
    Run missing = audit("-f", "json", "--config", tmp.resolve("nope.json").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("nope.json"), missing.err());
  }

  @Test
  void foundUpwardFromThePathButNotPastTheRepository() throws Exception {
    // above the repository: not this repository's config
    Files.writeString(tmp.resolve(".unitaudit.json"), "{\"disabledRules\": [\"UA1001\"]}");
    assertEquals(1, findings(json(audit("-f", "json")), "UA1001").size(), "stops at .git");
    // at the repository root, two levels above the PATH: found
    config("{\"disabledRules\": [\"UA1004\"]}");
    JsonNode report = json(audit("-f", "json"));
    assertEquals(1, findings(report, "UA1001").size());
    assertEquals(List.of(), findings(report, "UA1004"));
    // a unit file as PATH: found from its folder
    report = json(CliTest.run(units.resolve("web.service").toString(), "-f", "json"));
    assertEquals(List.of(), findings(report, "UA1004"));
    // the nearest wins
    Files.writeString(units.resolve(".unitaudit.json"), "{\"disabledRules\": [\"UA1015\"]}");
    report = json(audit("-f", "json"));
    assertEquals(1, findings(report, "UA1004").size());
    assertEquals(List.of(), findings(report, "UA1015"));
  }

  @Test
  void foundUpwardFromTheRoot() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("machine"));
    Path etc = Files.createDirectories(root.resolve("etc/systemd/system"));
    Files.writeString(etc.resolve("web.service"), "[Service]\nExecStart=/bin/true\n");
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve(".unitaudit.json"), "{\"disabledRules\": [\"UA1001\"]}");
    Run r = CliTest.run("--root", root.toString(), "web.service", "-f", "json");
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(), findings(json(r), "UA1001"));
    Run ignored =
        CliTest.run("--root", root.toString(), "web.service", "-f", "json", "--ignore-tree-config");
    assertEquals(1, findings(json(ignored), "UA1001").size());
  }

  @Test
  void ignoreTreeConfigDisablesTheTreeConfigAndInlineSuppressions() throws Exception {
    config(
        "{\"disabledRules\": [\"UA1004\"], \"ignore\": [{\"unit\": \"web.service\", \"rules\":"
            + " [\"UA1015\"], \"reason\": \"x\"}], \"failOn\": \"critical\", \"format\":"
            + " \"junit\"}");
    Files.writeString(
        units.resolve("web.service"),
        "# unitaudit: ignore=UA1001 reason=\"legacy\"\n"
            + "[Service]\nExecStart=/bin/true\nProtectSystem=strict\n");
    JsonNode trusted = json(audit("-f", "json"));
    assertEquals(List.of(), findings(trusted, "UA1004"));
    assertEquals("config", finding(trusted, "UA1015").get("suppressed").get("by").asText());
    assertEquals("inline", finding(trusted, "UA1001").get("suppressed").get("by").asText());

    Run text = audit("--ignore-tree-config", "--fail-on", "high");
    assertFalse(
        text.out().startsWith("<?xml"),
        "the tree's format (junit) is not used either: " + text.out());
    assertTrue(text.out().contains("UA1004"), "text, the default: " + text.out());
    assertEquals(1, text.code(), text.err());
    Run r = audit("--ignore-tree-config", "--fail-on", "high", "-f", "json");
    assertEquals(1, r.code(), r.err());
    JsonNode untrusted = json(r);
    assertEquals(1, findings(untrusted, "UA1004").size());
    assertTrue(finding(untrusted, "UA1015").get("suppressed").isNull());
    assertTrue(finding(untrusted, "UA1001").get("suppressed").isNull());
    // a broken tree config cannot stop an untrusted audit either
    config("{\"bogus\": true}");
    assertEquals(0, audit("-f", "json", "--ignore-tree-config").code());
    // an explicit --config is trusted even then, and inline comments stay off
    Path ci = tmp.resolve("ci.json");
    Files.writeString(ci, "{\"disabledRules\": [\"UA1015\"]}");
    JsonNode explicit =
        json(audit("-f", "json", "--ignore-tree-config", "--config", ci.toString()));
    assertEquals(List.of(), findings(explicit, "UA1015"));
    assertTrue(finding(explicit, "UA1001").get("suppressed").isNull());
    assertFalse(explicit.toString().contains("\"by\":\"inline\""));
  }
}
