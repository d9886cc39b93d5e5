package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code settings-present}: for the units the selector picks ({@code roles}, {@code types}; see
 * {@link ServiceRoles}), each of {@code keys} must be set to a value that does not switch the
 * feature off. A value listed in {@code off} ({@code 0}, {@code infinity}; compared as time spans,
 * so {@code 0s} is {@code 0}) or an empty value counts as unset. One hit per key: at the
 * assignment when it is set but off, else at the section header.
 */
public final class SettingsPresentCheck implements CheckKind<SettingsPresentCheck.Params> {

  /**
   * Parameters: section (default: type section), keys, off values, roles and types selecting
   * the units (absent: every unit of the rule's unitTypes).
   */
  public record Params(String section, List<String> keys, List<String> off, List<String> roles, List<String> types) {}

  @Override
  public String name() {
    return "settings-present";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.keys() == null || p.keys().isEmpty()) {
      throw new IllegalArgumentException("settings-present needs a non-empty keys list");
    }
    ServiceRoles.validate(p.roles(), p.types());
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Optional<String> role = ServiceRoles.select(ctx, p.roles(), p.types());
    if (role.isEmpty()) {
      return Checks.none();
    }
    Unit u = ctx.unit();
    String section = Checks.section(u, p.section());
    List<Hit> hits = new ArrayList<>();
    for (String key : p.keys()) {
      List<Setting> all = u.list(section, key);
      Optional<Setting> last = all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
      boolean on = last.isPresent() && !last.get().value().isBlank()
          && !ServiceRoles.matchesAny(last.get().value(), p.off());
      if (!on) {
        Map<String, String> v = Checks.values(key, last);
        v.put("role", role.get());
        if (u.type() == UnitType.SERVICE) {
          v.put("type", ServiceRoles.type(u));
        }
        hits.add(Checks.hitAt(u, section, last, v));
      }
    }
    return hits;
  }
}
