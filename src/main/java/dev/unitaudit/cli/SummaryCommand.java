package dev.unitaudit.cli;

import dev.unitaudit.app.Version;
import dev.unitaudit.fleet.Summarize;
import dev.unitaudit.fleet.Summary;
import dev.unitaudit.fleet.SummaryException;
import dev.unitaudit.fleet.SummaryMarkdown;
import dev.unitaudit.fleet.SummaryText;
import dev.unitaudit.report.Json;
import dev.unitaudit.report.TextSafety;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code unitaudit summary REPORT.json…}: many hosts' reports rolled up (dev.unitaudit.fleet). Exit
 * 0, or 2 when a file named is not a report (the others are still summarised) or the {@code
 * --since} summary is unreadable.
 */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description =
        "Roll up many hosts' JSON reports: per unit, per host, per rule, and with --since what"
            + " moved.")
public final class SummaryCommand implements Callable<Integer> {

  @Parameters(paramLabel = "REPORT.json", arity = "1..*", description = "Audit reports (-f json).")
  List<Path> reports = new ArrayList<>();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FMT",
      description = "text (default), json or markdown")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the summary to FILE (format from its extension unless -f is given).")
  Path output;

  @Option(
      names = "--since",
      paramLabel = "OLD_SUMMARY.json",
      description = "A summary written earlier with -f json: list what improved and regressed.")
  Path since;

  @Spec CommandSpec spec;

  private static final List<String> FORMATS = List.of("text", "json", "markdown");

  @Override
  public Integer call() {
    String fmt =
        format != null
            ? format.toLowerCase(Locale.ROOT)
            : output != null && ReportOutputs.formatOf(output) != null
                ? ReportOutputs.formatOf(output)
                : "text";
    if (!FORMATS.contains(fmt)) {
      return usage("unknown format '" + fmt + "' (" + String.join(", ", FORMATS) + ")");
    }
    Summarize.Outcome outcome;
    try {
      outcome = Summarize.run(reports, since, Version.get());
    } catch (SummaryException e) {
      return usage(e.getMessage());
    }
    try {
      write(outcome.summary(), fmt);
    } catch (IOException e) {
      return usage(
          (output == null ? "stdout" : output.toString()) + ": cannot write: " + e.getMessage());
    }
    for (String r : outcome.rejected()) {
      spec.commandLine().getErr().println("unitaudit summary: " + TextSafety.clean(r));
    }
    return outcome.rejected().isEmpty() ? ExitCode.OK.code() : ExitCode.USAGE.code();
  }

  private int usage(String msg) {
    spec.commandLine().getErr().println("unitaudit summary: " + TextSafety.clean(msg));
    return ExitCode.USAGE.code();
  }

  /** JSON is streamed (a fleet's summary is megabytes); the other views are rendered whole. */
  private void write(Summary summary, String fmt) throws IOException {
    if (fmt.equals("json") && output != null) {
      try (OutputStream out = Files.newOutputStream(output)) {
        Json.write(summary, out);
      }
      return;
    }
    if (fmt.equals("json") && Main.stdoutBytes != null) {
      Json.write(summary, Main.stdoutBytes);
      Main.stdoutBytes.flush();
      return;
    }
    String text =
        switch (fmt) {
          case "json" -> Json.write(summary);
          case "markdown" -> SummaryMarkdown.render(summary);
          default -> SummaryText.render(summary);
        };
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
  }
}
