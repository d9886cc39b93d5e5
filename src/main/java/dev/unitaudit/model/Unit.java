package dev.unitaudit.model;

import dev.unitaudit.syntax.Assignment;
import dev.unitaudit.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A loaded unit: where it came from (fragment, drop-ins in apply order, shadowed drop-ins), the
 * assignments systemd applied, and their effective values with provenance. Immutable.
 */
public final class Unit {

  private final UnitName name;
  private final List<String> aliases;
  private final UnitStatus status;
  private final String fragment;
  private final List<String> dropins;
  private final List<String> shadowed;
  private final List<Assignment> applied;
  private final List<Diagnostic> diagnostics;
  private final Map<String, Effective> effective;
  private final List<Assignment> sectionHeaders;
  private final List<Assignment> directives;
  private final boolean vendor;

  public Unit(
      UnitName name,
      List<String> aliases,
      UnitStatus status,
      String fragment,
      List<String> dropins,
      List<String> shadowed,
      List<Assignment> applied,
      List<Diagnostic> diagnostics) {
    this(
        name,
        aliases,
        status,
        fragment,
        dropins,
        shadowed,
        applied,
        diagnostics,
        List.of(),
        List.of());
  }

  public Unit(
      UnitName name,
      List<String> aliases,
      UnitStatus status,
      String fragment,
      List<String> dropins,
      List<String> shadowed,
      List<Assignment> applied,
      List<Diagnostic> diagnostics,
      List<Assignment> sectionHeaders,
      List<Assignment> directives) {
    this(
        name,
        aliases,
        status,
        fragment,
        dropins,
        shadowed,
        applied,
        diagnostics,
        sectionHeaders,
        directives,
        false);
  }

  /**
   * @param vendor see {@link #vendor()}
   */
  public Unit(
      UnitName name,
      List<String> aliases,
      UnitStatus status,
      String fragment,
      List<String> dropins,
      List<String> shadowed,
      List<Assignment> applied,
      List<Diagnostic> diagnostics,
      List<Assignment> sectionHeaders,
      List<Assignment> directives,
      boolean vendor) {
    this.vendor = vendor;
    this.sectionHeaders = List.copyOf(sectionHeaders);
    this.directives = List.copyOf(directives);
    this.name = name;
    this.aliases = List.copyOf(aliases);
    this.status = status;
    this.fragment = fragment;
    this.dropins = List.copyOf(dropins);
    this.shadowed = List.copyOf(shadowed);
    this.applied = List.copyOf(applied);
    this.diagnostics = List.copyOf(diagnostics);
    this.effective = UnitMerger.merge(this.applied);
  }

  /** The same unit with other values for its applied assignments (a masked copy, for one). */
  public Unit withAssignments(List<Assignment> assignments) {
    return new Unit(
        name,
        aliases,
        status,
        fragment,
        dropins,
        shadowed,
        assignments,
        diagnostics,
        sectionHeaders,
        directives,
        vendor);
  }

  public UnitName name() {
    return name;
  }

  public String id() {
    return name.name();
  }

  public UnitType type() {
    return name.type();
  }

  /** Other names that resolved to this unit (alias symlinks, the name the user gave). */
  public List<String> aliases() {
    return aliases;
  }

  public UnitStatus status() {
    return status;
  }

  /** The fragment path relative to the root, or null when there is none. */
  public String fragment() {
    return fragment;
  }

  /**
   * Whether the unit is the distribution's, untouched: its fragment was found in a {@code
   * lib/systemd/system} or {@code usr/lib/systemd/system} directory of a root and no applied
   * drop-in comes from anywhere else. Site-policy rules skip such units unless asked (--vendor).
   * Units of PATH arguments are the site's own.
   */
  public boolean vendor() {
    return vendor;
  }

  /** Applied drop-ins, in the order systemd applies them. */
  public List<String> dropins() {
    return dropins;
  }

  /** Drop-ins not applied because a same-named drop-in of higher priority (or a mask) won. */
  public List<String> shadowed() {
    return shadowed;
  }

  /** Every assignment systemd applied, in order: fragment, then drop-ins. */
  public List<Assignment> assignments() {
    return applied;
  }

  /** What loading this unit said, in file order. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Effective settings keyed {@code Section.Key}, in the order they were (last) set. */
  public Map<String, Effective> effective() {
    return effective;
  }

  /**
   * The {@code # unitaudit: …} comment lines of the fragment and drop-ins (inline suppressions).
   */
  public List<Assignment> directives() {
    return directives;
  }

  /**
   * Where a finding about a setting missing from {@code section} points: the first header of that
   * section in the fragment (or a drop-in), else the fragment itself (line 0).
   */
  public Assignment sectionLocation(String section) {
    for (Assignment h : sectionHeaders) {
      if (h.section().equals(section)) {
        return h;
      }
    }
    return new Assignment(section, "", "", fragment == null ? id() : fragment, 0);
  }

  /** The winning assignment of a scalar setting. */
  public Optional<Setting> scalar(String section, String key) {
    Effective e = effective.get(section + "." + key);
    return e == null ? Optional.empty() : Optional.of(e.last());
  }

  /** The assignments of a list setting still in effect (empty when unset or reset). */
  public List<Setting> list(String section, String key) {
    Effective e = effective.get(section + "." + key);
    return e == null ? List.of() : e.settings();
  }

  public Optional<String> string(String section, String key) {
    return scalar(section, key).map(Setting::value);
  }

  /** A boolean setting, empty when never set. */
  public Optional<Boolean> bool(String section, String key) {
    return scalar(section, key).map(s -> Values.parseBoolean(s.value()));
  }

  /** A time span in microseconds ({@link Values#INFINITY} for infinity), empty when unset. */
  public OptionalLong timeSpan(String section, String key) {
    Optional<Setting> s = scalar(section, key);
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    return Values.parseTimeSpan(s.get().value());
  }

  /** The commands of an Exec*= setting of the unit's type section, parsed as systemd does. */
  public List<ExecCommand> exec(String key) {
    List<ExecCommand> out = new ArrayList<>();
    for (Setting s : list(type().typeSection(), key)) {
      out.addAll(ExecLineParser.parse(s.value(), name).commands());
    }
    return out;
  }

  /**
   * Environment= after resets, quoting, escapes and specifiers; a later VAR replaces an earlier.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (Setting s : list(type().typeSection(), "Environment")) {
      Words.Result w = Words.split(Specifiers.expand(s.value(), name), true, false);
      for (String word : w.words()) {
        int eq = word.indexOf('=');
        if (eq > 0) {
          env.remove(word.substring(0, eq));
          env.put(word.substring(0, eq), word.substring(eq + 1));
        }
      }
    }
    return env;
  }
}
