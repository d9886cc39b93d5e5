package dev.unitaudit.app;

import dev.unitaudit.engine.RuleEngine;
import dev.unitaudit.engine.TreeContext;
import dev.unitaudit.model.Effective;
import dev.unitaudit.model.Secrets;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Specifiers;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitStatus;
import dev.unitaudit.model.UnitType;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.report.AuditReport.CheckEntry;
import dev.unitaudit.report.AuditReport.ErrorEntry;
import dev.unitaudit.report.AuditReport.FindingEntry;
import dev.unitaudit.report.AuditReport.SettingEntry;
import dev.unitaudit.report.AuditReport.UnitEntry;
import dev.unitaudit.result.Finding;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.score.CheckRow;
import dev.unitaudit.score.ExposureCalculator;
import dev.unitaudit.score.PolicyException;
import dev.unitaudit.score.SecurityAssessment;
import dev.unitaudit.score.SecurityPolicy;
import dev.unitaudit.syntax.Diagnostic;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit pipeline of DESIGN.md: select → load → check → score → one JSON report. Every other
 * output format is rendered from the {@link AuditReport} this returns.
 */
public final class Audit {

  private final RuleEngine engine;
  private final RuleEngine diagnostics;
  private final RuleCatalog catalog;
  private final SecurityPolicy policy;
  private final Suppressions suppressions;
  private final int level;
  private final boolean includeSettings;
  private final Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();
  private final SecretMask secrets;

  public Audit(
      RuleCatalog catalog,
      SecurityPolicy policy,
      Suppressions suppressions,
      int level,
      boolean includeSettings) {
    this(catalog, policy, suppressions, level, includeSettings, false);
  }

  /**
   * @param vendorUnits evaluate site-policy rules on untouched distribution units too ({@code
   *     --vendor}, config {@code "vendorUnits": true})
   */
  public Audit(
      RuleCatalog catalog,
      SecurityPolicy policy,
      Suppressions suppressions,
      int level,
      boolean includeSettings,
      boolean vendorUnits) {
    this.engine = new RuleEngine(catalog, vendorUnits);
    this.diagnostics =
        new RuleEngine(
            new RuleCatalog(
                catalog.all().stream().filter(r -> "diagnostics".equals(r.family())).toList()));
    this.catalog = catalog;
    this.secrets = new SecretMask(catalog);
    this.policy = policy;
    this.suppressions = suppressions;
    this.level = level;
    this.includeSettings = includeSettings;
  }

  /**
   * The checked rules within --level and not disabled by the config: such a rule is neither
   * reported nor listed as checked, so JUnit and SARIF do not count it as passed.
   */
  private List<String> inScope(List<String> ruleIds) {
    List<String> out = new ArrayList<>(ruleIds.size());
    for (String id : ruleIds) {
      Integer l = catalog.find(id).map(r -> r.level()).orElse(null);
      if ((l == null || l <= level) && !suppressions.isDisabled(id)) {
        out.add(id);
      }
    }
    return List.copyOf(out);
  }

  /**
   * One instance per distinct text: most messages, paths and fixes repeat across units (a
   * 100,000-unit report holds about 1.3 million findings but few distinct texts), and the report
   * keeps every finding until it is written.
   */
  private String text(String s) {
    if (s == null) {
      return null;
    }
    String known = texts.putIfAbsent(s, s);
    return known == null ? s : known;
  }

  /** Audits every unit the selection names; never throws for anything found in the tree. */
  public AuditReport run(Selection selection) {
    List<ErrorEntry> errors = new ArrayList<>();
    for (String w : selection.warnings()) {
      errors.add(new ErrorEntry(null, null, null, w));
    }
    // each unit is loaded and audited in one pass, in parallel (the tree is a snapshot, every
    // cache is concurrent), and dropped once audited; the report keeps the order of the names
    record Audited(int scope, String id, UnitEntry entry, List<ErrorEntry> errors) {}
    record Job(int scope, TreeContext tree, String name) {}
    List<Job> jobs = new ArrayList<>();
    List<Selection.Scope> scopes = selection.scopes();
    for (int i = 0; i < scopes.size(); i++) {
      Selection.Scope s = scopes.get(i);
      TreeContext tree = treeFor(s);
      for (Diagnostic d : s.loader().scanDiagnostics()) {
        errors.add(new ErrorEntry(null, d.file(), d.line() > 0 ? d.line() : null, d.message()));
      }
      for (String name : s.unitNames()) {
        jobs.add(new Job(i, tree, name));
      }
    }
    List<Audited> audited =
        jobs.parallelStream()
            .map(
                j -> {
                  Unit u = j.tree().loadOnce(j.name());
                  List<ErrorEntry> errs = new ArrayList<>();
                  return new Audited(j.scope(), u.id(), audit(j.tree(), u, errs), errs);
                })
            .toList();
    List<UnitEntry> entries = new ArrayList<>(audited.size());
    Set<String> seen = new HashSet<>();
    for (Audited a : audited) {
      // an alias named next to its target is one unit, reported with its aliases; the same name
      // in two folders is two units
      if (seen.add(a.scope() + "/" + a.id())) {
        entries.add(a.entry());
        errors.addAll(a.errors());
      }
    }
    errors.addAll(suppressions.problems());
    return new AuditReport(
        AuditReport.SCHEMA_VERSION,
        new AuditReport.Tool("unitaudit", Version.get()),
        List.copyOf(entries),
        List.copyOf(errors),
        suppressions.configFile(),
        suppressions.inEffect());
  }

