package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code triggered-service}: about a service started by units of the {@code by} types (path, timer)
 * of the tree. With {@code types}, its effective Type= must be one of them (a path-triggered
 * service should be Type=oneshot); with {@code fallback}, it must also be triggered by a unit of
 * that type (a timer behind a path unit). The hit points at Type= or the [Service] header for
 * {@code types}, and at the triggering unit's type section header for {@code fallback}. {@code
 * ${trigger}} names the triggering unit.
 */
public final class TriggeredServiceCheck implements CheckKind<TriggeredServiceCheck.Params> {

  /**
   * Parameters: by (trigger unit types), and one of types or fallback; notBy: services also
   * triggered by units of these types are left alone (another rule reports them, once).
   */
  public record Params(List<String> by, List<String> types, String fallback, List<String> notBy) {}

  @Override
  public String name() {
    return "triggered-service";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.by() == null || p.by().isEmpty() || (p.types() == null) == (p.fallback() == null)) {
      throw new IllegalArgumentException(
          "triggered-service needs a non-empty by list and either types or fallback");
    }
    for (String b : p.by()) {
      check(b);
    }
    if (p.fallback() != null) {
      check(p.fallback());
    }
    if (p.notBy() != null) {
      p.notBy().forEach(TriggeredServiceCheck::check);
    }
    ServiceRoles.validate(null, p.types());
  }

  private static void check(String type) {
    UnitType t = UnitType.fromSuffix(type);
    if (t != UnitType.TIMER && t != UnitType.PATH && t != UnitType.SOCKET) {
      throw new IllegalArgumentException("\"" + type + "\" is not timer, path or socket");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    if (u.type() != UnitType.SERVICE) {
      return Checks.none();
    }
    List<Unit> trig =
        ctx.triggeredBy().stream()
            .filter(t -> p.by().contains(t.type().suffix()))
            .sorted((a, b) -> a.id().compareTo(b.id()))
            .toList();
    if (trig.isEmpty()
        || (p.notBy() != null
            && ctx.triggeredBy().stream().anyMatch(t -> p.notBy().contains(t.type().suffix())))) {
      return Checks.none();
    }
    Unit first = trig.get(0);
    if (p.fallback() != null) {
      if (ctx.triggeredBy().stream().anyMatch(t -> t.type().suffix().equals(p.fallback()))) {
        return Checks.none();
      }
      Map<String, String> v = Checks.values("Unit", Optional.empty());
      v.put("trigger", first.id());
      // the fallback unit the fix creates: named after the service, as in
      // "process-uploads-fallback.timer"
      v.put(
          "fallbackUnit",
          u.name().prefix()
              + (u.name().isInstance() ? "@" + u.name().instance() : "")
              + "-fallback."
              + p.fallback());
      return List.of(Hit.at(first.sectionLocation(first.type().typeSection()), v));
    }
    String type = ServiceRoles.type(u);
    if (p.types().contains(type)) {
      return Checks.none();
    }
    Optional<Setting> s = u.scalar("Service", "Type");
    Map<String, String> v = Checks.values("Type", s);
    v.put("type", type);
    v.put("trigger", first.id());
    return List.of(Checks.hitAt(u, "Service", s, v));
  }
}
