package dev.unitaudit.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.unitaudit.report.AuditReport.CheckEntry;
import dev.unitaudit.report.AuditReport.ErrorEntry;
import dev.unitaudit.report.AuditReport.FindingEntry;
import dev.unitaudit.report.AuditReport.Suppressed;
import dev.unitaudit.report.AuditReport.UnitEntry;
import dev.unitaudit.result.Severity;
import dev.unitaudit.rules.Rule;
import dev.unitaudit.rules.RuleCatalog;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reports written by hand for the reporter tests: built as values, not by auditing a tree, so the
 * reporters are shown to render what the report holds and nothing else.
 */
final class SampleReports {

  /** Characters a unit file can carry that every format must neutralise. */
  static final String HOSTILE =
      "a|b `c` 50% x,y:z ]]> <b>&amp;</b> \"q\" 'a' \\n"
          + "\u001b[31mred\u001b[0m\u0007\u0000\r\n"
          + "next line\tcaf\u00e9 \ud83d\ude00 \u202eevil\u202c \u2028 \ud800 \ufffe"
          + " *_[l](http://x)_* ~~s~~ # h";

  private SampleReports() {}

  static AuditReport.Tool tool() {
    return new AuditReport.Tool("unitaudit", "1.2.3");
  }

  /** The catalog the tests render with; UA1003 and UA9001 are deliberately missing from it. */
  static RuleCatalog catalog() {
    return new RuleCatalog(
        List.of(
            rule(
                "UA1001",
                "no-new-privileges",
                "Service can gain new privileges",
                Severity.HIGH,
                1,
                "hardening",
                "NoNewPrivileges=yes stops setuid escalation.",
                List.of("[Service]", "NoNewPrivileges=yes"),
                "https://www.freedesktop.org/software/systemd/man/252/systemd.exec.html#NoNewPrivileges="),
            rule(
                "UA1002",
                "private-tmp",
                "Service shares /tmp",
                Severity.MEDIUM,
                1,
                "hardening",
                "PrivateTmp=yes gives the service its own /tmp.",
                List.of("[Service]", "PrivateTmp=yes"),
                "https://www.freedesktop.org/software/systemd/man/252/systemd.exec.html#PrivateTmp="),
            rule(
                "UA5001",
                "calendar-timer-not-persistent",
                "Calendar timer skips the runs it missed",
                Severity.LOW,
                null,
                "timers",
                "Persistent=yes catches up missed runs.",
                List.of("[Timer]", "Persistent=yes"),
                "https://www.freedesktop.org/software/systemd/man/252/systemd.timer.html#Persistent="),
            rule(
                "UA7001",
                "secret-on-command-line",
                "Secret on the command line",
                Severity.CRITICAL,
                null,
                "secrets",
                "Command lines are world-readable in /proc.",
                List.of("# move the secret to LoadCredential="),
                "https://www.freedesktop.org/software/systemd/man/252/systemd.exec.html#Credentials")));
  }

  private static Rule rule(
      String id,
      String name,
      String title,
      Severity severity,
      Integer level,
      String family,
      String rationale,
      List<String> fix,
      String docs) {
    return new Rule(
        id,
        name,
        title,
        severity,
        level,
        List.of("service", "timer"),
        "test",
        null,
        JsonNodeFactory.instance.objectNode(),
        "${unit}",
        rationale,
        fix,
        fix.get(0).startsWith("#")
            ? dev.unitaudit.result.FixKind.MANUAL
            : dev.unitaudit.result.FixKind.DROPIN,
        false,
        java.util.Map.of(),
        docs,
        family,
        Rule.SCOPE_ALL,
        "test:1");
  }

