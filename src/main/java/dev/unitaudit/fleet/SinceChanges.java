package dev.unitaudit.fleet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What moved between an older summary and this one ({@code --since}): for each unit its highest and
 * median exposure and its lowest level, for each host its mean exposure and unsuppressed findings,
 * for each rule the number of hosts it fires on. Higher exposure, a lower level, more findings or
 * more hosts is a regression; the opposite an improvement. Units, hosts and rules that appear or
 * disappear are listed apart.
 */
final class SinceChanges {

  private SinceChanges() {}

  static Summary.Since between(Summary old, Summary now, String file) {
    List<Summary.Change> improved = new ArrayList<>();
    List<Summary.Change> regressed = new ArrayList<>();
    List<Summary.Change> added = new ArrayList<>();
    List<Summary.Change> removed = new ArrayList<>();
    Lists lists = new Lists(improved, regressed, added, removed);
    compare(
        "unit",
        old.units(),
        now.units(),
        Summary.UnitRollup::unit,
        lists,
        (b, a, l) -> {
          l.figure("unit", a.unit(), "maxExposure", b.exposure().max(), a.exposure().max(), true);
          l.figure(
              "unit",
              a.unit(),
              "medianExposure",
              b.exposure().median(),
              a.exposure().median(),
              true);
          l.figure("unit", a.unit(), "lowestLevel", level(b.levels()), level(a.levels()), false);
        });
    compare(
        "host",
        old.hosts(),
        now.hosts(),
        Summary.HostRollup::host,
        lists,
        (b, a, l) -> {
          l.figure("host", a.host(), "meanExposure", b.meanExposure(), a.meanExposure(), true);
          l.figure(
              "host",
              a.host(),
              "findings",
              BigDecimal.valueOf(b.findings().total()),
              BigDecimal.valueOf(a.findings().total()),
              true);
        });
    compare(
        "rule",
        old.rules(),
        now.rules(),
        Summary.RuleRollup::rule,
        lists,
        (b, a, l) ->
            l.figure(
                "rule",
                a.rule(),
                "hosts",
                BigDecimal.valueOf(b.hosts()),
                BigDecimal.valueOf(a.hosts()),
                true));
    return new Summary.Since(
        file,
        List.copyOf(improved),
        List.copyOf(regressed),
        List.copyOf(added),
        List.copyOf(removed));
  }

  private static BigDecimal level(Summary.Levels l) {
    Integer lowest = l.lowest();
    return lowest == null ? null : BigDecimal.valueOf(lowest);
  }

  private interface Pair<T> {
    void compare(T before, T after, Lists lists);
  }

  private record Lists(
      List<Summary.Change> improved,
      List<Summary.Change> regressed,
      List<Summary.Change> added,
      List<Summary.Change> removed) {

    /** One figure of one thing; {@code higherIsWorse} says which way is a regression. */
    void figure(
        String kind,
        String name,
        String figure,
        BigDecimal b,
        BigDecimal a,
        boolean higherIsWorse) {
      if (b == null || a == null || b.compareTo(a) == 0) {
        return; // a figure that is not there on one side (a unit no host scores) cannot move
      }
      boolean worse = (a.compareTo(b) > 0) == higherIsWorse;
      (worse ? regressed : improved).add(new Summary.Change(kind, name, figure, b, a));
    }
  }

  private static <T> void compare(
      String kind, List<T> old, List<T> now, Function<T, String> name, Lists lists, Pair<T> pair) {
    Map<String, T> before = new LinkedHashMap<>();
    old.forEach(t -> before.put(name.apply(t), t));
    for (T t : now) {
      T b = before.remove(name.apply(t));
      if (b == null) {
        lists.added().add(new Summary.Change(kind, name.apply(t), null, null, null));
      } else {
        pair.compare(b, t, lists);
      }
    }
    before
        .keySet()
        .forEach(n -> lists.removed().add(new Summary.Change(kind, n, null, null, null)));
  }
}
