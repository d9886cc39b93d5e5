package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.app.Selection;
import dev.unitaudit.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository folder is searched recursively and each folder that holds units is a unit directory
 * of its own; an audit of nothing, or of a missing unit, never passes (issue 12, items 2 and 3).
 */
class RepositoryFolderCliTest {

  @TempDir Path tmp;
  Path repo;

  private static final String WEB =
      "[Unit]\nDescription=web %s\n[Service]\nExecStart=/usr/bin/web\n";

  @BeforeEach
  void repository() throws Exception {
    repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("deploy/staging"));
    Files.createDirectories(repo.resolve("deploy/prod/web.service.d"));
    Files.writeString(repo.resolve("deploy/staging/web.service"), WEB.formatted("staging"));
    Files.writeString(repo.resolve("deploy/prod/web.service"), WEB.formatted("prod"));
    Files.writeString(
        repo.resolve("deploy/prod/web.service.d/harden.conf"), "[Service]\nNoNewPrivileges=yes\n");
    // folders that are never searched
    for (String skipped :
        List.of("node_modules/pkg", "target/classes", "build/out", ".github/units", ".git/hooks")) {
      Files.createDirectories(repo.resolve(skipped));
      Files.writeString(repo.resolve(skipped).resolve("skipped.service"), WEB.formatted("skipped"));
    }
  }

  private static JsonNode json(Run r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }

  private static List<String> unitsAndFragments(JsonNode report) {
    List<String> out = new ArrayList<>();
    report
        .get("units")
        .forEach(u -> out.add(u.get("unit").asText() + " " + u.get("fragment").asText()));
    return out;
  }

  @Test
  void unitsTwoFoldersDownAreFoundAndEachFolderIsItsOwnUnitDirectory() throws Exception {
    Selection sel = Selection.of(List.of("."), null, repo);
    assertEquals(2, sel.scopes().size());
    Run r = CliTest.run(repo.toString(), "-f", "json", "--ignore-tree-config");
    assertEquals(0, r.code(), r.err());
    JsonNode report = json(r);
    assertEquals(
        List.of(
            "web.service " + repo + "/deploy/prod/web.service",
            "web.service " + repo + "/deploy/staging/web.service"),
        unitsAndFragments(report));
    JsonNode prod = report.get("units").get(0);
    assertEquals("web prod", prod.get("description").asText());
    assertEquals(
        repo + "/deploy/prod/web.service.d/harden.conf",
        prod.get("dropins").get(0).asText(),
        "a drop-in applies to the unit beside it");
    assertEquals(0, report.get("units").get(1).get("dropins").size(), "and only to that one");
  }

  @Test
  void pathsAreRelativeToTheWorkingDirectoryWhenNamedRelatively() throws Exception {
    Path cwd = Path.of("").toAbsolutePath();
    String rel = cwd.relativize(repo).toString();
    JsonNode report = json(CliTest.run(rel, "-f", "json", "--ignore-tree-config"));
    assertEquals(
        List.of(
            "web.service " + rel + "/deploy/prod/web.service",
            "web.service " + rel + "/deploy/staging/web.service"),
        unitsAndFragments(report));
  }

  @Test
  void unitauditignoreUsesGitignoreSyntax() throws Exception {
    Files.writeString(repo.resolve(".unitauditignore"), "# old deployments\ndeploy/staging/\n");
    assertEquals(
        List.of("web.service " + repo + "/deploy/prod/web.service"),
        unitsAndFragments(
            json(CliTest.run(repo.toString(), "-f", "json", "--ignore-tree-config"))));
    Files.writeString(repo.resolve(".unitauditignore"), "*.service\n!deploy/prod/web.service\n");
    assertEquals(
        List.of("web.service " + repo + "/deploy/prod/web.service"),
        unitsAndFragments(
            json(CliTest.run(repo.toString(), "-f", "json", "--ignore-tree-config"))));
    // an ignore file inside the folder named, and one above it up to the repository root, both
    // count
    Files.writeString(repo.resolve(".unitauditignore"), "prod\n");
    Run below =
        CliTest.run(repo.resolve("deploy").toString(), "-f", "json", "--ignore-tree-config");
    assertEquals(
        List.of("web.service " + repo + "/deploy/staging/web.service"),
        unitsAndFragments(json(below)));
  }

  @Test
  void anEmptyFolderIsExitTwoNotAGreenAudit() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Run r = CliTest.run(empty.toString(), "--fail-on", "info");
    assertEquals(2, r.code());
    assertEquals("unitaudit: no units found in " + empty + "\n", r.err());
    assertEquals("", r.out(), "no report of nothing");
    // a folder whose units all sit in skipped folders is empty too
    Path onlySkipped = Files.createDirectories(tmp.resolve("tool/node_modules/pkg"));
    Files.writeString(onlySkipped.resolve("x.service"), WEB.formatted("x"));
    Files.createDirectories(tmp.resolve("tool/.github"));
    Files.writeString(tmp.resolve("tool/.github/y.service"), WEB.formatted("y"));
    Run skipped = CliTest.run(tmp.resolve("tool").toString());
    assertEquals(2, skipped.code());
    assertTrue(skipped.err().contains("no units found in " + tmp.resolve("tool")), skipped.err());
  }

  @Test
  void aNamedUnitNotFoundIsReportedOnceAndExitsTwoUnlessIgnored() throws Exception {
    Path etc = Files.createDirectories(tmp.resolve("root/etc/systemd/system"));
    Files.writeString(etc.resolve("web.service"), WEB.formatted("root"));
    String root = tmp.resolve("root").toString();
    Run r = CliTest.run("--root", root, "web.service", "ssh.service", "-f", "json");
    assertEquals(2, r.code());
    JsonNode report = json(r);
    assertEquals(
        List.of("web.service", "ssh.service"),
        List.of(
            report.get("units").get(0).get("unit").asText(),
            report.get("units").get(1).get("unit").asText()),
        "the others are audited and reported");
    assertEquals(1, r.err().split("ssh.service", -1).length - 1, "named once: " + r.err());
    assertTrue(r.err().contains("unitaudit: error: ssh.service: not found"), r.err());
    assertEquals(
        0,
        CliTest.run("--root", root, "web.service", "ssh.service", "-f", "json", "--ignore-missing")
            .code());
    // on the text report the unit is named there, not again on stderr
    Run text = CliTest.run("--root", root, "web.service", "ssh.service");
    assertEquals(2, text.code());
    assertFalse(text.err().contains("ssh.service"), text.err());
    assertTrue(text.out().contains("ssh.service"), text.out());
  }

  @Test
  void aLinkLeavingTheFolderIsAFindingThatNamesItsTarget() throws Exception {
    Files.createSymbolicLink(
        repo.resolve("deploy/prod/dbus-org.example.service"),
        Path.of("/lib/systemd/system/web.service"));
    Run r =
        CliTest.run(repo.resolve("deploy/prod").toString(), "-f", "json", "--ignore-tree-config");
    JsonNode link = null;
    for (JsonNode u : json(r).get("units")) {
      if (u.get("unit").asText().equals("dbus-org.example.service")) {
        link = u;
      }
    }
    assertTrue(link != null, r.out());
    JsonNode f = link.get("findings").get(0);
    assertEquals("UA0011", f.get("rule").asText());
    assertEquals(repo + "/deploy/prod/dbus-org.example.service", f.get("file").asText());
    assertTrue(
        f.get("message")
            .asText()
            .startsWith("symlink to /lib/systemd/system/web.service, outside the audited folder"),
        f.toString());
    assertTrue(f.get("message").asText().contains("--root"), f.toString());
    assertFalse(r.err().contains("dangling"), "a finding, not a dangling-link warning: " + r.err());
  }
}
