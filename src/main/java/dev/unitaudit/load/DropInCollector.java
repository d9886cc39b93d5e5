package dev.unitaudit.load;

import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitType;
import dev.unitaudit.syntax.Diagnostic;
import dev.unitaudit.syntax.Diagnostic.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a unit's drop-ins: a port of unit_file_find_dropin_paths() / unit_file_find_dirs()
 * (src/shared/dropin.c) and conf_files_list_strv() (src/basic/conf-files.c). Directories are
 * visited search-path-major for every name of the unit (name, template, dash prefixes), then the
 * type-wide {@code service.d}; the first file with a given basename wins and the winners are
 * applied in byte-wise basename order (unit-semantics.md §5.3).
 */
final class DropInCollector {

  /** One drop-in file: where to read it and how to name it. */
  record DropIn(SearchDir dir, String real, String display, String basename, boolean masked) {}

  /** The applied drop-ins in order, and the ones a same-named file shadowed. */
  record Result(List<DropIn> applied, List<String> shadowed, List<Diagnostic> diagnostics) {}

  private DropInCollector() {}

  static Result collect(SearchPath path, List<UnitName> names, UnitType type, String suffix) {
    List<String[]> dirs = new ArrayList<>(); // {dirIndex, relative .d name}
    List<SearchDir> sd = path.dirs();
    for (UnitName n : names) {
      for (int i = 0; i < sd.size(); i++) {
        findDirs(i, n.name(), n, suffix, dirs);
      }
    }
    for (int i = 0; i < sd.size(); i++) {
      dirs.add(new String[] {String.valueOf(i), type.suffix() + suffix});
    }
    Map<String, DropIn> winners = new LinkedHashMap<>();
    List<String> shadowed = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    List<String> visited = new ArrayList<>();
    for (String[] d : dirs) {
      SearchDir dir = sd.get(Integer.parseInt(d[0]));
      String rel = dir.real().isEmpty() ? d[1] : dir.real() + "/" + d[1];
      RootFs.Resolved r = dir.fs().resolve(rel);
      String dirDisplay = dir.displayOf(d[1]);
      if (r.kind() == RootFs.Kind.MISSING || visited.contains(dir.fs().root() + "//" + r.real())) {
        continue;
      }
      visited.add(dir.fs().root() + "//" + r.real());
      if (r.kind() != RootFs.Kind.DIRECTORY) {
        diags.add(
            new Diagnostic(
                dirDisplay,
                0,
                Severity.WARNING,
                "is not a directory, its drop-ins are ignored",
                Diagnostic.TREE));
        continue;
      }
      for (String f : dir.fs().list(r.real())) {
        // .d directories take *.conf files; .wants/.requires take every (non-hidden) entry
        if ((".d".equals(suffix) && !f.endsWith(".conf")) || f.startsWith(".")) {
          continue;
        }
        String display = dirDisplay + "/" + f;
        RootFs.Kind own = dir.fs().entryKind(r.real(), f);
        if (own == RootFs.Kind.DIRECTORY
            || own == RootFs.Kind.OTHER
            || own == RootFs.Kind.MISSING) {
          if (own != RootFs.Kind.MISSING) {
            diags.add(
                new Diagnostic(
                    display,
                    0,
                    Severity.WARNING,
                    "is not a regular file, ignored",
                    Diagnostic.TREE));
          }
          continue;
        }
        if (!".d".equals(suffix)
            && own == RootFs.Kind.FILE
            && dir.fs().resolve(r.real() + "/" + f).size() > 0) {
          // process_deps() (load-dropin.c): dependency entries must be symlinks
          diags.add(
              new Diagnostic(
                  display,
                  0,
                  Severity.WARNING,
                  "dependency dropin " + f + " is not a symlink, ignoring.",
                  Diagnostic.TREE));
          continue;
        }
        if (winners.containsKey(f)) {
          shadowed.add(display);
          continue;
        }
        RootFs.Resolved fr = dir.fs().resolve(r.real() + "/" + f);
        boolean masked =
            fr.kind() == RootFs.Kind.DEV_NULL || (fr.kind() == RootFs.Kind.FILE && fr.size() == 0);
        // a dangling .wants/.requires link still adds its dependency (process_deps() reads only the
        // name)
        boolean danglingDep = !".d".equals(suffix) && fr.kind() == RootFs.Kind.MISSING;
        if (!masked && fr.kind() != RootFs.Kind.FILE && !danglingDep) {
          diags.add(
              new Diagnostic(
                  display,
                  0,
                  Severity.WARNING,
                  fr.kind() == RootFs.Kind.LOOP
                      ? "symlink loop, ignored"
                      : "cannot be read (dangling symlink or not a regular file), ignored",
                  Diagnostic.TREE));
          continue;
        }
        winners.put(f, new DropIn(dir, fr.real(), display, f, masked));
      }
    }
    List<DropIn> applied = new ArrayList<>(winners.values());
    applied.sort((a, b) -> compareBytes(a.basename(), b.basename()));
    return new Result(applied, shadowed, diags);
  }

  /** unit_file_find_dirs(): NAME.d, then the template's, then each dash prefix, recursively. */
  private static void findDirs(
      int dirIndex, String name, UnitName parsedOrNull, String suffix, List<String[]> out) {
    out.add(new String[] {String.valueOf(dirIndex), name + suffix});
    UnitName n = parsedOrNull != null ? parsedOrNull : UnitName.parse(name);
    if (n == null) {
      return;
    }
    if (n.isInstance()) {
      findDirs(dirIndex, n.template().name(), n.template(), suffix, out);
    }
    String prefix = n.prefix();
    boolean chopped = false;
    while (true) {
      int dash = prefix.lastIndexOf('-');
      if (dash <= 0) {
        return; // no dash, or only a leading one
      }
      if (dash + 1 < prefix.length() || chopped) {
        prefix = prefix.substring(0, dash + 1);
        break;
      }
      prefix = prefix.substring(0, dash); // a trailing dash is dropped, once
      chopped = true;
    }
    String built = prefix + (n.isInstance() ? "@" + n.instance() : "") + "." + n.type().suffix();
    findDirs(dirIndex, built, null, suffix, out);
  }

  /** strcmp() order on the UTF-8 bytes, which is what systemd sorts drop-ins by. */
  static int compareBytes(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return Arrays.compareUnsigned(x, y);
  }
}
