package dev.unitaudit.cli;

import dev.unitaudit.app.Baseline;
import dev.unitaudit.app.Coverage;
import dev.unitaudit.app.Gates;
import dev.unitaudit.app.SeverityFilter;
import dev.unitaudit.app.UsageException;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.report.ErrorLines;
import dev.unitaudit.report.TextOptions;
import dev.unitaudit.report.TextSafety;
import dev.unitaudit.result.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unitaudit [audit]}: load, check, score, report, and apply the CI gates. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Audit systemd units: systemd-analyze's exposure score, the hardening ladder and the rule"
            + " set.")
public final class AuditCommand implements Callable<Integer> {

  @Mixin RootOptions selection;
  @Mixin AuditOptions options;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FMT",
      description =
          "text (the default), json, junit, sarif, markdown, github, prometheus, html,"
              + " codequality; without it, the format of -o FILE follows its extension (.json"
              + " .sarif .xml .md .prom .html .txt)")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE (format from its extension unless -f is given).")
  Path output;

  @Option(
      names = "--report",
      paramLabel = "FMT=FILE",
      description = "Also write FMT to FILE (repeatable).")
  List<String> reports = new ArrayList<>();

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description =
          "Gate: fail when an unsuppressed finding at or above SEVERITY remains (critical, high,"
              + " medium, low, info).")
  String failOn;

  @Option(
      names = "--threshold",
      paramLabel = "N",
      description =
          "Gate: fail when a unit's exposure is above N, systemd's integer 0-100 in tenths (50 ="
              + " 5.0).")
  String threshold;

  @Option(
      names = "--require-level",
      paramLabel = "N",
      description = "Gate: fail when a service meets less than level N.")
  Integer requireLevel;

  @Option(
      names = "--host",
      paramLabel = "NAME",
      description =
          "The host or environment the tree belongs to, written as the report's \"host\""
              + " (unitaudit summary rolls reports up by it).")
  String host;

  @Option(names = "--no-fail", description = "Report only: exit 0 whatever the gates say.")
  boolean noFail;

  @Option(
      names = "--ignore-missing",
      description =
          "A named UNIT that is not found is reported, but does not make the exit code 2.")
  boolean ignoreMissing;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "Findings accepted in this baseline (unitaudit baseline) do not fail; any other finding"
              + " does.")
  Path baseline;

  @Option(
      names = "--min-severity",
      paramLabel = "SEVERITY",
      description =
          "Hide findings below SEVERITY from every report (gates are decided on all of them).")
  String minSeverity;

  @Option(
      names = "--checks",
      description =
          "Text: systemd's table for every service (default: only when one unit is audited).")
  boolean checks;

  @Option(
      names = "--show-suppressed",
      description = "Text: print accepted (suppressed, baseline) findings, not just their count.")
  boolean showSuppressed;

  @Option(
      names = {"-q", "--quiet"},
      description = "Text: print only the totals and the failed gates.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(err);
    } catch (UsageException e) {
      err.println("unitaudit: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
  }

  private int run(PrintWriter err) throws UsageException {
    long tSetup = System.nanoTime();
    AuditSetup setup = AuditSetup.of(selection, options);
    long setupMs = (System.nanoTime() - tSetup) / 1_000_000;
    String failWord =
        failOn != null ? failOn : setup.config != null ? setup.config.config().failOn() : null;
    Severity gateSeverity = failWord == null ? null : severity("--fail-on", failWord);
    Gates gates =
        new Gates(
            gateSeverity,
            threshold(),
            requireLevel(requireLevel),
            baseline == null ? null : baseline.toString());
    Severity shownFrom = minSeverity == null ? null : severity("--min-severity", minSeverity);
    // text everywhere unless asked otherwise: -f, then the -o file's extension, then the config
    String fmt =
        format != null
            ? format
            : output != null && ReportOutputs.formatOf(output) != null
                ? ReportOutputs.formatOf(output)
                : setup.config != null && setup.config.config().format() != null
                    ? setup.config.config().format()
                    : "text";
    ReportOutputs outputs = ReportOutputs.of(fmt, output, reports);
    String hostName = HostName.check(host);
    Baseline accepted = baseline == null ? null : Baseline.read(baseline);
    for (String note : setup.selection.notes()) {
      err.println("unitaudit: " + TextSafety.clean(note));
    }
    for (String w : setup.policyWarnings) { // issue 15: systemd ignores these, so do we
      err.println("unitaudit: warning: --security-policy " + TextSafety.clean(w));
    }
    Coverage before = Coverage.of(setup.selection);
    if (before.nothing()) {
      // an audit of nothing must not pass: a CI job would stay green while auditing no unit
      for (String m : before.messages()) {
        err.println("unitaudit: " + TextSafety.clean(m));
      }
      return ExitCode.USAGE.code();
    }
    long t0 = System.nanoTime();
    AuditReport report = setup.audit.run(setup.selection);
    long t1 = System.nanoTime();
    if (accepted != null) {
      Baseline.Applied applied = accepted.apply(report);
      report = applied.report();
      for (Baseline.Entry e : applied.stale()) {
        // names and messages come from unit files: never let them reach the terminal raw
        err.println(
            "unitaudit: "
                + TextSafety.clean(
                    "baseline entry no longer occurs (fixed?): "
                        + e.unit()
                        + " "
                        + e.rule()
                        + " "
                        + (e.file() == null ? "" : e.file() + " ")
                        + e.message()));
      }
    }
    Coverage coverage = Coverage.of(setup.selection, report);
    // the gates are decided before rendering: the text report ends with the failed ones
    Gates.Outcome verdict = gates.check(report);
    List<String> failures = verdict.failures();
    report =
        SeverityFilter.atLeast(report, shownFrom); // after the gates: hiding never makes one pass
    if (hostName != null) {
      report = report.withHost(hostName);
    }
    TextOptions view =
        new TextOptions(
            quiet,
            checks,
            showSuppressed,
            shownFrom == null ? null : shownFrom.word(),
            verdict.held(),
            failures);
    boolean gatesInStdout =
        outputs.write(report, setup.catalog, view, spec.commandLine().getOut(), Main.stdoutBytes);
    if (System.getenv("UNITAUDIT_TIMING") != null) {
      err.printf(
          "unitaudit: timing: jvm %d ms, setup %d ms, audit %d ms, reports %d ms%n",
          java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
              - setupMs
              - (System.nanoTime() - t0) / 1_000_000,
          setupMs,
          (t1 - t0) / 1_000_000,
          (System.nanoTime() - t1) / 1_000_000);
    }
    if (!outputs.textOnStdout() || quiet) {
      // the full text report lists them itself; with -q or other formats a person reads them here
      for (String line : ErrorLines.all(report.errors())) {
        err.println("unitaudit: " + line);
      }
    }
    for (String m : coverage.messages()) {
      err.println("unitaudit: " + TextSafety.clean(m));
    }
    if (coverage.nothing() || (!coverage.missing().isEmpty() && !ignoreMissing)) {
      return ExitCode.USAGE.code();
    }
    if (!gatesInStdout) { // already the last lines of the text report on stdout
      for (String f : failures) {
        err.println("unitaudit: gate failed: " + TextSafety.clean(f));
      }
    }
    return failures.isEmpty() || noFail ? ExitCode.OK.code() : ExitCode.GATE_FAILED.code();
  }

  private static Severity severity(String option, String s) throws UsageException {
    Severity v = Severity.parse(s);
    if (v == null) {
      throw new UsageException(option + " " + s + ": expected critical, high, medium, low or info");
    }
    return v;
  }

  /** systemd's --threshold: an integer 0..100 in tenths; anything else is a usage error. */
  private Integer threshold() throws UsageException {
    if (threshold == null) {
      return null;
    }
    if (!threshold.matches("[0-9]{1,3}") || Integer.parseInt(threshold) > 100) {
      throw new UsageException(
          "--threshold " + threshold + ": expected an integer 0-100 (tenths: 50 means 5.0)");
    }
    return Integer.parseInt(threshold);
  }

  private static Integer requireLevel(Integer n) throws UsageException {
    if (n != null && (n < 0 || n > 3)) {
      throw new UsageException("--require-level " + n + ": expected 0, 1, 2 or 3");
    }
    return n;
  }
}
