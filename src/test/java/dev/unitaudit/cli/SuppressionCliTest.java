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
 * Inline suppressions end to end (issue 6): a suppression with a reason is applied and does not
 * fail the gate; one without a reason, an expired one and one naming an unknown rule are findings
 * of their own (UA0008, UA0009, UA0010) at the comment's file:line and suppress nothing. A
 * drop-in's suppression applies to the unit it extends. Suppressed findings are JUnit skipped and
 * SARIF suppressions[].
 *
 * <p>The unit has ProtectSystem=strict so that its only high finding is UA1001 (NoNewPrivileges=):
 * {@code --fail-on high} then passes exactly when UA1001 is suppressed.
 */
class SuppressionCliTest {

  static final String UNIT =
      "[Unit]\nDescription=web\n[Service]\nExecStart=/bin/true\nProtectSystem=strict\n";
  static final String DROPIN = "units/web.service.d/accept.conf";

  @TempDir Path tmp;
  Path repo;

  @BeforeEach
  void tree() throws Exception {
    repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve(".git")); // the config search stops here
    Files.createDirectories(repo.resolve("units/web.service.d"));
    Files.writeString(repo.resolve("units/web.service"), UNIT);
  }

  /** Writes the drop-in: its comment lines first (line 1, 2, …), then a harmless setting. */
  private void dropIn(String... comments) throws Exception {
    Files.writeString(
        repo.resolve(DROPIN), String.join("\n", comments) + "\n[Service]\nPrivateTmp=yes\n");
  }

  /** Audits {@code units} from the repository root, so report paths are repository paths. */
  private Run audit(String... extra) {
    List<String> args = new ArrayList<>(List.of(repo.resolve("units").toString()));
    args.addAll(List.of(extra));
    return CliTest.run(args.toArray(String[]::new));
  }

  static JsonNode json(Run r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }

  static List<JsonNode> findings(JsonNode report, String rule) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode u : report.get("units")) {
      for (JsonNode f : u.get("findings")) {
        if (f.get("rule").asText().equals(rule)) {
          out.add(f);
        }
      }
    }
    return out;
  }

  static JsonNode finding(JsonNode report, String rule) {
    List<JsonNode> fs = findings(report, rule);
    assertEquals(1, fs.size(), rule + " in " + report.get("units"));
    return fs.get(0);
  }

  @Test
  void withoutAnySuppressionTheGateFailsOnUa1001() throws Exception {
    dropIn("# a plain comment");
    Run r = audit("-f", "json", "--fail-on", "high");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("UA1001"), r.err());
    assertTrue(finding(json(r), "UA1001").get("suppressed").isNull());
  }

  @Test
  void aDropInSuppressionWithAReasonAppliesToTheUnitItExtends() throws Exception {
    dropIn("# unitaudit: ignore=UA1001 reason=\"runs a legacy daemon\" until=2999-06-30");
    Run r = audit("-f", "json", "--fail-on", "high");
    assertEquals(0, r.code(), "the suppressed finding does not fail the gate: " + r.err());
    JsonNode report = json(r);
    assertEquals(1, report.get("units").size());
    assertEquals("web.service", report.get("units").get(0).get("unit").asText());
    JsonNode f = finding(report, "UA1001");
    // the finding stays in the report, where it is (the fragment), marked suppressed
    assertTrue(f.get("file").asText().endsWith("units/web.service"), f.toString());
    JsonNode s = f.get("suppressed");
    assertEquals("inline", s.get("by").asText());
    assertEquals("runs a legacy daemon", s.get("reason").asText());
    assertEquals("2999-06-30", s.get("until").asText());
    for (String rule : new String[] {"UA0008", "UA0009", "UA0010"}) {
      assertEquals(List.of(), findings(report, rule), "a valid suppression is no problem");
    }
    // other findings are untouched
    assertTrue(finding(report, "UA1004").get("suppressed").isNull());
  }

  @Test
  void aRuleNameWorksLikeItsId() throws Exception {
    dropIn("# unitaudit: ignore=no-new-privileges reason=\"by name\"");
    Run r = audit("-f", "json", "--fail-on", "high");
    assertEquals(0, r.code(), r.err());
    JsonNode report = json(r);
    assertEquals("by name", finding(report, "UA1001").get("suppressed").get("reason").asText());
    assertEquals(List.of(), findings(report, "UA0010"));
  }

  @Test
  void withoutAReasonItIsUa0008AtItsFileAndLineAndSuppressesNothing() throws Exception {
    dropIn("# accepted", "# unitaudit: ignore=UA1001");
    Run r = audit("-f", "json", "--fail-on", "high");
    assertEquals(1, r.code(), "UA1001 still counts: " + r.err());
    JsonNode report = json(r);
    assertTrue(finding(report, "UA1001").get("suppressed").isNull());
    JsonNode bad = finding(report, "UA0008");
    assertTrue(bad.get("file").asText().endsWith(DROPIN), bad.toString());
    assertEquals(2, bad.get("line").asInt());
    assertEquals("medium", bad.get("severity").asText());
    assertTrue(bad.get("message").asText().contains("a reason is required"), bad.toString());
    assertTrue(bad.get("suppressed").isNull());
    // people see file:line in the text report
    Run textWith = audit("-f", "text");
    assertTrue(textWith.out().contains(DROPIN + ":2"), textWith.out());
  }

  @Test
  void anEmptyReasonOrBadSyntaxIsUa0008Too() throws Exception {
    dropIn(
        "# unitaudit: ignore=UA1001 reason=\"\"",
        "# unitaudit: ignore=UA1001 reason=\"x\" until=someday",
        "# unitaudit: reason=\"no ids\"",
        "# unitaudit: ignore=UA1001 reason=\"x\" because=legacy");
    JsonNode report = json(audit("-f", "json"));
    List<JsonNode> bad = findings(report, "UA0008");
    assertEquals(4, bad.size(), bad.toString());
    for (int i = 0; i < 4; i++) {
      assertEquals(i + 1, bad.get(i).get("line").asInt());
    }
    assertTrue(bad.get(1).get("message").asText().contains("until must be a date"), bad.toString());
    assertTrue(bad.get(2).get("message").asText().contains("no rule ids"), bad.toString());
    assertTrue(
        bad.get(3).get("message").asText().contains("unknown key 'because'"), bad.toString());
    assertTrue(finding(report, "UA1001").get("suppressed").isNull());
  }

  @Test
  void anExpiredSuppressionIsUa0009AndCountsAgain() throws Exception {
    dropIn("# unitaudit: ignore=UA1001,UA1004 reason=\"was temporary\" until=2020-01-31");
    Run r = audit("-f", "json", "--fail-on", "high");
    assertEquals(1, r.code(), r.err());
    JsonNode report = json(r);
    assertTrue(
        finding(report, "UA1001").get("suppressed").isNull(), "expired: the finding counts again");
    assertTrue(finding(report, "UA1004").get("suppressed").isNull());
    JsonNode expired = finding(report, "UA0009");
    assertTrue(expired.get("file").asText().endsWith(DROPIN), expired.toString());
    assertEquals(1, expired.get("line").asInt());
    assertEquals(
        "the suppression of UA1001,UA1004 expired on 2020-01-31: its findings count again",
        expired.get("message").asText());
  }

  @Test
  void untilIsInclusiveOfItsDay() throws Exception {
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    dropIn("# unitaudit: ignore=UA1001 reason=\"last day\" until=" + today);
    JsonNode report = json(audit("-f", "json"));
    assertEquals("inline", finding(report, "UA1001").get("suppressed").get("by").asText());
    assertEquals(List.of(), findings(report, "UA0009"));
  }

  @Test
  void anUnknownRuleIdIsUa0010AndTheKnownIdsStillApply() throws Exception {
    dropIn("# unitaudit: ignore=UA9999,UA1001 reason=\"typo beside a real id\"");
    Run r = audit("-f", "json", "--fail-on", "high");
    assertEquals(0, r.code(), r.err());
    JsonNode report = json(r);
    JsonNode unknown = finding(report, "UA0010");
    assertEquals(
        "the suppression names UA9999, which is not a rule: it suppresses nothing",
        unknown.get("message").asText());
    assertTrue(unknown.get("file").asText().endsWith(DROPIN), unknown.toString());
    assertEquals(1, unknown.get("line").asInt());
    assertEquals("inline", finding(report, "UA1001").get("suppressed").get("by").asText());
  }

  @Test
  void ignoreTreeConfigTurnsInlineSuppressionsOff() throws Exception {
    dropIn("# unitaudit: ignore=UA1001 reason=\"legacy\"");
    Run r = audit("-f", "json", "--fail-on", "high", "--ignore-tree-config");
    assertEquals(1, r.code(), r.err());
    assertTrue(finding(json(r), "UA1001").get("suppressed").isNull());
  }

  @Test
  void suppressedFindingsAreJunitSkippedAndSarifSuppressions() throws Exception {
    dropIn("# unitaudit: ignore=UA1001 reason=\"runs a legacy daemon\" until=2999-06-30");
    Files.writeString(
        repo.resolve(".unitaudit.json"),
        "{\"ignore\": [{\"unit\": \"web.service\", \"rules\": [\"UA1004\"], \"reason\": \"no homes"
            + " here\"}]}");

    String junit = audit("-f", "junit").out();
    int at = junit.indexOf("name=\"UA1001 ");
    assertTrue(at > 0, junit);
    String testcase = junit.substring(at, junit.indexOf("</testcase>", at));
    assertTrue(
        testcase.contains(
            "<skipped message=\"suppressed: runs a legacy daemon (until 2999-06-30)\">"),
        testcase);
    assertFalse(testcase.contains("<failure"), testcase);
    at = junit.indexOf("name=\"UA1004 ");
    testcase = junit.substring(at, junit.indexOf("</testcase>", at));
    assertTrue(testcase.contains("<skipped message=\"suppressed: no homes here\">"), testcase);
    at = junit.indexOf("name=\"UA1015 ");
    assertTrue(
        junit.substring(at, junit.indexOf("</testcase>", at)).contains("<failure"),
        "unsuppressed: a failure");

    JsonNode sarif = new ObjectMapper().readTree(audit("-f", "sarif").out());
    JsonNode inline = null;
    JsonNode config = null;
    JsonNode open = null;
    for (JsonNode res : sarif.get("runs").get(0).get("results")) {
      switch (res.get("ruleId").asText()) {
        case "UA1001" -> inline = res;
        case "UA1004" -> config = res;
        case "UA1015" -> open = res;
        default -> {}
      }
    }
    assertEquals("inSource", inline.get("suppressions").get(0).get("kind").asText());
    assertEquals("accepted", inline.get("suppressions").get(0).get("status").asText());
    assertEquals(
        "inline: runs a legacy daemon (until 2999-06-30)",
        inline.get("suppressions").get(0).get("justification").asText());
    assertEquals("external", config.get("suppressions").get(0).get("kind").asText());
    assertEquals(
        "config: no homes here", config.get("suppressions").get(0).get("justification").asText());
    assertTrue(
        open.path("suppressions").isMissingNode() || open.get("suppressions").isEmpty(),
        open.toString());
  }
}
