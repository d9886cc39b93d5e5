package dev.unitaudit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitaudit.model.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drop-in named as a PATH audits its unit, with paths shown relative to where the user stands.
 */
class SelectionDropInTest {

  @TempDir Path tmp;

  private Path tree() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a/foo.service.d"));
    Files.writeString(tmp.resolve("a/foo.service"), "[Service]\nExecStart=/bin/true\n");
    Files.writeString(a.resolve("x.conf"), "[Service]\nPrivateTmp=yes\n");
    return a;
  }

  private static void assertAudits(Selection s, String fragment, String dropIn) {
    assertEquals(List.of("foo.service"), s.unitNames());
    Unit u = s.loader().load("foo.service");
    assertEquals(fragment, u.fragment());
    assertEquals(List.of(dropIn), u.dropins());
  }

  @Test
  void fromTheRepositoryRoot() throws Exception {
    tree();
    assertAudits(
        Selection.of(List.of("a/foo.service.d/x.conf"), null, tmp),
        "a/foo.service",
        "a/foo.service.d/x.conf");
    assertAudits(
        Selection.of(List.of("./a/foo.service.d/./x.conf"), null, tmp),
        "a/foo.service",
        "a/foo.service.d/x.conf");
  }

  @Test
  void fromInsideTheDropInFolder() throws Exception {
    Path d = tree();
    assertAudits(
        Selection.of(List.of("x.conf"), null, d), "../foo.service", "../foo.service.d/x.conf");
    assertAudits(
        Selection.of(List.of("./x.conf"), null, d), "../foo.service", "../foo.service.d/x.conf");
  }
}
