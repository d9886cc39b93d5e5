package dev.unitaudit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Which units are the distribution's, untouched ({@link Unit#vendor()}): the fragment found in a
 * root's lib/systemd/system or usr/lib/systemd/system and no drop-in from anywhere else
 * (fixtures/vendor/README.md has the table). Units of a PATH folder are always the site's.
 */
class VendorUnitsTest {

  private static final Path TREE = Path.of("fixtures/vendor");

  @Test
  void theOwnerOfEachUnitOfTheVendorTree() {
    UnitLoader loader = new UnitLoader(SearchPath.of(List.of(), TREE));
    Map<String, Boolean> owner = new TreeMap<>();
    for (String n : loader.unitNames(java.util.Set.of(dev.unitaudit.model.UnitType.SERVICE))) {
      Unit u = loader.load(n);
      assertEquals(UnitStatus.LOADED, u.status(), n + ": " + u.diagnostics());
      owner.put(n, u.vendor());
    }
    assertEquals(
        Map.of(
            "stock.service",
            true,
            "packaged.service",
            true,
            "linked.service",
            true,
            "tuned.service",
            false,
            "quiet.service",
            false,
            "site.service",
            false,
            "local.service",
            false),
        owner);
    Unit quiet = loader.load("quiet.service");
    assertEquals(
        List.of("etc/systemd/system/quiet.service.d/10-nice.conf"),
        quiet.dropins(),
        "the mask in etc/ wins over the vendor drop-in of the same name");
  }

  @Test
  void unitsOfAPathFolderAreTheSites() {
    Path dir = TREE.resolve("usr/lib/systemd/system");
    UnitLoader loader =
        new UnitLoader(SearchPath.of(List.of(new SearchPath.PathDir(dir, dir.toString())), null));
    Unit u = loader.load("stock.service");
    assertEquals(UnitStatus.LOADED, u.status());
    assertFalse(u.vendor(), "a repository folder that happens to be named usr/lib/systemd/system");
  }
}
