package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.syntax.Assignment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers the check kinds share. */
public final class Checks {

  private Checks() {}

  /** The unit's type section ({@code Service} for a service): the default section of a rule. */
  public static String section(Unit u, String sectionOrNull) {
    return sectionOrNull == null ? u.type().typeSection() : sectionOrNull;
  }

  /** A hit at the setting if present, else at the section header. */
  public static Hit hitAt(Unit u, String section, Optional<Setting> s, Map<String, String> values) {
    Assignment where = s.map(Setting::origin).orElseGet(() -> u.sectionLocation(section));
    return Hit.at(where, values);
  }

  /** Placeholder values: key, actual (or "unset"). */
  public static Map<String, String> values(String key, Optional<Setting> s) {
    Map<String, String> v = new HashMap<>();
    v.put("key", key);
    v.put("actual", s.map(Setting::value).orElse("unset"));
    return v;
  }

  public static List<Hit> none() {
    return List.of();
  }

  /**
   * The unit of the tree whose name is closest to a missing one, of the same type and at most two
   * edits away (process-upload.service for process-uploads.service), or null.
   */
  static String nearestUnit(CheckContext ctx, String missing) {
    int dot = missing.lastIndexOf('.');
    String suffix = dot < 0 ? "" : missing.substring(dot);
    List<String> same =
        ctx.unitNames().stream().filter(n -> n.endsWith(suffix) && !n.equals(missing)).toList();
    return UnknownKeyCheck.suggest(missing, same, 2);
  }

  private static final java.util.regex.Pattern PERCENT =
      java.util.regex.Pattern.compile("([1-9][0-9]?)%");

  /** Checks a {@code fixValue} parameter: a percentage (1–99%) or a value of the given kind. */
  static void validateFixValue(String spec, String as) {
    if (spec != null
        && !PERCENT.matcher(spec).matches()
        && ValueOrderCheck.parse(as, spec).isEmpty()) {
      throw new IllegalArgumentException(
          "fixValue \"" + spec + "\" is neither a percentage nor a " + as);
    }
  }

  /**
   * The value a fix proposes against a limit: {@code 75%} is three quarters of it, a plain value is
   * taken as it is unless it exceeds the limit, which is then proposed instead. Byte sizes are
   * written with the largest suffix that divides them (384M), time spans as systemd formats them.
   */
  static String fixValue(String spec, String as, long limit) {
    java.util.regex.Matcher m = PERCENT.matcher(spec);
    long v;
    if (m.matches()) {
      v =
          java.math.BigInteger.valueOf(limit)
              .multiply(java.math.BigInteger.valueOf(Integer.parseInt(m.group(1))))
              .divide(java.math.BigInteger.valueOf(100))
              .longValueExact();
    } else {
      long fixed = ValueOrderCheck.parse(as, spec).getAsLong();
      if (fixed <= limit) {
        return spec;
      }
      v = limit;
    }
    return "bytes".equals(as) ? bytes(v) : dev.unitaudit.model.Values.formatTimeSpan(v);
  }

  private static String bytes(long v) {
    String units = "KMGTPE";
    for (int i = units.length(); i >= 1; i--) {
      long size = 1L << (10 * i);
      if (v >= size && v % size == 0) {
        return (v / size) + units.substring(i - 1, i);
      }
    }
    return Long.toString(v);
  }
}
