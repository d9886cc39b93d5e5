package dev.unitaudit.load;

import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one unit directory of a root configures (DESIGN.md: a PATH that is a root's unit directory
 * audits "the units that directory defines, overrides, enables, aliases or masks"). Read from the
 * directory's own listing; what each name means is left to the loader, which sees the whole search
 * path.
 */
final class ConfiguredUnits {

  /** The dependency folders systemd 252 reads links from (process_deps() in load-dropin.c). */
  private static final List<String> LINK_DIRS = List.of(".wants", ".requires", ".upholds");

  private ConfiguredUnits() {}

  /**
   * @param rootNames every unit name of the root's search path (templates as {@code @i}), which
   *     type-wide and dash-prefix drop-in folders are matched against
   */
  static List<String> of(SearchDir dir, List<String> rootNames) {
    RootFs fs = dir.fs();
    Set<String> out = new TreeSet<>();
    List<UnitName> templateFolders = new ArrayList<>();
    for (String entry : fs.list(dir.real())) {
      RootFs.Kind own = fs.entryKind(dir.real(), entry);
      UnitName n = UnitName.parse(entry);
      if (n != null && own != RootFs.Kind.DIRECTORY) {
        out.add(n.isTemplate() ? n.withInstance("i").name() : n.name()); // a file, link or mask
        continue;
      }
      if (own != RootFs.Kind.DIRECTORY) {
        continue;
      }
      String sub = dir.real().isEmpty() ? entry : dir.real() + "/" + entry;
      if (entry.endsWith(".d")) {
        overridden(entry.substring(0, entry.length() - 2), rootNames, out, templateFolders);
        continue;
      }
      for (String suffix : LINK_DIRS) {
        UnitName owner =
            entry.endsWith(suffix)
                ? UnitName.parse(entry.substring(0, entry.length() - suffix.length()))
                : null;
        if (owner != null) {
          enabled(fs, sub, owner, out);
        }
      }
    }
    // a template's drop-ins apply to each of its instances the audit covers
    for (UnitName t : templateFolders) {
      for (String name : List.copyOf(out)) {
        UnitName n = UnitName.parse(name);
        if (n != null && n.isInstance() && n.template().name().equals(t.name())) {
          out.add(name);
        }
      }
      for (String name : rootNames) {
        UnitName n = UnitName.parse(name);
        if (n != null && n.isInstance() && n.template().name().equals(t.name())) {
          out.add(name);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The units a drop-in folder {@code stem.d} applies to (unit_file_find_dirs()'s names,
   * backwards).
   */
  private static void overridden(
      String stem, List<String> rootNames, Set<String> out, List<UnitName> templates) {
    UnitType wide = UnitType.fromSuffix(stem);
    if (wide != null) { // service.d: every service
      for (String name : rootNames) {
        UnitName n = UnitName.parse(name);
        if (n != null && n.type() == wide) {
          out.add(name);
        }
      }
      return;
    }
    UnitName n = UnitName.parse(stem);
    if (n == null) {
      return; // not a unit's folder: systemd reads nothing from it either
    }
    if (n.isTemplate()) {
      templates.add(n);
      out.add(n.withInstance("i").name());
      return;
    }
    boolean prefixFolder = n.instance() == null && n.prefix().endsWith("-");
    if (!prefixFolder || rootNames.contains(n.name())) {
      out.add(
          n.name()); // a drop-in for a unit the tree lacks is reported as not found, not dropped
    }
    if (prefixFolder) {
      // foo-.service.d applies to foo-bar.service, foo-bar-baz.service and foo-x@y.service
      for (String name : rootNames) {
        UnitName m = UnitName.parse(name);
        if (m != null
            && m.type() == n.type()
            && m.prefix().startsWith(n.prefix())
            && !m.name().equals(n.name())) {
          out.add(name);
        }
      }
    }
  }

  /**
   * The units the links of a dependency folder name; a template takes the owner's instance, as
   * loading does.
   */
  private static void enabled(RootFs fs, String folder, UnitName owner, Set<String> out) {
    for (String link : fs.list(folder)) {
      UnitName dep = UnitName.parse(link);
      if (dep == null) {
        continue;
      }
      if (dep.isTemplate()) {
        dep = dep.withInstance(owner.isInstance() ? owner.instance() : owner.prefix());
      }
      out.add(dep.name());
    }
  }
}
