package dev.unitaudit.load;

import dev.unitaudit.model.AssignmentValidator;
import dev.unitaudit.model.AssignmentValidator.Verdict;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitStatus;
import dev.unitaudit.model.UnitType;
import dev.unitaudit.syntax.Assignment;
import dev.unitaudit.syntax.Diagnostic;
import dev.unitaudit.syntax.Diagnostic.Severity;
import dev.unitaudit.syntax.ParsedFile;
import dev.unitaudit.syntax.UnitFileParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads units by name from a search path the way systemd 252 does offline: name resolution
 * (aliases, masks, templates and instances), the fragment, the drop-ins, and the fatal-setting and
 * service_verify() checks that make systemd refuse a unit. Never throws on bad input.
 */
public final class UnitLoader {

  private final SearchPath path;
  private final NameMap names;
  private final AssignmentValidator validator = new AssignmentValidator();

  public UnitLoader(SearchPath path) {
    this.path = path;
    this.names = new NameMap(path);
  }

  public SearchPath searchPath() {
    return path;
  }

  /** Problems found while scanning the search path (not tied to one unit). */
  public List<Diagnostic> scanDiagnostics() {
    return names.diagnostics();
  }

  /**
   * The names an audit without unit arguments covers: every unit file of the given types; alias
   * names are left out (their target is audited), templates become the instance systemd-analyze
   * uses offline ({@code foo@i.service}).
   */
  public List<String> unitNames(Set<UnitType> types) {
    Set<String> out = new TreeSet<>();
    for (NameMap.Entry e : names.entries().values()) {
      UnitName n = UnitName.parse(e.name());
      if (n == null || !types.contains(n.type()) || e.kind() == NameMap.Kind.ALIAS) {
        continue;
      }
      out.add(n.isTemplate() ? n.withInstance("i").name() : n.name());
    }
    return new ArrayList<>(out);
  }

  /**
   * Every name the search path defines as a unit file or an alias (not masks), templates as {@code
   * foo@.service}: what a misspelt unit name can be compared with.
   */
  public List<String> names() {
    Set<String> out = new TreeSet<>();
    for (NameMap.Entry e : names.entries().values()) {
      if (e.kind() != NameMap.Kind.MASK) {
        out.add(e.name());
      }
    }
    return new ArrayList<>(out);
  }

  /** Every unit name of the search path (any type), as {@link #unitNames} gives them. */
  public List<String> allUnitNames() {
    return unitNames(java.util.EnumSet.allOf(UnitType.class));
  }

  /**
   * The name a unit is loaded and reported under: aliases followed, a template as its {@code @i}
   * instance. Two names with the same canonical name are one unit. Unknown names are returned as
   * given.
   */
  public String canonicalName(String requested) {
    UnitName n = UnitName.parse(requested);
    if (n == null) {
      return requested;
    }
    if (n.isTemplate()) {
      n = n.withInstance("i");
    }
    UnitName id = resolveAliases(n);
    return id == null ? n.name() : id.name();
  }

  /**
   * The units one unit directory of this search path configures, in name order: the unit files,
   * alias and linked files and masks it holds, the units its drop-in folders override ({@code
   * foo.service.d/}; a template's, a dash prefix's and a type-wide folder's apply to every unit
   * they match), and the units its {@code .wants/}, {@code .requires/} and {@code .upholds/} links
   * enable.
   */
  public List<String> configuredIn(SearchDir dir) {
    return ConfiguredUnits.of(dir, allUnitNames());
  }

