package dev.unitaudit.engine;

import dev.unitaudit.check.CheckContext;
import dev.unitaudit.check.CheckKind;
import dev.unitaudit.check.CheckKinds;
import dev.unitaudit.check.Hit;
import dev.unitaudit.model.Unit;
import dev.unitaudit.result.Finding;
import dev.unitaudit.rules.Rule;
import dev.unitaudit.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;

/** Evaluates every applicable rule on one unit and turns hits into findings. */
public final class RuleEngine {

  private final RuleCatalog catalog;

  public RuleEngine(RuleCatalog catalog) {
    this.catalog = catalog;
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
      if (!r.appliesTo(u.type().suffix())) {
        continue;
      }
      checked.add(r.id());
      for (Hit h : run(r, ctx)) {
        Map<String, String> values = new HashMap<>(h.values());
        values.putIfAbsent("unit", u.id());
        String msg = new StringSubstitutor(values).replace(r.message());
        out.add(new Finding(u.id(), r.id(), r.title(), r.severity(), r.level(), msg, h.file(), h.line(), r.fix(), null));
      }
    }
    out.sort(Comparator.comparing(Finding::file, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingInt(Finding::line).thenComparing(Finding::rule));
    return new Outcome(out, checked);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Hit> run(Rule r, CheckContext ctx) {
    CheckKind kind = CheckKinds.get(r.kind());
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
}
