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
 * so {@code 0s} is {@code 0}) or an empty value counts as unset. One hit per unit, naming every
 * such key in {@code ${settings}} ({@code StartLimitIntervalSec= is unset and StartLimitBurst= is
 * 0}); {@code ${key}} and {@code ${actual}} are the first of them, where the hit points (its
 * assignment when it is set but off, else the section header). The fix keeps the rule's lines for
 * those keys.
 */
public final class SettingsPresentCheck implements CheckKind<SettingsPresentCheck.Params> {

  /**
   * Parameters: section (default: type section), keys, off values, roles and types selecting the
   * units (absent: every unit of the rule's unitTypes), and fixValue: a time span the fix proposes
   * ({@code ${fixValue}}), lowered to the shortest interval of the timers that start the unit, so
   * that the limit it sets never lets a run outlast the next elapse (UA4009).
   */
  public record Params(
      String section,
      List<String> keys,
      List<String> off,
      List<String> roles,
      List<String> types,
      String fixValue) {}

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
    if (p.fixValue() != null && dev.unitaudit.model.Values.parseTimeSpan(p.fixValue()).isEmpty()) {
      throw new IllegalArgumentException(
          "settings-present: fixValue \"" + p.fixValue() + "\" is not a time span");
    }
  }

  /** fixValue, or the shortest interval of the unit's timers when that is shorter. */
  private static String fixValue(CheckContext ctx, String spec) {
    long v = dev.unitaudit.model.Values.parseTimeSpan(spec).getAsLong();
    long shortest = Long.MAX_VALUE;
    for (Unit t : ctx.triggeredBy()) {
      if (t.type() == UnitType.TIMER) {
        shortest = Math.min(shortest, TimerOverlapCheck.interval(t).orElse(Long.MAX_VALUE));
      }
    }
    return shortest < v ? dev.unitaudit.model.Values.formatTimeSpan(shortest) : spec;
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Optional<String> role = ServiceRoles.select(ctx, p.roles(), p.types());
    if (role.isEmpty()) {
      return Checks.none();
    }
    Unit u = ctx.unit();
    String section = Checks.section(u, p.section());
    List<String> satisfied = new ArrayList<>();
    List<String> said = new ArrayList<>();
    Hit first = null;
    for (String key : p.keys()) {
      List<Setting> all = u.list(section, key);
      Optional<Setting> last =
          all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
      boolean on =
          last.isPresent()
              && !last.get().value().isBlank()
              && !ServiceRoles.matchesAny(last.get().value(), p.off());
      if (on) {
        satisfied.add(key);
      } else {
        said.add(key + "= is " + last.map(Setting::value).orElse("unset"));
        if (first == null) {
          Map<String, String> v = Checks.values(key, last);
          v.put("role", role.get());
          if (u.type() == UnitType.SERVICE) {
            v.put("type", ServiceRoles.type(u));
          }
          first = Checks.hitAt(u, section, last, v);
        }
      }
    }
    if (first == null) {
      return Checks.none();
    }
    // one finding per unit, however many of the keys are missing, and a fix for just those
    first.values().put("settings", String.join(" and ", said));
    if (p.fixValue() != null) {
      first.values().put("fixValue", fixValue(ctx, p.fixValue()));
    }
    return List.of(first.withFixOmit(satisfied));
  }
}
