package dev.unitaudit.model;

import dev.unitaudit.model.CValues.Parsed;
import dev.unitaudit.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * systemd 252's value parsers, by the name of their C function ({@code config_parse_*} in
 * src/shared/conf-parser.c and src/core/load-fragment.c), each deciding what the C function logs
 * and whether the assignment takes effect. Messages are systemd's own format strings with the same
 * arguments; {@code %m} is the strerror() of the errno the C reader returned.
 */
final class Parsers252 {

  /** One parser: the assignment in, what systemd does with it out. */
  @FunctionalInterface
  interface Parser {
    ParseResult parse(Input in);
  }

  /** An assignment as a parser sees it (the section tells the unit type's table). */
  record Input(String section, String key, String value, UnitName unit) {}

  private Parsers252() {}

  static Map<String, Parser> all() {
    Map<String, Parser> m = new HashMap<>();
    // conf-parser.c: DEFINE_PARSER() and friends
    m.put("config_parse_bool", in -> bool(in.value(), "Failed to parse boolean value"));
    m.put(
        "config_parse_exec_mount_apivfs",
        in ->
            in.value().isEmpty()
                ? ParseResult.OK
                : bool(in.value(), "Failed to parse boolean value"));
    m.put("config_parse_job_mode_isolate", in -> bool(in.value(), "Failed to parse boolean"));
    m.put(
        "config_parse_unsigned",
        in -> number(in, CValues.safeAtou(in.value(), 0, 32, false), "unsigned"));
    m.put(
        "config_parse_tty_size",
        in ->
            in.value().isEmpty()
                ? ParseResult.OK
                : number(in, CValues.safeAtou(in.value(), 0, 32, false), "unsigned"));
    m.put("config_parse_int", in -> number(in, CValues.safeAtoi(in.value(), 32), "int"));
    m.put("config_parse_long", in -> number(in, CValues.safeAtoi(in.value(), 64), "long"));
    m.put("config_parse_sec", in -> number(in, CValues.parseSec(in.value()), "sec"));
    m.put(
        "config_parse_sec_def_infinity",
        in ->
            in.value().isEmpty()
                ? ParseResult.OK
                : number(in, CValues.parseSec(in.value()), "sec_def_infinity"));
    m.put(
        "config_parse_sec_fix_0",
        in ->
            CValues.parseSec(in.value()).ok()
                ? ParseResult.OK
                : ParseResult.ignore("Failed to parse time value, ignoring: " + in.value()));
    m.put("config_parse_nsec", in -> number(in, CValues.parseNsec(in.value()), "nsec"));
    m.put("config_parse_mode", in -> number(in, CValues.parseMode(in.value()), "mode"));
    m.put("config_parse_iec_size", Parsers252::iecSize);
    m.put("config_parse_signal", Parsers252::signal);
    m.put("config_parse_personality", Parsers252::personality);
    m.put("config_parse_rlimit", Parsers252::rlimit);
    m.put("config_parse_warn_compat", Parsers252::warnCompat);
    m.put(
        "config_parse_log_level",
        in -> word(in, LOG_LEVELS, "Failed to parse log level", 7, false));
    m.put(
        "config_parse_log_facility",
        in -> word(in, LOG_FACILITIES, "Failed to parse log facility", -1, false));
    // load-fragment.c: DEFINE_CONFIG_PARSE_ENUM() and the enums of their own
    enumParser(
        m,
        "config_parse_collect_mode",
        "Failed to parse garbage collection mode",
        false,
        "inactive",
        "inactive-or-failed");
    enumParser(
        m,
        "config_parse_exec_utmp_mode",
        "Failed to parse utmp mode",
        false,
        "init",
        "login",
        "user");
    enumParser(
        m,
        "config_parse_job_mode",
        "Failed to parse job mode",
        false,
        "fail",
        "replace",
        "replace-irreversibly",
        "isolate",
        "flush",
        "ignore-dependencies",
        "ignore-requirements",
        "triggering");
    enumParser(
        m,
        "config_parse_service_exit_type",
        "Failed to parse service exit type",
        false,
        "main",
        "cgroup");
    enumParser(
        m,
        "config_parse_service_timeout_failure_mode",
        "Failed to parse timeout failure mode",
        false,
        "terminate",
        "abort",
        "kill");
    enumParser(
        m,
        "config_parse_oom_policy",
        "Failed to parse OOM policy",
        false,
        "continue",
        "stop",
        "kill");
    enumParser(
        m,
        "config_parse_managed_oom_preference",
        "Failed to parse ManagedOOMPreference=",
        false,
        "none",
        "avoid",
        "omit");
    m.put(
        "config_parse_runtime_preserve_mode",
        in ->
            Values.parseBoolean(in.value()) != null || in.value().equals("restart")
                ? ParseResult.OK
                : ParseResult.ignore(
                    "Failed to parse runtime directory preserve mode, ignoring: " + in.value()));
    m.put(
        "config_parse_socket_bind",
        in ->
            Values.parseBoolean(in.value()) != null
                    || Set.of("default", "both", "ipv6-only").contains(in.value())
                ? ParseResult.OK
                : ParseResult.ignore(
                    "Failed to parse bind IPv6 only value, ignoring: " + in.value()));
    m.put(
        "config_parse_ip_tos",
        in ->
            word(
                in,
                List.of("low-delay", "throughput", "reliability", "low-cost"),
                "Failed to parse IP TOS value",
                0xff,
                true));
    m.put(
        "config_parse_numa_policy",
        in ->
            word(
                in,
                List.of("default", "preferred", "bind", "interleave", "local"),
                "Invalid NUMA policy type",
                -1,
                true));
    m.put(
        "config_parse_exec_io_class",
        in ->
            in.value().isEmpty()
                ? ParseResult.OK
                : word(
                    in,
                    List.of("none", "realtime", "best-effort", "idle"),
                    "Failed to parse IO scheduling class",
                    8, // IOPRIO_N_CLASSES, inclusive as the lookup's fallback is
                    false));
    m.put(
        "config_parse_exec_cpu_sched_policy",
        in ->
            in.value().isEmpty()
                ? ParseResult.OK
                : word(
                    in,
                    List.of("other", "batch", "idle", "fifo", "rr"),
                    "Failed to parse CPU scheduling policy",
                    Integer.MAX_VALUE,
                    false));
    m.put(
        "config_parse_exec_mount_flags",
        in ->
            in.value().isEmpty() || Set.of("shared", "slave", "private").contains(in.value())
                ? ParseResult.OK
                : ParseResult.ignore("Failed to parse mount flag, ignoring: " + in.value()));
    m.put("config_parse_emergency_action", Parsers252::emergencyAction);
    m.put("config_parse_managed_oom_mode", Parsers252::managedOomMode);
    m.put("config_parse_managed_oom_mem_pressure_limit", Parsers252::pressureLimit);
    // cgroup values
    m.put("config_parse_memory_limit", Parsers252::memoryLimit);
    m.put("config_parse_tasks_max", Parsers252::tasksMax);
    m.put("config_parse_cpu_quota", Parsers252::cpuQuota);
    m.put("config_parse_cg_weight", in -> weight(in.value(), 1, 10000, false, "Invalid weight"));
    m.put(
        "config_parse_cg_cpu_weight",
        in -> weight(in.value(), 1, 10000, true, "Invalid CPU weight"));
    m.put(
        "config_parse_blockio_weight",
        in -> weight(in.value(), 10, 1000, false, "Invalid block IO weight"));
    m.put(
        "config_parse_cpu_shares",
        in ->
            weight(in.value(), 2, 262144, false, "Invalid CPU shares")
                .after(
                    "Unit uses "
                        + in.key()
                        + "=; please use CPUWeight= instead. Support for "
                        + in.key()
                        + "= will be removed soon.",
                    Diagnostic.DEPRECATED));
    m.put("config_parse_io_limit", Parsers252::ioLimit);
    m.put("config_parse_blockio_bandwidth", Parsers252::blockioBandwidth);
    m.put("config_parse_io_device_weight", Parsers252::ioDeviceWeight);
    m.put("config_parse_blockio_device_weight", Parsers252::blockioDeviceWeight);
    m.put("config_parse_io_device_latency", Parsers252::ioDeviceLatency);
    m.put("config_parse_allowed_cpuset", in -> cpuSet(in.value(), in.key()));
    m.put(
        "config_parse_exec_cpu_affinity",
        in -> in.value().equals("numa") ? ParseResult.OK : cpuSet(in.value(), in.key()));
    m.put("config_parse_numa_mask", Parsers252::numaMask);
    m.put("config_parse_cgroup_socket_bind", Parsers252::socketBind);
    // exit statuses
    m.put("config_parse_set_status", Parsers252::setStatus);
    m.put("config_parse_exit_status", Parsers252::exitStatus);
    // paths
    m.put("config_parse_unit_condition_path", Parsers252::conditionPath);
    m.put(
        "config_parse_unit_requires_mounts_for",
        in -> pathWords(in, false, "Invalid syntax, ignoring: "));
    m.put(
        "config_parse_namespace_path_strv",
        in -> pathWords(in, true, "Failed to extract first word, ignoring: "));
    m.put("config_parse_unit_path_printf", Parsers252::unitPath);
    m.put("config_parse_colon_separated_paths", Parsers252::colonPaths);
    m.put("config_parse_temporary_filesystems", Parsers252::temporaryFilesystems);
    m.put("config_parse_bind_paths", Parsers252::bindPaths);
    m.put("config_parse_mount_images", Parsers252::mountImages);
    m.put("config_parse_exec_root_hash", Parsers252::rootHash);
    m.put("config_parse_exec_root_hash_sig", Parsers252::rootHashSig);
    // execution
    m.put("config_parse_exec_cpu_sched_prio", Parsers252::schedPriority);
    m.put("config_parse_exec_io_priority", Parsers252::ioPriority);
    m.put("config_parse_exec_output", Parsers252::output);
    m.put("config_parse_exec_input", Parsers252::input);
    m.put("config_parse_exec_input_data", Parsers252::inputData);
    m.put("config_parse_environ", Parsers252::environ);
    m.put("config_parse_syscall_errno", Parsers252::syscallErrno);
    m.put("config_parse_fdname", Parsers252::fdname);
    // unit
    m.put("config_parse_documentation", Parsers252::documentation);
    m.put("config_parse_bus_name", Parsers252::busName);
    m.put("config_parse_obsolete_unit_deps", Parsers252::obsoleteDeps);
    Parsers252More.addTo(m);
    return m;
  }

