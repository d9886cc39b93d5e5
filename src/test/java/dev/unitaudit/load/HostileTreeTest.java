package dev.unitaudit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.app.Selection;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never escapes as an exception, never blocks and never makes the loader leave the root:
 * one tree holding binary junk, invalid UTF-8, a 2 MiB line, symlink loops, a FIFO named like a
 * unit, links pointing outside the root, next to a good unit that must still load.
 */
class HostileTreeTest {

  static final String GOOD = "[Service]\nExecStart=/bin/true\nPrivateTmp=yes\n";

  @TempDir Path tmp;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void hostileTreeLoadsWithoutExceptionsOrEscapes() throws Exception {
    Path root = tmp.resolve("root");
    Path etc = Files.createDirectories(root.resolve("etc/systemd/system"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    // a sentinel outside the root: if it ever shows up, the loader left the root
    Files.writeString(outside.resolve("sentinel.service"), "[Service]\nExecStart=/bin/sentinel\n");
    Files.writeString(etc.resolve("good.service"), GOOD);
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Files.write(etc.resolve("binary.service"), junk);
    Files.write(
        etc.resolve("latin1.service"),
        "[Unit]\nDescription=caf\u00e9\n[Service]\nExecStart=/bin/true\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(
        etc.resolve("longline.service"),
        "[Unit]\nDescription=" + "x".repeat(2 * 1024 * 1024) + "\n" + GOOD);
    Files.writeString(
        etc.resolve("nul.service"), "[Service]\nExecStart=/bin/true\0PrivateTmp=yes\n");
    Files.createSymbolicLink(etc.resolve("loop1.service"), Path.of("loop2.service"));
    Files.createSymbolicLink(etc.resolve("loop2.service"), Path.of("loop1.service"));
    Files.createSymbolicLink(
        etc.resolve("dangling.service"), Path.of("/nonexistent/dangling.service"));
    Files.createSymbolicLink(etc.resolve("abs-out.service"), outside.resolve("sentinel.service"));
    Files.createSymbolicLink(
        etc.resolve("rel-out.service"), Path.of("../../../../outside/sentinel.service"));
    Files.createSymbolicLink(etc.resolve("good.service.d"), Path.of("../../../../outside"));
    Files.createDirectories(etc.resolve("dir.service"));
    Files.writeString(etc.resolve("z.service.d"), "not a directory");
    Process mk = new ProcessBuilder("mkfifo", etc.resolve("fifo.service").toString()).start();
    assertEquals(0, mk.waitFor());

    Selection sel = Selection.of(List.of(), root, root);
    UnitLoader loader = sel.loader();
    for (String name : loader.unitNames(Set.of(UnitType.values()))) {
      Unit u = loader.load(name);
      for (var a : u.assignments()) {
        assertFalse(
            a.value().contains("/bin/sentinel"),
            name + " read the sentinel outside the root: " + a);
      }
    }
    Unit good = loader.load("good.service");
    assertEquals("loaded", good.status().word());
    assertEquals(
        List.of(), good.dropins(), "a drop-in dir linking outside the root must not be read");
    assertEquals("bad-setting", loader.load("binary.service").status().word());
    Unit latin1 = loader.load("latin1.service");
    assertEquals("bad-setting", latin1.status().word());
    assertTrue(
        latin1.diagnostics().stream().anyMatch(d -> d.line() == 2 && d.message().contains("UTF-8")),
        latin1.diagnostics().toString());
    Unit longline = loader.load("longline.service");
    assertEquals("bad-setting", longline.status().word());
    assertTrue(
        longline.diagnostics().stream()
            .anyMatch(d -> d.line() == 2 && d.message().contains("too long")));
    assertEquals(
        List.of("PrivateTmp=yes"),
        loader.load("nul.service").assignments().stream()
            .filter(a -> a.key().equals("PrivateTmp"))
            .map(a -> a.key() + "=" + a.value())
            .toList());
    for (String n : List.of("loop1.service", "dangling.service", "fifo.service", "dir.service")) {
      assertEquals("not-found", loader.load(n).status().word(), n);
    }
    // links leaving the root are re-rooted / clamped, so they resolve to nothing inside it
    assertEquals("not-found", loader.load("abs-out.service").status().word());
    assertEquals("not-found", loader.load("rel-out.service").status().word());
    List<String> scan = loader.scanDiagnostics().stream().map(Object::toString).toList();
    assertTrue(
        scan.stream().anyMatch(s -> s.contains("loop1.service") && s.contains("loop")),
        scan.toString());
    assertTrue(
        scan.stream().anyMatch(s -> s.contains("fifo.service") && s.contains("not a regular file")),
        scan.toString());
  }

  @Test
  void linksInsideTheRootAreResolvedInsideIt() throws IOException {
    Path root = tmp.resolve("r2");
    Path usr = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
    Path etc = Files.createDirectories(root.resolve("etc/systemd/system"));
    Files.writeString(usr.resolve("real.service"), GOOD);
    // absolute target: re-rooted at the audited root, as the booted system would see it
    Files.createSymbolicLink(
        etc.resolve("alias.service"), Path.of("/usr/lib/systemd/system/real.service"));
    // '..' beyond the root clamps at the root
    Files.createSymbolicLink(
        etc.resolve("alias2.service"),
        Path.of("../../../../../../usr/lib/systemd/system/real.service"));
    UnitLoader loader = new UnitLoader(SearchPath.of(List.of(), root));
    Unit u = loader.load("alias.service");
    assertEquals("real.service", u.id());
    assertEquals(List.of("alias.service", "alias2.service"), u.aliases());
    assertEquals("real.service", loader.load("alias2.service").id());
  }
}
