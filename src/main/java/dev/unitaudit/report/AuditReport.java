package dev.unitaudit.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON report of DESIGN.md: the stable interface every other format is rendered from and {@code
 * unitaudit diff} reads back. Field order is fixed by {@link JsonPropertyOrder}.
 */
@JsonPropertyOrder({"schemaVersion", "tool", "host", "units", "errors", "config", "suppressions"})
public record AuditReport(
    int schemaVersion,
    Tool tool,
    @JsonInclude(JsonInclude.Include.NON_NULL) String host,
    List<UnitEntry> units,
    List<ErrorEntry> errors,
    @JsonInclude(JsonInclude.Include.NON_NULL) String config,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SuppressionEntry> suppressions) {

  public static final int SCHEMA_VERSION = 1;

  /** A report without a config file or inline suppressions in effect. */
  public AuditReport(int schemaVersion, Tool tool, List<UnitEntry> units, List<ErrorEntry> errors) {
    this(schemaVersion, tool, null, units, errors, null, List.of());
  }

  /** A report without a {@code host} (the audit sets it last, from --host). */
  public AuditReport(
      int schemaVersion,
      Tool tool,
      List<UnitEntry> units,
      List<ErrorEntry> errors,
      String config,
      List<SuppressionEntry> suppressions) {
    this(schemaVersion, tool, null, units, errors, config, suppressions);
  }

  /**
   * The same report naming the host or environment its tree belongs to ({@code --host}); {@code
   * unitaudit summary} rolls reports up by it.
   */
  public AuditReport withHost(String name) {
    return new AuditReport(schemaVersion, tool, name, units, errors, config, suppressions);
  }

  /**
   * An inline suppression in effect (valid, unexpired, read from the audited tree), listed so that
   * a reviewer sees every way the tree switched a finding off, whether or not it matched one.
   */
  @JsonPropertyOrder({"unit", "rules", "reason", "until", "file", "line"})
  public record SuppressionEntry(
      String unit, List<String> rules, String reason, String until, String file, int line) {}

  /** The tool that wrote the report. */
  @JsonPropertyOrder({"name", "version"})
  public record Tool(String name, String version) {}

  /** One audited unit. {@code settings} is present only with --include-settings. */
  @JsonPropertyOrder({
    "unit",
    "aliases",
    "type",
    "status",
    "description",
    "fragment",
    "dropins",
    "exposure",
    "rating",
    "level",
    "checks",
    "findings",
    "rulesChecked",
    "settings"
  })
  public record UnitEntry(
      String unit,
      List<String> aliases,
      String type,
      String status,
      String description,
      String fragment,
      List<String> dropins,
      BigDecimal exposure,
      String rating,
      Integer level,
      List<CheckEntry> checks,
      List<FindingEntry> findings,
      List<String> rulesChecked,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<SettingEntry> settings) {}

  /** One row of systemd-analyze security's table. */
  @JsonPropertyOrder({"name", "json_field", "set", "exposure", "description"})
  public record CheckEntry(
      String name,
      @JsonProperty("json_field") String jsonField,
      Boolean set,
      BigDecimal exposure,
      String description) {}

  /** One finding. */
  @JsonPropertyOrder({
    "rule",
    "title",
    "severity",
    "level",
    "message",
    "file",
    "line",
    "fix",
    "suppressed"
  })
  public record FindingEntry(
      String rule,
      String title,
      String severity,
      Integer level,
      String message,
      String file,
      Integer line,
      String fix,
      Suppressed suppressed) {}

  /** How a finding was accepted. */
  @JsonPropertyOrder({"by", "reason", "until"})
  public record Suppressed(String by, String reason, String until) {}

  /** One effective setting with its provenance. */
  @JsonPropertyOrder({"section", "key", "value", "file", "line"})
  public record SettingEntry(String section, String key, String value, String file, int line) {}

  /** A unit that could not be audited, or a problem with the tree. */
  @JsonPropertyOrder({"unit", "file", "line", "message"})
  public record ErrorEntry(String unit, String file, Integer line, String message) {}
}
