package dev.unitaudit.app;

import dev.unitaudit.model.Unit;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.report.AuditReport.ErrorEntry;
import dev.unitaudit.result.Finding;
import dev.unitaudit.result.Severity;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.syntax.Assignment;
import dev.unitaudit.syntax.InlineSuppression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How findings are accepted on purpose: inline {@code # unitaudit: ignore=…} comments in the unit's
 * files, and the project config's disabled rules, severity overrides and per-unit ignores.
 * Suppressed findings stay in the report, marked; problems with a suppression (no reason, an
 * unknown rule id, an expired date) are reported as errors with their file:line.
 */
public final class Suppressions {

  private final RuleCatalog catalog;
  private final ProjectConfig config;
  private final String configFile;
  private final boolean inline;
  private final LocalDate today;
  private final List<ErrorEntry> problems = new ArrayList<>();

  /** Inline suppressions in effect, per unit and comment; units are audited in parallel. */
  private final java.util.Set<AuditReport.SuppressionEntry> inEffect =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Set<String> disabled;
  private final Map<String, String> severities;

  /**
   * @param config null when no config applies
   * @param inline false with --ignore-tree-config: comments in the audited files are not trusted
   */
  public Suppressions(
      RuleCatalog catalog,
      ProjectConfig config,
      String configFile,
      boolean inline,
      LocalDate today) {
    this.catalog = catalog;
    this.config = config;
    this.configFile = configFile;
    this.inline = inline;
    this.today = today;
    if (config != null) {
      for (String id : list(config.disabledRules())) {
        if (catalog.find(id).isEmpty()) {
          problems.add(new ErrorEntry(null, configFile, null, "disabledRules: unknown rule " + id));
        }
      }
      if (config.severity() != null) {
        for (String id : config.severity().keySet()) {
          if (catalog.find(id).isEmpty()) {
            problems.add(new ErrorEntry(null, configFile, null, "severity: unknown rule " + id));
          }
        }
      }
      for (ProjectConfig.Ignore i : list(config.ignore())) {
        for (String id : i.rules()) {
          if (catalog.find(id).isEmpty()) {
            problems.add(
                new ErrorEntry(
                    null, configFile, null, "ignore: unknown rule " + id + " for " + i.unit()));
          }
        }
        if (i.until() != null && today.isAfter(LocalDate.parse(i.until()))) {
          problems.add(
              new ErrorEntry(
                  null,
                  configFile,
                  null,
                  "ignore: the suppression of "
                      + String.join(",", i.rules())
                      + " for "
                      + i.unit()
                      + " expired on "
                      + i.until()
                      + ": its findings count again"));
        }
      }
    }
    this.disabled = ids(list(config == null ? null : config.disabledRules()));
    Map<String, String> sev = new java.util.HashMap<>();
    if (config != null && config.severity() != null) {
      config.severity().forEach((k, v) -> sev.put(id(k), v));
    }
    this.severities = Map.copyOf(sev);
  }

  /** A rule id or name as the rule's id (unknown ones unchanged: they match nothing). */
  private String id(String idOrName) {
    return catalog.find(idOrName).map(r -> r.id()).orElse(idOrName);
  }

  private Set<String> ids(List<String> idsOrNames) {
    Set<String> out = new HashSet<>();
    for (String s : idsOrNames) {
      out.add(id(s));
    }
    return out;
  }

  public static Suppressions none(RuleCatalog catalog) {
    return new Suppressions(catalog, null, null, true, LocalDate.now(java.time.ZoneOffset.UTC));
  }

  /** The date suppressions expire against. */
  /** Whether the config's disabledRules switches this rule (by id) off for every unit. */
  public boolean isDisabled(String ruleId) {
    return disabled.contains(ruleId);
  }

  public LocalDate today() {
    return today;
  }

  /** Problems not tied to one unit (the config's), reported once. */
  List<ErrorEntry> problems() {
    return problems;
  }

  /** The config file in effect, as given (--config) or found, or null. */
  public String configFile() {
    return configFile;
  }

  /**
   * Every inline suppression in effect in the units applied so far, ordered by unit, file and line:
   * with {@link #configFile()}, what the report lists so that nothing in the tree switches a
   * finding off unseen.
   */
  public List<AuditReport.SuppressionEntry> inEffect() {
    List<AuditReport.SuppressionEntry> out = new ArrayList<>(inEffect);
    out.sort(
        java.util.Comparator.comparing(AuditReport.SuppressionEntry::unit)
            .thenComparing(AuditReport.SuppressionEntry::file)
            .thenComparingInt(AuditReport.SuppressionEntry::line));
    return out;
  }

  /** The unit's findings with config changes applied and suppressions marked. */
  List<Finding> apply(Unit unit, List<Finding> findings, List<ErrorEntry> errors) {
    List<InlineSuppression> active = inline ? inlineFor(unit) : List.of();
    for (InlineSuppression s : active) {
      inEffect.add(
          new AuditReport.SuppressionEntry(
              unit.id(),
              s.ids(),
              s.reason(),
              s.until() == null ? null : s.until().toString(),
              s.file(),
              s.line()));
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (disabled.contains(f.rule())) {
        continue;
      }
      Finding g = f;
      String sev = severities.get(f.rule());
      if (sev != null) {
        g = f.withSeverity(Severity.parse(sev));
      }
      Finding.Suppression s = suppression(unit.id(), g.rule(), active);
      out.add(s == null ? g : g.withSuppression(s));
    }
    return out;
  }

  private Finding.Suppression suppression(
      String unitId, String rule, List<InlineSuppression> active) {
    for (InlineSuppression s : active) {
      if (ids(s.ids()).contains(rule)) {
        return new Finding.Suppression(
            "inline", s.reason(), s.until() == null ? null : s.until().toString());
      }
    }
    if (config != null) {
      for (ProjectConfig.Ignore i : list(config.ignore())) {
        if (ProjectConfig.unitMatches(i.unit(), unitId)
            && ids(i.rules()).contains(rule)
            && (i.until() == null || !today.isAfter(LocalDate.parse(i.until())))) {
          return new Finding.Suppression("config", i.reason(), i.until());
        }
      }
    }
    return null;
  }

  /**
   * The unit's valid, unexpired suppressions. Invalid, expired and unknown-rule ones are findings
   * of their own (UA0008–UA0010, the {@code suppression} check kind), so they are skipped here.
   */
  private List<InlineSuppression> inlineFor(Unit unit) {
    List<InlineSuppression> out = new ArrayList<>();
    for (Assignment d : unit.directives()) {
      InlineSuppression s = InlineSuppression.parse(d);
      if (s.problem() == null && !s.expiredOn(today)) {
        out.add(s);
      }
    }
    return out;
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
