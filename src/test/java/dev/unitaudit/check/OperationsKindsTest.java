package dev.unitaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge cases of the UA0xxx and UA5xxx–UA7xxx kinds that the rule fixtures do not pin down. */
class OperationsKindsTest {

  @TempDir Path root;

  @ParameterizedTest
  @CsvSource({
    "ProtectSytem,ProtectSystem",
    "nonewprivileges,NoNewPrivileges",
    "Restrat,Restart",
    "ExecStrat,ExecStart",
    "RuntimeMaxSecs,RuntimeMaxSec"
  })
  void suggestsTheClosestKey(String typo, String want) {
    assertEquals(
        want,
        UnknownKeyCheck.suggest(
            typo,
            Set.of(
                "ProtectSystem",
                "NoNewPrivileges",
                "Restart",
                "RestartSec",
                "ExecStart",
                "RuntimeMaxSec",
                "User"),
            3));
  }

  @Test
  void noSuggestionWhenNothingIsClose() {
    assertNull(UnknownKeyCheck.suggest("Frobnicate", Set.of("ProtectSystem", "User"), 3));
    // short keys only tolerate two edits
    assertNull(UnknownKeyCheck.suggest("Xyz", Set.of("User"), 3));
  }

  @ParameterizedTest
  @CsvSource({
    "512M,536870912",
    "1G,1073741824",
    "1.5K,1536",
    "100,100",
    "infinity,9223372036854775807"
  })
  void byteSizes(String text, long bytes) {
    assertEquals(OptionalLong.of(bytes), ValueOrderCheck.bytes(text));
  }

  @ParameterizedTest
  @CsvSource({"50%", "1 G", "-1", "lots"})
  void sizesThatAreNotCompared(String text) {
    assertEquals(OptionalLong.empty(), ValueOrderCheck.bytes(text));
  }

  @Test
  void secretValuesNeverReachThePlaceholders() {
    InlineSecretCheck.Params p =
        new InlineSecretCheck.Params(
            List.of("Environment", "ExecStart"), List.of("PASSWORD", "TOKEN"), 32, 4.0);
    List<Hit> hits =
        new ServiceTestTree(root)
            .file(
                "a.service",
                "[Service]\n"
                    + "Environment=DB_PASSWORD=hunter2\n"
                    + "ExecStart=/bin/a --token hunter3 postgres://u:hunter4@db/x\n")
            .run(new InlineSecretCheck(), p, "a.service");
    assertEquals(List.of("a.service:2", "a.service:3", "a.service:3"), ServiceTestTree.where(hits));
    for (Hit h : hits) {
      assertFalse(h.values().toString().contains("hunter"), h.values().toString());
    }
  }

  @Test
  void aMissingDependencyWithoutATypeIsReportedNotCorrected() {
    // found by PipelineFuzzTest: a word with no '.' beside a unit of a near name crashed the fix
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file("bom.service", "[Service]\nExecStart=/bin/true\n")
            .file("a.service", "[Unit]\nOnFailure=\uFEFFbom bom\n[Service]\nExecStart=/bin/true\n");
    List<Hit> hits =
        t.run(
            new DependencyExistsCheck(),
            new DependencyExistsCheck.Params(null, List.of("OnFailure")),
            "a.service");
    assertEquals(List.of("a.service:2", "a.service:2"), ServiceTestTree.where(hits));
    assertNull(
        hits.get(0).fix(), "no unit name to correct: the rule's own fix (create the unit) applies");
  }

  @Test
  void templateTimerFindsItsTemplateService() {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file("sync@.timer", "[Timer]\nOnCalendar=daily\n")
            .file("sync@.service", "[Service]\nType=oneshot\nExecStart=/bin/sync %i\n")
            .file("lone.timer", "[Timer]\nOnCalendar=daily\nUnit=other@%i.service\n");
    assertEquals(
        List.of(), t.run(new TriggerTargetCheck(), new TriggerTargetCheck.Params(), "sync@.timer"));
    List<Hit> hits = t.run(new TriggerTargetCheck(), new TriggerTargetCheck.Params(), "lone.timer");
    assertEquals(List.of("lone.timer:3"), ServiceTestTree.where(hits));
  }

  @Test
  void filePermissionsReadModesButNeverLeaveTheRoot() throws Exception {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file(
                "a.service",
                "[Service]\n"
                    + "EnvironmentFile=/etc/a/../../../outside.env\n"
                    + "EnvironmentFile=/etc/a/env\n"
                    + "ExecStart=/bin/a\n")
            .file("/etc/a/env", "X=1\n");
    Files.setPosixFilePermissions(
        root.resolve("etc/a/env"), PosixFilePermissions.fromString("rw-rw-rw-"));
    FilePermissionsCheck.Params p =
        new FilePermissionsCheck.Params("environment", "0006", null, null);
    List<Hit> hits = t.run(new FilePermissionsCheck(), p, "a.service");
    assertEquals(List.of("a.service:3"), ServiceTestTree.where(hits));
    assertEquals("0666", hits.get(0).values().get("mode"));
    assertEquals("every user", hits.get(0).values().get("who"));
  }

  @Test
  void modeBitsOnlyWithTheSwitchOn() {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file("p.path", "[Path]\nPathExists=/x\nDirectoryMode=777\nMakeDirectory=no\n");
    ModeBitsCheck.Params p =
        new ModeBitsCheck.Params("Path", List.of("DirectoryMode"), "0002", "MakeDirectory");
    assertEquals(List.of(), t.run(new ModeBitsCheck(), p, "p.path"));
    t.file("p.path.d/on.conf", "[Path]\nMakeDirectory=yes\n");
    assertEquals("0777", t.run(new ModeBitsCheck(), p, "p.path").get(0).values().get("mode"));
  }
}
