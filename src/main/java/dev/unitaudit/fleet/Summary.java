package dev.unitaudit.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The fleet summary of {@code unitaudit summary} (reports/summary.schema.json): many hosts' audit
 * reports rolled up per unit, per host and per rule. It is what {@code -f json} writes and what
 * {@code --since} reads back. Field order is fixed by {@link JsonPropertyOrder}.
 */
@JsonPropertyOrder({
  "summaryVersion",
  "tool",
  "totals",
  "inputs",
  "units",
  "hosts",
  "rules",
  "since"
})
public record Summary(
    int summaryVersion,
    Tool tool,
    Totals totals,
    List<Input> inputs,
    List<UnitRollup> units,
    List<HostRollup> hosts,
    List<RuleRollup> rules,
    @JsonInclude(JsonInclude.Include.NON_NULL) Since since) {

  public static final int VERSION = 1;

  /** The same summary with what moved since an older one. */
  public Summary withSince(Since s) {
    return new Summary(summaryVersion, tool, totals, inputs, units, hosts, rules, s);
  }

  @JsonPropertyOrder({"name", "version"})
  public record Tool(String name, String version) {}

  /** Counts over the whole fleet: the reports read, and what they hold. */
  @JsonPropertyOrder({"reports", "rejected", "hosts", "units", "unitEntries", "findings"})
  public record Totals(
      int reports, int rejected, int hosts, int units, long unitEntries, long findings) {}

  /**
   * One file named on the command line: summarised under {@code host}, or rejected with {@code
   * error} (not a unitaudit report, unreadable).
   */
  @JsonPropertyOrder({"file", "host", "units", "error", "note"})
  public record Input(String file, String host, Integer units, String error, String note) {}

  /** Levels 0-3 a service fully meets, and {@code none} for units the ladder does not apply to. */
  @JsonPropertyOrder({"0", "1", "2", "3", "none"})
  public record Levels(
      @com.fasterxml.jackson.annotation.JsonProperty("0") int l0,
      @com.fasterxml.jackson.annotation.JsonProperty("1") int l1,
      @com.fasterxml.jackson.annotation.JsonProperty("2") int l2,
      @com.fasterxml.jackson.annotation.JsonProperty("3") int l3,
      int none) {

    /** The lowest level any host reaches, or null when none is a service. */
    public Integer lowest() {
      return l0 > 0 ? 0 : l1 > 0 ? 1 : l2 > 0 ? 2 : l3 > 0 ? 3 : null;
    }
  }

  /** Unsuppressed findings by severity. */
  @JsonPropertyOrder({"critical", "high", "medium", "low", "info"})
  public record Severities(int critical, int high, int medium, int low, int info) {
    public int total() {
      return critical + high + medium + low + info;
    }
  }

  /** systemd's exposure over the hosts that score the unit; null fields when none does. */
  @JsonPropertyOrder({"scored", "min", "median", "max"})
  public record Exposure(int scored, BigDecimal min, BigDecimal median, BigDecimal max) {}

  /** Where a unit is worst: its highest exposure (then most findings), and every host there. */
  @JsonPropertyOrder({"exposure", "findings", "hosts"})
  public record Worst(BigDecimal exposure, int findings, List<String> hosts) {}

  /**
   * One setting that is not the same on every compared host: each distinct value with its hosts
   * ({@code value} null: the host's unit does not set it).
   */
  @JsonPropertyOrder({"section", "key", "variants"})
  public record SettingDifference(String section, String key, List<Variant> variants) {}

  @JsonPropertyOrder({"value", "hosts"})
  public record Variant(String value, List<String> hosts) {}

  /** A drop-in set (paths as the reports name them) and the hosts that have it. */
  @JsonPropertyOrder({"dropins", "hosts"})
  public record DropinVariant(List<String> dropins, List<String> hosts) {}

  /**
   * Whether the unit is configured alike everywhere: drop-ins from every report, settings from the
   * {@code settingsHosts} reports written with --include-settings.
   */
  @JsonPropertyOrder({"differs", "settingsHosts", "dropins", "settings"})
  public record Config(
      boolean differs,
      int settingsHosts,
      List<DropinVariant> dropins,
      List<SettingDifference> settings) {}

  /** One unit name across the hosts that have it. */
  @JsonPropertyOrder({
    "unit",
    "type",
    "hosts",
    "statuses",
    "exposure",
    "levels",
    "findings",
    "worst",
    "config"
  })
  public record UnitRollup(
      String unit,
      String type,
      int hosts,
      Map<String, Integer> statuses,
      Exposure exposure,
      Levels levels,
      Severities findings,
      Worst worst,
      Config config) {}

  /** One host (one report). */
  @JsonPropertyOrder({
    "host",
    "file",
    "units",
    "scored",
    "meanExposure",
    "maxExposure",
    "levels",
    "findings",
    "suppressed",
    "errors"
  })
  public record HostRollup(
      String host,
      String file,
      int units,
      int scored,
      BigDecimal meanExposure,
      BigDecimal maxExposure,
      Levels levels,
      Severities findings,
      int suppressed,
      int errors) {}

  /** One rule: the unit names and hosts with an unsuppressed finding of it. */
  @JsonPropertyOrder({"rule", "title", "severity", "units", "hosts", "findings"})
  public record RuleRollup(
      String rule, String title, String severity, int units, int hosts, long findings) {}

  /** What moved since an older summary ({@code --since}). */
  @JsonPropertyOrder({"file", "improved", "regressed", "added", "removed"})
  public record Since(
      String file,
      List<Change> improved,
      List<Change> regressed,
      List<Change> added,
      List<Change> removed) {}

  /**
   * One figure that moved: {@code kind} unit, host or rule; {@code figure} what was compared
   * (maxExposure, medianExposure, lowestLevel, meanExposure, findings, hosts); before and after
   * null for something added or removed.
   */
  @JsonPropertyOrder({"kind", "name", "figure", "before", "after"})
  public record Change(
      String kind, String name, String figure, BigDecimal before, BigDecimal after) {}
}
