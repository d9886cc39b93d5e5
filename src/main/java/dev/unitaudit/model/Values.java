package dev.unitaudit.model;

import java.util.OptionalLong;

/** systemd's value parsers for the shared syntaxes (booleans, time spans), see systemd.time(7). */
public final class Values {

  /** Microseconds that stand for "infinity". */
  public static final long INFINITY = Long.MAX_VALUE;

  private Values() {}

  /** parse_boolean() (src/basic/parse-util.c): null when the text is not a boolean. */
  public static Boolean parseBoolean(String v) {
    switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "1":
      case "yes":
      case "y":
      case "true":
      case "t":
      case "on":
        return Boolean.TRUE;
      case "0":
      case "no":
      case "n":
      case "false":
      case "f":
      case "off":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /**
   * parse_sec(): a time span in microseconds, {@link #INFINITY} for "infinity", empty when the text
   * is not valid. A bare number means seconds.
   */
  public static OptionalLong parseTimeSpan(String text) {
    String s = text.strip();
    if (s.equals("infinity")) {
      return OptionalLong.of(INFINITY);
    }
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    int i = 0;
    double total = 0;
    boolean any = false;
    while (i < s.length()) {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
      if (i >= s.length()) {
        break;
      }
      int numStart = i;
      while (i < s.length() && isAsciiDigit(s.charAt(i))) {
        i++;
      }
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int frac = i;
        while (i < s.length() && isAsciiDigit(s.charAt(i))) {
          i++;
        }
        if (frac == i) {
          return OptionalLong.empty(); // "3." is rejected
        }
      }
      if (numStart == i) {
        return OptionalLong.empty();
      }
      double number = Double.parseDouble(s.substring(numStart, i));
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
      int unitStart = i;
      while (i < s.length()
          && !isAsciiDigit(s.charAt(i))
          && s.charAt(i) != ' '
          && s.charAt(i) != '\t'
          && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      long mult = unitMicros(unit);
      if (mult < 0) {
        return OptionalLong.empty();
      }
      total += number * mult;
      any = true;
    }
    if (!any || total > 9.2e18) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((long) total);
  }

  private static long unitMicros(String unit) {
    switch (unit) {
      case "":
      case "s":
      case "sec":
      case "second":
      case "seconds":
        return 1_000_000L;
      case "us":
      case "usec":
      case "µs":
      case "μs":
        return 1L;
      case "ms":
      case "msec":
        return 1_000L;
      case "m":
      case "min":
      case "minute":
      case "minutes":
        return 60_000_000L;
      case "h":
      case "hr":
      case "hour":
      case "hours":
        return 3_600_000_000L;
      case "d":
      case "day":
      case "days":
        return 86_400_000_000L;
      case "w":
      case "week":
      case "weeks":
        return 604_800_000_000L;
      case "M":
      case "month":
      case "months":
        return 2_629_800_000_000L;
      case "y":
      case "year":
      case "years":
        return 31_557_600_000_000L;
      default:
        return -1;
    }
  }

  /** Formats microseconds the way systemd prints spans ("1min 30s", "infinity"). */
  public static String formatTimeSpan(long micros) {
    if (micros == INFINITY) {
      return "infinity";
    }
    if (micros == 0) {
      return "0";
    }
    long[] sizes = {
      31_557_600_000_000L,
      2_629_800_000_000L,
      604_800_000_000L,
      86_400_000_000L,
      3_600_000_000L,
      60_000_000L,
      1_000_000L,
      1_000L,
      1L
    };
    String[] names = {"y", "month", "w", "d", "h", "min", "s", "ms", "us"};
    StringBuilder sb = new StringBuilder();
    long rest = micros;
    for (int k = 0; k < sizes.length && rest > 0; k++) {
      if (rest >= sizes[k]) {
        long n = rest / sizes[k];
        rest -= n * sizes[k];
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(n).append(names[k]);
      }
    }
    return sb.toString();
  }

  /** C's isdigit(): '0'..'9' only (Character.isDigit also takes other scripts' digits). */
  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
