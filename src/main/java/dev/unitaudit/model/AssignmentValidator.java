package dev.unitaudit.model;

import dev.unitaudit.syntax.Assignment;
import dev.unitaudit.syntax.Diagnostic;
import java.util.List;

/**
 * Decides, for one assignment, what systemd's setting parser does with it: apply it, apply it with
 * a warning, ignore it with a warning, or fail the file ("fatal" parsers in
 * src/core/load-fragment.c). Messages follow systemd 252's wording where we know it.
 */
public final class AssignmentValidator {

  /** What happens to the assignment. */
  public enum Outcome {
    APPLY,
    IGNORE,
    FATAL
  }

  /** The outcome plus an optional message (a warning for APPLY/IGNORE, the error for FATAL). */
  public record Verdict(
      Outcome outcome,
      String message,
      String category,
      List<String> more,
      List<String> moreCategories) {
    static final Verdict OK = new Verdict(Outcome.APPLY, null, null);

    Verdict(Outcome outcome, String message, String category, List<String> more) {
      this(outcome, message, category, more, List.of());
    }

    Verdict(Outcome outcome, String message) {
      this(
          outcome,
          message,
          outcome == Outcome.FATAL ? Diagnostic.REFUSED : Diagnostic.INVALID_VALUE);
    }

    Verdict(Outcome outcome, String message, String category) {
      this(outcome, message, category, List.of());
    }

    /** Every warning: the message and, for a list with several bad words, one more per word. */
    public List<String> messages() {
      if (message == null) {
        return List.of();
      }
      List<String> all = new java.util.ArrayList<>(1 + more.size());
      all.add(message);
      all.addAll(more);
      return all;
    }

    /** The category of the i-th of {@link #messages()} (a deprecation notice beside a warning). */
    public String categoryOf(int i) {
      return i > 0 && i - 1 < moreCategories.size() ? moreCategories.get(i - 1) : category;
    }
  }

  private final SettingCatalog catalog = SettingCatalog.get();
  private final ValueParsers parsers = ValueParsers.forVersion(252);

  /** A ported parser's result as a verdict (the first message leads, the rest follow it). */
  private static Verdict verdictOf(ParseResult r) {
    if (r.messages().isEmpty()) {
      return Verdict.OK;
    }
    Outcome o =
        switch (r.effect()) {
          case FATAL -> Outcome.FATAL;
          case IGNORE -> Outcome.IGNORE;
          default -> Outcome.APPLY;
        };
    List<ParseResult.Message> m = r.messages();
    List<String> more = new java.util.ArrayList<>();
    List<String> cats = new java.util.ArrayList<>();
    for (ParseResult.Message x : m.subList(1, m.size())) {
      more.add(x.text());
      cats.add(x.category());
    }
    return new Verdict(
        o, m.get(0).text(), m.get(0).category(), List.copyOf(more), List.copyOf(cats));
  }