  /**
   * The tree of one scope as the audit sees it: rule ids it knows, the date suppressions expire.
   */
  public TreeContext treeFor(Selection.Scope scope) {
    return new TreeContext(
        scope.loader(), scope.root(), id -> catalog.find(id).isPresent(), suppressions.today());
  }

  /** The unit with its credentials masked as the report masks them (fix --format diff). */
  public Unit masked(Unit unit) {
    return secrets.masked(unit);
  }

  /** The rules this audit runs (built-in and --rules). */
  public RuleCatalog catalog() {
    return catalog;
  }

  /** The --level the report is cut at: ladder findings above it are not reported. */
  public int level() {
    return level;
  }

  /**
   * A loaded unit's findings exactly as the report judges them: the rules in scope (--vendor), the
   * config's disabled rules and severity overrides applied, and inline and config suppressions
   * marked. {@code fix} re-judges a unit with its drop-in through this, so it closes what the audit
   * reports and nothing else.
   */
  public List<Finding> judge(TreeContext tree, Unit unit) {
    return suppressions.apply(
        unit, engine.evaluate(tree.contextFor(unit)).findings(), new ArrayList<>());
  }

  /** Whether the report shows the finding: outside the ladder or at a level up to --level. */
  public boolean reported(Finding f) {
    return f.level() == null || f.level() <= level;
  }

  /** The exposure under the audit's security policy, or null when the policy refuses the unit. */
  public BigDecimal exposure(Unit unit) {
    try {
      return BigDecimal.valueOf(
          ExposureCalculator.assess(unit.name(), unit.assignments(), policy).exposureTenths(), 1);
    } catch (PolicyException e) {
      return null;
    }
  }

  private UnitEntry audit(TreeContext tree, Unit unit, List<ErrorEntry> errors) {
    String id = unit.id();
    boolean outsideLink =
        unit.diagnostics().stream().anyMatch(d -> Diagnostic.OUTSIDE_LINK.equals(d.category()));
    for (Diagnostic d : unit.diagnostics()) {
      if (outsideLink) {
        break; // a finding (UA0011), not an audit error: the file is there, the folder cannot say
        // more
      }
      if (d.severity() == Diagnostic.Severity.ERROR || unit.status() == UnitStatus.NOT_FOUND) {
        errors.add(new ErrorEntry(id, d.file(), d.line() > 0 ? d.line() : null, d.message()));
      }
    }
    if (unit.status() == UnitStatus.NOT_FOUND && unit.diagnostics().isEmpty()) {
      errors.add(new ErrorEntry(id, null, null, "Unit " + id + " not found."));
    }
    if (unit.status() == UnitStatus.MASKED) {
      // systemd-analyze's words; the unit is reported, but nothing about it was audited
      errors.add(new ErrorEntry(id, unit.fragment(), null, "Unit " + id + " is masked."));
    }
    List<Finding> findings = List.of();
    List<String> checked = List.of();
    Integer achieved = null;
    if (unit.status() == UnitStatus.BAD_SETTING || outsideLink) {
      // systemd refuses the unit: only the load diagnostics (UA0xxx) say anything true about it
      RuleEngine.Outcome o = diagnostics.evaluate(tree.contextFor(unit));
      findings = suppressions.apply(unit, o.findings(), errors);
      checked = inScope(o.rulesChecked());
    }
    if (unit.status() == UnitStatus.LOADED) {
      RuleEngine.Outcome o = engine.evaluate(tree.contextFor(unit));
      findings = suppressions.apply(unit, o.findings(), errors);
      checked = share(inScope(o.rulesChecked()));
      if (unit.type() == UnitType.SERVICE) {
        achieved =
            RuleEngine.achievedLevel(findings.stream().filter(f -> f.level() != null).toList());
      }
    }
    // nothing the report prints repeats a credential written in the unit (UA7001/UA7002 say where)
    List<Secrets.Found> found = secrets.secretsOf(unit);
    List<FindingEntry> reported = new ArrayList<>();
    for (Finding f : findings) {
      if (reported(f)) {
        reported.add(entry(f, found));
      }
    }
    BigDecimal exposure = null;
    String rating = null;
    List<CheckEntry> checks = List.of();
    if (unit.status() == UnitStatus.LOADED && unit.type() == UnitType.SERVICE) {
      try {
        SecurityAssessment a = ExposureCalculator.assess(unit.name(), unit.assignments(), policy);
        exposure = BigDecimal.valueOf(a.exposureTenths(), 1);
        rating = a.rating().name();
        List<CheckEntry> rows = new ArrayList<>(a.rows().size());
        for (CheckRow r : a.rows()) {
          rows.add(check(r));
        }
        checks = java.util.Collections.unmodifiableList(rows);
      } catch (PolicyException e) {
        errors.add(new ErrorEntry(id, null, null, e.getMessage()));
      }
    }
    return new UnitEntry(
        id,
        unit.aliases(),
        unit.type().suffix(),
        unit.status().word(),
        unit.string("Unit", "Description")
            .map(d -> Secrets.mask(Specifiers.expand(d, unit.name()), found))
            .orElse(null),
        unit.fragment(),
        unit.dropins(),
        exposure,
        rating,
        achieved,
        checks,
        reported,
        checked,
        includeSettings ? settings(unit, found) : null);
  }

