package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code runs-as-root}: a service the selector picks ({@code roles}, {@code types}, see {@link
 * ServiceRoles}) must run as an unprivileged user: {@code DynamicUser=yes}, or a {@code User=} that
 * is not root. No User=, an empty one, {@code root} or {@code 0} means root. The hit points at
 * User=, else at the [Service] header.
 */
public final class RunsAsRootCheck implements CheckKind<RunsAsRootCheck.Params> {

  /** Parameters: roles, types selecting the services. */
  public record Params(List<String> roles, List<String> types) {}

  @Override
  public String name() {
    return "runs-as-root";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    ServiceRoles.validate(p.roles(), p.types());
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    Optional<String> role = ServiceRoles.select(ctx, p.roles(), p.types());
    if (u.type() != UnitType.SERVICE
        || role.isEmpty()
        || u.bool("Service", "DynamicUser").orElse(false)) {
      return Checks.none();
    }
    Optional<Setting> user = u.scalar("Service", "User");
    String name = user.map(s -> s.value().strip()).orElse("");
    if (!name.isEmpty() && !name.equals("root") && !name.equals("0")) {
      return Checks.none();
    }
    Map<String, String> v = Checks.values("User", user);
    v.put("role", role.get());
    v.put("type", ServiceRoles.type(u));
    return List.of(Checks.hitAt(u, "Service", user, v));
  }
}
