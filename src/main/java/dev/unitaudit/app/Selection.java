package dev.unitaudit.app;

import dev.unitaudit.load.SearchPath;
import dev.unitaudit.load.UnitLoader;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitType;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the command line's {@code [UNIT|PATH…] [--root DIR]} into a loader and the list of unit
 * names to load (DESIGN.md "Arguments"): an argument that contains a {@code /} or names an
 * existing file or folder is a PATH, anything else a UNIT name; with only UNIT names and no
 * --root the root is {@code /}.
 */
public final class Selection {

  /** The unit types audited when no unit is named. */
  public static final Set<UnitType> AUDITED_TYPES =
      Set.of(UnitType.SERVICE, UnitType.TIMER, UnitType.PATH, UnitType.SOCKET);

  private final UnitLoader loader;
  private final List<String> unitNames;
  private final Path root;

  private Selection(UnitLoader loader, List<String> unitNames, Path root) {
    this.loader = loader;
    this.unitNames = unitNames;
    this.root = root;
  }

  public UnitLoader loader() {
    return loader;
  }

  /** The unit names to load, in the order they are reported. */
  public List<String> unitNames() {
    return unitNames;
  }

  /** The --root in effect, or null when only PATHs are audited. */
  public Path root() {
    return root;
  }

  public static Selection of(List<String> args, Path rootOption, Path cwd) throws UsageException {
    List<SearchPath.PathDir> dirs = new ArrayList<>();
    List<String> fileUnits = new ArrayList<>();
    List<String> named = new ArrayList<>();
    boolean anyPath = false;
    for (String a : args) {
      Path p = cwd.resolve(a);
      boolean exists = Files.exists(p, LinkOption.NOFOLLOW_LINKS);
      if (!a.contains("/") && !exists) {
        named.add(a);
        continue;
      }
      anyPath = true;
      if (Files.isDirectory(p)) {
        dirs.add(new SearchPath.PathDir(p, display(a)));
      } else if (exists && Files.isRegularFile(p) || Files.isSymbolicLink(p)) {
        String fileName = p.getFileName().toString();
        Path parent = p.getParent() == null ? cwd : p.getParent();
        String shownDir = parentOf(display(a));
        String dropInOf = UnitName.parse(fileName) == null ? dropInUnit(p) : null;
        if (dropInOf != null) {
          // foo.service.d/x.conf (what a commit hook passes for a changed drop-in): audit foo.service
          // from the folder that holds foo.service.d, where its unit file is looked for first
          fileName = dropInOf;
          Path abs = p.toAbsolutePath().normalize();
          parent = abs.getParent().getParent() == null ? abs.getParent() : abs.getParent().getParent();
          Path rel = cwd.toAbsolutePath().normalize().relativize(parent);
          shownDir = a.startsWith("/") ? parent.toString() : display(rel.toString());
        } else if (UnitName.parse(fileName) == null) {
          throw new UsageException(a + ": not a unit file name (expected e.g. foo.service, or a drop-in foo.service.d/x.conf)");
        }
        SearchPath.PathDir dir = new SearchPath.PathDir(parent, shownDir);
        if (!dirs.contains(dir)) {
          dirs.add(dir);
        }
        fileUnits.add(fileName);
      } else {
        throw new UsageException(a + ": no such file or directory");
      }
    }
    Path root = rootOption;
    if (root == null && !anyPath) {
      root = Path.of("/");
    }
    if (root != null && !Files.isDirectory(root)) {
      throw new UsageException("--root " + root + ": not a directory");
    }
    SearchPath sp = SearchPath.of(dirs, root);
    UnitLoader loader = new UnitLoader(sp);
    Set<String> names = new LinkedHashSet<>();
    names.addAll(fileUnits);
    names.addAll(named);
    boolean wholeDirs = dirs.size() > fileUnits.size();
    if (wholeDirs || (named.isEmpty() && fileUnits.isEmpty())) {
      // every unit of an audited type found in the PATH directories (or the whole root)
      if (wholeDirs && root != null) {
        SearchPath onlyDirs = SearchPath.of(dirs, null);
        names.addAll(new UnitLoader(onlyDirs).unitNames(AUDITED_TYPES));
      } else {
        names.addAll(loader.unitNames(AUDITED_TYPES));
      }
    }
    return new Selection(loader, new ArrayList<>(names), root);
  }

  /** "a/b/c" → "a/b"; "c" → "". */
  private static String parentOf(String shown) {
    int slash = shown.lastIndexOf('/');
    return slash < 0 ? "" : shown.substring(0, slash);
  }

  /** The unit a drop-in file {@code foo.service.d/x.conf} belongs to, or null. */
  private static String dropInUnit(Path file) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    if (dir == null || dir.getFileName() == null || !file.getFileName().toString().endsWith(".conf")) {
      return null;
    }
    String d = dir.getFileName().toString();
    if (!d.endsWith(".d")) {
      return null;
    }
    String unit = d.substring(0, d.length() - 2);
    return UnitName.parse(unit) == null ? null : unit;
  }

  private static String display(String arg) {
    String s = arg;
    while (s.startsWith("./") && s.length() > 2) {
      s = s.substring(2);
    }
    while (s.endsWith("/") && s.length() > 1) {
      s = s.substring(0, s.length() - 1);
    }
    return s.equals(".") ? "" : s;
  }
}