  /**
   * Identical rows and rule lists are shared between units: most units repeat the same few variants
   * of each of the 81 rows, and a 100,000-unit report would otherwise hold 8 million.
   */
  private final Map<Object, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  private <T> T share(T value) {
    Object prev = shared.putIfAbsent(value, value);
    return prev == null ? value : (T) prev;
  }

  /**
   * One CheckEntry per distinct row: 81 rows per service, few distinct ones across a tree. The key
   * is cheap to hash (the json_field is the assessor table's own string, compared by identity),
   * which matters at 8 million rows for 100,000 services.
   */
  private final Map<RowKey, CheckEntry> rows = new java.util.concurrent.ConcurrentHashMap<>();

  private static final class RowKey {
    private final CheckRow row;
    private final int hash;

    RowKey(CheckRow row) {
      this.row = row;
      this.hash =
          ((System.identityHashCode(row.jsonField()) * 31 + java.util.Objects.hashCode(row.set()))
                          * 31
                      + java.util.Objects.hashCode(row.exposureTenths()))
                  * 31
              + java.util.Objects.hashCode(row.description());
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RowKey k
          && k.hash == hash
          && k.row.jsonField() == row.jsonField()
          && k.row.name().equals(row.name())
          && java.util.Objects.equals(k.row.set(), row.set())
          && java.util.Objects.equals(k.row.exposureTenths(), row.exposureTenths())
          && java.util.Objects.equals(k.row.description(), row.description());
    }
  }

  private CheckEntry check(CheckRow r) {
    return rows.computeIfAbsent(
        new RowKey(r),
        k ->
            new CheckEntry(
                r.name(),
                r.jsonField(),
                r.set(),
                r.exposureTenths() == null ? null : BigDecimal.valueOf(r.exposureTenths(), 1),
                r.description()));
  }

  private FindingEntry entry(Finding f, List<Secrets.Found> found) {
    Finding.Suppression s = f.suppressed();
    return new FindingEntry(
        f.rule(),
        f.title(),
        f.severity().word(),
        f.level(),
        text(Secrets.mask(f.message(), found)),
        text(f.file()),
        f.file() == null || f.line() <= 0 ? null : f.line(),
        text(Secrets.mask(String.join("\n", f.fix()), found)),
        s == null ? null : new AuditReport.Suppressed(s.by(), s.reason(), s.until()));
  }

  private static List<SettingEntry> settings(Unit unit, List<Secrets.Found> found) {
    List<SettingEntry> out = new ArrayList<>();
    for (Effective e : unit.effective().values()) {
      for (Setting s : e.settings()) {
        out.add(
            new SettingEntry(
                e.section(), e.key(), Secrets.mask(s.value(), found), s.file(), s.line()));
      }
    }
    return out;
  }
}