  public Verdict check(Assignment a, UnitName unit) {
    String section = a.section();
    String key = a.key();
    String value = a.value();
    if (!catalog.isKnown(section, key)) {
      return new Verdict(
          Outcome.IGNORE,
          "Unknown key '" + key + "' in section [" + section + "], ignoring.",
          Diagnostic.UNKNOWN_KEY);
    }
    if (key.startsWith("X-")) {
      return new Verdict(Outcome.IGNORE, null);
    }
    SettingKind kind = catalog.kindOf(section, key);
    if ("DynamicUser".equals(key) && Values.parseBoolean(value) == null) {
      return fatal("Failed to parse boolean value: " + value);
    }
    if (("User".equals(key) || "Group".equals(key)) && !value.isEmpty()) {
      String name = Specifiers.expand(value, unit);
      if (!isRelaxedUserName(name)) {
        return fatal("Invalid user/group name or numeric ID: " + name);
      }
    }
    if ("SupplementaryGroups".equals(key)) {
      for (String g : Words.split(value, false, true).words()) {
        if (!isRelaxedUserName(Specifiers.expand(g, unit))) {
          return fatal("Invalid supplementary group name or numeric ID: " + g);
        }
      }
    }
    ParseResult parsed = parsers.parse(section, key, value, unit);
    if (parsed != null) {
      return verdictOf(parsed);
    }
    if (key.startsWith("Exec")
        && kind == SettingKind.LIST
        && !value.isEmpty()
        && ("Service".equals(section)
            || "Socket".equals(section)
            || "Mount".equals(section)
            || "Swap".equals(section))) {
      ExecLineParser.Result r = ExecLineParser.parse(value, unit);
      if (r.error() != null) {
        return r.fatal() ? fatal(r.error()) : ignore(r.error());
      }
      if (r.warning() != null) {
        return new Verdict(Outcome.APPLY, r.warning());
      }
      return Verdict.OK;
    }
    if (ListValueWarnings.covers(key)) {
      ListValueWarnings.Result r = ListValueWarnings.check(key, value, unit);
      if (!r.warnings().isEmpty()) {
        return new Verdict(
            r.ignoresLine() ? Outcome.IGNORE : Outcome.APPLY,
            r.warnings().get(0),
            Diagnostic.INVALID_VALUE,
            r.warnings().subList(1, r.warnings().size()));
      }
    }
    if ("Nice".equals(key) || "OOMScoreAdjust".equals(key)) {
      String problem = rangedInteger(key, value);
      return problem == null ? Verdict.OK : ignore(problem);
    }
    if (("KillMode".equals(key) || "TimeoutAbortSec".equals(key)) && value.isEmpty()) {
      return Verdict.OK; // systemd takes these empty silently (back to the default)
    }
    if ("StartLimitBurst".equals(key) || "TriggerLimitBurst".equals(key)) {
      // safe_atou(): base 0 and a '+' allowed, no '-', 32 bits
      java.math.BigInteger n = CNumbers.parse(value);
      boolean ok = n != null && !value.startsWith("-") && n.bitLength() <= 32;
      return ok ? Verdict.OK : ignore("Failed to parse unsigned value, ignoring: " + value);
    }
    switch (kind) {
      case BOOLEAN:
      case ENUM:
      case TIME_SPAN:
      case NUMBER:
        if (!catalog.isValidScalar(key, kind, value)) {
          return ignore(scalarMessage(key, kind) + ", ignoring: " + value);
        }
        break;
      default:
        break;
    }
    if ("Environment".equals(key) && !value.isEmpty()) {
      Words.Result w = Words.split(Specifiers.expand(value, unit), true, false);
      if (!w.ok()) {
        return ignore("Invalid syntax, ignoring: " + value);
      }
    }
    if ("EnvironmentFile".equals(key) && !value.isEmpty()) {
      String path = value.startsWith("-") ? value.substring(1) : value;
      if (!path.startsWith("/")) {
        return ignore("Path '" + path + "' is not absolute, ignoring.");
      }
    }
    return notices(key, value);
  }

  /** Warnings systemd prints for settings it still applies. */
  private Verdict notices(String key, String value) {
    if ("KillMode".equals(key) && "none".equals(value)) {
      return new Verdict(
          Outcome.APPLY,
          "Unit uses KillMode=none. This is unsafe, as it disables systemd's process lifecycle"
              + " management for the service. Please update the service to use a safer KillMode=,"
              + " such as 'mixed' or 'control-group'. Support for KillMode=none is deprecated and"
              + " will eventually be removed.",
          Diagnostic.DEPRECATED);
    }
    if ("User".equals(key) && "nobody".equals(value)) {
      return new Verdict(
          Outcome.APPLY, "Special user nobody configured, this is not safe!", Diagnostic.UNSAFE);
    }
    if ("MemoryLimit".equals(key)) {
      return new Verdict(
          Outcome.APPLY,
          "Unit uses MemoryLimit=; please use MemoryMax= instead. Support for MemoryLimit= will be"
              + " removed soon.",
          Diagnostic.DEPRECATED);
    }
    if ("CPUShares".equals(key) || "StartupCPUShares".equals(key)) {
      return new Verdict(
          Outcome.APPLY,
          "Unit uses "
              + key
              + "=; please use CPUWeight= instead. Support for "
              + key
              + "= will be removed soon.",
          Diagnostic.DEPRECATED);
    }
    if (("StandardOutput".equals(key) || "StandardError".equals(key))
        && value.startsWith("syslog")) {
      String which = "StandardOutput".equals(key) ? "output" : "error";
      return new Verdict(
          Outcome.APPLY,
          "Standard "
              + which
              + " type "
              + value
              + " is obsolete, automatically updating to journal. Please update your unit file, and"
              + " consider removing the setting altogether.",
          Diagnostic.DEPRECATED);
    }
    return Verdict.OK;
  }

