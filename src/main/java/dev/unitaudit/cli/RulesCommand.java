package dev.unitaudit.cli;

import dev.unitaudit.report.RuleListing;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.rules.RuleException;
import dev.unitaudit.rules.RuleLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unitaudit rules}: the rule set as a table or JSON. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rule set.")
public final class RulesCommand implements Callable<Integer> {

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FMT",
      description = "text (default) or json")
  String format = "text";

  @Option(
      names = "--rules",
      paramLabel = "FILE|DIR",
      description = "Extra rules files (repeatable).")
  List<Path> rules = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RuleCatalog catalog;
    try {
      catalog = rules.isEmpty() ? RuleLoader.builtIn() : RuleLoader.withUserRules(rules);
    } catch (RuleException e) {
      spec.commandLine().getErr().println("unitaudit: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    if (!format.equals("text") && !format.equals("json")) {
      spec.commandLine()
          .getErr()
          .println("unitaudit rules: unknown format '" + format + "' (text or json)");
      return ExitCode.USAGE.code();
    }
    spec.commandLine()
        .getOut()
        .print(
            format.equals("json")
                ? RuleListing.json(catalog.all())
                : RuleListing.table(catalog.all()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
