package dev.unitaudit.app;

import dev.unitaudit.load.SearchDir;
import dev.unitaudit.load.SearchPath;
import dev.unitaudit.load.UnitLoader;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitType;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the command line's {@code [UNIT|PATH…] [--root DIR]} into what is audited (DESIGN.md
 * "Arguments"): one or more {@link Scope}s, each a loader and the unit names audited with it.
 *
 * <ul>
 *   <li>An argument that contains a {@code /} or names an existing file or folder is a PATH,
 *       anything else a UNIT name.
 *   <li>A PATH that is one of a root's unit directories ({@code /etc/systemd/system}, or {@code
 *       /srv/img/etc/systemd/system} of the root {@code /srv/img}) loads that root's whole search
 *       path and audits the units the directory configures ({@link UnitLoader#configuredIn}). An
 *       explicit {@code --root} still wins: it is used as given.
 *   <li>Any other folder is a repository folder, searched recursively ({@link RepositoryWalk}):
 *       each folder that holds units is a unit directory of its own (over {@code --root} when one
 *       is given), so two folders' {@code web.service} are two units.
 *   <li>A unit file or drop-in file audits its unit, from the folder that holds it.
 *   <li>UNIT names are looked up in {@code --root}, else the one inferred root, else the repository
 *       folders named, else {@code /}. With nothing named, every unit of an audited type under the
 *       root.
 * </ul>
 */
public final class Selection {

  /** The unit types audited when no unit is named. */
  public static final Set<UnitType> AUDITED_TYPES =
      Set.of(UnitType.SERVICE, UnitType.TIMER, UnitType.PATH, UnitType.SOCKET);

  /**
   * One loader and what is audited with it.
   *
   * @param root the root whose file modes are meaningful (--root or inferred), or null for a
   *     repository folder audited on its own
   * @param unitNames one name per unit (aliases of one unit folded), in report order
   */
  public record Scope(UnitLoader loader, Path root, List<String> unitNames) {
    public Scope {
      unitNames = List.copyOf(unitNames);
    }
  }

  private final List<Scope> scopes;
  private final List<String> named;
  private final List<String> empty;
  private final List<String> notes;
  private final List<String> warnings;

  private Selection(
      List<Scope> scopes,
      List<String> named,
      List<String> empty,
      List<String> notes,
      List<String> warnings) {
    this.scopes = List.copyOf(scopes);
    this.named = List.copyOf(named);
    this.empty = List.copyOf(empty);
    this.notes = List.copyOf(notes);
    this.warnings = List.copyOf(warnings);
  }

  /** A selection of exactly one scope (fix works scope by scope). */
  public static Selection of(Scope scope) {
    return new Selection(List.of(scope), List.of(), List.of(), List.of(), List.of());
  }

  public List<Scope> scopes() {
    return scopes;
  }

  /** The UNIT arguments, as given (a name not found among them makes the audit exit 2). */
  public List<String> namedUnits() {
    return named;
  }

  /** The PATH arguments in which no unit was found. */
  public List<String> emptyPaths() {
    return empty;
  }

  /** Whether anything at all is to be audited. */
  public boolean hasUnits() {
    return scopes.stream().anyMatch(s -> !s.unitNames().isEmpty());
  }

  /**
   * What was inferred, for a person (stderr): {@code auditing 12 units of / configured in
   * /etc/systemd/system}.
   */
  public List<String> notes() {
    return notes;
  }

  /** What the search could not look into (a folder that cannot be listed, a symlinked folder). */
  public List<String> warnings() {
    return warnings;
  }

  /** Every unit name audited, over all scopes. */
  public List<String> unitNames() {
    List<String> out = new ArrayList<>();
    for (Scope s : scopes) {
      out.addAll(s.unitNames());
    }
    return out;
  }

  /** The loader of a single-scope selection (a --root audit, one folder). */
  public UnitLoader loader() {
    return only().loader();
  }

  /** The root of a single-scope selection, or null when it is a repository folder on its own. */
  public Path root() {
    return only().root();
  }

  private Scope only() {
    if (scopes.size() != 1) {
      throw new IllegalStateException("selection has " + scopes.size() + " scopes, not one");
    }
    return scopes.get(0);
  }

  /** How a scope is put together before its loader exists. */
  private static final class Builder {
    final Path root;
    final String rootShown;
    final List<SearchPath.PathDir> dirs = new ArrayList<>();
    final Set<String> names = new LinkedHashSet<>();
    final Set<String> ignored = new LinkedHashSet<>();

    /** Root unit directories named: {search-path entry, as the user named it}. */
    final List<String[]> configured = new ArrayList<>();

    boolean wholeFolder;
    boolean wholeRoot;

    Builder(Path root, String rootShown) {
      this.root = root;
      this.rootShown = rootShown;
    }
  }

  public static Selection of(List<String> args, Path rootOption, Path cwd) throws UsageException {
    Path root = rootOption == null ? null : rootOption.toAbsolutePath().normalize();
    if (root != null && !Files.isDirectory(root)) {
      throw new UsageException("--root " + rootOption + ": not a directory");
    }
    Map<String, Builder> builders = new LinkedHashMap<>();
    List<String> named = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    boolean anyPath = false;
    for (String a : args) {
      Path p = cwd.resolve(a);
      boolean exists = Files.exists(p, LinkOption.NOFOLLOW_LINKS);
      if (!a.contains("/") && !exists) {
        named.add(mangle(a));
        continue;
      }
      anyPath = true;
      if (Files.isDirectory(p)) {
        SearchPath.RootDir rd = SearchPath.rootDirOf(p);
        if (rd != null && (root == null || root.equals(rd.root()))) {
          Builder b =
              rootScope(
                  builders,
                  rd.root(),
                  rootOption != null ? rootOption.toString() : rootShown(a, rd));
          b.configured.add(new String[] {rd.rel(), a});
          continue;
        }
        RepositoryWalk.Result walk = RepositoryWalk.walk(p, display(a));
        warnings.addAll(walk.notes());
        if (walk.folders().isEmpty()) {
          empty.add(a);
        }
        for (RepositoryWalk.Folder f : walk.folders()) {
          Builder b = folderScope(builders, f.dir(), f.display(), root);
          b.wholeFolder = true;
          b.ignored.addAll(f.ignored());
        }
      } else if (exists && Files.isRegularFile(p) || Files.isSymbolicLink(p)) {
        addFile(builders, a, p, cwd, root, rootOption);
      } else {
        throw new UsageException(a + ": no such file or directory");
      }
    }
    if (!named.isEmpty()) {
      namedScope(builders, root, rootOption).names.addAll(named);
    } else if (!anyPath) {
      // nothing named: the whole root
      Builder b =
          rootScope(
              builders,
              root != null ? root : Path.of("/"),
              rootOption != null ? rootOption.toString() : "/");
      b.wholeRoot = true;
    }
    List<Scope> scopes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Builder b : builders.values()) {
      Scope s = build(b);
      scopes.add(s);
      if (!b.configured.isEmpty()) {
        List<String> shown = b.configured.stream().map(c -> c[1]).toList();
        notes.add(
            "auditing "
                + s.unitNames().size()
                + " unit"
                + (s.unitNames().size() == 1 ? "" : "s")
                + " of "
                + b.rootShown
                + " configured in "
                + String.join(", ", shown));
      }
      if (s.unitNames().isEmpty() && b.wholeRoot) {
        empty.add(b.rootShown);
      } else if (s.unitNames().isEmpty() && !b.configured.isEmpty()) {
        b.configured.forEach(c -> empty.add(c[1]));
      }
    }
    return new Selection(scopes, named, empty, notes, warnings);
  }

  /** A unit file or a drop-in file: its unit, from the folder that holds the unit. */
  private static void addFile(
      Map<String, Builder> builders, String a, Path p, Path cwd, Path root, Path rootOption)
      throws UsageException {
    String fileName = p.getFileName().toString();
    Path parent = p.toAbsolutePath().normalize().getParent();
    String shownDir = parentOf(display(a));
    String dropInOf = UnitName.parse(fileName) == null ? dropInUnit(p) : null;
    if (dropInOf != null) {
      // foo.service.d/x.conf (what a commit hook passes for a changed drop-in): audit foo.service
      // from the folder that holds foo.service.d, where its unit file is looked for first
      fileName = dropInOf;
      Path dropInDir = parent;
      parent = dropInDir.getParent() == null ? dropInDir : dropInDir.getParent();
      Path rel = cwd.toAbsolutePath().normalize().relativize(parent);
      shownDir = a.startsWith("/") ? parent.toString() : display(rel.toString());
    } else if (UnitName.parse(fileName) == null) {
      throw new UsageException(
          a
              + ": not a unit file name (expected e.g. foo.service, or a drop-in"
              + " foo.service.d/x.conf)");
    }
    SearchPath.RootDir rd = SearchPath.rootDirOf(parent);
    if (rd != null && (root == null || root.equals(rd.root()))) {
      rootScope(
              builders,
              rd.root(),
              rootOption != null ? rootOption.toString() : rd.root().toString())
          .names
          .add(fileName);
    } else {
      folderScope(builders, parent, shownDir, root).names.add(fileName);
    }
  }

  /**
   * Where UNIT names are looked up: --root, the one inferred root, the repository folders, or /.
   */
  private static Builder namedScope(Map<String, Builder> builders, Path root, Path rootOption) {
    if (root != null) {
      return rootScope(builders, root, rootOption.toString());
    }
    List<Builder> roots = builders.values().stream().filter(b -> b.dirs.isEmpty()).toList();
    List<Builder> folders = builders.values().stream().filter(b -> !b.dirs.isEmpty()).toList();
    if (roots.size() == 1) {
      return roots.get(0);
    }
    if (roots.isEmpty() && folders.size() == 1) {
      return folders.get(0);
    }
    if (roots.isEmpty() && !folders.isEmpty()) {
      // several repository folders: the names are looked up in all of them, first named first
      Builder b = builders.computeIfAbsent("folders:", k -> new Builder(null, null));
      for (Builder f : folders) {
        b.dirs.addAll(f.dirs);
      }
      return b;
    }
    return rootScope(builders, Path.of("/"), "/");
  }

  private static Builder rootScope(Map<String, Builder> builders, Path root, String shown) {
    return builders.computeIfAbsent("root:" + root, k -> new Builder(root, shown));
  }

  private static Builder folderScope(
      Map<String, Builder> builders, Path dir, String shown, Path root) {
    Path abs = dir.toAbsolutePath().normalize();
    Builder b = builders.computeIfAbsent("dir:" + abs + "|" + root, k -> new Builder(root, null));
    if (b.dirs.isEmpty()) {
      b.dirs.add(new SearchPath.PathDir(abs, shown));
    }
    return b;
  }

  private static Scope build(Builder b) {
    UnitLoader loader = new UnitLoader(SearchPath.of(b.dirs, b.root));
    List<String> names = new ArrayList<>();
    if (b.wholeRoot) {
      names.addAll(loader.unitNames(AUDITED_TYPES));
    }
    if (b.wholeFolder) {
      UnitLoader folderOnly = b.root == null ? loader : new UnitLoader(SearchPath.of(b.dirs, null));
      for (String n : folderOnly.allUnitNames()) {
        if (!isIgnored(n, b.ignored)) {
          names.add(n);
        }
      }
    }
    for (String[] c : b.configured) {
      SearchDir dir = loader.searchPath().rootDir(c[0]);
      if (dir != null) {
        names.addAll(loader.configuredIn(dir));
      }
    }
    // one entry per unit: an alias next to its target, a unit both enabled and overridden; what
    // was found is listed by the unit's own name, what was named in the order it was named
    Map<String, String> byUnit = new java.util.TreeMap<>();
    for (String n : names) {
      byUnit.putIfAbsent(loader.canonicalName(n), n);
    }
    Map<String, String> ordered = new LinkedHashMap<>(byUnit);
    for (String n : b.names) {
      ordered.putIfAbsent(loader.canonicalName(n), n);
    }
    return new Scope(loader, b.root, new ArrayList<>(ordered.values()));
  }

  /** An ignore file names unit files; a template's stand-in instance goes with its template. */
  private static boolean isIgnored(String name, Set<String> ignored) {
    if (ignored.contains(name)) {
      return true;
    }
    UnitName n = UnitName.parse(name);
    return n != null && n.isInstance() && ignored.contains(n.template().name());
  }

  /**
   * How to name an inferred root: the argument without its unit-directory tail, else the absolute
   * path.
   */
  private static String rootShown(String arg, SearchPath.RootDir rd) {
    String a = display(arg);
    if (a.equals(rd.rel())) {
      return ".";
    }
    if (a.endsWith("/" + rd.rel())) {
      String r = a.substring(0, a.length() - rd.rel().length() - 1);
      return r.isEmpty() ? "/" : r;
    }
    return rd.root().toString();
  }

  /**
   * A name without a unit type is a service, as systemd-analyze and systemctl read it
   * (unit_name_mangle_with_suffix()): {@code sshd} is {@code sshd.service}.
   */
  private static String mangle(String name) {
    if (UnitName.parse(name) == null && UnitName.parse(name + ".service") != null) {
      return name + ".service";
    }
    return name;
  }

  /** "a/b/c" → "a/b"; "c" → "". */
  private static String parentOf(String shown) {
    int slash = shown.lastIndexOf('/');
    return slash < 0 ? "" : shown.substring(0, slash);
  }

  /** The unit a drop-in file {@code foo.service.d/x.conf} belongs to, or null. */
  private static String dropInUnit(Path file) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    if (dir == null
        || dir.getFileName() == null
        || !file.getFileName().toString().endsWith(".conf")) {
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
