package dev.unitaudit.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.report.AuditReport.FindingEntry;
import dev.unitaudit.report.AuditReport.SettingEntry;
import dev.unitaudit.report.AuditReport.UnitEntry;
import dev.unitaudit.report.Fingerprint;
import dev.unitaudit.result.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two JSON reports (two environments, two commits). Findings are matched by unit, rule,
 * file and message, not by line, so moving a line is not a change. Paths in reports are
 * root-relative, so reports from two machines compare.
 */
public final class ReportDiff {

  /** One unit's changes. */
  public record UnitChange(
      String unit,
      BigDecimal exposureBefore,
      BigDecimal exposureAfter,
      Integer levelBefore,
      Integer levelAfter,
      String statusBefore,
      String statusAfter,
      List<FindingEntry> newFindings,
      List<FindingEntry> fixedFindings,
      List<FindingEntry> newlySuppressed,
      List<SettingChange> settings) {

    public boolean exposureUp() {
      return exposureBefore != null
          && exposureAfter != null
          && exposureAfter.compareTo(exposureBefore) > 0;
    }

    public boolean levelDown() {
      return levelBefore != null && levelAfter != null && levelAfter < levelBefore;
    }

    @JsonIgnore
    public boolean isEmpty() {
      return Objects.equals(exposureBefore, exposureAfter)
          && Objects.equals(levelBefore, levelAfter)
          && Objects.equals(statusBefore, statusAfter)
          && newFindings.isEmpty()
          && fixedFindings.isEmpty()
          && newlySuppressed.isEmpty()
          && settings.isEmpty();
    }
  }

  /** An effective setting that changed: values before and after, each as "value @ file:line". */
  public record SettingChange(String key, List<String> before, List<String> after) {}

  /** The whole comparison. */
  public record Result(
      List<String> added,
      List<String> removed,
      List<UnitChange> changed,
      List<String> regressions) {
    @JsonIgnore
    public boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
  }

  private ReportDiff() {}

  /**
   * @param failOn a new finding at or above this severity is a regression
   */
  public static Result compare(AuditReport before, AuditReport after, Severity failOn) {
    Map<String, UnitEntry> a = index(before);
    Map<String, UnitEntry> b = index(after);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<UnitChange> changed = new ArrayList<>();
    List<String> regressions = new ArrayList<>();
    for (String u : new TreeSet<>(b.keySet())) {
      if (!a.containsKey(u)) {
        added.add(u);
      }
    }
    for (String u : a.keySet()) {
      if (!b.containsKey(u)) {
        removed.add(u);
        continue;
      }
      UnitEntry x = a.get(u);
      UnitEntry y = b.get(u);
      List<FindingEntry> news = minus(y.findings(), x.findings());
      List<FindingEntry> fixed = minus(x.findings(), y.findings());
      UnitChange c =
          new UnitChange(
              u,
              x.exposure(),
              y.exposure(),
              x.level(),
              y.level(),
              x.status(),
              y.status(),
              news,
              fixed,
              newlySuppressed(x.findings(), y.findings()),
              settings(x, y));
      if (c.isEmpty()) {
        continue;
      }
      changed.add(c);
      for (FindingEntry f : news) {
        Severity s = Severity.parse(f.severity());
        if (f.suppressed() == null && s != null && s.compareTo(failOn) >= 0) {
          regressions.add(
              u
                  + ": new "
                  + f.severity()
                  + " finding "
                  + f.rule()
                  + " "
                  + f.title()
                  + " at "
                  + f.file()
                  + (f.line() == null ? "" : ":" + f.line())
                  + ": "
                  + f.message());
        }
      }
      if (c.exposureUp()) {
        regressions.add(
            u
                + ": exposure up from "
                + x.exposure().toPlainString()
                + " to "
                + y.exposure().toPlainString());
      }
      if (c.levelDown()) {
        regressions.add(u + ": hardening level down from " + x.level() + " to " + y.level());
      }
    }
    for (String u : added) {
      for (FindingEntry f : b.get(u).findings()) {
        Severity s = Severity.parse(f.severity());
        if (f.suppressed() == null && s != null && s.compareTo(failOn) >= 0) {
          regressions.add(
              u
                  + " (new unit): "
                  + f.severity()
                  + " finding "
                  + f.rule()
                  + " at "
                  + f.file()
                  + (f.line() == null ? "" : ":" + f.line()));
        }
      }
    }
    return new Result(added, removed, changed, regressions);
  }

  private static Map<String, UnitEntry> index(AuditReport r) {
    Map<String, UnitEntry> m = new TreeMap<>();
    for (UnitEntry u : r.units()) {
      m.put(u.unit(), u);
    }
    return m;
  }

  /** Findings in {@code xs} that have no match in {@code ys} (matched ignoring the line). */
  private static List<FindingEntry> minus(List<FindingEntry> xs, List<FindingEntry> ys) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (FindingEntry y : ys) {
      counts.merge(key(y), 1, Integer::sum);
    }
    List<FindingEntry> out = new ArrayList<>();
    for (FindingEntry x : xs) {
      String k = key(x);
      Integer c = counts.get(k);
      if (c == null || c == 0) {
        out.add(x);
      } else {
        counts.put(k, c - 1);
      }
    }
    return out;
  }

  /**
   * Findings of {@code after} that are suppressed there but matched an unsuppressed finding before:
   * an accepted finding is not a regression, but accepting one is a change a reviewer must see.
   */
  private static List<FindingEntry> newlySuppressed(
      List<FindingEntry> before, List<FindingEntry> after) {
    Map<String, Integer> open = new LinkedHashMap<>();
    for (FindingEntry f : before) {
      if (f.suppressed() == null) {
        open.merge(key(f), 1, Integer::sum);
      }
    }
    List<FindingEntry> out = new ArrayList<>();
    for (FindingEntry f : after) {
      Integer c = open.get(key(f));
      if (f.suppressed() != null && c != null && c > 0) {
        out.add(f);
        open.put(key(f), c - 1);
      }
    }
    return out;
  }

  static String key(FindingEntry f) {
    return Fingerprint.key(f);
  }

  private static List<SettingChange> settings(UnitEntry x, UnitEntry y) {
    if (x.settings() == null || y.settings() == null) {
      return List.of();
    }
    Map<String, List<String>> a = settingMap(x.settings());
    Map<String, List<String>> b = settingMap(y.settings());
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    List<SettingChange> out = new ArrayList<>();
    for (String k : keys) {
      List<String> va = a.getOrDefault(k, List.of());
      List<String> vb = b.getOrDefault(k, List.of());
      if (!values(va).equals(values(vb))) {
        out.add(new SettingChange(k, va, vb));
      }
    }
    return out;
  }

  private static Map<String, List<String>> settingMap(List<SettingEntry> s) {
    Map<String, List<String>> m = new TreeMap<>();
    for (SettingEntry e : s) {
      m.computeIfAbsent(e.section() + "." + e.key(), k -> new ArrayList<>())
          .add(e.value() + " @ " + e.file() + ":" + e.line());
    }
    return m;
  }

  /** Values without provenance: a moved line is not a setting change. */
  private static List<String> values(List<String> vs) {
    return vs.stream().map(v -> v.substring(0, v.lastIndexOf(" @ "))).toList();
  }
}