  /**
   * Everyday shapes: a service with a failing, a file-level and a suppressed finding; a timer that
   * passes; a unit not found; a masked unit; a unit systemd refuses; a tree error.
   */
  static AuditReport typical() {
    UnitEntry nginx =
        new UnitEntry(
            "nginx.service",
            List.of("http.service"),
            "service",
            "loaded",
            "Web server",
            "etc/systemd/system/nginx.service",
            List.of("etc/systemd/system/nginx.service.d/override.conf"),
            new BigDecimal("9.2"),
            "UNSAFE",
            0,
            List.of(
                new CheckEntry(
                    "NoNewPrivileges=",
                    "NoNewPrivileges",
                    false,
                    new BigDecimal("0.2"),
                    "Service processes may acquire new privileges")),
            List.of(
                new FindingEntry(
                    "UA1001",
                    "Service can gain new privileges",
                    "high",
                    1,
                    "NoNewPrivileges= is unset",
                    "etc/systemd/system/nginx.service",
                    7,
                    "[Service]\nNoNewPrivileges=yes",
                    null),
                new FindingEntry(
                    "UA1002",
                    "Service shares /tmp",
                    "medium",
                    1,
                    "PrivateTmp= is unset",
                    "etc/systemd/system/nginx.service.d/override.conf",
                    3,
                    "[Service]\nPrivateTmp=yes",
                    new Suppressed(
                        "inline",
                        "nginx needs the shared /tmp for the upload cache",
                        "2099-12-31")),
                new FindingEntry(
                    "UA1003",
                    "Service can write to the OS",
                    "high",
                    2,
                    "ProtectSystem= is unset",
                    "/etc/systemd/system/nginx.service",
                    null,
                    "[Service]\nProtectSystem=strict",
                    null),
                new FindingEntry(
                    "UA7001",
                    "Secret on the command line",
                    "critical",
                    null,
                    "ExecStart= passes --password on the command line",
                    null,
                    null,
                    "",
                    null),
                new FindingEntry(
                    "UA7001",
                    "Secret on the command line",
                    "critical",
                    null,
                    "ExecStartPre= passes --token on the command line",
                    "etc/systemd/system/nginx.service",
                    9,
                    "",
                    null)),
            List.of("UA1001", "UA1002", "UA1003", "UA7001"),
            null);
    UnitEntry timer =
        new UnitEntry(
            "backup.timer",
            List.of(),
            "timer",
            "loaded",
            null,
            "usr/lib/systemd/system/backup.timer",
            List.of(),
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of("UA5001"),
            null);
    UnitEntry configSuppressed =
        new UnitEntry(
            "worker@1.service",
            List.of(),
            "service",
            "loaded",
            null,
            "etc/systemd/system/worker@.service",
            List.of(),
            new BigDecimal("1.4"),
            "OK",
            3,
            List.of(),
            List.of(
                new FindingEntry(
                    "UA5001",
                    "Calendar timer skips the runs it missed",
                    "low",
                    null,
                    "Persistent= unset",
                    "etc/systemd/system/worker@.service",
                    4,
                    "[Timer]\nPersistent=yes",
                    new Suppressed("config", "accepted for workers", null))),
            List.of("UA5001"),
            null);
    UnitEntry missing =
        new UnitEntry(
            "gone.service",
            List.of(),
            "service",
            "not-found",
            null,
            null,
            List.of(),
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null);
    UnitEntry masked =
        new UnitEntry(
            "off.service",
            List.of(),
            "service",
            "masked",
            null,
            null,
            List.of(),
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null);
    UnitEntry refused =
        new UnitEntry(
            "bad.service",
            List.of(),
            "service",
            "bad-setting",
            null,
            "etc/systemd/system/bad.service",
            List.of(),
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null);
    return new AuditReport(
        1,
        tool(),
        List.of(nginx, timer, configSuppressed, missing, masked, refused),
        List.of(
            new ErrorEntry("gone.service", null, null, "Unit gone.service not found."),
            new ErrorEntry(
                "bad.service",
                "etc/systemd/system/bad.service",
                5,
                "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing."),
            new ErrorEntry(
                null, "etc/systemd/system/broken.service", 3, "Missing '=', ignoring line.")));
  }

  /** Hostile text in every field a unit file or a path can fill. */
  static AuditReport hostile() {
    String name = "h\u001bx|%,:@caf\u00e9 ]]>&.service";
    UnitEntry u =
        new UnitEntry(
            name,
            List.of(HOSTILE),
            "service",
            "loaded",
            HOSTILE,
            "etc/systemd/system/we ird%,:|#?&\u00e9.service",
            List.of("etc/systemd/system/x.d/" + HOSTILE + ".conf"),
            new BigDecimal("10.0"),
            "DANGEROUS",
            0,
            List.of(),
            List.of(
                new FindingEntry(
                    "UA1001",
                    "Service can gain new privileges",
                    "high",
                    1,
                    HOSTILE,
                    "etc/systemd/system/we ird%,:|#?&\u00e9.service",
                    2,
                    "[Service]\n" + HOSTILE,
                    null),
                new FindingEntry(
                    "UA9001",
                    HOSTILE,
                    "info",
                    null,
                    "user rule: " + HOSTILE,
                    "/" + HOSTILE,
                    1,
                    HOSTILE,
                    new Suppressed("baseline", HOSTILE, null))),
            List.of("UA1001", "UA9001"),
            null);
    return new AuditReport(
        1, tool(), List.of(u), List.of(new ErrorEntry(HOSTILE, HOSTILE, 12, HOSTILE)));
  }

  /** Nothing audited at all. */
  static AuditReport empty() {
    return new AuditReport(1, tool(), List.of(), List.of());
  }
}
