package dev.unitaudit.fleet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The running roll-up of one unit name over the hosts folded so far. */
final class UnitAcc {

  final String unit;
  final String type;
  private int hosts;
  private final Map<String, Integer> statuses = new TreeMap<>();
  private int[] exposures = new int[8];
  private int scored;
  private final int[] levels = new int[5];
  private final int[] findings = new int[5];
  private int worstTenths = Integer.MIN_VALUE;
  private int worstFindings = Integer.MIN_VALUE;
  private final List<String> worstHosts = new ArrayList<>();

  /** Drop-in sets in the order first seen, each with its hosts. */
  private final Map<List<String>, List<String>> dropins = new LinkedHashMap<>();

  /** Hosts whose report carried settings, in fold order. */
  private final List<String> settingsHosts = new ArrayList<>();

  /** Setting key to value to hosts; a host missing from every value of a key does not set it. */
  private final Map<String, Map<String, List<String>>> settings = new TreeMap<>();

  UnitAcc(String unit, String type) {
    this.unit = unit;
    this.type = type;
  }

  void add(String host, UnitDigest u) {
    hosts++;
    statuses.merge(u.status(), 1, Integer::sum);
    if (u.exposureTenths() >= 0) {
      if (scored == exposures.length) {
        exposures = Arrays.copyOf(exposures, scored * 2);
      }
      exposures[scored++] = u.exposureTenths();
    }
    levels[u.level() == null ? 4 : u.level()]++;
    int[] f = u.findings();
    for (int i = 0; i < f.length; i++) {
      findings[i] += f[i];
    }
    // worst: the highest exposure, then the most unsuppressed findings; every host tied there
    int n = u.findingCount();
    int e = u.exposureTenths();
    if (e > worstTenths || (e == worstTenths && n > worstFindings)) {
      worstTenths = e;
      worstFindings = n;
      worstHosts.clear();
    }
    if (e == worstTenths && n == worstFindings) {
      worstHosts.add(host);
    }
    dropins.computeIfAbsent(u.dropins(), k -> new ArrayList<>()).add(host);
    if (u.settings() != null) {
      settingsHosts.add(host);
      for (Map.Entry<String, String> s : u.settings().entrySet()) {
        settings
            .computeIfAbsent(s.getKey(), k -> new LinkedHashMap<>())
            .computeIfAbsent(s.getValue(), k -> new ArrayList<>())
            .add(host);
      }
    }
  }

  Summary.UnitRollup rollup() {
    int[] sorted = Arrays.copyOf(exposures, scored);
    Arrays.sort(sorted);
    Summary.Exposure exposure =
        scored == 0
            ? new Summary.Exposure(0, null, null, null)
            : new Summary.Exposure(
                scored, tenths(sorted[0]), median(sorted), tenths(sorted[scored - 1]));
    List<Summary.DropinVariant> dropinVariants = new ArrayList<>();
    if (dropins.size() > 1) {
      dropins.forEach((d, h) -> dropinVariants.add(new Summary.DropinVariant(d, List.copyOf(h))));
    }
    List<Summary.SettingDifference> differences = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<String>>> s : settings.entrySet()) {
      Map<String, List<String>> values = s.getValue();
      int setting = values.values().stream().mapToInt(List::size).sum();
      if (values.size() == 1 && setting == settingsHosts.size()) {
        continue; // the same value on every host that reported settings
      }
      List<Summary.Variant> variants = new ArrayList<>();
      values.forEach((v, h) -> variants.add(new Summary.Variant(v, List.copyOf(h))));
      if (setting < settingsHosts.size()) {
        List<String> unset = new ArrayList<>(settingsHosts);
        values.values().forEach(unset::removeAll);
        variants.add(new Summary.Variant(null, List.copyOf(unset)));
      }
      int slash = s.getKey().indexOf('/');
      differences.add(
          new Summary.SettingDifference(
              s.getKey().substring(0, slash), s.getKey().substring(slash + 1), variants));
    }
    return new Summary.UnitRollup(
        unit,
        type,
        hosts,
        java.util.Collections.unmodifiableMap(new TreeMap<>(statuses)),
        exposure,
        new Summary.Levels(levels[0], levels[1], levels[2], levels[3], levels[4]),
        Severities.of(findings),
        new Summary.Worst(
            worstTenths < 0 ? null : tenths(worstTenths), worstFindings, List.copyOf(worstHosts)),
        new Summary.Config(
            !dropinVariants.isEmpty() || !differences.isEmpty(),
            settingsHosts.size(),
            dropinVariants,
            differences));
  }

  static BigDecimal tenths(int t) {
    return BigDecimal.valueOf(t, 1);
  }

  /** The middle exposure; for an even count the mean of the two middle ones (exact in 0.05s). */
  static BigDecimal median(int[] sorted) {
    int n = sorted.length;
    if (n % 2 == 1) {
      return tenths(sorted[n / 2]);
    }
    int sum = sorted[n / 2 - 1] + sorted[n / 2];
    return sum % 2 == 0 ? tenths(sum / 2) : BigDecimal.valueOf(sum * 5L, 2);
  }
}
