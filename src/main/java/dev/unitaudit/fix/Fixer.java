package dev.unitaudit.fix;

import dev.unitaudit.app.Audit;
import dev.unitaudit.app.Selection;
import dev.unitaudit.engine.RuleEngine;
import dev.unitaudit.engine.TreeContext;
import dev.unitaudit.load.SearchPath;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitStatus;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.result.Finding;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.syntax.Assignment;
import dev.unitaudit.syntax.ParsedFile;
import dev.unitaudit.syntax.UnitFileParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fix pipeline: audit report → for each loaded service its open findings of ladder level ≤ N
 * (and those of rules marked {@code fixSafe}) → a plan → the drop-in text → the unit re-audited in
 * memory with the drop-in merged where systemd would apply it (its name sorts last, but a
 * later-sorting drop-in still wins, which is reported).
 *
 * <p>A previous {@value #FILE_NAME} at the target is left out when planning, so re-running with
 * {@code --force} regenerates it from the unit as the vendor and admin wrote it.
 */
public final class Fixer {

  public static final String FILE_NAME = "zz-unitaudit-hardening.conf";

  /**
   * @param aggressive MemoryDenyWriteExecute= even for JIT runtimes
   */
  public record Options(boolean aggressive) {}

  private final RuleCatalog catalog;
  private final Options options;
  private final Audit audit;

  /**
   * @param audit the audit whose report is being fixed: its rules, disabled rules, severities,
   *     suppressions, --vendor, --level and policy judge the unit before and after the drop-in
   */
  public Fixer(Audit audit, Options options) {
    this.catalog = audit.catalog();
    this.options = options;
    this.audit = audit;
  }

  /** One fix per unit of the report, in its order. */
  public List<UnitFix> fix(Selection sel, AuditReport report, Path cwd) {
    TreeContext tree = audit.treeFor(sel.scopes().get(0));
    FixPlanner planner = new FixPlanner(catalog, options.aggressive(), HomeDirs.of(sel.root()));
    List<UnitFix> out = new ArrayList<>();
    for (AuditReport.UnitEntry e : report.units()) {
      if (!"service".equals(e.type())) {
        out.add(na(e, "not a service: unitaudit fix hardens services"));
        continue;
      }
      if (!"loaded".equals(e.status())) {
        out.add(na(e, "not loaded (" + e.status() + ")"));
        continue;
      }
      Unit unit = tree.load(e.unit());
      if (unit.status() != UnitStatus.LOADED || unit.fragment() == null) {
        out.add(na(e, "not loaded"));
        continue;
      }
      out.add(fixOne(tree, planner, sel, cwd, e, unit));
    }
    return out;
  }

  private UnitFix fixOne(
      TreeContext tree,
      FixPlanner planner,
      Selection sel,
      Path cwd,
      AuditReport.UnitEntry e,
      Unit unit) {
    Target t = target(unit, sel, cwd);
    Unit base = without(unit, t.display);
    List<Finding> open = open(tree, base);
    FixPlan plan = planner.plan(base, open);
    // verify in memory: a rule whose lines would not close it (a spelling the unit already uses, a
    // value the check reads differently) is left open rather than written half-done; a later
    // drop-in overriding a line is reported instead, since the admin may remove that drop-in
    Map<String, String> refused = new LinkedHashMap<>();
    for (int round = 0; round < 3 && !plan.isEmpty(); round++) {
      Unit trial =
          with(
              base,
              t.display,
              DropInRenderer.render(unit.id(), audit.level(), plan, List.of(), List.of()));
      if (!overridden(trial, plan, t.display).isEmpty()) {
        break;
      }
      boolean changed = false;
      for (Finding f : open(tree, trial)) {
        if (plan.closes().contains(f.rule()) && !refused.containsKey(f.rule())) {
          refused.put(f.rule(), "the drop-in would not close it: " + f.message());
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      plan = planner.plan(base, open, refused);
    }
    List<String> problems = new ArrayList<>();
    for (String d : concat(unit.dropins(), unit.shadowed())) {
      if (d.endsWith("/" + FILE_NAME) && !d.equals(t.display)) {
        problems.add(
            d
                + " has the same name and "
                + (unit.dropins().contains(d) ? "higher priority" : "was found")
                + ": systemd applies only one of them");
      }
    }
    String text = DropInRenderer.render(unit.id(), audit.level(), plan, List.of(), problems);
    Unit after = plan.isEmpty() ? base : with(base, t.display, text);
    List<String> overridden = overridden(after, plan, t.display);
    if (!overridden.isEmpty()) {
      // the notes are comments: same settings, but the lines move, and provenance must match the
      // file
      text = DropInRenderer.render(unit.id(), audit.level(), plan, overridden, problems);
      after = with(base, t.display, text);
    }
    List<Finding> afterOpen = open(tree, after);
    List<String> stillOpen = new ArrayList<>();
    for (Finding f : afterOpen) {
      if (plan.closes().contains(f.rule()) && !stillOpen.contains(f.rule())) {
        stillOpen.add(f.rule());
      }
    }
    Integer levelAfter = RuleEngine.achievedLevel(ladder(tree, after));
    return new UnitFix(
        unit.id(),
        null,
        unit,
        after,
        plan,
        t.file,
        t.display,
        t.confine,
        text,
        e.exposure(),
        exposure(after),
        e.level(),
        levelAfter,
        stillOpen,
        overridden,
        problems);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The findings the audit reports open on the unit: unsuppressed, ladder level ≤ --level. */
  private List<Finding> open(TreeContext tree, Unit u) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : audit.judge(tree, u)) {
      if (f.suppressed() == null && audit.reported(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The ladder findings the level is computed from, suppressed ones marked as the audit marks them.
   */
  private List<Finding> ladder(TreeContext tree, Unit u) {
    return audit.judge(tree, u).stream().filter(f -> f.level() != null).toList();
  }

  private BigDecimal exposure(Unit u) {
    return audit.exposure(u);
  }

  /** Settings of the plan that a drop-in applied after ours overrides. */
  static List<String> overridden(Unit after, FixPlan plan, String ours) {
    List<String> out = new ArrayList<>();
    for (FixPlan.Line l : plan.lines()) {
      List<Setting> eff = after.list(l.section(), l.key());
      boolean kept =
          eff.stream().anyMatch(s -> s.file().equals(ours) && s.value().equals(l.value()));
      if (kept) {
        continue;
      }
      String by = null;
      boolean seen = false;
      for (Assignment a : after.assignments()) {
        if (a.file().equals(ours)) {
          seen = true;
        } else if (seen && a.section().equals(l.section()) && a.key().equals(l.key())) {
          by = a.location() + " sets " + a.key() + "=" + a.value();
        }
      }
      out.add(
          by == null
              ? l.assignment() + " does not take effect"
              : by + " and sorts after " + FILE_NAME + ", so it overrides " + l.assignment());
    }
    return out;
  }

  private static UnitFix na(AuditReport.UnitEntry e, String why) {
    return new UnitFix(
        e.unit(),
        why,
        null,
        null,
        null,
        null,
        null,
        null,
        "",
        e.exposure(),
        e.exposure(),
        e.level(),
        e.level(),
        List.of(),
        List.of(),
        List.of());
  }

  /** Where the drop-in goes: under the root's etc/systemd/system, or beside a PATH unit file. */
  record Target(Path file, String display, Path confine) {}

  static Target target(Unit u, Selection sel, Path cwd) {
    String dirName = dropInUnitName(u) + ".d";
    String frag = u.fragment();
    boolean fromRoot = false;
    if (sel.root() != null) {
      for (String d : SearchPath.SYSTEM_DIRS) {
        if (frag.startsWith(d + "/")) {
          fromRoot = true;
        }
      }
    }
    if (fromRoot) {
      String display = "etc/systemd/system/" + dirName + "/" + FILE_NAME;
      return new Target(sel.root().resolve(display), display, sel.root());
    }
    int slash = frag.lastIndexOf('/');
    String parent = slash < 0 ? "" : frag.substring(0, slash);
    String display = (parent.isEmpty() ? "" : parent + "/") + dirName + "/" + FILE_NAME;
    Path dir = parent.isEmpty() ? cwd : cwd.resolve(parent);
    return new Target(dir.resolve(dirName).resolve(FILE_NAME), display, dir);
  }

  /**
   * The template for the {@code @i} stand-in instance an audit of a template uses; the unit
   * otherwise.
   */
  static String dropInUnitName(Unit u) {
    UnitName n = u.name();
    if (n.isInstance()
        && "i".equals(n.instance())
        && u.fragment() != null
        && basename(u.fragment()).equals(n.template().name())) {
      return n.template().name();
    }
    return n.name();
  }

  /** The unit without the assignments of one drop-in (a previous run's output). */
  static Unit without(Unit u, String display) {
    if (!u.dropins().contains(display)) {
      return u;
    }
    List<Assignment> applied =
        u.assignments().stream().filter(a -> !a.file().equals(display)).toList();
    List<String> dropins = u.dropins().stream().filter(d -> !d.equals(display)).toList();
    return new Unit(
        u.name(),
        u.aliases(),
        u.status(),
        u.fragment(),
        dropins,
        u.shadowed(),
        applied,
        u.diagnostics(),
        List.of(),
        u.directives().stream().filter(a -> !a.file().equals(display)).toList(),
        u.vendor());
  }

  /** The unit with the drop-in text applied where systemd applies a file of that name. */
  static Unit with(Unit u, String display, String text) {
    Set<String> sections = new LinkedHashSet<>(u.type().sections());
    ParsedFile pf = UnitFileParser.parse(text.getBytes(StandardCharsets.UTF_8), display, sections);
    String base = FILE_NAME;
    List<String> dropins = new ArrayList<>(u.dropins());
    int di = dropins.size();
    for (int i = 0; i < dropins.size(); i++) {
      if (basename(dropins.get(i)).compareTo(base) > 0) {
        di = i;
        break;
      }
    }
    Set<String> later = new HashSet<>(dropins.subList(di, dropins.size()));
    dropins.add(di, display);
    List<Assignment> applied = new ArrayList<>(u.assignments());
    int ai = applied.size();
    for (int i = 0; i < applied.size(); i++) {
      Assignment a = applied.get(i);
      boolean isDropIn = u.dropins().contains(a.file());
      if (later.contains(a.file()) || (!isDropIn && !a.file().equals(u.fragment()))) {
        ai = i;
        break;
      }
    }
    applied.addAll(ai, pf.assignments());
    // the re-audit compares like with like: the same rules as before the drop-in, on a vendor unit
    // too
    return new Unit(
        u.name(),
        u.aliases(),
        u.status(),
        u.fragment(),
        dropins,
        u.shadowed(),
        applied,
        u.diagnostics(),
        List.of(),
        u.directives(),
        u.vendor());
  }

  static String basename(String p) {
    int s = p.lastIndexOf('/');
    return s < 0 ? p : p.substring(s + 1);
  }
}
