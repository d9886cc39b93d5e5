package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Specifiers;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code dependency-exists}: every unit named by the {@code keys} dependency settings (OnFailure=)
 * must exist in the audited tree, after expanding specifiers the way the manager does for this unit
 * ({@code alert@%n.service} on {@code app.service} names {@code alert@app.service.service}). An
 * instance exists when its own file or its template does. On a template, whose instance is not
 * known, {@code %i}/{@code %n} keep a literal {@code %i} as the instance and only the target's
 * template is looked up. One hit per missing name, at the assignment that named it.
 */
public final class DependencyExistsCheck implements CheckKind<DependencyExistsCheck.Params> {
  // compiled once: these run for every unit (a regex in String.split/matches compiles each call)
  private static final Pattern WS = Pattern.compile("\\s+");

  /** Parameters: section (default: Unit), the dependency keys. */
  public record Params(String section, List<String> keys) {}

  @Override
  public String name() {
    return "dependency-exists";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.keys() == null || p.keys().isEmpty()) {
      throw new IllegalArgumentException("dependency-exists needs a non-empty keys list");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    String section = p.section() == null ? "Unit" : p.section();
    UnitName self = u.name().isTemplate() ? u.name().withInstance("%i") : u.name();
    List<Hit> hits = new ArrayList<>();
    for (String key : p.keys()) {
      for (Setting s : u.list(section, key)) {
        for (String word : WS.split(s.value().trim())) {
          String target = Specifiers.expand(word, self);
          if (!word.isEmpty() && !exists(ctx, target)) {
            Map<String, String> v = Checks.values(key, Optional.of(s));
            v.put("target", target);
            v.put("create", unitFile(target));
            hits.add(Hit.at(s.origin(), v).withFix(rename(ctx, s, word, unitFile(target))));
          }
        }
      }
    }
    return hits;
  }

  /**
   * A misspelt name corrected on its line, when a unit of the tree is a near match and the word
   * spells the missing unit's name out; null (the rule's fix: create the unit) otherwise.
   */
  private static dev.unitaudit.result.Fix rename(
      CheckContext ctx, Setting s, String word, String file) {
    String near = Checks.nearestUnit(ctx, file);
    // a word without a type suffix is no unit name at all: nothing to correct on the line
    if (near == null || file.lastIndexOf('.') < 0 || near.lastIndexOf('.') < 0) {
      return null;
    }
    String stem = file.substring(0, file.lastIndexOf('.'));
    if (!word.startsWith(stem)) {
      return null;
    }
    String fixed = near.substring(0, near.lastIndexOf('.')) + word.substring(stem.length());
    List<String> words = new java.util.ArrayList<>(List.of(WS.split(s.value().trim())));
    words.replaceAll(w -> w.equals(word) ? fixed : w);
    return LineFix.edit(
        s.origin(),
        s.origin().section(),
        List.of(
            "# "
                + near
                + " is the unit of the tree with the"
                + " nearest name: check that it is the one meant"),
        List.of(s.origin().key() + "=" + String.join(" ", words)));
  }

  /** The unit file that makes {@code target} exist: its template for an instance, else itself. */
  public static String unitFile(String target) {
    int at = target.indexOf('@');
    int dot = target.lastIndexOf('.');
    return at > 0 && dot > at ? target.substring(0, at) + "@" + target.substring(dot) : target;
  }

  /**
   * The unit or, for an instance (whose instance may contain '@' or a literal %i), its template.
   */
  static boolean exists(CheckContext ctx, String target) {
    if (UnitName.parse(target) != null && ctx.lookup(target).isPresent()) {
      return true;
    }
    int at = target.indexOf('@');
    int dot = target.lastIndexOf('.');
    if (at <= 0 || dot < at) {
      return false;
    }
    return ctx.lookup(target.substring(0, at) + "@" + target.substring(dot)).isPresent();
  }
}
