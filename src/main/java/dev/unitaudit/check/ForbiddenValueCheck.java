package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code forbidden-value}: for the units the selector picks ({@code roles}, {@code types}; see
 * {@link ServiceRoles}), the effective value of {@code key} must not be one of {@code forbidden}
 * (compared as time spans when both parse as one, so {@code 0s} matches {@code 0}, and as booleans
 * when both are boolean spellings). An unset key never matches: systemd's default is not forbidden.
 * The hit points at the assignment.
 */
public final class ForbiddenValueCheck implements CheckKind<ForbiddenValueCheck.Params> {

  /** Parameters: section (default: type section), key, forbidden values, roles, types. */
  public record Params(
      String section, String key, List<String> forbidden, List<String> roles, List<String> types) {}

  @Override
  public String name() {
    return "forbidden-value";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.key() == null || p.forbidden() == null || p.forbidden().isEmpty()) {
      throw new IllegalArgumentException(
          "forbidden-value needs key and a non-empty forbidden list");
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
    Optional<Setting> s = u.scalar(Checks.section(u, p.section()), p.key());
    if (s.isEmpty() || !ServiceRoles.matchesAny(s.get().value(), p.forbidden())) {
      return Checks.none();
    }
    Map<String, String> v = Checks.values(p.key(), s);
    v.put("role", role.get());
    return List.of(Hit.at(s.get().origin(), v));
  }
}
