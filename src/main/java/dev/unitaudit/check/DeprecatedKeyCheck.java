package dev.unitaudit.check;

import dev.unitaudit.model.SettingCatalog;
import dev.unitaudit.model.Unit;
import dev.unitaudit.syntax.Assignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code deprecated-key}: assignments systemd 252 applied (or accepted and ignored) although the
 * key is deprecated, removed or a compatibility spelling, from the directive catalog's
 * deprecation notes ({@code ${detail}}). {@code keys} limits the rule to those keys;
 * {@code except} leaves out keys that another rule reports with a more specific fix.
 */
public final class DeprecatedKeyCheck implements CheckKind<DeprecatedKeyCheck.Params> {

  /** Parameters: keys (only these; absent: every deprecated key), except. */
  public record Params(List<String> keys, List<String> except) {}

  @Override
  public String name() {
    return "deprecated-key";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.keys() != null && p.keys().isEmpty()) {
      throw new IllegalArgumentException("deprecated-key: keys, when given, must not be empty");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    SettingCatalog cat = SettingCatalog.get();
    List<Hit> hits = new ArrayList<>();
    for (Assignment a : u.assignments()) {
      String why = cat.deprecation(a.section(), a.key());
      if (why == null || a.value().isEmpty() || (p.keys() != null && !p.keys().contains(a.key()))
          || (p.except() != null && p.except().contains(a.key()))) {
        continue;
      }
      Map<String, String> v = new HashMap<>();
      v.put("key", a.key());
      v.put("section", a.section());
      v.put("actual", a.value());
      v.put("detail", why);
      hits.add(Hit.at(a, v));
    }
    return hits;
  }
}
