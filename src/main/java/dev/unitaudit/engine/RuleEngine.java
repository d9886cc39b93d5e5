package dev.unitaudit.engine;

import dev.unitaudit.check.CheckContext;
import dev.unitaudit.check.CheckKind;
import dev.unitaudit.check.CheckKinds;
import dev.unitaudit.check.Hit;
import dev.unitaudit.model.Unit;
import dev.unitaudit.result.Finding;
import dev.unitaudit.result.Fix;
import dev.unitaudit.rules.Rule;
import dev.unitaudit.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Evaluates every applicable rule on one unit and turns hits into findings. */
public final class RuleEngine {

  private final RuleCatalog catalog;
  private final boolean vendorUnits;

  /** Each rule's check kind, looked up once rather than by name for every unit. */
  private final Map<Rule, CheckKind<?>> kinds = new java.util.IdentityHashMap<>();

  /**
   * An engine that leaves site-policy rules off untouched vendor units, as the command line does by
   * default.
   */
  public RuleEngine(RuleCatalog catalog) {
    this(catalog, false);
  }

  /**
   * @param vendorUnits also evaluate site-policy rules ({@code "scope": "site"}) on units the
   *     distribution ships and the site has not overridden ({@code --vendor})
   */
  public RuleEngine(RuleCatalog catalog, boolean vendorUnits) {
    this.catalog = catalog;
    this.vendorUnits = vendorUnits;
    for (Rule r : catalog.all()) {
      kinds.put(r, CheckKinds.get(r.kind()));
    }
  }

  public RuleCatalog catalog() {
    return catalog;
  }

  /** What evaluating the rules on one unit gave. */
  public record Outcome(List<Finding> findings, List<String> rulesChecked) {}

  public Outcome evaluate(CheckContext ctx) {
    Unit u = ctx.unit();
    List<Finding> out = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (Rule r : catalog.all()) {
      if (!r.appliesTo(u.type().suffix()) || (r.sitePolicy() && u.vendor() && !vendorUnits)) {
        continue; // a site-policy rule skipped on a vendor unit is not "checked" either
      }
      checked.add(r.id());
      for (Hit h : run(r, ctx)) {
        Map<String, String> values = new HashMap<>(h.values());
        values.putIfAbsent("unit", u.id());
        // where the finding points, for fix texts that edit that line
        values.putIfAbsent("file", h.file() == null ? u.id() : h.file());
        values.putIfAbsent("line", Integer.toString(h.line()));
        String msg = substitute(r.message(), values);
        Fix fix = FixText.of(r, h, values);
        out.add(
            new Finding(
                u.id(),
                r.id(),
                r.title(),
                r.severity(),
                r.level(),
                msg,
                h.file(),
                h.line(),
                fix.lines(),
                fix.kind(),
                null));
      }
    }
    out.sort(
        Comparator.comparing(Finding::file, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::rule));
    return new Outcome(out, checked);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<Hit> run(Rule r, CheckContext ctx) {
    CheckKind kind = kinds.get(r);
    return kind.evaluate(ctx, r.params());
  }

  /**
   * The highest hardening level (0–3) the unit fully meets: every ladder rule of that level and
   * below passes (a finding accepted by a suppression counts as met).
   */
  public static int achievedLevel(List<Finding> allLadderFindings) {
    int worst = 4;
    for (Finding f : allLadderFindings) {
      if (f.level() != null && f.suppressed() == null) {
        worst = Math.min(worst, f.level());
      }
    }
    return Math.min(3, worst - 1);
  }

  /**
   * Fills {@code ${name}} placeholders of a rule message from a hit's values (unknown names stay as
   * written). A plain scan: messages are short and this runs once per finding.
   */
  static String substitute(String template, Map<String, String> values) {
    int at = template.indexOf("${");
    if (at < 0) {
      return template;
    }
    StringBuilder sb = new StringBuilder(template.length() + 32);
    int from = 0;
    while (at >= 0) {
      int end = template.indexOf('}', at + 2);
      if (end < 0) {
        break;
      }
      String v = values.get(template.substring(at + 2, end));
      sb.append(template, from, at).append(v != null ? v : template.substring(at, end + 1));
      from = end + 1;
      at = template.indexOf("${", from);
    }
    return sb.append(template, from, template.length()).toString();
  }
}
