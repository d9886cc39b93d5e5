package dev.unitaudit.model;

import dev.unitaudit.model.Parsers252.Input;
import dev.unitaudit.model.Parsers252.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rest of systemd 252's value parsers: unit references (Slice=, Sockets=, Unit=, Service=),
 * environment and journal names, credentials, interface names, directories, socket addresses and
 * images. Split from {@link Parsers252} only to keep each file readable; same conventions.
 */
final class Parsers252More {

  private Parsers252More() {}

  static void addTo(Map<String, Parser> m) {
    m.put("config_parse_exec_coredump_filter", Parsers252More::coredumpFilter);
    m.put("config_parse_syscall_log", Parsers252More::syscallLog);
    m.put("config_parse_pass_environ", in -> envNames(in, false));
    m.put("config_parse_unset_environ", in -> envNames(in, true));
    m.put("config_parse_log_extra_fields", Parsers252More::logExtraFields);
    m.put("config_parse_log_namespace", Parsers252More::logNamespace);
    m.put("config_parse_working_directory", Parsers252More::workingDirectory);
    m.put("config_parse_exec_directories", Parsers252More::directories);
    m.put("config_parse_unit_slice", Parsers252More::slice);
    m.put("config_parse_service_sockets", Parsers252More::sockets);
    m.put("config_parse_socket_service", Parsers252More::socketService);
    m.put("config_parse_trigger_unit", Parsers252More::triggerUnit);
    m.put("config_parse_unit_deps", Parsers252More::deps);
    m.put("config_parse_load_credential", Parsers252More::credential);
    m.put("config_parse_set_credential", Parsers252More::credential);
    m.put("config_parse_restrict_network_interfaces", Parsers252More::interfaces);
    m.put(
        "config_parse_socket_bindtodevice",
        in ->
            in.value().isEmpty() || in.value().equals("*") || ifnameValid(in.value(), false)
                ? ParseResult.OK
                : ParseResult.ignore("Invalid interface name, ignoring: " + in.value()));
    m.put("config_parse_bpf_foreign_program", Parsers252More::bpfProgram);
    m.put("config_parse_ip_filter_bpf_progs", Parsers252More::bpfPaths);
    m.put("config_parse_disable_controllers", Parsers252More::disableControllers);
    m.put("config_parse_root_image_options", Parsers252More::rootImageOptions);
    m.put("config_parse_extension_images", Parsers252More::extensionImages);
    m.put("config_parse_exec_input_text", Parsers252More::inputText);
    m.put("config_parse_path_spec", Parsers252More::pathSpec);
    m.put("config_parse_socket_listen", Parsers252More::listen);
    m.put(
        "config_parse_socket_protocol",
        in ->
            Set.of("udplite", "sctp").contains(in.value())
                ? ParseResult.OK
                : ParseResult.ignore("Failed to parse socket protocol, ignoring: " + in.value()));
    m.put(
        "config_parse_socket_timestamping",
        in ->
            Values.parseBoolean(in.value()) != null
                    || Set.of("off", "us", "usec", "µs", "ns", "nsec").contains(in.value())
                ? ParseResult.OK
                : ParseResult.ignore(
                    "Failed to parse timestamping precision, ignoring: " + in.value()));
    m.put("config_parse_timer", Parsers252More::timer);
    m.put("config_parse_swap_priority", Parsers252More::swapPriority);
  }

  private static ParseResult swapPriority(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    CValues.Parsed p = CValues.safeAtoi(v, 32);
    if (!p.ok()) {
      return ParseResult.ignore("Invalid swap priority '" + v + "', ignoring.");
    }
    if (p.value() < -1) {
      return ParseResult.ignore(
          "Sorry, swap priorities smaller than -1 may only be assigned by the kernel itself,"
              + " ignoring: "
              + v);
    }
    return p.value() > 32767
        ? ParseResult.ignore("Swap priority out of range, ignoring: " + v)
        : ParseResult.OK;
  }

