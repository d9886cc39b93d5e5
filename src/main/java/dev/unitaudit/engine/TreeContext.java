package dev.unitaudit.engine;

import dev.unitaudit.check.CheckContext;
import dev.unitaudit.load.UnitLoader;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Triggers;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitType;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tree a check sees around one unit: other units loaded on demand (and cached), which
 * timers/paths/sockets trigger it, and file facts under a real root.
 */
public final class TreeContext {

  private final UnitLoader loader;
  private final Path realRoot;
  private final Map<String, Unit> cache = new ConcurrentHashMap<>();
  private volatile Map<String, List<Unit>> triggers;

  private final java.util.function.Predicate<String> ruleExists;
  private final java.time.LocalDate today;

  /**
   * @param realRoot the --root whose file modes are meaningful, or null for repository PATHs
   */
  public TreeContext(UnitLoader loader, Path realRoot) {
    this(loader, realRoot, id -> true, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
  }

  /**
   * @param ruleExists which rule ids the catalog in use has
   * @param today the date suppressions expire against
   */
  public TreeContext(
      UnitLoader loader,
      Path realRoot,
      java.util.function.Predicate<String> ruleExists,
      java.time.LocalDate today) {
    this.loader = loader;
    this.realRoot = realRoot;
    this.ruleExists = ruleExists;
    this.today = today;
  }

  public Unit load(String name) {
    return cache.computeIfAbsent(name, loader::load);
  }

  /**
   * A unit the audit visits once: taken from the cache when a check already loaded it, otherwise
   * loaded without being kept, so a tree of 100,000 units is never held in memory all at once (only
   * units that other units refer to are cached, by {@link #load}).
   */
  public Unit loadOnce(String name) {
    Unit u = cache.get(name);
    return u != null ? u : loader.load(name);
  }

  /** The check context for one unit. */
  public CheckContext contextFor(Unit unit) {
    return new CheckContext() {
      @Override
      public Unit unit() {
        return unit;
      }

      @Override
      public Optional<Unit> lookup(String unitName) {
        if (UnitName.parse(unitName) == null) {
          return Optional.empty();
        }
        Unit u = load(unitName);
        return u.status() == dev.unitaudit.model.UnitStatus.NOT_FOUND
            ? Optional.empty()
            : Optional.of(u);
      }

      @Override
      public List<Unit> triggeredBy() {
        List<Unit> out = new ArrayList<>(triggerIndex().getOrDefault(unit.id(), List.of()));
        for (String a : unit.aliases()) {
          out.addAll(triggerIndex().getOrDefault(a, List.of()));
        }
        return out;
      }

      @Override
      public Optional<FileFacts> fileFacts(String displayPath) {
        return facts(displayPath);
      }

      @Override
      public boolean ruleExists(String id) {
        return ruleExists.test(id);
      }

      @Override
      public java.time.LocalDate today() {
        return today;
      }

      @Override
      public List<String> failureHandlers() {
        return handlerIndex();
      }

      @Override
      public List<String> unitNames() {
        return names();
      }
    };
  }

  private volatile List<String> handlers;
  private volatile List<String> names;

  /**
   * Every unit file some unit of the tree names in OnFailure= (an instance as its template), the
   * most named first. Built once, on first use, by loading each unit of the tree without keeping
   * it: only a unit that looks for an alert handler needs it.
   */
  private List<String> handlerIndex() {
    List<String> h = handlers;
    if (h != null) {
      return h;
    }
    synchronized (this) {
      if (handlers == null) {
        Map<String, Integer> count = new ConcurrentHashMap<>();
        loader.unitNames(java.util.EnumSet.allOf(UnitType.class)).parallelStream()
            .forEach(
                n -> {
                  Unit u = cache.containsKey(n) ? cache.get(n) : loader.load(n);
                  for (Setting s : u.list("Unit", "OnFailure")) {
                    for (String word : s.value().trim().split("\\s+")) {
                      if (!word.isEmpty()) {
                        String file =
                            dev.unitaudit.check.DependencyExistsCheck.unitFile(
                                dev.unitaudit.model.Specifiers.expand(word, u.name()));
                        count.merge(file, 1, Integer::sum);
                      }
                    }
                  }
                });
        List<String> found = new ArrayList<>();
        for (String f : count.keySet()) {
          if (UnitName.parse(f) != null
              && load(f).status() != dev.unitaudit.model.UnitStatus.NOT_FOUND) {
            found.add(f);
          }
        }
        found.sort(
            java.util.Comparator.comparing((String f) -> -count.get(f)).thenComparing(f -> f));
        handlers = List.copyOf(found);
      }
      return handlers;
    }
  }

  /** The names of the tree, listed once (the search path is a snapshot). */
  private List<String> names() {
    List<String> t = names;
    if (t == null) {
      t = List.copyOf(loader.names());
      names = t;
    }
    return t;
  }

  /** Which unit each timer, path and socket unit of the tree triggers (Unit= or the same name). */
  private Map<String, List<Unit>> triggerIndex() {
    Map<String, List<Unit>> t = triggers;
    if (t != null) {
      return t;
    }
    Map<String, List<Unit>> idx = new ConcurrentHashMap<>();
    for (String n :
        loader.unitNames(java.util.Set.of(UnitType.TIMER, UnitType.PATH, UnitType.SOCKET))) {
      Unit trig = load(n);
      String target = triggeredUnit(trig);
      if (target != null) {
        idx.computeIfAbsent(target, k -> new ArrayList<>()).add(trig);
      }
    }
    triggers = idx;
    return idx;
  }

  /** The unit a timer/path/socket starts (Unit=, a socket's Service=, or the same name). */
  public static String triggeredUnit(Unit trig) {
    return Triggers.target(trig);
  }

  /** Mode and owner per file, read once: several rules ask about the same fragment and drop-ins. */
  private final Map<String, Optional<CheckContext.FileFacts>> facts = new ConcurrentHashMap<>();

  /** Whether a directory's real path stays inside the root, per directory (units share a few). */
  private final Map<Path, Boolean> insideRoot = new ConcurrentHashMap<>();

  private volatile Path realRootReal;

  private Optional<CheckContext.FileFacts> facts(String displayPath) {
    if (realRoot == null || displayPath == null) {
      return Optional.empty();
    }
    return facts.computeIfAbsent(displayPath, this::readFacts);
  }

  private Optional<CheckContext.FileFacts> readFacts(String displayPath) {
    Path p = realRoot.resolve(displayPath).normalize();
    if (!p.startsWith(realRoot.toAbsolutePath().normalize()) && !p.startsWith(realRoot)) {
      return Optional.empty();
    }
    // a symlinked directory on the way would lead the attribute read out of the root
    Path parent = p.getParent();
    if (parent == null || !insideRoot.computeIfAbsent(parent, this::realPathInsideRoot)) {
      return Optional.empty();
    }
    try {
      // one lstat() for mode and owner
      Map<String, Object> a =
          Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
      int mode = ((Integer) a.get("mode")) & 0777;
      return Optional.of(
          new CheckContext.FileFacts(mode, (Integer) a.get("uid"), (Integer) a.get("gid")));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private boolean realPathInsideRoot(Path dir) {
    try {
      Path root = realRootReal;
      if (root == null) {
        root = realRoot.toRealPath();
        realRootReal = root;
      }
      return dir.toRealPath().startsWith(root);
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
