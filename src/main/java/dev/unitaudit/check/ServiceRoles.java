package dev.unitaudit.check;

import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitType;
import dev.unitaudit.model.Values;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The service roles that rules select on (issue 4's terms), and the effective {@code Type=}:
 *
 * <ul>
 *   <li>{@code triggered}: started by a timer or path unit of the tree (its {@code Unit=} or the
 *       same-named service);
 *   <li>{@code job}: triggered, or {@code Type=oneshot};
 *   <li>{@code restarting}: {@code Restart=} other than {@code no};
 *   <li>{@code daemon}: {@code Type=} simple, exec, notify, forking or dbus, and enabled ({@code
 *       WantedBy=}/{@code RequiredBy=}) or restarting;
 *   <li>{@code worker}: a daemon from a template ({@code foo@.service}, {@code foo@bar.service}).
 * </ul>
 *
 * <p>A rule's selector is {@code roles} (any of them) and {@code types} (any of them); an empty or
 * absent list selects every unit.
 */
final class ServiceRoles {

  static final List<String> ROLES = List.of("job", "daemon", "worker", "triggered", "restarting");
  static final Set<String> TYPES =
      Set.of("simple", "exec", "forking", "oneshot", "dbus", "notify", "idle");
  private static final Set<String> DAEMON_TYPES =
      Set.of("simple", "exec", "notify", "forking", "dbus");

  private ServiceRoles() {}

  /** Throws when a selector names an unknown role or type. */
  static void validate(List<String> roles, List<String> types) {
    for (String r : roles == null ? List.<String>of() : roles) {
      if (!ROLES.contains(r)) {
        throw new IllegalArgumentException(
            "unknown role \"" + r + "\" (known: " + String.join(", ", ROLES) + ")");
      }
    }
    for (String t : types == null ? List.<String>of() : types) {
      if (!TYPES.contains(t)) {
        throw new IllegalArgumentException("unknown service type \"" + t + "\"");
      }
    }
  }

  /**
   * The first of {@code roles} the unit has ("" when roles is empty and the unit is selected), or
   * empty when the selector does not select the unit.
   */
  static Optional<String> select(CheckContext ctx, List<String> roles, List<String> types) {
    if (types != null
        && !types.isEmpty()
        && (ctx.unit().type() != UnitType.SERVICE || !types.contains(type(ctx.unit())))) {
      return Optional.empty();
    }
    if (roles == null || roles.isEmpty()) {
      return Optional.of("");
    }
    return roles.stream().filter(r -> has(ctx, r)).findFirst();
  }

  static boolean has(CheckContext ctx, String role) {
    Unit u = ctx.unit();
    if (u.type() != UnitType.SERVICE) {
      return false;
    }
    switch (role) {
      case "triggered":
        return ctx.triggeredBy().stream()
            .anyMatch(t -> t.type() == UnitType.TIMER || t.type() == UnitType.PATH);
      case "job":
        return has(ctx, "triggered") || "oneshot".equals(type(u));
      case "restarting":
        return u.string("Service", "Restart").filter(r -> !r.equals("no")).isPresent();
      case "daemon":
        return DAEMON_TYPES.contains(type(u)) && (enabled(u) || has(ctx, "restarting"));
      case "worker":
        return u.name().instance() != null && has(ctx, "daemon");
      default:
        return false;
    }
  }

  /**
   * service_add_extras(): no Type= means dbus with BusName=, simple with ExecStart=, else oneshot.
   */
  static String type(Unit u) {
    Optional<String> t = u.string("Service", "Type");
    if (t.isPresent()) {
      return t.get();
    }
    if (u.string("Service", "BusName").filter(b -> !b.isEmpty()).isPresent()) {
      return "dbus";
    }
    return u.list("Service", "ExecStart").isEmpty() ? "oneshot" : "simple";
  }

  private static boolean enabled(Unit u) {
    return !u.list("Install", "WantedBy").isEmpty() || !u.list("Install", "RequiredBy").isEmpty();
  }

  /**
   * Whether {@code value} equals one of {@code words}: compared as time spans when both parse as
   * one ({@code 0} = {@code 0s}), as booleans when both are boolean spellings, else as text.
   */
  static boolean matchesAny(String value, List<String> words) {
    for (String w : words == null ? List.<String>of() : words) {
      if (w.equals(value)) {
        return true;
      }
      OptionalLong a = Values.parseTimeSpan(value);
      OptionalLong b = Values.parseTimeSpan(w);
      if (a.isPresent() && b.isPresent() && a.getAsLong() == b.getAsLong()) {
        return true;
      }
      Boolean x = Values.parseBoolean(value);
      if (x != null && x.equals(Values.parseBoolean(w))) {
        return true;
      }
    }
    return false;
  }
}
