package dev.unitaudit.cli;

import dev.unitaudit.app.Selection;
import dev.unitaudit.app.UnitCat;
import dev.unitaudit.app.UsageException;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitStatus;
import dev.unitaudit.report.CatRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unitaudit cat}: the merged unit, each effective assignment with the file:line that set it.
 */
@Command(
    name = "cat",
    mixinStandardHelpOptions = true,
    description =
        "Print the merged unit like systemctl cat, each effective value with its file:line.")
public final class CatCommand implements Callable<Integer> {

  @Mixin RootOptions selection;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FMT",
      description = "text (default) or json")
  String format = "text";

  @Option(
      names = "--show-secrets",
      description =
          "Print credentials written in the unit (UA7001/UA7002) as they are; by default they are"
              + " masked as ****, as in every report.")
  boolean showSecrets;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("text") && !format.equals("json")) {
      spec.commandLine()
          .getErr()
          .println("unitaudit cat: unknown format '" + format + "' (text or json)");
      return ExitCode.USAGE.code();
    }
    Selection sel;
    try {
      sel = Selection.of(selection.targets, selection.root, Path.of("").toAbsolutePath());
    } catch (UsageException e) {
      spec.commandLine().getErr().println("unitaudit cat: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    if (selection.targets.isEmpty()) {
      spec.commandLine().getErr().println("unitaudit cat: name at least one UNIT or PATH");
      return ExitCode.USAGE.code();
    }
    List<Unit> units;
    try {
      units = UnitCat.units(sel, showSecrets);
    } catch (UsageException e) {
      spec.commandLine().getErr().println("unitaudit cat: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    spec.commandLine()
        .getOut()
        .print(format.equals("json") ? CatRenderer.json(units) : CatRenderer.text(units));
    spec.commandLine().getOut().flush();
    boolean anyFound = units.stream().anyMatch(u -> u.status() != UnitStatus.NOT_FOUND);
    return anyFound ? ExitCode.OK.code() : ExitCode.USAGE.code();
  }
}
