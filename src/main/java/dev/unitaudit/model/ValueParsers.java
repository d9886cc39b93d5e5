package dev.unitaudit.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The value parser systemd applies to each {@code [Section] Key}, per systemd version: a table from
 * key to the C parser's name ({@code value-parsers-VERSION.tsv}, from the gperf table of that
 * release), and for every parser name how unitaudit reproduces it. Another version is added with
 * its own table and, where its parsers changed, its own implementations.
 */
public final class ValueParsers {

  /** How a parser's warnings are reproduced. */
  public enum Handling {
    /** Ported in {@link Parsers252}: every warning the C parser logs, in its words. */
    PORTED,
    /**
     * Ported by {@link AssignmentValidator}, {@link ListValueWarnings} or {@link ExecLineParser}.
     */
    VALIDATOR,
    /** Free text: the parser takes any value (at most specifiers are expanded), so no warning. */
    FREE_TEXT,
    /** Not yet reproduced: systemd may warn about a value that unitaudit lets through. */
    NOT_PORTED
  }

  /** Parsers {@link AssignmentValidator} (and the list and command parsers it calls) reproduces. */
  private static final Set<String> VALIDATOR =
      Set.of(
          "config_parse_exec",
          "config_parse_user_group_compat",
          "config_parse_user_group_strv_compat",
          "config_parse_restrict_namespaces",
          "config_parse_syscall_archs",
          "config_parse_syscall_filter",
          "config_parse_delegate",
          "config_parse_in_addr_prefixes",
          "config_parse_address_families",
          "config_parse_device_allow",
          "config_parse_exec_nice",
          "config_parse_exec_oom_score_adjust",
          "config_parse_protect_system",
          "config_parse_protect_home",
          "config_parse_service_type",
          "config_parse_service_restart",
          "config_parse_kill_mode",
          "config_parse_notify_access",
          "config_parse_protect_proc",
          "config_parse_proc_subset",
          "config_parse_exec_keyring_mode",
          "config_parse_device_policy",
          "config_parse_service_timeout",
          "config_parse_service_timeout_abort",
          "config_parse_job_timeout_sec",
          "config_parse_job_running_timeout_sec",
          "config_parse_unit_env_file");

  /** Parsers that accept any text: only a bad specifier could make them warn. */
  private static final Set<String> FREE_TEXT =
      Set.of(
          "NULL",
          "config_parse_string",
          "config_parse_unit_string_printf",
          "config_parse_unit_condition_string",
          "config_parse_exec_apparmor_profile",
          "config_parse_exec_selinux_context",
          "config_parse_exec_smack_process_label",
          "config_parse_unit_path_strv_printf",
          // 252 drops unknown capability names, securebits words and file system names silently
          "config_parse_capability_set",
          "config_parse_exec_secure_bits",
          "config_parse_restrict_filesystems",
          // a relative PIDFile= is taken below /run/ without a word
          "config_parse_pid_file");

  private static final Map<Integer, ValueParsers> VERSIONS = new HashMap<>();

  private final int version;
  private final Map<String, String> parserByKey;
  private final Map<String, Parsers252.Parser> ported;

  private ValueParsers(
      int version, Map<String, String> parserByKey, Map<String, Parsers252.Parser> ported) {
    this.version = version;
    this.parserByKey = parserByKey;
    this.ported = ported;
  }

  /** The table of systemd {@code version}; only 252 is built so far. */
  public static synchronized ValueParsers forVersion(int version) {
    if (version != 252) {
      throw new IllegalArgumentException("no value parser table for systemd " + version);
    }
    return VERSIONS.computeIfAbsent(version, v -> new ValueParsers(v, load(v), Parsers252.all()));
  }

  private static Map<String, String> load(int version) {
    String name = "value-parsers-" + version + ".tsv";
    Map<String, String> m = new HashMap<>();
    try (InputStream in = ValueParsers.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " missing from the jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        m.put(f[0] + "." + f[1], f[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
    return Map.copyOf(m);
  }

  public int version() {
    return version;
  }

  /** The C parser systemd uses for the key, or null when the key is not in the table. */
  public String parserOf(String section, String key) {
    return parserByKey.get(section + "." + key);
  }

  /** How the parser of the key is reproduced; null when the key is not in the table. */
  public Handling handling(String section, String key) {
    String p = parserOf(section, key);
    if (p == null) {
      return null;
    }
    return handlingOf(p);
  }

  /** How a C parser is reproduced. */
  public Handling handlingOf(String parser) {
    if (ported.containsKey(parser)) {
      return Handling.PORTED;
    }
    if (VALIDATOR.contains(parser)) {
      return Handling.VALIDATOR;
    }
    if (FREE_TEXT.contains(parser)) {
      return Handling.FREE_TEXT;
    }
    return Handling.NOT_PORTED;
  }

  /** Every key of the table, as {@code Section.Key}. */
  public Set<String> keys() {
    return parserByKey.keySet();
  }

  /**
   * Keys whose parser is ported except for one kind of value: {@code OnCalendar=} takes calendar
   * specifications (systemd.time(7)), which unitaudit does not validate, so a bad one goes
   * unreported ("Failed to parse calendar specification").
   */
  public static final Set<String> PARTIAL = Set.of("Timer.OnCalendar");

  /** The C parsers ported in {@link Parsers252}. */
  public Set<String> portedParsers() {
    return ported.keySet();
  }

  /** The keys ({@code Section.Key}) systemd parses with {@code parser}, sorted. */
  public java.util.List<String> keysOf(String parser) {
    return parserByKey.entrySet().stream()
        .filter(e -> e.getValue().equals(parser))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /**
   * What the ported parser of the key does with the value; null when the key's parser is not ported
   * here (the caller applies its own checks).
   */
  public ParseResult parse(String section, String key, String value, UnitName unit) {
    String p = parserOf(section, key);
    Parsers252.Parser parser = p == null ? null : ported.get(p);
    if (parser == null) {
      return null;
    }
    return parser.parse(new Parsers252.Input(section, key, value, unit));
  }
}