  // ---- generic ------------------------------------------------------------------------------

  static ParseResult bool(String v, String msg) {
    return Values.parseBoolean(v) != null
        ? ParseResult.OK
        : ParseResult.ignore(msg + ", ignoring: " + v);
  }

  /** DEFINE_PARSER(type, …): "Failed to parse TYPE value, ignoring: VALUE". */
  private static ParseResult number(Input in, Parsed p, String type) {
    return p.ok()
        ? ParseResult.OK
        : ParseResult.ignore("Failed to parse " + type + " value, ignoring: " + in.value());
  }

  private static void enumParser(
      Map<String, Parser> m, String name, String msg, boolean emptyOk, String... words) {
    Set<String> set = Set.of(words);
    m.put(
        name,
        in ->
            set.contains(in.value()) || (emptyOk && in.value().isEmpty())
                ? ParseResult.OK
                : ParseResult.ignore(msg + ", ignoring: " + in.value()));
  }

  /**
   * A string table lookup with a numeric fallback (DEFINE_STRING_TABLE_LOOKUP_WITH_FALLBACK: a
   * number from 0 to {@code max} is accepted as is); {@code emptyOk} for the WITH_DEFAULT parsers.
   */
  private static ParseResult word(
      Input in, List<String> words, String msg, int max, boolean emptyOk) {
    String v = in.value();
    if (words.contains(v) || (emptyOk && v.isEmpty())) {
      return ParseResult.OK;
    }
    if (max >= 0) {
      Parsed n = CValues.safeAtou(v, 0, 32, false);
      if (n.ok() && Long.compareUnsigned(n.value(), max) <= 0) {
        return ParseResult.OK;
      }
    }
    return ParseResult.ignore(msg + ", ignoring: " + v);
  }

