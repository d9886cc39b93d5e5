package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code canonical-spelling}: the effective value of each {@code section.key} must come from an
 * assignment spelled that way. systemd 252 still accepts compatibility spellings that write the
 * same field (StartLimitBurst= and StartLimitInterval= in [Service], StartLimitInterval= in
 * [Unit]); the model files them under the canonical key, and this kind reports the ones whose
 * legacy assignment is the one in effect. A later canonical assignment (a drop-in) closes it.
 */
public final class CanonicalSpellingCheck implements CheckKind<CanonicalSpellingCheck.Params> {

  /** Parameters: the canonical section and keys. */
  public record Params(String section, List<String> keys) {}

  @Override
  public String name() {
    return "canonical-spelling";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.section() == null || p.keys() == null || p.keys().isEmpty()) {
      throw new IllegalArgumentException(
          "canonical-spelling needs section and a non-empty keys list");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    List<Hit> hits = new ArrayList<>();
    for (String key : p.keys()) {
      Optional<Setting> s = u.scalar(p.section(), key);
      if (s.isEmpty()) {
        continue;
      }
      var origin = s.get().origin();
      if (!origin.section().equals(p.section()) || !origin.key().equals(key)) {
        Map<String, String> v = Checks.values(key, s);
        v.put("legacy", "[" + origin.section() + "] " + origin.key() + "=");
        v.put("canonical", "[" + p.section() + "] " + key + "=");
        v.put("canonicalKey", key);
        // the legacy line rewritten under its current name, moved to its section: same value
        hits.add(
            Hit.at(origin, v)
                .withFix(LineFix.edit(origin, p.section(), List.of(key + "=" + origin.value()))));
      }
    }
    return hits;
  }
}
