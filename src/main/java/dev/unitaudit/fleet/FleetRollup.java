package dev.unitaudit.fleet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds host digests, one at a time and in the order the reports were named, into the per-unit,
 * per-host and per-rule roll-ups of a {@link Summary}. It keeps figures, never reports.
 */
final class FleetRollup {

  private final Map<String, UnitAcc> units = new TreeMap<>();
  private final List<Summary.HostRollup> hosts = new ArrayList<>();
  private final Map<String, RuleAcc> rules = new TreeMap<>();
  private long unitEntries;
  private long findings;

  /** One rule's spread: the unit names and host numbers it fired on. */
  private static final class RuleAcc {
    String title;
    String severity;
    final Set<String> units = new HashSet<>();
    final BitSet hosts = new BitSet();
    long findings;
  }

  void add(HostDigest h) {
    int hostNo = hosts.size();
    int[] levels = new int[5];
    int[] bySeverity = new int[5];
    int suppressed = 0;
    int scored = 0;
    long tenthsSum = 0;
    int max = -1;
    for (UnitDigest u : h.units()) {
      unitEntries++;
      units.computeIfAbsent(u.unit(), k -> new UnitAcc(u.unit(), u.type())).add(h.host(), u);
      levels[u.level() == null ? 4 : u.level()]++;
      for (int i = 0; i < 5; i++) {
        bySeverity[i] += u.findings()[i];
      }
      findings += u.findingCount();
      suppressed += u.suppressed();
      if (u.exposureTenths() >= 0) {
        scored++;
        tenthsSum += u.exposureTenths();
        max = Math.max(max, u.exposureTenths());
      }
      for (UnitDigest.FiredRule f : u.fired()) {
        RuleAcc r = rules.computeIfAbsent(f.rule(), k -> new RuleAcc());
        if (r.title == null) {
          r.title = f.title();
          r.severity = f.severity();
        }
        r.units.add(u.unit());
        r.hosts.set(hostNo);
        r.findings += f.count();
      }
    }
    hosts.add(
        new Summary.HostRollup(
            h.host(),
            h.file(),
            h.units().size(),
            scored,
            scored == 0 ? null : mean(tenthsSum, scored),
            max < 0 ? null : UnitAcc.tenths(max),
            new Summary.Levels(levels[0], levels[1], levels[2], levels[3], levels[4]),
            Severities.of(bySeverity),
            suppressed,
            h.errors()));
  }

  /** The mean of exposures given in tenths, to two decimals (half up). */
  static BigDecimal mean(long tenthsSum, int n) {
    return BigDecimal.valueOf(tenthsSum, 1).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
  }

  Summary summary(Summary.Tool tool, List<Summary.Input> inputs) {
    List<Summary.UnitRollup> u = new ArrayList<>(units.size());
    units.values().forEach(a -> u.add(a.rollup()));
    List<Summary.RuleRollup> r = new ArrayList<>(rules.size());
    rules.forEach(
        (id, a) ->
            r.add(
                new Summary.RuleRollup(
                    id, a.title, a.severity, a.units.size(), a.hosts.cardinality(), a.findings)));
    int rejected = (int) inputs.stream().filter(i -> i.error() != null).count();
    return new Summary(
        Summary.VERSION,
        tool,
        new Summary.Totals(
            inputs.size() - rejected, rejected, hosts.size(), units.size(), unitEntries, findings),
        List.copyOf(inputs),
        List.copyOf(u),
        List.copyOf(hosts),
        List.copyOf(r),
        null);
  }
}
