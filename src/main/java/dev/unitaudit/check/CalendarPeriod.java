package dev.unitaudit.check;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The shortest time between two elapses of an {@code OnCalendar=} expression (systemd.time(7)
 * "CALENDAR EVENTS"), in microseconds, or empty when the expression is outside the subset
 * understood here (years, {@code ~} last-day syntax, fractional seconds). Months are taken as 28
 * days and years as 365, so the result is a lower bound.
 */
final class CalendarPeriod {
  // compiled once: these run for every unit (a regex in String.split/matches compiles each call)
  private static final Pattern WS = Pattern.compile("\\s+");

  private static final Pattern LIST = Pattern.compile(",|\\.\\.|-");
  private static final Pattern RANGE = Pattern.compile("\\.\\.|-");

  private static final long SEC = 1_000_000L;
  private static final long DAY = 86_400 * SEC;
  private static final Map<String, String> SHORTHANDS =
      Map.of(
          "minutely",
          "*-*-* *:*:00",
          "hourly",
          "*-*-* *:00:00",
          "daily",
          "*-*-* 00:00:00",
          "monthly",
          "*-*-01 00:00:00",
          "weekly",
          "Mon *-*-* 00:00:00",
          "yearly",
          "*-01-01 00:00:00",
          "annually",
          "*-01-01 00:00:00",
          "quarterly",
          "*-01,04,07,10-01 00:00:00",
          "semiannually",
          "*-01,07-01 00:00:00");
  private static final List<String> WEEKDAYS =
      List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private CalendarPeriod() {}

  static OptionalLong of(String expression) {
    try {
      return compute(expression.strip());
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
  }

  private static OptionalLong compute(String expr) {
    if (expr.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    String spec = SHORTHANDS.getOrDefault(expr.toLowerCase(Locale.ROOT), expr);
    String weekdays = null;
    String date = "*-*-*";
    String time = "00:00:00";
    for (String tok : WS.split(spec)) {
      if (tok.contains(":")) {
        time = tok;
      } else if (Character.isLetter(tok.charAt(0))) {
        if (isWeekdays(tok)) {
          weekdays = tok;
        } // else a time zone, which does not change the period
      } else {
        date = tok;
      }
    }
    String[] t = time.split(":");
    String[] d = date.split("-");
    if (t.length < 2
        || t.length > 3
        || d.length < 2
        || d.length > 3
        || (d.length == 3 && !d[0].equals("*"))) {
      throw new IllegalArgumentException(expr);
    }
    List<TreeSet<Integer>> fields =
        List.of(
            values(t.length == 3 ? t[2] : "00", 0, 59), values(t[1], 0, 59), values(t[0], 0, 23));
    long[] units = {SEC, 60 * SEC, 3600 * SEC};
    TreeSet<Integer> months = values(d[d.length - 2], 1, 12);
    TreeSet<Integer> days = values(d[d.length - 1], 1, 31);
    TreeSet<Integer> wdays = weekdays == null ? values("*", 0, 6) : weekdaySet(weekdays);
    boolean everyDay = months.size() == 12 && days.size() == 31 && wdays.size() == 7;
    int[] ranges = {60, 60, 24};
    for (int i = 0; i < 3; i++) {
      TreeSet<Integer> v = fields.get(i);
      if (v.size() > 1) {
        boolean nextFull = i < 2 ? fields.get(i + 1).size() == ranges[i + 1] : everyDay;
        return OptionalLong.of(gap(v, nextFull ? ranges[i] : 0) * units[i]);
      }
    }
    if (months.size() == 12 && days.size() == 31) {
      return OptionalLong.of(gap(wdays, 7) * DAY);
    }
    if (days.size() > 1) {
      return OptionalLong.of(gap(days, 0) * DAY);
    }
    return OptionalLong.of(
        months.size() == 12
            ? 28 * DAY
            : months.size() > 1 ? gap(months, 12) * 28 * DAY : 365 * DAY);
  }

  /** Smallest distance between consecutive values; with a range, also across the wrap. */
  private static long gap(TreeSet<Integer> v, int wrapRange) {
    if (v.size() == 1) {
      return wrapRange == 0 ? 1 : wrapRange;
    }
    long best = Long.MAX_VALUE;
    Integer prev = null;
    for (int x : v) {
      if (prev != null) {
        best = Math.min(best, x - prev);
      }
      prev = x;
    }
    if (wrapRange > 0) {
      best = Math.min(best, v.first() + wrapRange - v.last());
    }
    return best;
  }

  /** A comma list of {@code *}, {@code a}, {@code a..b}, each optionally {@code /step}. */
  static TreeSet<Integer> values(String field, int min, int max) {
    TreeSet<Integer> out = new TreeSet<>();
    for (String part : field.split(",")) {
      String[] stepSplit = part.split("/", -1);
      int step = stepSplit.length == 2 ? Integer.parseInt(stepSplit[1]) : 1;
      String range = stepSplit[0];
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else if (range.contains("..")) {
        from = Integer.parseInt(range.substring(0, range.indexOf("..")));
        to = Integer.parseInt(range.substring(range.indexOf("..") + 2));
      } else {
        from = Integer.parseInt(range);
        to = stepSplit.length == 2 ? max : from;
      }
      if (step <= 0 || from < min || to > max || from > to || stepSplit.length > 2) {
        throw new IllegalArgumentException(field);
      }
      for (int x = from; x <= to; x += step) {
        out.add(x);
      }
    }
    return out;
  }

  private static boolean isWeekdays(String tok) {
    for (String w : LIST.split(tok.toLowerCase(Locale.ROOT))) {
      if (w.length() < 3 || !WEEKDAYS.contains(w.substring(0, 3))) {
        return false;
      }
    }
    return true;
  }

  private static TreeSet<Integer> weekdaySet(String tok) {
    TreeSet<Integer> out = new TreeSet<>();
    for (String part : tok.toLowerCase(Locale.ROOT).split(",")) {
      String[] r = RANGE.split(part);
      int from = WEEKDAYS.indexOf(r[0].substring(0, 3));
      int to = WEEKDAYS.indexOf(r[r.length - 1].substring(0, 3));
      for (int x = from; x != to; x = (x + 1) % 7) {
        out.add(x);
      }
      out.add(to);
    }
    return out;
  }
}