  private static String scalarMessage(String key, SettingKind kind) {
    switch (key) {
      case "ProtectSystem":
        return "Failed to parse protect system value";
      case "ProtectHome":
        return "Failed to parse protect home value";
      default:
        break;
    }
    String own = PARSER_MESSAGES.get(key);
    if (own != null) {
      return own;
    }
    switch (kind) {
      case BOOLEAN:
        return "Failed to parse boolean value";
      case TIME_SPAN:
        return timeSpanMessage(key);
      default:
        return "Failed to parse " + key + "= value";
    }
  }

  /** The warnings of systemd 252's own parsers for enum and number keys (read off its output). */
  private static final java.util.Map<String, String> PARSER_MESSAGES =
      java.util.Map.ofEntries(
          java.util.Map.entry("StartLimitBurst", "Failed to parse unsigned value"),
          java.util.Map.entry("TriggerLimitBurst", "Failed to parse unsigned value"),
          java.util.Map.entry("UMask", "Failed to parse mode value"),
          java.util.Map.entry("Type", "Failed to parse service type"),
          java.util.Map.entry("Restart", "Failed to parse service restart specifier"),
          java.util.Map.entry("KillMode", "Failed to parse kill mode specification"),
          java.util.Map.entry("NotifyAccess", "Failed to parse notify access specifier"),
          java.util.Map.entry("ProtectProc", "Failed to parse /proc/ protection mode"),
          java.util.Map.entry("ProcSubset", "Failed to parse /proc/ subset mode"),
          java.util.Map.entry("KeyringMode", "Failed to parse keyring mode"),
          java.util.Map.entry("DevicePolicy", "Failed to parse device policy"));

  /**
   * Nice= (-20…19) and OOMScoreAdjust= (-1000…1000) as systemd 252 parses them: empty resets,
   * anything else must be a decimal integer in range. Returns systemd's warning, or null.
   */
  static String rangedInteger(String key, String value) {
    if (value.isEmpty()) {
      return null;
    }
    boolean nice = "Nice".equals(key);
    java.math.BigInteger n = CNumbers.parse(value);
    if (n == null) {
      return nice
          ? "Failed to parse nice priority '" + value + "', ignoring: Invalid argument"
          : "Failed to parse the OOM score adjust value '"
              + value
              + "', ignoring: Invalid argument";
    }
    // safe_atoi()'s ERANGE and the setting's own range give the same message
    long min = nice ? -20 : -1000;
    long max = nice ? 19 : 1000;
    if (n.compareTo(java.math.BigInteger.valueOf(min)) < 0
        || n.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
      return nice
          ? "Nice priority out of range, ignoring: " + value
          : "OOM score adjust value out of range, ignoring: " + value;
    }
    return null;
  }

  /**
   * The warning of the parser systemd 252 uses for each time span (checked against its output:
   * config_parse_sec says "sec value", the service timeouts have their own parsers).
   */
  private static String timeSpanMessage(String key) {
    switch (key) {
      case "TimeoutStartSec":
      case "TimeoutSec":
      case "JobTimeoutSec":
      case "JobRunningTimeoutSec":
        return "Failed to parse " + key + "= parameter";
      case "TimeoutStopSec":
        return "Failed to parse time value";
      case "TimeoutAbortSec":
        return "Failed to parse TimeoutAbortSec= setting";
      default:
        return "Failed to parse sec value";
    }
  }

  /**
   * valid_user_group_name() in relaxed mode (src/basic/user-util.c): what systemd accepts at all
   * for User=/Group=. Names it accepts only "relaxed" still load.
   */
  static boolean isRelaxedUserName(String u) {
    if (u.isEmpty() || u.equals(".") || u.equals("..") || u.startsWith("-")) {
      return false;
    }
    if (u.length() > 256) {
      return false;
    }
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c == ':' || c == '/' || c < ' ' || c == 0x7f) {
        return false;
      }
    }
    return !Character.isWhitespace(u.charAt(0))
        && !Character.isWhitespace(u.charAt(u.length() - 1));
  }

  private static Verdict ignore(String message) {
    return new Verdict(Outcome.IGNORE, message);
  }

  private static Verdict fatal(String message) {
    return new Verdict(Outcome.FATAL, message);
  }
}
