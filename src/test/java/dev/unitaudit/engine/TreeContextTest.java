package dev.unitaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.check.CheckContext;
import dev.unitaudit.load.SearchPath;
import dev.unitaudit.load.UnitLoader;
import dev.unitaudit.model.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's view of a tree: lookups and which trigger starts which unit. */
class TreeContextTest {

  @TempDir Path root;

  private TreeContext tree(String... nameAndText) throws Exception {
    Path dir = Files.createDirectories(root.resolve("etc/systemd/system"));
    for (int i = 0; i < nameAndText.length; i += 2) {
      Files.writeString(dir.resolve(nameAndText[i]), nameAndText[i + 1]);
    }
    return new TreeContext(new UnitLoader(SearchPath.of(List.of(), root)), root);
  }

  private static List<String> triggers(TreeContext t, String unit) {
    return t.contextFor(t.load(unit)).triggeredBy().stream().map(Unit::id).sorted().toList();
  }

  private static final String SVC = "[Service]\nExecStart=/bin/true\n";

  @Test
  void aSocketStartsTheServiceItsServiceKeyNames() throws Exception {
    TreeContext t =
        tree(
            "foo.socket", "[Socket]\nListenStream=80\nService=bar.service\n",
            "bar.service", SVC,
            "foo.service", SVC);
    assertEquals(List.of("foo.socket"), triggers(t, "bar.service"));
    assertEquals(List.of(), triggers(t, "foo.service"));
    assertEquals("bar.service", TreeContext.triggeredUnit(t.load("foo.socket")));
  }

  @Test
  void aSocketHasNoUnitKeySoItStartsTheSameNamedService() throws Exception {
    // Unit= is not a [Socket] key (systemd warns and ignores it): the same-named service starts
    TreeContext t =
        tree(
            "foo.socket", "[Socket]\nListenStream=80\nUnit=bar.service\n",
            "bar.service", SVC,
            "foo.service", SVC);
    assertEquals(List.of("foo.socket"), triggers(t, "foo.service"));
    assertEquals(List.of(), triggers(t, "bar.service"));
  }

  @Test
  void timersAndPathsUseUnitElseTheSameName() throws Exception {
    TreeContext t =
        tree(
            "nightly.timer", "[Timer]\nOnCalendar=daily\nUnit=backup.service\n",
            "backup.timer", "[Timer]\nOnCalendar=weekly\n",
            "watch.path", "[Path]\nPathChanged=/etc/x\n",
            "backup.service", SVC,
            "watch.service", SVC);
    assertEquals(List.of("backup.timer", "nightly.timer"), triggers(t, "backup.service"));
    assertEquals(List.of("watch.path"), triggers(t, "watch.service"));
  }

  @Test
  void anAcceptSocketStartsTheTemplate() throws Exception {
    TreeContext t =
        tree("echo.socket", "[Socket]\nListenStream=7\nAccept=yes\n", "echo@.service", SVC);
    assertEquals("echo@.service", TreeContext.triggeredUnit(t.load("echo.socket")));
  }

  @Test
  void lookupFindsUnitsOfTheTreeOnly() throws Exception {
    TreeContext t = tree("a.service", SVC);
    CheckContext c = t.contextFor(t.load("a.service"));
    assertTrue(c.lookup("a.service").isPresent());
    assertTrue(c.lookup("missing.service").isEmpty());
    assertTrue(c.lookup("not a unit name").isEmpty());
    assertSame(t.load("a.service"), t.loadOnce("a.service"));
  }
}
