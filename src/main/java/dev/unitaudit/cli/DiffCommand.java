package dev.unitaudit.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.diff.DiffRenderer;
import dev.unitaudit.diff.ReportDiff;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.result.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code unitaudit diff OLD.json NEW.json}: what changed between two reports; exit 1 on a
 * regression.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compare two JSON reports (environments, commits); exit 1 when something regressed.")
public final class DiffCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "OLD.json")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW.json")
  Path after;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FMT",
      description = "text (default), json or markdown")
  String format = "text";

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "A new finding at or above SEVERITY is a regression (default: info, i.e. any).")
  String failOn = "info";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Severity sev = Severity.parse(failOn);
    if (sev == null) {
      return usage("--fail-on must be info, low, medium, high or critical");
    }
    if (!format.equals("text") && !format.equals("json") && !format.equals("markdown")) {
      return usage("unknown format '" + format + "' (text, json, markdown)");
    }
    AuditReport a;
    AuditReport b;
    try {
      a = read(before);
      b = read(after);
    } catch (IOException e) {
      return usage(e.getMessage());
    }
    ReportDiff.Result r = ReportDiff.compare(a, b, sev);
    String out =
        switch (format) {
          case "json" -> DiffRenderer.json(r);
          case "markdown" -> DiffRenderer.markdown(r);
          default -> DiffRenderer.text(r);
        };
    spec.commandLine().getOut().print(out);
    spec.commandLine().getOut().flush();
    return r.regressions().isEmpty() ? ExitCode.OK.code() : ExitCode.GATE_FAILED.code();
  }

  private static AuditReport read(Path p) throws IOException {
    AuditReport r;
    try {
      r =
          new ObjectMapper()
              .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(p.toFile(), AuditReport.class);
    } catch (IOException e) {
      throw new IOException(p + ": not a unitaudit JSON report: " + e.getMessage(), e);
    }
    // a baseline, a SARIF file or {} parse too: refuse them here, not with a NullPointerException
    // later
    if (r == null || r.schemaVersion() != AuditReport.SCHEMA_VERSION || r.units() == null) {
      throw new IOException(
          p
              + ": not a unitaudit JSON report (unitaudit audit -f json, schemaVersion "
              + AuditReport.SCHEMA_VERSION
              + ")");
    }
    for (AuditReport.UnitEntry u : r.units()) {
      if (u == null || u.unit() == null || u.findings() == null) {
        throw new IOException(
            p + ": not a unitaudit JSON report: a unit without \"unit\" or \"findings\"");
      }
      for (AuditReport.FindingEntry f : u.findings()) {
        if (f == null || f.rule() == null) {
          throw new IOException(
              p + ": not a unitaudit JSON report: a finding of " + u.unit() + " without \"rule\"");
        }
      }
    }
    return r;
  }

  private int usage(String msg) {
    spec.commandLine().getErr().println("unitaudit diff: " + msg);
    return ExitCode.USAGE.code();
  }
}
