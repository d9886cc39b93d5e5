package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * {@code value-order}: the effective {@code key} must not exceed the effective {@code limit},
 * compared {@code as} time spans or byte sizes (K, M, G, T, P, E, base 1024). Unset settings take
 * {@code keyDefault}/{@code limitDefault} (systemd's defaults, e.g. AccuracySec=1min); with no
 * default an unset side means there is nothing to compare. {@code infinity}, {@code 0} on the
 * limit, percentages and unparsable values are not compared. The hit points at {@code key}'s
 * assignment, or at the limit's when {@code key} only has its default.
 */
public final class ValueOrderCheck implements CheckKind<ValueOrderCheck.Params> {
  private static final Pattern SIZE = Pattern.compile("[0-9]+(\\.[0-9]+)?[KMGTPE]?");

  /**
   * Parameters: section (default: type section), key, keyDefault, limit, limitDefault, as, and
   * fixValue: what the fix proposes for key ({@code ${fixValue}}), a percentage of the limit or a
   * value (capped at the limit).
   */
  public record Params(
      String section,
      String key,
      String keyDefault,
      String limit,
      String limitDefault,
      String as,
      String fixValue) {}

  @Override
  public String name() {
    return "value-order";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.key() == null || p.limit() == null) {
      throw new IllegalArgumentException("value-order needs key and limit");
    }
    if (!"time-span".equals(p.as()) && !"bytes".equals(p.as())) {
      throw new IllegalArgumentException("value-order needs as \"time-span\" or \"bytes\"");
    }
    Checks.validateFixValue(p.fixValue(), p.as());
    for (String d : new String[] {p.keyDefault(), p.limitDefault()}) {
      if (d != null && parse(p.as(), d).isEmpty()) {
        throw new IllegalArgumentException("default \"" + d + "\" is not a " + p.as());
      }
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    String section = Checks.section(u, p.section());
    Optional<Setting> k = u.scalar(section, p.key());
    Optional<Setting> l = u.scalar(section, p.limit());
    String kv = k.map(Setting::value).orElse(p.keyDefault());
    String lv = l.map(Setting::value).orElse(p.limitDefault());
    if (kv == null || lv == null) {
      return Checks.none();
    }
    OptionalLong a = parse(p.as(), kv);
    OptionalLong b = parse(p.as(), lv);
    if (a.isEmpty()
        || b.isEmpty()
        || a.getAsLong() == Long.MAX_VALUE
        || b.getAsLong() == Long.MAX_VALUE
        || b.getAsLong() == 0
        || a.getAsLong() <= b.getAsLong()) {
      return Checks.none();
    }
    Map<String, String> v = Checks.values(p.key(), k);
    v.put("actual", kv);
    v.put("limitKey", p.limit());
    v.put("limit", lv);
    if (p.fixValue() != null) {
      v.put("fixValue", Checks.fixValue(p.fixValue(), p.as(), b.getAsLong()));
    }
    Setting where = k.isPresent() ? k.get() : l.orElse(null);
    return List.of(Checks.hitAt(u, section, Optional.ofNullable(where), v));
  }

  static OptionalLong parse(String as, String value) {
    return "bytes".equals(as) ? bytes(value) : Values.parseTimeSpan(value);
  }

  /** parse_size() with base 1024 for memory settings; infinity is Long.MAX_VALUE. */
  static OptionalLong bytes(String value) {
    String s = value.strip();
    if (s.equals("infinity")) {
      return OptionalLong.of(Long.MAX_VALUE);
    }
    if (!SIZE.matcher(s).matches()) {
      return OptionalLong.empty();
    }
    char last = s.charAt(s.length() - 1);
    int exp = "KMGTPE".indexOf(last) + 1;
    double n = Double.parseDouble(exp > 0 ? s.substring(0, s.length() - 1) : s);
    double total = n * Math.pow(1024, exp);
    return total >= 9.2e18 ? OptionalLong.empty() : OptionalLong.of((long) total);
  }
}