  private static final List<String> LOG_LEVELS =
      List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");

  private static final List<String> LOG_FACILITIES =
      List.of(
          "kern",
          "user",
          "mail",
          "daemon",
          "auth",
          "syslog",
          "lpr",
          "news",
          "uucp",
          "cron",
          "authpriv",
          "ftp",
          "local0",
          "local1",
          "local2",
          "local3",
          "local4",
          "local5",
          "local6",
          "local7");

  private static ParseResult iecSize(Input in) {
    Parsed p = CValues.parseSize(in.value(), 1024);
    return p.ok()
        ? ParseResult.OK
        : ParseResult.ignore(
            "Failed to parse size value '"
                + in.value()
                + "', ignoring: "
                + CValues.strerror(p.errno()));
  }

  private static ParseResult signal(Input in) {
    return CValues.signalFromString(in.value()) > 0
        ? ParseResult.OK
        : ParseResult.ignore("Failed to parse signal name, ignoring: " + in.value());
  }

  /** personality_from_string() on x86-64: the native and the secondary architecture only. */
  private static ParseResult personality(Input in) {
    String v = in.value();
    return v.isEmpty() || v.equals("x86-64") || v.equals("x86")
        ? ParseResult.OK
        : ParseResult.ignore("Failed to parse personality, ignoring: " + v);
  }

  private static ParseResult warnCompat(Input in) {
    return ParseResult.notice(
        "Support for option " + in.key() + "= has been removed and it is ignored",
        Diagnostic.DEPRECATED);
  }

  // ---- resource limits (src/basic/rlimit-util.c) --------------------------------------------

  private static final Set<String> RLIMIT_SIZES =
      Set.of(
          "LimitFSIZE",
          "LimitDATA",
          "LimitSTACK",
          "LimitCORE",
          "LimitRSS",
          "LimitAS",
          "LimitMEMLOCK",
          "LimitMSGQUEUE");

  private static ParseResult rlimit(Input in) {
    String v = in.value();
    String[] parts = v.split(":", -1);
    int r;
    if (v.isEmpty() || parts.length > 2) {
      r = CValues.EINVAL;
    } else {
      long[] soft = new long[1];
      r = rlimitOne(in.key(), parts[0], soft);
      if (r == 0 && parts.length == 2) {
        long[] hard = new long[1];
        r = rlimitOne(in.key(), parts[1], hard);
        if (r == 0 && Long.compareUnsigned(soft[0], hard[0]) > 0) {
          return ParseResult.ignore(
              "Soft resource limit chosen higher than hard limit, ignoring: " + v);
        }
      }
    }
    return r == 0
        ? ParseResult.OK
        : ParseResult.ignore("Failed to parse resource value, ignoring: " + v);
  }

  private static int rlimitOne(String key, String val, long[] out) {
    if (val.equals("infinity") && !key.equals("LimitNICE")) { // rlimit_parse_nice() has none
      out[0] = -1L;
      return 0;
    }
    Parsed p;
    switch (key) {
      case "LimitCPU" -> {
        p = CValues.parseSec(val);
        if (p.ok() && p.value() != CValues.INFINITY) {
          long s =
              Long.divideUnsigned(p.value(), 1_000_000L)
                  + (Long.remainderUnsigned(p.value(), 1_000_000L) > 0 ? 1 : 0);
          out[0] = s;
          return s == -1L ? CValues.ERANGE : 0;
        }
      }
      case "LimitRTTIME" -> p = CValues.parseUsec(val);
      case "LimitNICE" -> {
        return rlimitNice(val, out);
      }
      default -> {
        p =
            RLIMIT_SIZES.contains(key)
                ? CValues.parseSize(val, 1024)
                : CValues.safeAtou(val, 0, 64, false);
        if (p.ok() && p.value() == -1L) {
          return CValues.ERANGE; // u >= RLIM_INFINITY
        }
      }
    }
    out[0] = p.value();
    return p.errno();
  }

