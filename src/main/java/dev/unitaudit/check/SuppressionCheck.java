package dev.unitaudit.check;

import dev.unitaudit.syntax.Assignment;
import dev.unitaudit.syntax.InlineSuppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code suppression}: problems with the unit's {@code # unitaudit: ignore=…} comments, so that a
 * suppression that does nothing is never silent. {@code problem} is {@code invalid} (bad syntax, no
 * reason), {@code expired} (its {@code until} date has passed: the findings count again) or {@code
 * unknown-rule} (it names a rule id the catalog does not have).
 */
public final class SuppressionCheck implements CheckKind<SuppressionCheck.Params> {

  /** Parameters: which problem this rule reports. */
  public record Params(String problem) {}

  private static final Set<String> PROBLEMS = Set.of("invalid", "expired", "unknown-rule");

  @Override
  public String name() {
    return "suppression";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.problem() == null || !PROBLEMS.contains(p.problem())) {
      throw new IllegalArgumentException(
          "suppression needs problem: invalid, expired or unknown-rule");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    List<Hit> hits = new ArrayList<>();
    for (Assignment d : ctx.unit().directives()) {
      InlineSuppression s = InlineSuppression.parse(d);
      switch (p.problem()) {
        case "invalid" -> {
          if (s.problem() != null) {
            hits.add(Hit.at(d, Map.of("detail", s.problem())));
          }
        }
        case "expired" -> {
          if (s.problem() == null && s.expiredOn(ctx.today())) {
            hits.add(
                Hit.at(d, Map.of("ids", String.join(",", s.ids()), "until", s.until().toString())));
          }
        }
        default -> {
          if (s.problem() == null) {
            for (String id : s.ids()) {
              if (!ctx.ruleExists(id)) {
                hits.add(Hit.at(d, Map.of("id", id)));
              }
            }
          }
        }
      }
    }
    return hits;
  }
}
