package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitType;
import dev.unitaudit.model.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code type-conflict}: a service whose effective {@code Type=} is one of {@code types} must not
 * have {@code key} switched on. A time span counts as on when it is finite and above zero ({@code
 * 0} and {@code infinity} are systemd's "off" for RuntimeMaxSec= and WatchdogSec=); any other value
 * when non-empty. The hit points at the assignment.
 */
public final class TypeConflictCheck implements CheckKind<TypeConflictCheck.Params> {

  /** Parameters: section (default: Service), key, the conflicting service types. */
  public record Params(String section, String key, List<String> types) {}

  @Override
  public String name() {
    return "type-conflict";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.key() == null || p.types() == null || p.types().isEmpty()) {
      throw new IllegalArgumentException("type-conflict needs key and a non-empty types list");
    }
    ServiceRoles.validate(null, p.types());
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    if (u.type() != UnitType.SERVICE || !p.types().contains(ServiceRoles.type(u))) {
      return Checks.none();
    }
    String section = p.section() == null ? "Service" : p.section();
    Optional<Setting> s = u.scalar(section, p.key());
    if (s.isEmpty() || !on(s.get().value())) {
      return Checks.none();
    }
    Map<String, String> v = Checks.values(p.key(), s);
    v.put("type", ServiceRoles.type(u));
    return List.of(Hit.at(s.get().origin(), v));
  }

  static boolean on(String value) {
    OptionalLong t = Values.parseTimeSpan(value);
    if (t.isPresent()) {
      return t.getAsLong() > 0 && t.getAsLong() != Values.INFINITY;
    }
    return !value.isBlank();
  }
}