  /** rlimit_parse_nice(): "+N" and "-N" are nice levels, a bare number the raw limit 0…40. */
  private static int rlimitNice(String val, long[] out) {
    boolean plus = val.startsWith("+");
    boolean minus = val.startsWith("-");
    Parsed p = CValues.safeAtou(plus || minus ? val.substring(1) : val, 0, 64, false);
    if (!p.ok()) {
      return p.errno();
    }
    long rl = p.value();
    boolean range =
        plus
            ? Long.compareUnsigned(rl, 20) >= 0 // PRIO_MAX
            : minus ? Long.compareUnsigned(rl, 20) > 0 : Long.compareUnsigned(rl, 40) > 0;
    if (range) {
      return CValues.ERANGE;
    }
    out[0] = plus ? 20 - rl : minus ? 20 + rl : rl;
    return 0;
  }

  // ---- cgroup settings ------------------------------------------------------------------------

  private static final Set<String> MAY_BE_ZERO =
      Set.of("MemorySwapMax", "MemoryLow", "MemoryMin", "DefaultMemoryLow", "DefaultMemoryMin");

  private static ParseResult memoryLimit(Input in) {
    String v = in.value();
    if (!v.isEmpty() && !v.equals("infinity")) {
      Parsed pct = CValues.parsePermyriad(v);
      boolean zero;
      if (pct.ok()) {
        zero = pct.value() == 0; // physical_memory_scale() of a share above 0 is never 0
      } else {
        Parsed size = CValues.parseSize(v, 1024);
        if (!size.ok()) {
          return ParseResult.ignore(
              "Invalid memory limit '" + v + "', ignoring: " + CValues.strerror(size.errno()));
        }
        if (size.value() == -1L) {
          return ParseResult.ignore("Memory limit '" + v + "' out of range, ignoring.");
        }
        zero = size.value() == 0;
      }
      if (zero && !MAY_BE_ZERO.contains(in.key())) {
        return ParseResult.ignore("Memory limit '" + v + "' out of range, ignoring.");
      }
    }
    if (in.key().equals("MemoryLimit")) {
      return ParseResult.notice(
          "Unit uses MemoryLimit=; please use MemoryMax= instead. Support for MemoryLimit= will be"
              + " removed soon.",
          Diagnostic.DEPRECATED);
    }
    return ParseResult.OK;
  }

  private static ParseResult tasksMax(Input in) {
    String v = in.value();
    if (v.isEmpty() || v.equals("infinity") || CValues.parsePermyriad(v).ok()) {
      return ParseResult.OK;
    }
    Parsed p = CValues.safeAtou(v, 0, 64, false);
    if (!p.ok()) {
      return ParseResult.ignore(
          "Invalid maximum tasks value '" + v + "', ignoring: " + CValues.strerror(p.errno()));
    }
    if (p.value() == 0 || p.value() == -1L) {
      return ParseResult.ignore("Maximum tasks value '" + v + "' out of range, ignoring.");
    }
    return ParseResult.OK;
  }

  private static ParseResult cpuQuota(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Parsed p = CValues.parsePermyriadUnbounded(v);
    return p.ok() && p.value() > 0
        ? ParseResult.OK
        : ParseResult.ignore("Invalid CPU quota '" + v + "', ignoring.");
  }

  /** cg_weight_parse() and its siblings: empty resets, else safe_atou64() within the range. */
  private static ParseResult weight(String v, long min, long max, boolean idle, String msg) {
    if (v.isEmpty() || (idle && v.equals("idle"))) {
      return ParseResult.OK;
    }
    return weightError(v, min, max) == 0
        ? ParseResult.OK
        : ParseResult.ignore(msg + ", ignoring: " + v);
  }

  private static int weightError(String v, long min, long max) {
    if (v.isEmpty()) {
      return 0;
    }
    Parsed p = CValues.safeAtou(v, 0, 64, false);
    if (!p.ok()) {
      return p.errno();
    }
    return Long.compareUnsigned(p.value(), min) < 0 || Long.compareUnsigned(p.value(), max) > 0
        ? CValues.ERANGE
        : 0;
  }

  /** The first word (unquoted) and the rest of the line, as the device parsers split them. */
  private record DeviceAndValue(String device, String rest, boolean bad) {}

