package dev.unitaudit.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unitaudit fix} on the small trees of fixtures/fix, through the command line. */
class FixCommandTest {

  private static final Path FIXTURES = Path.of("fixtures/fix");

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A copy of one fixture tree, so that --write never touches the repository. */
  static Path tree(Path tmp, String name) throws IOException {
    Path from = FIXTURES.resolve(name);
    Path to = tmp.resolve(name);
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path d = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(d);
        } else {
          Files.copy(p, d);
        }
      }
    }
    return to;
  }

  static JsonNode audit(Path root, String unit) throws IOException {
    Run r = run("audit", "--root", root.toString(), "-f", "json", "--no-fail", unit);
    assertEquals(0, r.code(), r.err());
    return new ObjectMapper().readTree(r.out()).get("units").get(0);
  }

  static List<String> openRules(JsonNode unit) {
    List<String> out = new ArrayList<>();
    unit.get("findings").forEach(f -> out.add(f.get("rule").asText()));
    return out;
  }

  @Test
  void jitRuntimeGetsNoMemoryDenyWriteExecuteUnlessAggressive(@TempDir Path tmp) throws Exception {
    Path root = tree(tmp, "jit");
    Run r = run("fix", "--root", root.toString(), "--level", "3", "shop.service", "worker.service");
    assertEquals(0, r.code(), r.err());
    String shop = r.out().substring(0, r.out().indexOf("# worker.service"));
    String worker = r.out().substring(r.out().indexOf("# worker.service"));
    assertFalse(shop.contains("\nMemoryDenyWriteExecute=yes\n"), shop);
    assertTrue(shop.contains("UA1010 memory-deny-write-execute") && shop.contains("java"), shop);
    assertTrue(r.err().contains("shop.service: not done: UA1010"), r.err());
    assertTrue(
        worker.contains("# UA1010 memory-deny-write-execute: ")
            && worker.contains("\nMemoryDenyWriteExecute=yes\n"),
        worker);
    Run a = run("fix", "--root", root.toString(), "--level", "3", "--aggressive", "shop.service");
    assertTrue(a.out().contains("\nMemoryDenyWriteExecute=yes\n"), a.out());
    assertTrue(a.out().contains("--aggressive although ExecStart= runs java"), a.out());
  }

  @Test
  void appendLogsAndPidDirectoryStayWritable(@TempDir Path tmp) throws Exception {
    Path root = tree(tmp, "logs");
    assertTrue(openRules(audit(root, "app.service")).contains("UA1005"));
    Run r = run("fix", "--root", root.toString(), "--write", "app.service");
    assertEquals(0, r.code(), r.err());
    Path file = root.resolve("etc/systemd/system/app.service.d/zz-unitaudit-hardening.conf");
    String text = Files.readString(file);
    assertTrue(r.out().contains(text), "prints what it writes");
    assertTrue(r.err().contains("wrote " + file), r.err());
    for (String want :
        List.of(
            "ReadWritePaths=-/var/log/app/out.log",
            "ReadWritePaths=-/var/log/app/err.log",
            "ReadWritePaths=-/run/app",
            "ProtectSystem=strict",
            "NoNewPrivileges=yes",
            "PrivateTmp=yes",
            "ProtectHome=yes",
            "# UA1003 protect-system-strict: ",
            "# UA1005 writable-paths-undeclared: ",
            "# UA1001 no-new-privileges: ")) {
      assertTrue(text.contains("\n" + want), want + " in\n" + text);
    }
    assertFalse(text.contains("/etc/default/app"), "EnvironmentFile= is only read");
    // it declares no writable directory of its own: the conventional ones, ignored when missing
    assertTrue(
        text.contains("\nReadWritePaths=-/var/lib/%p -/var/cache/%p -/var/log/%p -/var/spool/%p\n"),
        text);
    // every setting comes with what it may break
    assertTrue(text.contains("# warning: the whole file system becomes read-only"), text);
    assertTrue(r.err().contains("app.service: warning: ProtectSystem=strict: "), r.err());
    JsonNode after = audit(root, "app.service");
    assertTrue(after.get("level").asInt() >= 2, after.toString());
    for (String rule : List.of("UA1001", "UA1002", "UA1003", "UA1004", "UA1005")) {
      assertFalse(openRules(after).contains(rule), rule + " still open");
    }
  }

  @Test
  void alreadyHardenedUnitGetsAnEmptyDropInAndNothingIsWritten(@TempDir Path tmp) throws Exception {
    Path root = tree(tmp, "hardened");
    Run r = run("fix", "--root", root.toString(), "--write", "tight.service");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("# nothing to add at level 2"), r.out());
    assertFalse(r.out().contains("["), "no section: an empty drop-in\n" + r.out());
    assertFalse(
        Files.exists(root.resolve("etc/systemd/system/tight.service.d")), "nothing written");
  }

  @Test
  void writeRefusesToOverwriteUnlessForced(@TempDir Path tmp) throws Exception {
    Path root = tree(tmp, "logs");
    Path file = root.resolve("etc/systemd/system/app.service.d/zz-unitaudit-hardening.conf");
    assertEquals(0, run("fix", "--root", root.toString(), "--write", "app.service").code());
    String first = Files.readString(file);
    Files.writeString(file, first + "# edited by the admin\n");
    Run again = run("fix", "--root", root.toString(), "--write", "app.service");
    assertEquals(2, again.code(), again.err());
    assertTrue(again.err().contains("already exists; use --force"), again.err());
    assertTrue(Files.readString(file).endsWith("# edited by the admin\n"), "left untouched");
    // --force regenerates it from the unit without the old drop-in: the same settings, not an empty
    // file
    Run forced = run("fix", "--root", root.toString(), "--write", "--force", "app.service");
    assertEquals(0, forced.code(), forced.err());
    assertEquals(first, Files.readString(file));
    assertEquals(
        2,
        run("fix", "--root", root.toString(), "--force", "app.service").code(),
        "--force needs --write");
  }

  @Test
  void laterDropInOverridingASettingIsReported(@TempDir Path tmp) throws Exception {
    Path root = tree(tmp, "override");
    Run r = run("fix", "--root", root.toString(), "--write", "web.service");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "overridden: etc/systemd/system/web.service.d/zzz-local.conf:2 sets"
                    + " ProtectSystem=no and sorts after zz-unitaudit-hardening.conf, so it"
                    + " overrides ProtectSystem=strict"),
        r.err());
    String text =
        Files.readString(
            root.resolve("etc/systemd/system/web.service.d/zz-unitaudit-hardening.conf"));
    assertTrue(
        text.contains("# Overridden: etc/systemd/system/web.service.d/zzz-local.conf:2"), text);
    // paths of earlier drop-ins and RuntimeDirectory= are already writable: nothing repeated, no
    // guesses
    assertFalse(text.contains("\nReadWritePaths="), text);
    assertTrue(text.contains("\nProtectSystem=strict\n"), text);
    assertTrue(r.err().contains("UA1003 would still be open"), r.err());
    JsonNode after = audit(root, "web.service");
    assertTrue(openRules(after).contains("UA1003"), "the later drop-in wins, as reported");
    assertFalse(openRules(after).contains("UA1001"));
  }

  @Test
  void sessionSpawnerAndPidFileInRunAreLeftOpenWithTheReason(@TempDir Path tmp) throws Exception {
    Path root = tree(tmp, "session");
    Run r = run("fix", "--root", root.toString(), "--write", "shell.service");
    assertEquals(0, r.code(), r.err());
    for (String rule : List.of("UA1001", "UA1002", "UA1003", "UA1004")) {
      assertTrue(r.err().contains("shell.service: not done: " + rule), rule + "\n" + r.err());
    }
    assertTrue(r.err().contains("PAMName=login"), r.err());
    // at level 3 too: the level-3 sandbox would be inherited by the users' sessions
    Path level3 = tree(tmp.resolve("l3"), "session");
    Run r3 = run("fix", "--root", level3.toString(), "--level", "3", "shell.service");
    assertEquals(0, r3.code(), r3.err());
    for (String key :
        List.of(
            "PrivateDevices",
            "ProtectKernelTunables",
            "ProtectControlGroups",
            "MemoryDenyWriteExecute",
            "RestrictRealtime",
            "RestrictSUIDSGID")) {
      assertFalse(r3.out().contains("\n" + key + "="), key + "\n" + r3.out());
      assertTrue(r3.err().contains("users' login sessions would inherit"), r3.err());
    }
    Path legacy = tree(tmp, "pidrun");
    Run p = run("fix", "--root", legacy.toString(), "--write", "legacy.service");
    assertEquals(0, p.code(), p.err());
    assertTrue(
        p.err()
            .contains(
                "not done: UA1003 protect-system-strict: ProtectSystem=strict would make read-only"
                    + " what the service writes: /run (PIDFile=/var/run/legacyd.pid"),
        p.err());
    String text =
        Files.readString(
            legacy.resolve("etc/systemd/system/legacy.service.d/zz-unitaudit-hardening.conf"));
    assertTrue(
        text.contains("# Not done (could not do it safely; these findings stay open):"), text);
    assertFalse(text.contains("\nProtectSystem="), text);
    assertTrue(text.contains("\nNoNewPrivileges=yes\n"), text);
    JsonNode after = audit(legacy, "legacy.service");
    assertTrue(
        openRules(after).contains("UA1003") && openRules(after).contains("UA1005"),
        after.toString());
    assertFalse(openRules(after).contains("UA1001"));
    assertEquals(1, after.get("level").asInt());
  }

  @Test
  void templateGetsTheTemplateDropInDirectory(@TempDir Path tmp) throws Exception {
    Path root = tree(tmp, "template");
    Run r = run("fix", "--root", root.toString(), "--write", "job@.service");
    assertEquals(0, r.code(), r.err());
    String text =
        Files.readString(
            root.resolve("etc/systemd/system/job@.service.d/zz-unitaudit-hardening.conf"));
    assertTrue(
        text.contains("ReadWritePaths=-/var/lib/%p"),
        "conventional paths keep specifiers\n" + text);
    assertTrue(audit(root, "job@web.service").get("level").asInt() >= 2);
  }

  @Test
  void pathAuditWritesBesideTheUnitFile(@TempDir Path tmp) throws Exception {
    Path repo = tree(tmp, "repo");
    Run r = run("fix", "--write", repo.resolve("deploy/api.service").toString());
    assertEquals(0, r.code(), r.err());
    Path file = repo.resolve("deploy/api.service.d/zz-unitaudit-hardening.conf");
    assertTrue(Files.isRegularFile(file), r.err());
    assertTrue(Files.readString(file).contains("ProtectSystem=strict"));
    Run a = run("audit", "-f", "json", "--no-fail", repo.resolve("deploy").toString());
    JsonNode unit = new ObjectMapper().readTree(a.out()).get("units").get(0);
    assertTrue(unit.get("level").asInt() >= 2, unit.toString());
  }

  @Test
  void diffShowsTheMergedUnitBeforeAndAfter(@TempDir Path tmp) throws Exception {
    Path root = tree(tmp, "logs");
    Run r = run("fix", "--root", root.toString(), "--format", "diff", "app.service");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .startsWith(
                "--- a/app.service (merged)\n"
                    + "+++ b/app.service (with zz-unitaudit-hardening.conf)\n"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "\n+# drop-in 1: etc/systemd/system/app.service.d/zz-unitaudit-hardening.conf\n"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "\n"
                    + "+ProtectSystem=strict    #"
                    + " etc/systemd/system/app.service.d/zz-unitaudit-hardening.conf:"),
        r.out());
    assertFalse(
        Files.exists(root.resolve("etc/systemd/system/app.service.d")),
        "diff alone writes nothing");
  }

  @Test
  void neverWritesThroughASymlinkLeadingOutsideTheRoot(@TempDir Path tmp) throws Exception {
    Path root = tree(tmp, "logs");
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.createDirectories(root.resolve("etc/systemd/system"));
    Files.createSymbolicLink(root.resolve("etc/systemd/system/app.service.d"), outside);
    Run r = run("fix", "--root", root.toString(), "--write", "app.service");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("leads outside"), r.err());
    try (Stream<Path> s = Files.list(outside)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void usageErrors(@TempDir Path tmp) throws Exception {
    assertEquals(2, run("fix").code());
    Path root = tree(tmp, "logs");
    assertEquals(
        2, run("fix", "--root", root.toString(), "--format", "json", "app.service").code());
    assertEquals(2, run("fix", "--root", root.toString(), "nope.service").code());
  }
}
