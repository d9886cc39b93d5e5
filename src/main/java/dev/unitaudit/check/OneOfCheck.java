package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.Values;
import java.util.List;
import java.util.Optional;

/**
 * {@code one-of}: the effective value of a setting must be one of {@code allowed}. Boolean
 * spellings are normalised first ({@code on} counts as {@code yes}), so {@code ProtectHome=true}
 * satisfies {@code allowed: ["yes"]}.
 */
public final class OneOfCheck implements CheckKind<OneOfCheck.Params> {

  /** Parameters: section (default: type section), key, allowed values. */
  public record Params(String section, String key, List<String> allowed) {}

  @Override
  public String name() {
    return "one-of";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.key() == null || p.allowed() == null || p.allowed().isEmpty()) {
      throw new IllegalArgumentException("one-of needs key and a non-empty allowed list");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    String section = Checks.section(u, p.section());
    Optional<Setting> s = u.scalar(section, p.key());
    if (s.isPresent() && p.allowed().contains(normalise(s.get().value()))) {
      return Checks.none();
    }
    var values = Checks.values(p.key(), s);
    values.put("allowed", String.join(", ", p.allowed()));
    return List.of(Checks.hitAt(u, section, s, values));
  }

  static String normalise(String v) {
    Boolean b = Values.parseBoolean(v);
    return b == null ? v : b ? "yes" : "no";
  }
}
