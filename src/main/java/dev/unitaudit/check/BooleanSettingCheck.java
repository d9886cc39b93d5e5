package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.Values;
import java.util.List;
import java.util.Optional;

/**
 * {@code boolean}: the effective value of a boolean setting must be {@code want}. An unset setting
 * counts as {@code unsetIs} (systemd's default, false for the hardening switches).
 */
public final class BooleanSettingCheck implements CheckKind<BooleanSettingCheck.Params> {

  /** Parameters: section (default: the unit's type section), key, want, unsetIs. */
  public record Params(String section, String key, Boolean want, Boolean unsetIs) {}

  @Override
  public String name() {
    return "boolean";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.key() == null || p.want() == null) {
      throw new IllegalArgumentException("boolean needs key and want");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    String section = Checks.section(u, p.section());
    Optional<Setting> s = u.scalar(section, p.key());
    boolean actual =
        s.map(x -> Boolean.TRUE.equals(Values.parseBoolean(x.value())))
            .orElse(p.unsetIs() != null && p.unsetIs());
    if (actual == p.want()) {
      return Checks.none();
    }
    return List.of(Checks.hitAt(u, section, s, Checks.values(p.key(), s)));
  }
}
