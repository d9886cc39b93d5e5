package dev.unitaudit.cli;

import dev.unitaudit.report.RuleListing;
import dev.unitaudit.rules.Rule;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.rules.RuleException;
import dev.unitaudit.rules.RuleLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unitaudit explain RULE}: one rule's title, severity, level, rationale, fix and docs. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain one rule (by id or name).")
public final class ExplainCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RULE", description = "A rule id (UA1001) or name (no-new-privileges).")
  String rule;

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
    Optional<Rule> r = catalog.find(rule);
    if (r.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("unitaudit explain: no rule '" + rule + "' (see unitaudit rules)");
      return ExitCode.USAGE.code();
    }
    spec.commandLine()
        .getOut()
        .print(
            format.equals("json")
                ? RuleListing.json(List.of(r.get()))
                : RuleListing.explain(r.get()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
