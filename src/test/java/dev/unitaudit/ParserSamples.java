package dev.unitaudit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values to try on each value parser of systemd 252 that unitaudit ports (see
 * dev.unitaudit.model.ValueParsers): for each C parser a valid value, invalid ones, edge cases and
 * values just out of range, so that a differential test against systemd-analyze sees every branch
 * that logs. The values are written verbatim after {@code Key=}.
 */
public final class ParserSamples {

  private ParserSamples() {}

  private static final Map<String, List<String>> SAMPLES = new LinkedHashMap<>();

  private static void put(String parser, String... values) {
    SAMPLES.put(parser, List.of(values));
  }

  static {
    put("config_parse_bool", "yes", "off", "1", "maybe", "", "ON", "2");
    put("config_parse_exec_mount_apivfs", "yes", "", "bogus");
    put(
        "config_parse_unsigned",
        "0",
        "4294967295",
        "4294967296",
        "-1",
        "-0",
        "0x10",
        "010",
        "09",
        "1k",
        "",
        " 7",
        "+3",
        "infinity");
    put("config_parse_tty_size", "80", "", "-1", "abc", "4294967296");
    put("config_parse_int", "0", "-2147483648", "2147483648", "abc", "");
    put("config_parse_long", "-9223372036854775808", "9223372036854775808", "abc", "");
    put(
        "config_parse_sec",
        "5",
        "5s",
        "1min 30s",
        "infinity",
        "0.5d",
        "3.",
        "1p",
        "-1",
        "",
        "18446744073709",
        "18446744073710",
        "9223372036854",
        "1y 2M",
        "5 min",
        "infinityx",
        "12.34.56",
        "+5");
    put("config_parse_sec_def_infinity", "5s", "", "bogus", "infinity", "18446744073710");
    put("config_parse_sec_fix_0", "0", "5s", "bogus", "");
    put(
        "config_parse_nsec",
        "50ns",
        "1",
        "1us",
        "1.5ms",
        "bogus",
        "",
        "18446744073s",
        "18446744074s");
    put("config_parse_mode", "0755", "7777", "10000", "0o755", "+755", "-1", "8", "", "0x1ff");
    put("config_parse_iec_size", "1K", "1.5M", "bogus", "", "-1", "16E");
    put(
        "config_parse_signal",
        "SIGTERM",
        "TERM",
        "9",
        "0",
        "65",
        "RTMIN+3",
        "RTMAX-30",
        "RTMIN+31",
        "SIGIOT",
        "",
        "sigterm");
    put("config_parse_personality", "x86-64", "x86", "", "ppc64", "arm64", "X86");
    put(
        "config_parse_rlimit",
        "infinity",
        "1024",
        "1024:2048",
        "2048:1024",
        "1K",
        "-1",
        "1:2:3",
        "",
        "+5",
        "-20",
        "40",
        "41",
        "1s",
        "abc",
        "18446744073709551615",
        "5:infinity");
    put("config_parse_warn_compat", "yes", "");
    put("config_parse_log_level", "info", "7", "8", "bogus", "");
    put("config_parse_log_facility", "daemon", "local7", "bogus", "");
    put("config_parse_collect_mode", "inactive", "inactive-or-failed", "bogus", "");
    put("config_parse_exec_utmp_mode", "init", "login", "user", "bogus", "");
    put("config_parse_job_mode", "fail", "replace-irreversibly", "triggering", "bogus", "");
    put("config_parse_service_exit_type", "main", "cgroup", "bogus", "");
    put("config_parse_service_timeout_failure_mode", "terminate", "abort", "kill", "bogus", "");
    put("config_parse_oom_policy", "continue", "stop", "kill", "bogus", "");
    put("config_parse_managed_oom_preference", "none", "avoid", "omit", "bogus", "");
    put("config_parse_runtime_preserve_mode", "no", "yes", "restart", "bogus", "");
    put("config_parse_numa_policy", "default", "bind", "bogus", "");
    put("config_parse_exec_io_class", "idle", "best-effort", "2", "4", "8", "9", "bogus", "");
    put(
        "config_parse_exec_cpu_sched_policy",
        "other",
        "rr",
        "5",
        "2147483647",
        "2147483648",
        "-1",
        "bogus",
        "");
    put("config_parse_exec_mount_flags", "shared", "private", "bogus", "");
    put("config_parse_emergency_action", "none", "reboot-force", "exit", "bogus", "");
    put("config_parse_managed_oom_mode", "auto", "kill", "bogus", "");
    put("config_parse_managed_oom_mem_pressure_limit", "50%", "100%", "101%", "bogus", "");
    put(
        "config_parse_memory_limit",
        "1G",
        "infinity",
        "",
        "0",
        "0K",
        "50%",
        "0%",
        "150%",
        "12.5%",
        "-1",
        "1.5G",
        "1G 512M",
        "512M 1G",
        "16E",
        "17179869184G",
        "bogus",
        "5‰",
        "7‱");
    put(
        "config_parse_tasks_max",
        "100",
        "0",
        "infinity",
        "",
        "50%",
        "bogus",
        "-1",
        "18446744073709551615");
    put("config_parse_cpu_quota", "50%", "0%", "200%", "", "-1%", "bogus", "1.5%");
    put("config_parse_cg_weight", "100", "1", "10000", "0", "10001", "", "bogus", "idle");
    put("config_parse_cg_cpu_weight", "100", "idle", "0", "10001", "", "bogus");
    put("config_parse_blockio_weight", "10", "1000", "9", "1001", "", "bogus");
    put("config_parse_cpu_shares", "1024", "1", "2", "262144", "262145", "", "bogus");
    put(
        "config_parse_io_limit",
        "/dev/sda 1M",
        "/dev/sda infinity",
        "/dev/sda",
        "/dev/sda 0",
        "/dev/sda bogus",
        "",
        "dev/sda 1M");
    put("config_parse_blockio_bandwidth", "/dev/sda 1M", "/dev/sda", "/dev/sda bogus", "");
    put(
        "config_parse_io_device_weight",
        "/dev/sda 100",
        "/dev/sda 0",
        "/dev/sda",
        "",
        "/dev/sda x");
    put("config_parse_blockio_device_weight", "/dev/sda 100", "/dev/sda 9", "/dev/sda", "");
    put("config_parse_io_device_latency", "/dev/sda 5ms", "/dev/sda bogus", "/dev/sda", "");
    put("config_parse_allowed_cpuset", "0-3", "0,2", "", "3-1", "bogus", "1-");
    put("config_parse_exec_cpu_affinity", "numa", "0 1", "bogus", "");
    put("config_parse_numa_mask", "all", "0-1", "bogus", "");
    put(
        "config_parse_cgroup_socket_bind",
        "any",
        "ipv4:tcp:80",
        "ipv6:udp:1000-2000",
        "tcp:0",
        "bogus",
        "",
        "65536");
    put(
        "config_parse_set_status",
        "1 2 SIGKILL",
        "DATAERR",
        "SIGIOT",
        "256",
        "",
        "1 bogus 3",
        "\"1");
    put("config_parse_exit_status", "0", "255", "256", "-1", "", "bogus");
    put(
        "config_parse_unit_condition_path",
        "/etc/x",
        "!/etc/x",
        "|!/etc/x",
        "etc/x",
        "",
        "/a/../b",
        "!");
    put("config_parse_unit_requires_mounts_for", "/srv /var", "srv", "/srv/../x", "\"/a b\"", "");
    put("config_parse_namespace_path_strv", "/srv -/x +/y", "srv", "-+/z", "", "/a/../b", "-rel");
    put("config_parse_unit_path_printf", "/dev/tty1", "dev/tty1", "", "/a/../b");
    put("config_parse_colon_separated_paths", "/usr/bin:/bin", "bin", "", "/a:b");
    put(
        "config_parse_temporary_filesystems",
        "/tmp:size=10M",
        "tmp",
        "",
        ":x",
        "/run /var/tmp:mode=0700");
    put("config_parse_bind_paths", "/a:/b", "/a", "a", "/a:b", "-/a:/b:rbind", "/a:/b:bogus", "");
    put("config_parse_mount_images", "/a.raw:/mnt", "a.raw:/mnt", "/a.raw", "");
    put(
        "config_parse_exec_root_hash",
        "/x.roothash",
        "abc",
        "abcd",
        "",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    put("config_parse_exec_root_hash_sig", "/x.sig", "base64:aGVsbG8=", "abc", "", "base64:%%%");
    put("config_parse_exec_cpu_sched_prio", "0", "99", "100", "-1", "", "abc");
    put("config_parse_exec_io_priority", "0", "7", "8", "-1", "", "abc");
    put(
        "config_parse_exec_output",
        "journal",
        "null",
        "syslog",
        "file:/var/log/x",
        "file:x",
        "fd:foo",
        "fd:a:b",
        "bogus",
        "");
    put("config_parse_exec_input", "null", "tty", "data", "file:/x", "fd:foo", "bogus", "");
    put("config_parse_exec_input_data", "aGVsbG8=", "abc", "");
    put("config_parse_environ", "A=1 B=2", "A", "1A=2", "\"A=1 2\"", "", "a>b=c", "A=\\x01");
    put(
        "config_parse_syscall_errno",
        "EPERM",
        "kill",
        "",
        "0",
        "EBOGUS",
        "EHWPOISON",
        "4095",
        "4096");
    put("config_parse_fdname", "foo", "a:b", "");
    put(
        "config_parse_documentation",
        "man:foo(1)",
        "https://x.org",
        "bogus",
        "file:/x",
        "info:",
        "");
    put("config_parse_bus_name", "org.example.Foo", "foo", ":1.2", "org..x", "");
    put("config_parse_obsolete_unit_deps", "network.target", "");
    put("config_parse_job_mode_isolate", "yes", "bogus", "");
    put(
        "config_parse_exec_coredump_filter",
        "default",
        "0x33",
        "private-anonymous elf-headers",
        "bogus",
        "");
    put("config_parse_syscall_log", "@system-service", "~@bogus", "\"x", "", "read write");
    put("config_parse_pass_environ", "A B", "1B", "A=1", "", "\"C D\"");
    put("config_parse_unset_environ", "A A=1", "1B=2", "C", "", "=x");
    put("config_parse_log_extra_fields", "A=1", "A", "b=2", "_A=1", "", "A1=x 9B=2");
    put("config_parse_log_namespace", "ok", "foo/bar", "", ".", "a-b_c.d");
    put("config_parse_working_directory", "/srv", "~", "-/x", "", "rel", "/a/../b", "-~");
    put(
        "config_parse_exec_directories",
        "app",
        "/abs",
        "a/../b",
        "ok:ok2",
        "a:b",
        "private",
        "",
        "a:/x/../y");
    put("config_parse_unit_slice", "system.slice", "bogus", "foo.service", "-.slice", "a-b.slice");
    put("config_parse_service_sockets", "a.socket", "foo.service", "bad!name", "");
    put("config_parse_socket_service", "a.service", "bogus", "a.timer", "x@y.service");
    put("config_parse_trigger_unit", "a.service", "bad", "x.socket");
    put("config_parse_unit_deps", "a.service", "foo", "%z.service", "a@%i.service", "");
    put("config_parse_load_credential", "a:/x", "a/b:/x", "", "a", ".:x");
    put("config_parse_set_credential", "a:xyz", "a/b:xyz", "", "a");
    put("config_parse_restrict_network_interfaces", "eth0", "~lo", "bad/if", "", "123", "a:b");
    put("config_parse_socket_bindtodevice", "eth0", "bad/if", "", "averyveryverylongname");
    put(
        "config_parse_bpf_foreign_program",
        "ingress:/sys/fs/bpf/x",
        "bogus",
        "bogus:/x",
        "egress:rel",
        "");
    put("config_parse_ip_filter_bpf_progs", "/sys/fs/bpf/x", "rel", "");
    put("config_parse_disable_controllers", "cpu io", "bogus", "");
    put("config_parse_root_image_options", "ro", "root:ro", "bogus:ro", "home:rw usr:ro", "");
    put("config_parse_extension_images", "/x.raw", "rel.raw", "-/x.raw", "", "/a.raw:root:ro");
    put("config_parse_exec_input_text", "hello", "a\\qb", "a\\x41", "a\\x4", "a\\101", "a\\18", "");
    put("config_parse_path_spec", "/ok", "rel", "", "/a/../b");
    put(
        "config_parse_socket_listen",
        "80",
        "0",
        "bogus",
        "1.2.3.4:99999",
        "[::1]:80",
        "/run/x.sock",
        "@abs",
        "127.0.0.1:8080",
        "rel",
        "vsock:2:80",
        "");
    put("config_parse_socket_protocol", "udplite", "sctp", "tcp", "bogus", "");
    put("config_parse_socket_timestamping", "off", "us", "nsec", "yes", "bogus", "");
    put("config_parse_timer", "5min", "bogus", "", "daily");
    put("config_parse_swap_priority", "5", "-1", "-2", "32767", "32768", "bogus", "");
    put("config_parse_ip_tos", "low-delay", "throughput", "16", "255", "256", "bogus", "");
    put("config_parse_socket_bind", "both", "ipv6-only", "default", "yes", "bogus", "");
  }

  /** The samples of every ported parser, by C parser name. */
  public static Map<String, List<String>> all() {
    return SAMPLES;
  }
}
