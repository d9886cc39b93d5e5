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
 * key is deprecated, removed or a compatibility spelling, from the directive catalog's deprecation
 * notes ({@code ${detail}}). {@code keys} limits the rule to those keys; {@code except} leaves out
 * keys that another rule reports with a more specific fix.
 */
public final class DeprecatedKeyCheck implements CheckKind<DeprecatedKeyCheck.Params> {

  // the catalog's notes for keys whose replacement takes the same value (a new name or section)
  private static final java.util.regex.Pattern RENAMED =
      java.util.regex.Pattern.compile(
          "legacy name of (\\w+)=.*|compat only: move to \\[(\\w+)\\] (\\w+)=.*|compat only:"
              + " belongs in \\[(\\w+)\\] as (\\w+)=.*");

  /**
   * cgroup-v1 settings whose cgroup-v2 replacement reads the same value (not the weights: their
   * scales differ).
   */
  private static final Map<String, String> SAME_VALUE =
      Map.of(
          "MemoryLimit",
          "MemoryMax",
          "BlockIOAccounting",
          "IOAccounting",
          "BlockIOReadBandwidth",
          "IOReadBandwidthMax",
          "BlockIOWriteBandwidth",
          "IOWriteBandwidthMax");

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
      if (why == null
          || a.value().isEmpty()
          || (p.keys() != null && !p.keys().contains(a.key()))
          || (p.except() != null && p.except().contains(a.key()))) {
        continue;
      }
      Map<String, String> v = new HashMap<>();
      v.put("key", a.key());
      v.put("section", a.section());
      v.put("actual", a.value());
      v.put("detail", why);
      hits.add(Hit.at(a, v).withFix(fix(a, why)));
    }
    return hits;
  }

  /** The same value under the replacement's name and section; else what to do. */
  static dev.unitaudit.result.Fix fix(Assignment a, String why) {
    java.util.regex.Matcher m = RENAMED.matcher(why);
    if (m.matches()) {
      String section =
          m.group(1) != null ? a.section() : m.group(2) != null ? m.group(2) : m.group(4);
      String key = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(5);
      return LineFix.edit(a, section, List.of(key + "=" + a.value()));
    }
    if (SAME_VALUE.containsKey(a.key())) {
      return LineFix.edit(a, a.section(), List.of(SAME_VALUE.get(a.key()) + "=" + a.value()));
    }
    return LineFix.manual(
        a.location()
            + ": "
            + a.key()
            + "= "
            + why
            + "; write the replacement in its own terms (its values mean something else) or delete"
            + " the line");
  }
}
