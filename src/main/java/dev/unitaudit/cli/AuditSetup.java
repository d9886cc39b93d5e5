package dev.unitaudit.cli;

import dev.unitaudit.app.Audit;
import dev.unitaudit.app.ProjectConfig;
import dev.unitaudit.app.Selection;
import dev.unitaudit.app.Suppressions;
import dev.unitaudit.app.UsageException;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.rules.RuleException;
import dev.unitaudit.rules.RuleLoader;
import dev.unitaudit.score.PolicyException;
import dev.unitaudit.score.SecurityPolicy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the shared audit options into a ready {@link Audit}: the selection, the config in effect,
 * the rule catalog and the security policy. Every problem is a {@link UsageException} (exit 2).
 */
final class AuditSetup {

  final Selection selection;
  final ProjectConfig.Loaded config;
  final RuleCatalog catalog;
  final Audit audit;
  final int level;

  /** --vendor or the config's "vendorUnits": true (site-policy rules on untouched vendor units). */
  final boolean vendorUnits;

  /** What the --security-policy file holds that systemd ignores, and so was left out. */
  final List<String> policyWarnings;

  private AuditSetup(
      Selection selection,
      ProjectConfig.Loaded config,
      RuleCatalog catalog,
      Audit audit,
      int level,
      boolean vendorUnits,
      List<String> policyWarnings) {
    this.policyWarnings = policyWarnings;
    this.vendorUnits = vendorUnits;
    this.selection = selection;
    this.config = config;
    this.catalog = catalog;
    this.audit = audit;
    this.level = level;
  }

  static AuditSetup of(RootOptions root, AuditOptions o) throws UsageException {
    Path cwd = Path.of("").toAbsolutePath();
    Selection sel = Selection.of(root.targets, root.root, cwd);
    ProjectConfig.Loaded cfg = config(root, o, cwd);
    int level =
        o.level != null
            ? o.level
            : cfg != null && cfg.config().level() != null ? cfg.config().level() : 2;
    if (level < 1 || level > 3) {
      throw new UsageException("--level " + level + ": the ladder has levels 1, 2 and 3");
    }
    List<Path> rules = new ArrayList<>(o.rules);
    if (cfg != null && cfg.config().rules() != null) {
      Path base = cfg.file().toAbsolutePath().getParent();
      cfg.config().rules().forEach(r -> rules.add(base.resolve(r)));
    }
    RuleCatalog catalog;
    try {
      catalog = rules.isEmpty() ? RuleLoader.builtIn() : RuleLoader.withUserRules(rules);
    } catch (RuleException e) {
      throw new UsageException(e.getMessage());
    }
    SecurityPolicy policy = SecurityPolicy.NONE;
    if (o.securityPolicy != null) {
      try {
        policy = SecurityPolicy.parse(o.securityPolicy, o.strictPolicy);
      } catch (PolicyException e) {
        throw new UsageException("--security-policy " + e.getMessage());
      }
    }
    Suppressions sup =
        new Suppressions(
            catalog,
            cfg == null ? null : cfg.config(),
            cfg == null ? null : shown(cfg.file(), cwd),
            !o.ignoreTreeConfig,
            LocalDate.now(ZoneOffset.UTC));
    boolean vendorUnits =
        o.vendor || (cfg != null && Boolean.TRUE.equals(cfg.config().vendorUnits()));
    return new AuditSetup(
        sel,
        cfg,
        catalog,
        new Audit(catalog, policy, sup, level, o.includeSettings, vendorUnits),
        level,
        vendorUnits,
        policy.warnings());
  }

  /** A path as reports name files: relative to the current directory when under it. */
  private static String shown(Path file, Path cwd) {
    Path f = file.toAbsolutePath().normalize();
    return f.startsWith(cwd) ? cwd.relativize(f).toString() : f.toString();
  }

  /**
   * --config, else (unless --ignore-tree-config) the first .unitaudit.json upward of a PATH or
   * --root.
   */
  private static ProjectConfig.Loaded config(RootOptions root, AuditOptions o, Path cwd)
      throws UsageException {
    if (o.config != null) {
      return ProjectConfig.read(o.config);
    }
    if (o.ignoreTreeConfig) {
      return null;
    }
    List<Path> starts = new ArrayList<>();
    for (String t : root.targets) {
      Path p = cwd.resolve(t);
      if (t.contains("/") || java.nio.file.Files.exists(p)) {
        starts.add(p);
      }
    }
    if (root.root != null) {
      starts.add(root.root);
    }
    for (Path s : starts) {
      Path f = ProjectConfig.findUpward(s);
      if (f != null) {
        return ProjectConfig.read(f);
      }
    }
    return null;
  }
}