  private static DeviceAndValue deviceAndValue(String v) {
    String s = v.strip();
    Words.Result w = Words.split(s, false, true);
    if (!w.ok()) {
      return new DeviceAndValue(null, null, true);
    }
    if (w.words().isEmpty()) {
      return new DeviceAndValue(null, "", false);
    }
    int end = 0;
    while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
      end++;
    }
    return new DeviceAndValue(w.words().get(0), s.substring(end).strip(), false);
  }

  private static ParseResult devicePair(
      Input in, String what, java.util.function.Function<String, String> valueProblem) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    DeviceAndValue d = deviceAndValue(v);
    String noun = what.startsWith("node") ? "device node" : "device path";
    String thing = what.substring(what.indexOf(' ') + 1);
    if (d.bad()) {
      return ParseResult.ignore(
          "Failed to extract " + noun + " and " + thing + " from '" + v + "', ignoring.");
    }
    if (d.device() == null || d.rest().isEmpty()) {
      return ParseResult.ignore(
          "Invalid " + noun + " or " + thing + " specified in '" + v + "', ignoring.");
    }
    String pathProblem =
        pathProblem(in.key(), Specifiers.expand(d.device(), in.unit()), false, false);
    if (pathProblem != null) {
      return ParseResult.ignore(pathProblem);
    }
    String problem = valueProblem.apply(d.rest());
    return problem == null ? ParseResult.OK : ParseResult.ignore(problem);
  }

  private static ParseResult ioLimit(Input in) {
    return devicePair(
        in,
        "node bandwidth",
        p -> {
          if (p.equals("infinity")) {
            return null;
          }
          Parsed n = CValues.parseSize(p, 1000);
          return n.ok() && n.value() != 0 ? null : "Invalid IO limit '" + p + "', ignoring.";
        });
  }

  private static ParseResult blockioBandwidth(Input in) {
    return devicePair(
            in,
            "node bandwidth",
            p -> {
              Parsed n = CValues.parseSize(p, 1000);
              return n.ok() ? null : "Invalid Block IO Bandwidth '" + p + "', ignoring.";
            })
        .after(blockioNotice(in.key()), Diagnostic.DEPRECATED);
  }

  private static String blockioNotice(String key) {
    return "Unit uses "
        + key
        + "=; please use IO*= settings instead. Support for "
        + key
        + "= will be removed soon.";
  }

  private static ParseResult ioDeviceWeight(Input in) {
    return devicePair(
        in,
        "path weight",
        p -> {
          int e = weightError(p, 1, 10000);
          return e == 0 ? null : "IO weight '" + p + "' invalid, ignoring: " + CValues.strerror(e);
        });
  }

  private static ParseResult blockioDeviceWeight(Input in) {
    return devicePair(
            in,
            "node weight",
            p -> {
              int e = weightError(p, 10, 1000);
              return e == 0
                  ? null
                  : "Invalid block IO weight '" + p + "', ignoring: " + CValues.strerror(e);
            })
        .after(blockioNotice(in.key()), Diagnostic.DEPRECATED);
  }

  private static ParseResult ioDeviceLatency(Input in) {
    return devicePair(
        in,
        "path latency",
        p -> CValues.parseSec(p).ok() ? null : "Failed to parse timer value, ignoring: " + p);
  }

  /**
   * parse_cpu_set_extend(): CPU numbers and ranges separated by whitespace or commas; a bad word
   * fails the line ("Failed to parse CPU affinity"), a reversed range is skipped with a warning.
   */
  private static ParseResult cpuSet(String v, String key) {
    List<String> warnings = new ArrayList<>();
    for (String word : v.split("[ \t\n,]+")) {
      if (word.isEmpty()) {
        continue;
      }
      long[] range = range(word);
      if (range == null) {
        return ParseResult.ignore("Failed to parse CPU affinity '" + word + "'");
      }
      if (range[0] > range[1]) {
        warnings.add(
            "Range '" + word + "' is invalid, " + range[0] + " > " + range[1] + ", ignoring.");
      } else if (range[1] >= 8192) {
        return ParseResult.ignore("Failed to parse CPU affinity '" + word + "'");
      }
    }
    return ParseResult.apply(warnings);
  }

  /** parse_range(): "N" or "N-M" of unsigned numbers, or null. */
  private static long[] range(String word) {
    int dash = word.indexOf('-');
    String lo = dash < 0 ? word : word.substring(0, dash);
    String hi = dash < 0 ? word : word.substring(dash + 1);
    Parsed l = CValues.safeAtou(lo, 0, 32, false);
    Parsed h = CValues.safeAtou(hi, 0, 32, false);
    if (lo.isEmpty() || hi.isEmpty() || !l.ok() || !h.ok()) {
      return null;
    }
    return new long[] {l.value(), h.value()};
  }

  private static ParseResult numaMask(Input in) {
    String v = in.value();
    if (v.equals("all") || v.isEmpty()) {
      return ParseResult.OK;
    }
    ParseResult r = cpuSet(v, in.key());
    // parse_cpu_set() logs its own error before the caller's warning
    return r.effect() == ParseResult.Effect.IGNORE
        ? r.then("Failed to parse NUMA node mask, ignoring: " + v, Diagnostic.INVALID_VALUE)
        : r;
  }

  private static final Pattern SOCKET_BIND =
      Pattern.compile("(?:(ipv4|ipv6):)?(?:(tcp|udp):)?(any|[0-9]+(?:-[0-9]+)?)");

  /** parse_socket_bind_item(): [ipv4:|ipv6:][tcp:|udp:](any|PORT|PORT-PORT), ports 1…65535. */
  private static ParseResult socketBind(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    java.util.regex.Matcher m = SOCKET_BIND.matcher(v);
    boolean ok = m.matches();
    if (ok && !m.group(3).equals("any")) {
      String[] ports = m.group(3).split("-");
      long lo = ports[0].length() > 5 ? 99999 : Long.parseLong(ports[0]);
      long hi = ports.length > 1 ? (ports[1].length() > 5 ? 99999 : Long.parseLong(ports[1])) : lo;
      ok = lo >= 1 && hi <= 65535 && lo <= hi;
    }
    return ok
        ? ParseResult.OK
        : ParseResult.ignore("Unable to parse " + in.key() + "= assignment, ignoring: " + v);
  }

  private static ParseResult managedOomMode(Input in) {
    if (!managedOomUnit(in)) {
      return ParseResult.ignore(in.key() + "= is not supported for this unit type, ignoring.");
    }
    String v = in.value();
    return v.isEmpty() || v.equals("auto") || v.equals("kill")
        ? ParseResult.OK
        : ParseResult.ignore("Invalid syntax, ignoring: " + v);
  }

  private static ParseResult pressureLimit(Input in) {
    if (!managedOomUnit(in)) {
      return ParseResult.ignore(in.key() + "= is not supported for this unit type, ignoring.");
    }
    String v = in.value();
    return v.isEmpty() || CValues.parsePermyriad(v).ok()
        ? ParseResult.OK
        : ParseResult.ignore("Failed to parse memory pressure limit value, ignoring: " + v);
  }

  /** unit_vtable[t]->can_set_managed_oom: services, scopes and slices. */
  private static boolean managedOomUnit(Input in) {
    UnitType t = in.unit() == null ? null : in.unit().type();
    return t == null || t == UnitType.SERVICE || t == UnitType.SLICE || t == UnitType.SCOPE;
  }

  private static final Set<String> EMERGENCY_ACTIONS =
      Set.of(
          "none",
          "reboot",
          "reboot-force",
          "reboot-immediate",
          "poweroff",
          "poweroff-force",
          "poweroff-immediate",
          "exit",
          "exit-force",
          "kexec",
          "kexec-force",
          "halt",
          "halt-force",
          "halt-immediate");

  private static ParseResult emergencyAction(Input in) {
    return EMERGENCY_ACTIONS.contains(in.value())
        ? ParseResult.OK
        : ParseResult.ignore("Failed to parse " + in.key() + "=, ignoring: " + in.value());
  }

  // ---- exit statuses ----------------------------------------------------------------------

  private static ParseResult setStatus(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    List<String> warnings = new ArrayList<>();
    for (String word : Words.splitPlain(v)) { // extract_first_word() without EXTRACT_UNQUOTE
      if (!CValues.isExitStatus(word) && CValues.signalFromString(word) < 0) {
        warnings.add("Failed to parse value, ignoring: " + word);
      }
    }
    return ParseResult.apply(warnings);
  }

  private static ParseResult exitStatus(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Parsed p = CValues.safeAtou(v, 0, 8, false);
    return p.ok()
        ? ParseResult.OK
        : ParseResult.ignore(
            "Failed to parse exit status '" + v + "', ignoring: " + CValues.strerror(p.errno()));
  }

  // ---- paths --------------------------------------------------------------------------------

  /**
   * path_simplify_and_warn() (src/shared/parse-helpers.c): the message for a path that is not
   * absolute (when required), too long, or not normalized after simplification; null when fine.
   */
  static String pathProblem(String key, String path, boolean absolute, boolean fatal) {
    String ignoring = fatal ? "" : ", ignoring";
    if (absolute && !path.startsWith("/")) {
      return key + "= path is not absolute" + ignoring + ": " + path;
    }
    String simple = simplify(path);
    boolean valid =
        !simple.isEmpty() && simple.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 4096;
    for (String part : simple.split("/")) {
      valid &= part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255;
    }
    if (!valid) {
      return key
          + "= path has invalid length ("
          + simple.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
          + " bytes)"
          + ignoring
          + ".";
    }
    for (String part : simple.split("/")) {
      if (part.equals("..")) {
        return key + "= path is not normalized" + ignoring + ": " + simple;
      }
    }
    return null;
  }

  /** path_simplify(): duplicate slashes, "." components and a trailing slash dropped. */
  private static String simplify(String path) {
    StringBuilder sb = new StringBuilder();
    boolean abs = path.startsWith("/");
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (sb.length() > 0 || abs) {
        sb.append('/');
      }
      sb.append(part);
    }
    if (sb.length() == 0) {
      return abs ? "/" : path.isEmpty() ? "" : ".";
    }
    return sb.toString();
  }

  private static ParseResult conditionPath(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    String p = v;
    if (p.startsWith("|")) {
      p = p.substring(1);
    }
    if (p.startsWith("!")) {
      p = p.substring(1);
    }
    String problem = pathProblem(in.key(), Specifiers.expand(p, in.unit()), true, false);
    return problem == null ? ParseResult.OK : ParseResult.ignore(problem);
  }

  /** A list of paths (unquoted words): each bad one is skipped with a warning. */
  private static ParseResult pathWords(Input in, boolean prefixes, String syntaxMessage) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Words.Result w = Words.split(v, false, false);
    if (!w.ok()) {
      return ParseResult.ignore(syntaxMessage + v);
    }
    List<String> warnings = new ArrayList<>();
    for (String word : w.words()) {
      String p = word;
      if (prefixes && p.startsWith("-")) {
        p = p.substring(1);
      }
      if (prefixes && p.startsWith("+")) {
        p = p.substring(1);
      }
      String problem = pathProblem(in.key(), Specifiers.expand(p, in.unit()), true, false);
      if (problem != null) {
        warnings.add(problem);
      }
    }
    return ParseResult.words(warnings, w.words().size());
  }

  /** RootDirectory=, RootImage= and RootVerity= are fatal (ltype true in the gperf table). */
  private static final Set<String> FATAL_PATHS = Set.of("RootDirectory", "RootImage", "RootVerity");

  private static ParseResult unitPath(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    boolean fatal = FATAL_PATHS.contains(in.key());
    String problem = pathProblem(in.key(), Specifiers.expand(v, in.unit()), true, fatal);
    if (problem == null) {
      return ParseResult.OK;
    }
    return fatal ? ParseResult.fatal(problem) : ParseResult.ignore(problem);
  }

  private static ParseResult colonPaths(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    for (String word : v.split(":")) {
      if (word.isEmpty()) {
        continue;
      }
      String problem = pathProblem(in.key(), Specifiers.expand(word, in.unit()), true, false);
      if (problem != null) {
        return ParseResult.ignore(problem);
      }
    }
    return ParseResult.OK;
  }

  private static ParseResult temporaryFilesystems(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Words.Result w = Words.split(v, false, false);
    if (!w.ok()) {
      return ParseResult.ignore("Failed to extract first word, ignoring: " + v);
    }
    List<String> warnings = new ArrayList<>();
    for (String word : w.words()) {
      int colon = word.indexOf(':');
      String path = colon < 0 ? word : word.substring(0, colon);
      String problem = pathProblem(in.key(), Specifiers.expand(path, in.unit()), true, false);
      if (problem != null) {
        warnings.add(problem);
      }
    }
    return ParseResult.words(warnings, w.words().size());
  }

  /** BindPaths=: [-]SOURCE[:DEST[:OPTIONS]], both paths absolute. */
  private static ParseResult bindPaths(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Words.Result w = Words.split(v, false, false);
    if (!w.ok()) {
      return ParseResult.ignore("Failed to parse " + in.key() + "=, ignoring: " + v);
    }
    for (String word : w.words()) {
      String[] parts = word.split(":", -1);
      String src = parts[0].startsWith("-") ? parts[0].substring(1) : parts[0];
      String problem = pathProblem(in.key(), Specifiers.expand(src, in.unit()), true, false);
      if (problem == null && parts.length > 1) {
        if (parts[1].isEmpty()) {
          return ParseResult.ignore("Missing argument after ':', ignoring: " + word);
        }
        problem = pathProblem(in.key(), Specifiers.expand(parts[1], in.unit()), true, false);
      }
      if (problem == null
          && parts.length > 2
          && !Set.of("rbind", "norbind", "").contains(parts[2])) {
        return ParseResult.ignore("Invalid option string, ignoring setting: " + parts[2]);
      }
      if (problem != null) {
        return ParseResult.ignore(problem);
      }
    }
    return ParseResult.OK;
  }

  /**
   * What systemd logs for a word list it cannot split (unbalanced quotes) in the image and
   * directory parsers: the whole line is ignored.
   */
  static ParseResult invalidSyntax(Input in) {
    return ParseResult.ignore(
        "Invalid syntax " + in.key() + "=" + in.value() + ", ignoring: Invalid argument");
  }

  /** MountImages=: [-]SOURCE:DEST[:OPTIONS…] pairs; the source must be an absolute path. */
  private static ParseResult mountImages(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Words.Result w = Words.split(v, false, false);
    if (!w.ok()) {
      return invalidSyntax(in);
    }
    List<String> warnings = new ArrayList<>();
    for (String word : w.words()) {
      String[] parts = word.split(":", -1);
      String src = parts[0].startsWith("-") ? parts[0].substring(1) : parts[0];
      String problem = pathProblem(in.key(), Specifiers.expand(src, in.unit()), true, false);
      if (problem == null && (parts.length < 2 || parts[1].isEmpty())) {
        problem = "Missing destination in " + in.key() + ", ignoring: " + v;
      } else if (problem == null) {
        problem = pathProblem(in.key(), Specifiers.expand(parts[1], in.unit()), true, false);
      }
      if (problem != null) {
        warnings.add(problem);
      }
    }
    return ParseResult.words(warnings, w.words().size());
  }

  private static ParseResult rootHash(Input in) {
    String v = in.value();
    if (v.isEmpty() || v.startsWith("/")) {
      return ParseResult.OK;
    }
    if (v.length() % 2 != 0 || !v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return ParseResult.ignore("Failed to decode RootHash=, ignoring: " + v);
    }
    return v.length() / 2 < 32
        ? ParseResult.ignore("RootHash= is too short, ignoring: " + v)
        : ParseResult.OK;
  }

  private static ParseResult rootHashSig(Input in) {
    String v = in.value();
    if (v.isEmpty() || v.startsWith("/")) {
      return ParseResult.OK;
    }
    if (!v.startsWith("base64:")) {
      return ParseResult.ignore(
          "Failed to decode RootHashSignature=, not a path but doesn't start with 'base64:',"
              + " ignoring: "
              + v);
    }
    return base64(v.substring(7))
        ? ParseResult.OK
        : ParseResult.ignore("Failed to decode RootHashSignature=, ignoring: " + v);
  }

  /** unbase64mem(): whitespace is skipped, padding is required. */
  static boolean base64(String s) {
    try {
      Base64.getDecoder().decode(s.replaceAll("[ \t\n\r]", ""));
      return s.replaceAll("[ \t\n\r]", "").length() % 4 == 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // ---- execution ----------------------------------------------------------------------------

  private static ParseResult schedPriority(Input in) {
    Parsed p = CValues.safeAtoi(in.value(), 32);
    if (!p.ok()) {
      return ParseResult.ignore("Failed to parse CPU scheduling priority, ignoring: " + in.value());
    }
    return p.value() < 0 || p.value() > 99
        ? ParseResult.ignore("CPU scheduling priority is out of range, ignoring: " + in.value())
        : ParseResult.OK;
  }

  private static ParseResult ioPriority(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Parsed p = CValues.safeAtoi(v, 32);
    return p.ok() && p.value() >= 0 && p.value() <= 7
        ? ParseResult.OK
        : ParseResult.ignore("Failed to parse IO priority, ignoring: " + v);
  }

  private static final Set<String> OUTPUTS =
      Set.of(
          "inherit", "null", "tty", "kmsg", "kmsg+console", "journal", "journal+console", "socket");
  private static final Set<String> INPUTS =
      Set.of("null", "tty", "tty-force", "tty-fail", "socket", "data");

  private static ParseResult output(Input in) {
    String v = in.value();
    if (v.startsWith("fd:")) {
      return fd(v.substring(3));
    }
    if (v.equals("syslog") || v.equals("syslog+console")) {
      return ParseResult.notice(
          "Standard output type "
              + v
              + " is obsolete, automatically updating to "
              + (v.equals("syslog") ? "journal" : "journal+console")
              + ". Please update your unit file, and consider removing the setting altogether.",
          Diagnostic.DEPRECATED);
    }
    for (String prefix : List.of("file:", "append:", "truncate:")) {
      if (v.startsWith(prefix)) {
        String problem =
            pathProblem(
                in.key(), Specifiers.expand(v.substring(prefix.length()), in.unit()), true, true);
        return problem == null ? ParseResult.OK : ParseResult.ignore(problem);
      }
    }
    return OUTPUTS.contains(v)
        ? ParseResult.OK
        : ParseResult.ignore("Failed to parse output specifier, ignoring: " + v);
  }

  private static ParseResult input(Input in) {
    String v = in.value();
    if (v.startsWith("fd:")) {
      return fd(v.substring(3));
    }
    if (v.startsWith("file:")) {
      String problem =
          pathProblem(in.key(), Specifiers.expand(v.substring(5), in.unit()), true, true);
      return problem == null ? ParseResult.OK : ParseResult.ignore(problem);
    }
    return INPUTS.contains(v)
        ? ParseResult.OK
        : ParseResult.ignore("Failed to parse input specifier, ignoring: " + v);
  }

  private static ParseResult fd(String name) {
    return name.isEmpty() || fdnameValid(name)
        ? ParseResult.OK
        : ParseResult.ignore("Invalid file descriptor name, ignoring: " + name);
  }

  /** fdname_is_valid(): printable ASCII without ':', at most 255 characters. */
  static boolean fdnameValid(String s) {
    return s.length() <= 255 && s.chars().allMatch(c -> c >= 32 && c < 127 && c != ':');
  }

  private static ParseResult fdname(Input in) {
    String v = in.value();
    return v.isEmpty() || fdnameValid(v)
        ? ParseResult.OK
        : ParseResult.ignore("Invalid file descriptor name, ignoring: " + v);
  }

  private static ParseResult inputData(Input in) {
    String v = in.value();
    return v.isEmpty() || base64(v)
        ? ParseResult.OK
        : ParseResult.ignore("Failed to decode base64 data, ignoring: " + v);
  }

  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static ParseResult environ(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Words.Result w = Words.split(Specifiers.expand(v, in.unit()), true, false);
    if (!w.ok()) {
      return ParseResult.ignore("Invalid syntax, ignoring: " + v);
    }
    List<String> warnings = new ArrayList<>();
    for (String word : w.words()) {
      int eq = word.indexOf('=');
      boolean ok =
          eq > 0
              && ENV_NAME.matcher(word.substring(0, eq)).matches()
              && word.length() < 2_097_150; // env_value_is_valid(): UTF-8, below ARG_MAX
      if (!ok) {
        warnings.add("Invalid environment assignment, ignoring: " + word);
      }
    }
    return ParseResult.words(warnings, w.words().size());
  }

  private static ParseResult syscallErrno(Input in) {
    String v = in.value();
    if (v.isEmpty() || v.equals("kill")) {
      return ParseResult.OK;
    }
    int e = Errnos.parse(v);
    if (e < 0) {
      return ParseResult.ignore("Failed to parse error number, ignoring: " + v);
    }
    return e == 0 ? ParseResult.ignore("Invalid error number, ignoring: " + v) : ParseResult.OK;
  }

  // ---- [Unit] -------------------------------------------------------------------------------

  private static ParseResult documentation(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Words.Result w = Words.split(v, false, false);
    if (!w.ok()) {
      return ParseResult.ignore("Invalid syntax, ignoring: " + v);
    }
    List<String> warnings = new ArrayList<>();
    for (String word : w.words()) {
      String url = Specifiers.expand(word, in.unit());
      if (!urlValid(url)) {
        warnings.add("Invalid URL, ignoring: " + url);
      }
    }
    return ParseResult.words(warnings, w.words().size());
  }

  /** documentation_url_is_valid(): http(s)://, file:/, info: or man: and printable ASCII. */
  private static boolean urlValid(String url) {
    String rest = null;
    for (String p : List.of("http://", "https://", "file:/", "info:", "man:")) {
      if (url.startsWith(p)) {
        rest = url.substring(p.length());
        break;
      }
    }
    return rest != null && !rest.isEmpty() && url.chars().allMatch(c -> c > 32 && c < 127);
  }

  private static final Pattern BUS_ELEMENT = Pattern.compile("[A-Za-z_-][A-Za-z0-9_-]*");

  private static ParseResult busName(Input in) {
    String k = Specifiers.expand(in.value(), in.unit());
    return busNameValid(k)
        ? ParseResult.OK
        : ParseResult.ignore("Invalid bus name, ignoring: " + k);
  }

  /** sd_bus_service_name_is_valid(): a unique name (":1.42") or two or more dotted elements. */
  private static boolean busNameValid(String s) {
    if (s.isEmpty() || s.length() > 255) {
      return false;
    }
    if (s.startsWith(":")) {
      return s.length() > 1 && s.substring(1).matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");
    }
    String[] parts = s.split("\\.", -1);
    if (parts.length < 2) {
      return false;
    }
    for (String p : parts) {
      if (!BUS_ELEMENT.matcher(p).matches()) {
        return false;
      }
    }
    return true;
  }

  private static ParseResult obsoleteDeps(Input in) {
    String replacement = in.key().replace("Overridable", "");
    return ParseResult.notice(
        "Unit dependency type "
            + in.key()
            + "= is obsolete, replacing by "
            + replacement
            + "=, please update your unit file",
        Diagnostic.DEPRECATED);
  }
}
