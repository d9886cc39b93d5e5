package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.Values;
import java.util.List;
import java.util.Optional;

/**
 * {@code effective-setting}: the value the manager actually applies must be one of {@code allowed}.
 * Unlike {@code one-of}, it applies the settings systemd implies after loading
 * (unit_patch_contexts(), src/core/unit.c, v252): {@code DynamicUser=yes} forces {@code
 * PrivateTmp=}, {@code RemoveIPC=}, {@code NoNewPrivileges=} and {@code RestrictSUIDSGID=} on,
 * {@code ProtectSystem=strict}, and turns {@code ProtectHome=no} into {@code read-only}, so a
 * DynamicUser service is not reported for them. Boolean spellings are normalised to yes/no; an
 * unset setting passes only through an implication.
 */
public final class EffectiveSettingCheck implements CheckKind<EffectiveSettingCheck.Params> {

  /** Parameters: section (default: the unit's type section), key, allowed values. */
  public record Params(String section, String key, List<String> allowed) {}

  @Override
  public String name() {
    return "effective-setting";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.key() == null || p.allowed() == null || p.allowed().isEmpty()) {
      throw new IllegalArgumentException(
          "effective-setting needs key and a non-empty allowed list");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    String section = Checks.section(u, p.section());
    Optional<Setting> s = u.scalar(section, p.key());
    String value = effective(u, section, p.key(), s.map(x -> normalise(x.value())).orElse(null));
    if (value != null && p.allowed().contains(value)) {
      return Checks.none();
    }
    var values = Checks.values(p.key(), s);
    values.put("allowed", String.join(", ", p.allowed()));
    return List.of(Checks.hitAt(u, section, s, values));
  }

  /** The value after the manager's implications, or null when unset and not implied. */
  static String effective(Unit u, String section, String key, String written) {
    if (!"Service".equals(section) || !u.bool("Service", "DynamicUser").orElse(false)) {
      return written;
    }
    switch (key) {
      case "PrivateTmp":
      case "RemoveIPC":
      case "NoNewPrivileges":
      case "RestrictSUIDSGID":
        return "yes";
      case "ProtectSystem":
        return "strict";
      case "ProtectHome":
        return written == null || written.equals("no") ? "read-only" : written;
      default:
        return written;
    }
  }

  static String normalise(String v) {
    Boolean b = Values.parseBoolean(v);
    return b == null ? v : b ? "yes" : "no";
  }
}