  /** Unit specifiers unit_printf() and unit_path_printf() know; any other fails the value. */
  private static final String SPECIFIERS = "aAbBCdEfgGhHiIjJlLmMnNopPqsStTuUvVwWyY%";

  /** Whether specifier expansion fails on {@code s} (-EBADSLT, "Invalid slot"). */
  static boolean badSpecifier(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%') {
        if (i + 1 >= s.length() || SPECIFIERS.indexOf(s.charAt(i + 1)) < 0) {
          return true;
        }
        i++;
      }
    }
    return false;
  }

  private static final Set<String> COREDUMP_FILTERS =
      Set.of(
          "private-anonymous",
          "shared-anonymous",
          "private-file-backed",
          "shared-file-backed",
          "elf-headers",
          "private-huge",
          "shared-huge",
          "private-dax",
          "shared-dax",
          "all",
          "default");

  private static ParseResult coredumpFilter(Input in) {
    for (String w : Words.splitPlain(in.value())) {
      boolean hex = w.matches("(0[xX])?[0-9a-fA-F]{1,16}");
      if (!COREDUMP_FILTERS.contains(w) && !hex) {
        return ParseResult.ignore(
            "Failed to parse the CoredumpFilter=" + in.value() + ", ignoring: Invalid argument");
      }
    }
    return ParseResult.OK;
  }

  private static final Pattern SYSCALL_NAME = Pattern.compile("[a-z0-9_]+");

  /** SystemCallLog=: groups and names as SystemCallFilter= has them, without errno. */
  private static ParseResult syscallLog(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    List<String> warnings = new ArrayList<>();
    for (String w : Words.splitPlain(v.startsWith("~") ? v.substring(1) : v)) {
      if (w.startsWith("@")) {
        if (!SystemdNames.SYSCALL_GROUPS.contains(w)) {
          warnings.add("Unknown system call group, ignoring: " + w);
        }
      } else if (!SYSCALL_NAME.matcher(w).matches()) {
        warnings.add("Failed to parse system call, ignoring: " + w);
      }
    }
    return ParseResult.apply(warnings);
  }

  private static ParseResult envNames(Input in, boolean assignments) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Words.Result w = Words.split(v, true, false);
    if (!w.ok()) {
      return ParseResult.ignore("Trailing garbage in " + in.key() + ", ignoring: " + v);
    }
    List<String> warnings = new ArrayList<>();
    for (String word : w.words()) {
      String k = Specifiers.expand(word, in.unit());
      int eq = k.indexOf('=');
      boolean ok =
          assignments && eq >= 0
              ? Parsers252.ENV_NAME.matcher(k.substring(0, eq)).matches()
              : Parsers252.ENV_NAME.matcher(k).matches();
      if (!ok) {
        warnings.add(
            assignments
                ? "Invalid environment name or assignment " + in.key() + ", ignoring: " + k
                : "Invalid environment name for " + in.key() + ", ignoring: " + k);
      }
    }
    return ParseResult.words(warnings, w.words().size());
  }

  private static final Pattern JOURNAL_FIELD = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");

  private static ParseResult logExtraFields(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Words.Result w = Words.split(v, true, false);
    if (!w.ok()) {
      return ParseResult.ignore("Invalid syntax, ignoring: " + v);
    }
    List<String> warnings = new ArrayList<>();
    for (String word : w.words()) {
      String k = Specifiers.expand(word, in.unit());
      int eq = k.indexOf('=');
      if (eq < 0) {
        warnings.add("Log field lacks '=' character, ignoring: " + k);
      } else if (!JOURNAL_FIELD.matcher(k.substring(0, eq)).matches() || k.startsWith("_")) {
        warnings.add("Log field name is invalid, ignoring: " + k);
      }
    }
    return ParseResult.words(warnings, w.words().size());
  }

  /** log_namespace_name_valid(): a file name of at most 31 safe ASCII characters. */
  private static ParseResult logNamespace(Input in) {
    String k = Specifiers.expand(in.value(), in.unit());
    boolean ok =
        k.isEmpty()
            || (k.length() <= 31
                && !k.equals(".")
                && !k.equals("..")
                && k.chars()
                    .allMatch(
                        c -> c > 32 && c < 127 && c != '/' && c != '\'' && c != '"' && c != '\\'));
    return ok
        ? ParseResult.OK
        : ParseResult.ignore("Specified log namespace name is not valid, ignoring: " + k);
  }

  /**
   * WorkingDirectory=: "~", or an absolute path, optionally "-"-prefixed; anything else is fatal.
   */
  private static ParseResult workingDirectory(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    String p = v.startsWith("-") ? v.substring(1) : v;
    if (p.equals("~")) {
      return ParseResult.OK;
    }
    String problem = Parsers252.pathProblem(in.key(), Specifiers.expand(p, in.unit()), true, true);
    return problem == null ? ParseResult.OK : ParseResult.fatal(problem);
  }

  /**
   * StateDirectory= and friends: relative, normalized names, optionally ":DEST" (not
   * Configuration).
   */
  private static ParseResult directories(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Words.Result w = Words.split(v, false, false);
    if (!w.ok()) {
      return Parsers252.invalidSyntax(in);
    }
    List<String> warnings = new ArrayList<>();
    for (String tuple : w.words()) {
      String[] parts = tuple.split(":", 2);
      String src = Specifiers.expand(parts[0], in.unit());
      String problem = relative(in.key(), src);
      if (problem == null && (src.equals("private") || src.startsWith("private/"))) {
        problem = in.key() + "= path can't be 'private', ignoring assignment: " + tuple;
      }
      if (problem == null && parts.length > 1) {
        if (in.key().equals("ConfigurationDirectory")) {
          problem =
              "Destination parameter is not supported for ConfigurationDirectory, ignoring: "
                  + tuple;
        } else {
          problem = relative(in.key(), Specifiers.expand(parts[1], in.unit()));
        }
      }
      if (problem != null) {
        warnings.add(problem);
      }
    }
    return ParseResult.words(warnings, w.words().size());
  }

  /** path_simplify_and_warn(PATH_CHECK_RELATIVE). */
  private static String relative(String key, String path) {
    if (path.startsWith("/")) {
      return key + "= path is absolute, ignoring: " + path;
    }
    return Parsers252.pathProblem(key, path, false, false);
  }

  private static ParseResult slice(Input in) {
    String k = Specifiers.expand(in.value(), in.unit());
    UnitName n = UnitName.parse(k);
    if (n == null) {
      return ParseResult.ignore(
          "Failed to load slice unit " + k + ", ignoring: Unit name " + k + " is not valid.");
    }
    if (n.type() != UnitType.SLICE
        || (in.unit() != null
            && in.unit().type() == UnitType.SLICE
            && !k.equals(parentSlice(in.unit().name())))) {
      String self = in.unit() == null ? "" : in.unit().name();
      return ParseResult.ignore(
          "Failed to assign slice " + k + " to unit " + self + ", ignoring: Invalid argument");
    }
    return ParseResult.OK;
  }

  /** slice_build_parent_slice(): "a-b-c.slice" lives in "a-b.slice", "a.slice" in "-.slice". */
  private static String parentSlice(String slice) {
    String prefix = slice.substring(0, slice.length() - ".slice".length());
    int dash = prefix.lastIndexOf('-');
    return dash <= 0 ? "-.slice" : prefix.substring(0, dash) + ".slice";
  }

  private static ParseResult sockets(Input in) {
    List<String> warnings = new ArrayList<>();
    Words.Result w = Words.split(in.value(), false, false);
    if (!w.ok()) {
      return ParseResult.ignore("Trailing garbage in sockets, ignoring: " + in.value());
    }
    for (String word : w.words()) {
      String k = Specifiers.expand(word, in.unit());
      if (!k.endsWith(".socket")) {
        warnings.add("Unit must be of type socket, ignoring: " + k);
      }
    }
    return ParseResult.words(warnings, w.words().size());
  }

  private static ParseResult socketService(Input in) {
    String k = Specifiers.expand(in.value(), in.unit());
    return k.endsWith(".service")
        ? ParseResult.OK
        : ParseResult.ignore("Unit must be of type service, ignoring: " + in.value());
  }

  private static ParseResult triggerUnit(Input in) {
    String p = Specifiers.expand(in.value(), in.unit());
    UnitName n = UnitName.parse(p);
    if (n == null || n.type() == null) {
      return ParseResult.ignore("Unit type not valid, ignoring: " + in.value());
    }
    if (in.unit() != null && p.equals(in.unit().name())) {
      return ParseResult.ignore("Units cannot trigger themselves, ignoring: " + in.value());
    }
    return ParseResult.OK;
  }

  /** Dependencies: offline, only a specifier that does not resolve is logged. */
  private static ParseResult deps(Input in) {
    List<String> warnings = new ArrayList<>();
    for (String word : Words.split(in.value(), false, true).words()) {
      if (badSpecifier(word)) {
        warnings.add("Failed to resolve unit specifiers in '" + word + "', ignoring: Invalid slot");
      }
    }
    return ParseResult.apply(warnings);
  }

  /** LoadCredential=/SetCredential=: the ID before ':' must be a valid file name. */
  private static ParseResult credential(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    int colon = v.indexOf(':');
    String k = Specifiers.expand(colon < 0 ? v : v.substring(0, colon), in.unit());
    boolean ok =
        !k.isEmpty() && k.length() <= 255 && !k.contains("/") && !k.equals(".") && !k.equals("..");
    if (!ok) {
      return ParseResult.ignore("Credential name \"" + k + "\" not valid, ignoring.");
    }
    if (colon < 0 && in.key().startsWith("Set")) {
      return ParseResult.ignore("Invalid syntax, ignoring: " + v);
    }
    if (in.key().equals("SetCredentialEncrypted") && !Parsers252.base64(v.substring(colon + 1))) {
      return ParseResult.ignore("Encrypted credential data not valid Base64 data, ignoring.");
    }
    return ParseResult.OK;
  }

  /** ifname_valid_full(): not "." or "..", no '/', ':' or space, not all digits, short. */
  static boolean ifnameValid(String p, boolean alternative) {
    int max = alternative ? 127 : 15;
    return !p.isEmpty()
        && p.length() <= max
        && !p.equals(".")
        && !p.equals("..")
        && !p.matches("[0-9]+")
        && p.chars().allMatch(c -> c > 32 && c < 127 && c != '/' && c != ':');
  }

  private static ParseResult interfaces(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    List<String> warnings = new ArrayList<>();
    for (String word : Words.split(v.startsWith("~") ? v.substring(1) : v, false, true).words()) {
      if (!ifnameValid(word, true)) {
        warnings.add("Invalid interface name, ignoring: " + word);
      }
    }
    return ParseResult.apply(warnings);
  }

  private static final Set<String> BPF_ATTACH =
      Set.of(
          "ingress",
          "egress",
          "sock_create",
          "sock_ops",
          "device",
          "bind4",
          "bind6",
          "connect4",
          "connect6",
          "post_bind4",
          "post_bind6",
          "sendmsg4",
          "sendmsg6",
          "sysctl",
          "recvmsg4",
          "recvmsg6",
          "getsockopt",
          "setsockopt");

  private static ParseResult bpfProgram(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    int colon = v.indexOf(':');
    if (colon < 0 || colon == v.length() - 1) {
      return ParseResult.ignore("Invalid syntax in " + in.key() + "=, ignoring: " + v);
    }
    String type = v.substring(0, colon);
    if (!BPF_ATTACH.contains(type)) {
      return ParseResult.ignore("Unknown BPF attach type=" + type + ", ignoring: " + v);
    }
    String problem =
        Parsers252.pathProblem(
            in.key(), Specifiers.expand(v.substring(colon + 1), in.unit()), true, false);
    return problem == null ? ParseResult.OK : ParseResult.ignore(problem);
  }

  private static ParseResult bpfPaths(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    String problem = Parsers252.pathProblem(in.key(), Specifiers.expand(v, in.unit()), true, false);
    return problem == null ? ParseResult.OK : ParseResult.ignore(problem);
  }

  private static ParseResult disableControllers(Input in) {
    for (String w : Words.splitPlain(in.value())) {
      if (!SystemdNames.CONTROLLERS.contains(w)) {
        return ParseResult.ignore("Invalid cgroup string: " + in.value() + ", ignoring");
      }
    }
    return ParseResult.OK;
  }

  private static final Set<String> PARTITIONS =
      Set.of(
          "root",
          "root-secondary",
          "root-other",
          "usr",
          "usr-secondary",
          "usr-other",
          "home",
          "srv",
          "esp",
          "xbootldr",
          "swap",
          "root-verity",
          "root-secondary-verity",
          "root-other-verity",
          "usr-verity",
          "usr-secondary-verity",
          "usr-other-verity",
          "root-verity-sig",
          "root-secondary-verity-sig",
          "root-other-verity-sig",
          "usr-verity-sig",
          "usr-secondary-verity-sig",
          "usr-other-verity-sig",
          "tmp",
          "var");

  private static ParseResult rootImageOptions(Input in) {
    List<String> warnings = new ArrayList<>();
    for (String w : Words.split(in.value(), false, true).words()) {
      int colon = w.indexOf(':');
      String partition = colon < 0 ? "root" : w.substring(0, colon);
      if (!PARTITIONS.contains(partition)) {
        warnings.add("Invalid partition name " + partition + ", ignoring");
      }
    }
    return ParseResult.apply(warnings);
  }

  private static ParseResult extensionImages(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    Words.Result w = Words.split(v, false, false);
    if (!w.ok()) {
      return Parsers252.invalidSyntax(in);
    }
    List<String> warnings = new ArrayList<>();
    for (String word : w.words()) {
      String src = word.split(":", 2)[0];
      if (src.startsWith("-")) {
        src = src.substring(1);
      }
      String problem =
          Parsers252.pathProblem(in.key(), Specifiers.expand(src, in.unit()), true, false);
      if (problem != null) {
        warnings.add(problem);
      }
    }
    return ParseResult.words(warnings, w.words().size());
  }

  /** cunescape(): the escapes C and systemd know, else EINVAL. */
  private static ParseResult inputText(Input in) {
    String v = in.value();
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) != '\\') {
        continue;
      }
      if (i + 1 >= v.length()) {
        return badText(v);
      }
      char c = v.charAt(++i);
      int hex = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
      if (hex > 0) {
        for (int k = 1; k <= hex; k++) {
          if (i + k >= v.length() || Character.digit(v.charAt(i + k), 16) < 0) {
            return badText(v);
          }
        }
        i += hex;
      } else if (c >= '0' && c <= '7') {
        for (int k = 1; k <= 2; k++) {
          if (i + k >= v.length() || v.charAt(i + k) < '0' || v.charAt(i + k) > '7') {
            return badText(v);
          }
        }
        i += 2;
      } else if ("abfnrtv\\\"'s".indexOf(c) < 0) {
        return badText(v);
      }
    }
    return ParseResult.OK;
  }

  private static ParseResult badText(String v) {
    return ParseResult.ignore(
        "Failed to decode C escaped text '" + v + "', ignoring: Invalid argument");
  }

  private static ParseResult pathSpec(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    String problem = Parsers252.pathProblem(in.key(), Specifiers.expand(v, in.unit()), true, false);
    return problem == null ? ParseResult.OK : ParseResult.ignore(problem);
  }

  private static final Pattern PORT = Pattern.compile("[0-9]+");

  /** Listen*=: paths for FIFOs and specials; addresses for the socket kinds. */
  private static ParseResult listen(Input in) {
    String v = in.value();
    if (v.isEmpty()) {
      return ParseResult.OK;
    }
    String key = in.key();
    if (Set.of("ListenFIFO", "ListenSpecial", "ListenMessageQueue", "ListenUSBFunction")
        .contains(key)) {
      String problem = Parsers252.pathProblem(key, Specifiers.expand(v, in.unit()), true, false);
      return problem == null ? ParseResult.OK : ParseResult.ignore(problem);
    }
    if (key.equals("ListenNetlink")) {
      return netlink(Specifiers.expand(v, in.unit()));
    }
    String k = Specifiers.expand(v, in.unit());
    int err = addressError(k);
    return err == 0
        ? ParseResult.OK
        : ParseResult.ignore(
            "Failed to parse address value in '" + k + "', ignoring: " + CValues.strerror(err));
  }

  private static final Set<String> NETLINK_FAMILIES =
      Set.of(
          "route",
          "firewall",
          "inet-diag",
          "nflog",
          "xfrm",
          "selinux",
          "iscsi",
          "audit",
          "fib-lookup",
          "connector",
          "netfilter",
          "ip6-fw",
          "dnrtmsg",
          "kobject-uevent",
          "generic",
          "scsitransport",
          "ecryptfs",
          "rdma",
          "crypto",
          "smc");

  /** socket_address_parse_netlink(): "FAMILY [GROUP]", a family name or number. */
  private static ParseResult netlink(String k) {
    String[] w = k.strip().split("[ \t]+");
    boolean ok =
        w.length <= 2
            && (NETLINK_FAMILIES.contains(w[0]) || CValues.safeAtoi(w[0], 32).ok())
            && (w.length == 1 || CValues.safeAtou(w[1], 0, 32, false).ok());
    return ok
        ? ParseResult.OK
        : ParseResult.ignore(
            "Failed to parse address value in '" + k + "', ignoring: Invalid argument");
  }

  /** socket_address_parse(): the errno for a bad address, 0 for a good one. */
  private static int addressError(String s) {
    if (s.startsWith("/") || s.startsWith("@")) {
      return 0;
    }
    if (s.startsWith("vsock:")) {
      return s.matches("vsock:[0-9]*:[0-9]+") ? 0 : CValues.EINVAL;
    }
    String port;
    if (s.startsWith("[")) {
      int close = s.indexOf("]:");
      if (close < 0) {
        return CValues.EINVAL;
      }
      port = s.substring(close + 2);
    } else {
      int colon = s.lastIndexOf(':');
      port = colon < 0 ? s : s.substring(colon + 1);
      if (colon >= 0 && InetAddresses.prefix(s.substring(0, colon)) == null) {
        return CValues.EINVAL;
      }
    }
    if (!PORT.matcher(port).matches()) {
      return CValues.EINVAL;
    }
    if (port.length() > 5 || Integer.parseInt(port) > 65535) {
      return CValues.ERANGE;
    }
    return Integer.parseInt(port) == 0 ? CValues.EINVAL : 0;
  }

  /** OnBootSec= and the other monotonic timers; OnCalendar= is not validated (see README). */
  private static ParseResult timer(Input in) {
    String v = in.value();
    if (v.isEmpty() || in.key().equals("OnCalendar")) {
      return ParseResult.OK;
    }
    String k = Specifiers.expand(v, in.unit());
    return CValues.parseSec(k).ok()
        ? ParseResult.OK
        : ParseResult.ignore("Failed to parse timer value, ignoring: " + k);
  }
}
