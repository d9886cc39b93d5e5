package dev.unitaudit.cli;

import dev.unitaudit.app.UsageException;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.report.Json;
import dev.unitaudit.report.Reporter;
import dev.unitaudit.report.Reporters;
import dev.unitaudit.report.TextOptions;
import dev.unitaudit.rules.RuleCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one audit's report goes: the main format to stdout or {@code -o FILE}, and every {@code
 * --report FORMAT=FILE}. JSON is streamed; the text report ends with the totals and the gates. A
 * report that cannot be written is a usage error (exit 2), never a silent loss.
 */
final class ReportOutputs {

  /** One output: a format and a file, or null for stdout. */
  record Output(String format, String file) {}

  private final List<Output> outputs;

  private ReportOutputs(List<Output> outputs) {
    this.outputs = outputs;
  }

  /** The format a report file's name implies (-o without -f), or null for an unknown extension. */
  static String formatOf(Path file) {
    String n =
        file.getFileName() == null
            ? ""
            : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    String[][] byExtension = {
      {".json", "json"},
      {".sarif", "sarif"},
      {".xml", "junit"},
      {".md", "markdown"},
      {".prom", "prometheus"},
      {".html", "html"},
      {".txt", "text"}
    };
    for (String[] e : byExtension) {
      if (n.endsWith(e[0]) && Reporters.get(e[1]) != null) {
        return e[1];
      }
    }
    return null;
  }

  /** Whether the text report goes to stdout, where it lists the audit's errors itself. */
  boolean textOnStdout() {
    return outputs.stream()
        .anyMatch(o -> o.file() == null && Reporters.get(o.format()).format().equals("text"));
  }

  /** Checks every format and FORMAT=FILE before anything is audited. */
  static ReportOutputs of(String format, Path output, List<String> reports) throws UsageException {
    List<Output> outs = new ArrayList<>();
    outs.add(new Output(format, output == null ? null : output.toString()));
    for (String r : reports) {
      int eq = r.indexOf('=');
      if (eq <= 0 || eq == r.length() - 1) {
        throw new UsageException("--report " + r + ": expected FORMAT=FILE");
      }
      outs.add(new Output(r.substring(0, eq), r.substring(eq + 1)));
    }
    for (Output o : outs) {
      if (Reporters.get(o.format()) == null) {
        throw new UsageException(
            "unknown format '" + o.format() + "' (" + String.join(", ", Reporters.formats()) + ")");
      }
    }
    return new ReportOutputs(List.copyOf(outs));
  }

  /**
   * Writes every output. {@code stdoutBytes} is the process's standard output for streaming JSON
   * (null in tests, which render through {@code out}). {@code text} holds the text report's view
   * options and the gates' outcome, which it ends with. Returns whether the failed gates were
   * printed on stdout as the end of the text report.
   */
  boolean write(
      AuditReport report,
      RuleCatalog catalog,
      TextOptions text,
      PrintWriter out,
      Stdout stdoutBytes)
      throws UsageException {
    boolean gatesOnStdout = false;
    for (Output o : outputs) {
      Reporter r = Reporters.get(o.format());
      if (r.format().equals("json") && (o.file() != null || stdoutBytes != null)) {
        streamJson(report, o.file(), out, stdoutBytes);
        continue;
      }
      boolean toTerminal = o.file() == null && TerminalInfo.isTerminal();
      Reporter.RenderOptions terminal =
          toTerminal
              ? TerminalInfo.renderOptions()
              : new Reporter.RenderOptions(false, TerminalInfo.utf8() || o.file() != null);
      // a file is not a terminal: it keeps whole lines whatever COLUMNS says, so examples reproduce
      int width = o.file() == null && r.format().equals("text") ? TerminalInfo.width() : 0;
      String rendered =
          r.render(
              report,
              catalog,
              new Reporter.RenderOptions(terminal.color(), terminal.unicode(), width, text));
      gatesOnStdout |=
          o.file() == null && r.format().equals("text") && !text.gatesFailed().isEmpty();
      if (o.file() == null) {
        out.print(rendered);
        out.flush();
        checkStdout(out, stdoutBytes);
      } else {
        try {
          Files.writeString(Path.of(o.file()), rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UsageException(o.file() + ": cannot write: " + e.getMessage());
        }
      }
    }
    return gatesOnStdout;
  }

  /**
   * The same bytes as the JSON reporter, without holding a report of thousands of units as text.
   */
  /**
   * A reader that closed the pipe ({@code | head}) took what it wanted: no message. Any other write
   * error (a full disk) is exit 2.
   */
  private static void checkStdout(PrintWriter out, Stdout stdoutBytes) throws UsageException {
    if (stdoutBytes != null && stdoutBytes.failure() != null) {
      if (stdoutBytes.readerClosed()) {
        return;
      }
      throw new UsageException(
          "stdout: cannot write the report: " + stdoutBytes.failure().getMessage());
    }
    if (out.checkError()) {
      throw new UsageException("stdout: cannot write the report");
    }
  }

  private static void streamJson(
      AuditReport report, String file, PrintWriter out, Stdout stdoutBytes) throws UsageException {
    try {
      if (file == null) {
        out.flush();
        Json.write(report, stdoutBytes);
        stdoutBytes.flush();
        checkStdout(out, stdoutBytes);
      } else {
        try (OutputStream os = Files.newOutputStream(Path.of(file))) {
          Json.write(report, os);
        }
      }
    } catch (IOException e) {
      throw new UsageException(
          (file == null ? "stdout" : file) + ": cannot write: " + e.getMessage());
    }
  }
}