  /** Loads one unit by name. Templates are loaded as their {@code @i} instance. */
  public Unit load(String requested) {
    UnitName asked = UnitName.parse(requested);
    if (asked == null) {
      return notFound(requested, "Invalid unit name \"" + requested + "\"");
    }
    if (asked.isTemplate()) {
      asked = asked.withInstance("i");
    }
    UnitName id = resolveAliases(asked);
    if (id == null) {
      return notFound(asked.name(), "Unit " + asked.name() + " has an alias loop");
    }
    NameMap.Entry frag = names.get(id.name());
    if (frag == null && id.isInstance()) {
      frag = names.get(id.template().name());
    }
    List<String> aliasNames = aliasNames(id, asked);
    if (frag == null || frag.kind() == NameMap.Kind.ALIAS) {
      // (an alias left here points to a name nothing provides)
      return notFound(id.name(), "Unit " + id.name() + " not found.");
    }
    if (frag.kind() == NameMap.Kind.MASK) {
      return masked(id, aliasNames, frag.display());
    }
    if (frag.kind() == NameMap.Kind.OUTSIDE) {
      return new Unit(
          id,
          aliasNames,
          UnitStatus.NOT_FOUND,
          frag.display(),
          List.of(),
          List.of(),
          List.of(),
          List.of(
              new Diagnostic(
                  frag.display(),
                  0,
                  Severity.WARNING,
                  "symlink to "
                      + frag.target()
                      + ", outside the audited folder, so "
                      + id.name()
                      + " cannot be read from it; --root DIR (the tree"
                      + " the link belongs to, / for this machine) would resolve it",
                  Diagnostic.OUTSIDE_LINK)));
    }
    List<Diagnostic> diags = new ArrayList<>();
    byte[] data;
    try {
      data = frag.dir().fs().read(frag.real());
    } catch (IOException e) {
      diags.add(
          new Diagnostic(frag.display(), 0, Severity.ERROR, "cannot be read: " + e.getMessage()));
      return new Unit(
          id,
          aliasNames,
          UnitStatus.BAD_SETTING,
          frag.display(),
          List.of(),
          List.of(),
          List.of(),
          diags);
    }
    if (data.length == 0) {
      return masked(id, aliasNames, frag.display());
    }
    List<Assignment> applied = new ArrayList<>();
    List<Assignment> headers = new ArrayList<>();
    List<Assignment> directives = new ArrayList<>();
    Set<String> sections = new LinkedHashSet<>(id.type().sections());
    ParsedFile pf = UnitFileParser.parse(data, frag.display(), sections);
    headers.addAll(pf.sectionHeaders());
    directives.addAll(pf.directives());
    boolean failed = applyFile(pf, id, applied, diags);
    if (failed) {
      return new Unit(
          id,
          aliasNames,
          UnitStatus.BAD_SETTING,
          frag.display(),
          List.of(),
          List.of(),
          applied,
          diags);
    }
    List<UnitName> all = new ArrayList<>();
    all.add(id);
    for (String a : aliasNames) {
      all.add(UnitName.parse(a));
    }
    DropInCollector.Result dr = DropInCollector.collect(path, all, id.type(), ".d");
    diags.addAll(dr.diagnostics());
    List<String> dropins = new ArrayList<>();
    boolean vendor = frag.home().vendor();
    for (DropInCollector.DropIn d : dr.applied()) {
      dropins.add(d.display());
      vendor &=
          d.dir()
              .vendor(); // one drop-in of the site's (or a mask of one) makes the unit the site's
      if (d.masked()) {
        continue;
      }
      try {
        ParsedFile dp = UnitFileParser.parse(d.dir().fs().read(d.real()), d.display(), sections);
        headers.addAll(dp.sectionHeaders());
        directives.addAll(dp.directives());
        applyFile(dp, id, applied, diags);
      } catch (IOException e) {
        diags.add(
            new Diagnostic(
                d.display(), 0, Severity.WARNING, "cannot be read, ignored: " + e.getMessage()));
      }
    }
    addLinkDependencies(all, id, applied, diags);
    diags.addAll(sliceWarnings(id, applied));
    UnitStatus status = UnitStatus.LOADED;
    if (id.type() == UnitType.SERVICE) {
      Diagnostic refusal = ServiceVerifier.verify(id, applied, frag.display());
      if (refusal != null) {
        diags.add(refusal);
        status = UnitStatus.BAD_SETTING;
      } else {
        diags.addAll(ServiceVerifier.warnings(applied));
      }
    }
    return new Unit(
        id,
        aliasNames,
        status,
        frag.display(),
        dropins,
        dr.shadowed(),
        applied,
        diags,
        headers,
        directives,
        vendor);
  }

  /**
   * Validates and applies one parsed file. Returns true when the file failed as a whole (parse
   * error or fatal setting): in a fragment the unit is then not loaded; in a drop-in the rest of
   * that drop-in is dropped and loading goes on.
   */
  private boolean applyFile(
      ParsedFile pf, UnitName id, List<Assignment> applied, List<Diagnostic> diags) {
    // parser warnings and the failure are interleaved with value warnings by line
    List<Diagnostic> parserDiags = new ArrayList<>(pf.diagnostics());
    for (Assignment a : pf.assignments()) {
      while (!parserDiags.isEmpty()
          && parserDiags.get(0).line() < a.line()
          && parserDiags.get(0) != pf.failure()) {
        diags.add(parserDiags.remove(0));
      }
      Verdict v = validator.check(a, id);
      switch (v.outcome()) {
        case FATAL:
          diags.add(Diagnostic.about(a, Severity.ERROR, v.message(), v.category()));
          return true;
        case IGNORE:
          addWarnings(a, v, diags);
          break;
        default:
          addWarnings(a, v, diags);
          applied.add(a);
      }
    }
    diags.addAll(parserDiags);
    return pf.failed();
  }

  /**
   * config_parse_unit_slice() loads the slice a unit names in Slice= while it parses the line, so
   * systemd logs that slice file's warnings with the unit's (the implicit system.slice is not
   * loaded that way, and logs nothing). Only the lines of the slice's own files are taken.
   */
  private List<Diagnostic> sliceWarnings(UnitName id, List<Assignment> applied) {
    if (id.type() == UnitType.SLICE) {
      return List.of();
    }
    String slice = null;
    for (Assignment a : applied) {
      if (a.key().equals("Slice")
          && !"Unit".equals(a.section())
          && !"Install".equals(a.section())) {
        slice = a.value().isEmpty() ? null : dev.unitaudit.model.Specifiers.expand(a.value(), id);
      }
    }
    UnitName sn = slice == null ? null : UnitName.parse(slice);
    if (sn == null || sn.type() != UnitType.SLICE || names.get(sn.name()) == null) {
      return List.of();
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : load(sn.name()).diagnostics()) {
      if (d.line() > 0) {
        out.add(d);
      }
    }
    return out;
  }

