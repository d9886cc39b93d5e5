package dev.unitaudit.fix;

import static dev.unitaudit.fix.FixCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fix} judges a unit by the audit the same options and config produce (issue 13): what the
 * audit does not report open (a disabled rule, a suppressed finding) is neither written nor claimed
 * as closed, and what it closes is always a subset of what the audit reports open.
 */
class FixFollowsTheAuditTest {

  private static final String UNIT =
      "[Unit]\nDescription=Web\n\n[Service]\nExecStart=/usr/bin/web --serve\nUser=web\n";

  private static Path root(Path tmp, String unitText) throws IOException {
    Path dir = tmp.resolve("root/etc/systemd/system");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("web.service"), unitText);
    return tmp.resolve("root");
  }

  private static Path config(Path tmp, String json) throws IOException {
    Path f = tmp.resolve("unitaudit.json");
    Files.writeString(f, json);
    return f;
  }

  /** Rule ids the audit reports open (not suppressed) on web.service. */
  private static Set<String> openInAudit(Path root, String... extra) throws IOException {
    List<String> args =
        new ArrayList<>(List.of("audit", "--root", root.toString(), "-f", "json", "--no-fail"));
    args.addAll(List.of(extra));
    args.add("web.service");
    FixCommandTest.Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    JsonNode unit = new ObjectMapper().readTree(r.out()).get("units").get(0);
    Set<String> out = new TreeSet<>();
    unit.get("findings")
        .forEach(
            f -> {
              if (f.get("suppressed") == null || f.get("suppressed").isNull()) {
                out.add(f.get("rule").asText());
              }
            });
    return out;
  }

  private static FixCommandTest.Run fix(Path root, String... extra) {
    List<String> args = new ArrayList<>(List.of("fix", "--root", root.toString()));
    args.addAll(List.of(extra));
    args.add("web.service");
    FixCommandTest.Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    return r;
  }

  private static Set<String> closes(String dropIn) {
    for (String l : dropIn.split("\n")) {
      if (l.startsWith("# Closes: ")) {
        return new TreeSet<>(List.of(l.substring("# Closes: ".length()).split(" ")));
      }
    }
    throw new AssertionError("no Closes line in:\n" + dropIn);
  }

  @Test
  void withoutConfigTheFixClosesNoNewPrivileges(@TempDir Path tmp) throws Exception {
    Path root = root(tmp, UNIT);
    FixCommandTest.Run r = fix(root);
    assertTrue(r.out().contains("\nNoNewPrivileges=yes\n"), r.out());
    assertTrue(closes(r.out()).contains("UA1001"), r.out());
    assertTrue(openInAudit(root).containsAll(closes(r.out())), r.out());
  }

  @Test
  void aDisabledRuleIsNeitherWrittenNorClaimed(@TempDir Path tmp) throws Exception {
    Path root = root(tmp, UNIT);
    Path cfg = config(tmp, "{\"disabledRules\": [\"UA1001\"]}");
    Set<String> open = openInAudit(root, "--config", cfg.toString());
    assertFalse(open.contains("UA1001"), open.toString());
    FixCommandTest.Run r = fix(root, "--config", cfg.toString());
    assertFalse(r.out().contains("NoNewPrivileges="), r.out());
    assertFalse(r.out().contains("UA1001"), r.out());
    assertTrue(open.containsAll(closes(r.out())), open + " vs " + r.out());
  }

  @Test
  void aDisabledRuleByNameIsNeitherWrittenNorClaimed(@TempDir Path tmp) throws Exception {
    Path root = root(tmp, UNIT);
    Path cfg = config(tmp, "{\"disabledRules\": [\"no-new-privileges\"]}");
    FixCommandTest.Run r = fix(root, "--config", cfg.toString());
    assertFalse(r.out().contains("NoNewPrivileges="), r.out());
  }

  @Test
  void anInlineSuppressionKeepsTheFixOff(@TempDir Path tmp) throws Exception {
    Path root =
        root(tmp, "# unitaudit: ignore=UA1001 reason=\"runs a setuid helper by design\"\n" + UNIT);
    assertFalse(openInAudit(root).contains("UA1001"));
    FixCommandTest.Run r = fix(root);
    assertFalse(r.out().contains("NoNewPrivileges="), r.out());
    assertFalse(closes(r.out()).contains("UA1001"), r.out());
    assertTrue(openInAudit(root).containsAll(closes(r.out())), r.out());
  }

  @Test
  void aConfigIgnoreKeepsTheFixOff(@TempDir Path tmp) throws Exception {
    Path root = root(tmp, UNIT);
    Path cfg =
        config(
            tmp,
            "{\"ignore\": [{\"unit\": \"web.service\", \"rules\": [\"UA1001\"],"
                + " \"reason\": \"setuid helper\"}]}");
    FixCommandTest.Run r = fix(root, "--config", cfg.toString());
    assertFalse(r.out().contains("NoNewPrivileges="), r.out());
    assertTrue(openInAudit(root, "--config", cfg.toString()).containsAll(closes(r.out())));
  }

  @Test
  void aSeverityOverrideStillReportsTheRuleSoTheFixClosesIt(@TempDir Path tmp) throws Exception {
    Path root = root(tmp, UNIT);
    Path cfg = config(tmp, "{\"severity\": {\"UA1001\": \"info\"}}");
    FixCommandTest.Run a =
        run(
            "audit",
            "--root",
            root.toString(),
            "-f",
            "json",
            "--no-fail",
            "--config",
            cfg.toString(),
            "web.service");
    JsonNode finding = null;
    for (JsonNode f : new ObjectMapper().readTree(a.out()).get("units").get(0).get("findings")) {
      if (f.get("rule").asText().equals("UA1001")) {
        finding = f;
      }
    }
    assertEquals("info", finding.get("severity").asText());
    FixCommandTest.Run r = fix(root, "--config", cfg.toString());
    assertTrue(closes(r.out()).contains("UA1001"), r.out());
    assertTrue(openInAudit(root, "--config", cfg.toString()).containsAll(closes(r.out())));
  }

  @Test
  void levelOneClosesOnlyWhatTheLevelOneAuditReports(@TempDir Path tmp) throws Exception {
    Path root = root(tmp, UNIT);
    Set<String> open = openInAudit(root, "--level", "1");
    FixCommandTest.Run r = fix(root, "--level", "1");
    assertTrue(open.containsAll(closes(r.out())), open + " vs " + closes(r.out()));
    assertTrue(r.out().contains("(ladder level 1)"), r.out());
  }
}
