package dev.unitaudit.load;

import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitType;
import dev.unitaudit.syntax.Diagnostic;
import dev.unitaudit.syntax.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every unit name found in the search path and what it points to, a port of
 * unit_file_build_name_map() (src/basic/unit-file.c): the first directory that has a name wins; a
 * symlink to a file in the search path is an alias of the target's name, a symlink leaving the
 * search path is a linked unit file that keeps the link's name, a link to /dev/null is a mask.
 */
final class NameMap {

  /**
   * What one name stands for. OUTSIDE: a symlink in a folder audited on its own (a repository
   * folder, not a root's unit directory) whose target lies outside that folder; the folder alone
   * cannot say what it points to, so the unit is reported with a finding instead of dropped.
   */
  enum Kind {
    FILE,
    ALIAS,
    MASK,
    OUTSIDE
  }

  /**
   * One entry.
   *
   * @param target for ALIAS, the name it aliases; for OUTSIDE, the link's target as written
   * @param real for FILE, the file's resolved path inside {@code dir.fs()}
   * @param display for FILE, the path reports use
   * @param home for FILE, the search directory the file's content lives in: {@code dir}, or the
   *     directory a same-named symlink points into ({@code etc/…/x.service -> /lib/…/x.service})
   */
  record Entry(
      String name,
      Kind kind,
      SearchDir dir,
      String target,
      String real,
      String display,
      SearchDir home) {

    Entry(String name, Kind kind, SearchDir dir, String target, String real, String display) {
      this(name, kind, dir, target, real, display, dir);
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, List<String>> aliasesOf = new HashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  NameMap(SearchPath path) {
    Map<String, SearchDir> dirsByReal = new HashMap<>();
    for (SearchDir d : path.dirs()) {
      dirsByReal.put(key(d.fs(), d.real()), d);
    }
    for (SearchDir d : path.dirs()) {
      // systemd's expanded search path holds the directories as named too, not only resolved
      dirsByReal.putIfAbsent(key(d.fs(), d.rel()), d);
    }
    for (SearchDir d : path.dirs()) {
      for (String name : d.fs().list(d.real())) {
        if (entries.containsKey(name)) {
          continue;
        }
        UnitName un = UnitName.parse(name);
        if (un == null) {
          if (looksLikeUnit(name)) {
            note(d.displayOf(name), "not a valid unit name, ignored (systemd ignores it too)");
          }
          continue;
        }
        Entry e = classify(d, name, un, dirsByReal);
        if (e != null) {
          entries.put(name, e);
        }
      }
    }
    dropAliasLoops();
    for (Entry e : entries.values()) {
      if (e.kind() == Kind.ALIAS) {
        aliasesOf.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e.name());
      }
    }
  }

  /** unit_ids_map_get() gives up on a chain of aliases that comes back to itself (ELOOP). */
  private void dropAliasLoops() {
    List<Entry> loops = new ArrayList<>();
    for (Entry e : entries.values()) {
      Entry cur = e;
      for (int hops = 0; cur != null && cur.kind() == Kind.ALIAS; hops++) {
        if (hops > RootFs.MAX_HOPS) {
          loops.add(e);
          break;
        }
        cur = entries.get(cur.target());
      }
    }
    for (Entry e : loops) {
      entries.remove(e.name());
      note(e.display(), "symlink loop, ignored");
    }
  }

  private Entry classify(SearchDir d, String name, UnitName un, Map<String, SearchDir> dirsByReal) {
    String display = d.displayOf(name);
    RootFs.Kind own = d.fs().entryKind(d.real(), name);
    if (own == RootFs.Kind.FILE) {
      return new Entry(name, Kind.FILE, d, null, join(d.real(), name), display);
    }
    if (own != null) {
      if (own != RootFs.Kind.MISSING) {
        note(display, "is not a regular file or symlink, ignored");
      }
      return null;
    }
    String rawTarget = d.fs().readLink(d.real(), name);
    Entry byName = aliasByName(d, name, un, rawTarget, display, dirsByReal);
    if (byName != null || noted) {
      noted = false;
      return byName;
    }
    RootFs.Resolved r = d.fs().resolve(join(d.real(), name));
    switch (r.kind()) {
      case DEV_NULL:
        return new Entry(name, Kind.MASK, d, null, null, display);
      case LOOP:
        note(display, "symlink loop, ignored");
        return null;
      case MISSING:
        if (d.rel().isEmpty() && rawTarget != null && leavesFolder(d.real(), rawTarget)) {
          return new Entry(name, Kind.OUTSIDE, d, rawTarget, null, display);
        }
        note(
            display,
            "dangling symlink" + (rawTarget == null ? "" : " to " + rawTarget) + ", ignored");
        return null;
      case DIRECTORY:
      case OTHER:
        note(display, "symlink to something that is not a regular file, ignored");
        return null;
      default:
        break;
    }
    if (r.size() == 0) {
      // an empty file behind a link masks the name just as a /dev/null link does
      return new Entry(name, Kind.MASK, d, null, null, display);
    }
    int slash = r.real().lastIndexOf('/');
    String parent = slash < 0 ? "" : r.real().substring(0, slash);
    String base = r.real().substring(slash + 1);
    SearchDir targetDir = dirsByReal.get(key(d.fs(), parent));
    if (targetDir != null && !base.equals(name)) {
      UnitName target = UnitName.parse(base);
      String problem = aliasProblem(un, target);
      if (problem != null) {
        note(display, "invalid alias to " + base + ": " + problem + ", ignored");
        return null;
      }
      return new Entry(name, Kind.ALIAS, d, base, null, display);
    }
    // a linked unit file (target outside the search path) is named by its link, as systemd's
    // Fragment Path and file:line messages do
    String shown = targetDir != null ? targetDir.displayOf(base) : display;
    return new Entry(name, Kind.FILE, d, null, r.real(), shown, targetDir != null ? targetDir : d);
  }

  private boolean noted;

  /**
   * unit_file_resolve_symlink(): the link's target path, taken as written (made absolute against
   * the link's directory, "." and ".." removed, the last component not followed), lies in a
   * directory of the search path, so the link is an alias of the target's name, which the name map
   * then resolves wherever it lives: {@code etc/…/alias.service -> u.service} aliases the {@code
   * u.service} of {@code usr/lib/…} although {@code etc/…/u.service} does not exist, and a link to
   * another link is a chain. Null when the target lies outside the search path (a linked unit file
   * or mask, decided by following it) or names the link itself (systemd skips such a self-alias;
   * the lower directory's file with that name is used).
   */
  private Entry aliasByName(
      SearchDir d,
      String name,
      UnitName un,
      String rawTarget,
      String display,
      Map<String, SearchDir> dirsByReal) {
    if (rawTarget == null || d.rel().isEmpty() || RootFs.isDevNull(rawTarget)) {
      return null; // a repository folder keeps its own rules for links (UA0011)
    }
    List<String> parts = new ArrayList<>();
    String path = rawTarget.startsWith("/") ? rawTarget : join(d.real(), rawTarget);
    for (String c : path.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(c);
    }
    if (parts.isEmpty()) {
      return null;
    }
    String base = parts.remove(parts.size() - 1);
    String parent = String.join("/", parts);
    // the directories on the way are followed (CHASE_NOFOLLOW spares only the last component)
    RootFs.Resolved pr = d.fs().resolve(parent);
    String parentReal = pr.kind() == RootFs.Kind.DIRECTORY ? pr.real() : parent;
    SearchDir targetDir = dirsByReal.get(key(d.fs(), parentReal));
    if (targetDir == null) {
      targetDir = dirsByReal.get(key(d.fs(), parent));
    }
    if (targetDir == null || base.equals(name)) {
      return null;
    }
    String problem = aliasProblem(un, UnitName.parse(base));
    if (problem != null) {
      note(display, "invalid alias to " + base + ": " + problem + ", ignored");
      noted = true;
      return null;
    }
    return new Entry(name, Kind.ALIAS, d, base, null, display);
  }

  /**
   * Whether a link target written in {@code dir} (relative to its confinement root) points above
   * that root.
   */
  static boolean leavesFolder(String dir, String target) {
    if (target.startsWith("/")) {
      return true;
    }
    int depth = dir.isEmpty() ? 0 : dir.split("/").length;
    for (String c : target.split("/")) {
      if (c.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else if (!c.isEmpty() && !c.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  /** unit_validate_alias_symlink_or_warn(): same type; template to template; plain to plain. */
  private static String aliasProblem(UnitName alias, UnitName target) {
    if (target == null) {
      return "target is not a valid unit name";
    }
    if (alias.type() != target.type()) {
      return "the unit types differ";
    }
    if (alias.isTemplate() != target.isTemplate()) {
      return "a template may only alias a template";
    }
    if ((alias.instance() == null) != (target.instance() == null)) {
      return "a plain name may only alias a plain name";
    }
    return null;
  }

  private static boolean looksLikeUnit(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && UnitType.fromSuffix(name.substring(dot + 1)) != null;
  }

  private static String key(RootFs fs, String real) {
    return fs.root() + "//" + real;
  }

  private static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  private void note(String file, String message) {
    diagnostics.add(new Diagnostic(file, 0, Severity.WARNING, message, Diagnostic.TREE));
  }

  Entry get(String name) {
    return entries.get(name);
  }

  List<String> aliasesOf(String name) {
    return aliasesOf.getOrDefault(name, List.of());
  }

  Map<String, Entry> entries() {
    return entries;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