  private static void addWarnings(Assignment a, Verdict v, List<Diagnostic> diags) {
    List<String> messages = v.messages();
    for (int i = 0; i < messages.size(); i++) {
      diags.add(Diagnostic.about(a, Severity.WARNING, messages.get(i), v.categoryOf(i)));
    }
  }

  /**
   * process_deps() (load-dropin.c): each symlink in a {@code .wants/}, {@code .requires/} or {@code
   * .upholds/} directory of the unit (same directory walk as drop-ins) adds Wants= or Requires= on
   * the link's name; masked entries are skipped. A template name takes the unit's instance (or its
   * prefix). The assignment points at the link, line 0.
   */
  private void addLinkDependencies(
      List<UnitName> all, UnitName id, List<Assignment> applied, List<Diagnostic> diags) {
    String[][] kinds = {{".wants", "Wants"}, {".requires", "Requires"}, {".upholds", "Upholds"}};
    for (String[] k : kinds) {
      DropInCollector.Result r = DropInCollector.collect(path, all, id.type(), k[0]);
      diags.addAll(r.diagnostics());
      for (DropInCollector.DropIn d : r.applied()) {
        UnitName dep = UnitName.parse(d.basename());
        if (d.masked()) {
          continue;
        }
        if (dep == null) {
          diags.add(
              new Diagnostic(
                  d.display(),
                  0,
                  Severity.WARNING,
                  "dependency dropin " + d.basename() + " is not a valid unit name, ignoring.",
                  Diagnostic.TREE));
          continue;
        }
        if (dep.isTemplate()) {
          dep = dep.withInstance(id.isInstance() ? id.instance() : id.prefix());
        }
        applied.add(new Assignment("Unit", k[1], dep.name(), d.display(), 0));
      }
    }
  }

  /** Follows alias links (unit_ids_map_get()), including template aliases for instances. */
  private UnitName resolveAliases(UnitName n) {
    UnitName cur = n;
    for (int hops = 0; hops < RootFs.MAX_HOPS; hops++) {
      NameMap.Entry e = names.get(cur.name());
      if (e == null && cur.isInstance()) {
        NameMap.Entry t = names.get(cur.template().name());
        if (t != null && t.kind() == NameMap.Kind.ALIAS) {
          UnitName target = UnitName.parse(t.target());
          cur = target.withInstance(cur.instance());
          continue;
        }
        return cur;
      }
      if (e == null) {
        // an alias to a name nothing provides: unit_ids_map_get() fails (ENXIO), and systemd
        // reports the name asked as not found
        return n;
      }
      if (e.kind() != NameMap.Kind.ALIAS) {
        return cur;
      }
      UnitName target = UnitName.parse(e.target());
      cur = cur.isInstance() && target.isTemplate() ? target.withInstance(cur.instance()) : target;
    }
    return null;
  }

  /** Every other name of the unit: alias links to it (or its template), and the name asked. */
  private List<String> aliasNames(UnitName id, UnitName asked) {
    Set<String> out = new TreeSet<>();
    collectAliases(id.name(), out, 0);
    if (id.isInstance()) {
      Set<String> templ = new TreeSet<>();
      collectAliases(id.template().name(), templ, 0);
      for (String t : templ) {
        out.add(UnitName.parse(t).withInstance(id.instance()).name());
      }
    }
    if (!asked.name().equals(id.name())) {
      out.add(asked.name());
    }
    out.remove(id.name());
    return new ArrayList<>(out);
  }

  private void collectAliases(String target, Set<String> out, int depth) {
    if (depth > RootFs.MAX_HOPS) {
      return;
    }
    for (String a : names.aliasesOf(target)) {
      if (out.add(a)) {
        collectAliases(a, out, depth + 1);
      }
    }
  }

  private static Unit notFound(String name, String message) {
    UnitName n = UnitName.parse(name);
    if (n == null) {
      n = new UnitName(name, name, null, UnitType.SERVICE);
    }
    return new Unit(
        n,
        List.of(),
        UnitStatus.NOT_FOUND,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(new Diagnostic(name, 0, Severity.ERROR, message, Diagnostic.NOT_FOUND)));
  }

  private static Unit masked(UnitName id, List<String> aliases, String fragment) {
    return new Unit(
        id,
        aliases,
        UnitStatus.MASKED,
        fragment,
        List.of(),
        List.of(),
        List.of(),
        List.of(
            new Diagnostic(
                fragment,
                0,
                Severity.NOTICE,
                "Unit " + id.name() + " is masked.",
                Diagnostic.MASKED)));
  }
}
