package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code required-with}: when any of the {@code ifAny} settings is in effect (non-empty), {@code
 * key} must be set too, to one of {@code allowed} when given, and not to one of {@code off}
 * (compared as time spans and booleans, as in {@code settings-present}). Timers with OnCalendar=
 * need Persistent=yes; MemoryMax= wants MemoryHigh=. The hit points at {@code key}'s assignment
 * when it is set to a wrong value, else at the section header. {@code ${trigger}} names the {@code
 * ifAny} setting that made the rule apply; one set to {@code 0} or {@code infinity} does not.
 */
public final class RequiredWithCheck implements CheckKind<RequiredWithCheck.Params> {

  /**
   * Parameters: section (default: type section), ifAny, key, allowed, off, roles, types, and
   * fixValue: a percentage of the byte size of the setting that made the rule apply, which the fix
   * proposes for key ({@code ${fixValue}}: MemoryHigh= at 75% of MemoryMax=).
   */
  public record Params(
      String section,
      List<String> ifAny,
      String key,
      List<String> allowed,
      List<String> off,
      List<String> roles,
      List<String> types,
      String fixValue) {}

  @Override
  public String name() {
    return "required-with";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.key() == null || p.ifAny() == null || p.ifAny().isEmpty()) {
      throw new IllegalArgumentException("required-with needs key and a non-empty ifAny list");
    }
    ServiceRoles.validate(p.roles(), p.types());
    if (p.fixValue() != null && !p.fixValue().endsWith("%")) {
      throw new IllegalArgumentException(
          "required-with: fixValue is a percentage of the ifAny setting (\"75%\")");
    }
    Checks.validateFixValue(p.fixValue(), "bytes");
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Optional<String> role = ServiceRoles.select(ctx, p.roles(), p.types());
    if (role.isEmpty()) {
      return Checks.none();
    }
    Unit u = ctx.unit();
    String section = Checks.section(u, p.section());
    String trigger = null;
    for (String k : p.ifAny()) {
      List<Setting> set = u.list(section, k);
      // a trigger switched off (0 or infinity, e.g. MemoryMax=infinity) does not count
      if (!set.isEmpty()
          && !set.get(set.size() - 1).value().isBlank()
          && !ServiceRoles.matchesAny(set.get(set.size() - 1).value(), List.of("0", "infinity"))) {
        trigger = k;
        break;
      }
    }
    if (trigger == null) {
      return Checks.none();
    }
    Optional<Setting> s = u.scalar(section, p.key());
    boolean ok =
        s.isPresent()
            && !s.get().value().isBlank()
            && (p.allowed() == null || ServiceRoles.matchesAny(s.get().value(), p.allowed()))
            && !ServiceRoles.matchesAny(s.get().value(), p.off());
    if (ok) {
      return Checks.none();
    }
    Map<String, String> v = Checks.values(p.key(), s);
    v.put("trigger", trigger);
    v.put("role", role.get());
    Hit hit = Checks.hitAt(u, section, s, v);
    if (p.fixValue() != null) {
      java.util.OptionalLong size =
          ValueOrderCheck.bytes(
              u.list(section, trigger).get(u.list(section, trigger).size() - 1).value());
      if (size.isEmpty() || size.getAsLong() == Long.MAX_VALUE) {
        // a percentage of RAM or another form we cannot scale: say what to set instead
        return List.of(
            hit.withFix(
                LineFix.manual(
                    "set "
                        + p.key()
                        + "= below "
                        + trigger
                        + "=, to about "
                        + p.fixValue()
                        + " of it, in ["
                        + section
                        + "]")));
      }
      v.put("fixValue", Checks.fixValue(p.fixValue(), "bytes", size.getAsLong()));
    }
    return List.of(hit);
  }
}
