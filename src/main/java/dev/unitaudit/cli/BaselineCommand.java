package dev.unitaudit.cli;

import dev.unitaudit.app.Baseline;
import dev.unitaudit.app.UsageException;
import dev.unitaudit.report.AuditReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unitaudit baseline}: the unsuppressed findings of an audit, accepted for later --baseline
 * runs.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description =
        "Write the findings of an audit as a baseline: later audits with --baseline fail only on"
            + " new ones.")
public final class BaselineCommand implements Callable<Integer> {

  @Mixin RootOptions selection;
  @Mixin AuditOptions options;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the baseline to FILE (default stdout).")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      AuditSetup setup = AuditSetup.of(selection, options);
      AuditReport report = setup.audit.run(setup.selection);
      for (AuditReport.ErrorEntry e : report.errors()) {
        spec.commandLine()
            .getErr()
            .println(
                "unitaudit baseline: "
                    + (e.unit() == null ? "" : e.unit() + ": ")
                    + (e.file() == null
                        ? ""
                        : e.file() + (e.line() == null ? "" : ":" + e.line()) + ": ")
                    + e.message());
      }
      if (!setup.selection.hasUnits()
          || report.units().stream().allMatch(u -> u.status().equals("not-found"))) {
        // as audit: nothing could be audited is a usage error, not an empty baseline
        spec.commandLine().getErr().println("unitaudit baseline: nothing could be audited");
        return ExitCode.USAGE.code();
      }
      Baseline b = Baseline.of(report);
      String json = b.toJson();
      if (output == null) {
        spec.commandLine().getOut().print(json);
        spec.commandLine().getOut().flush();
      } else {
        Files.writeString(output, json, StandardCharsets.UTF_8);
        spec.commandLine()
            .getErr()
            .println("unitaudit: wrote " + b.findings().size() + " accepted findings to " + output);
      }
      return ExitCode.OK.code();
    } catch (UsageException e) {
      spec.commandLine().getErr().println("unitaudit baseline: " + e.getMessage());
      return ExitCode.USAGE.code();
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println("unitaudit baseline: " + output + ": cannot write: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
  }
}
