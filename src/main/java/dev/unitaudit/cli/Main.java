package dev.unitaudit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point. {@link #run} is what tests call; only {@link #main} exits the JVM. Exit codes
 * are ours, not picocli's: an exception inside a command is an internal error (3), never 1, which
 * means "a gate failed".
 */
@Command(
    name = "unitaudit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Security posture auditor for systemd units: reads units exactly as systemd 252 does,"
            + " scores them like systemd-analyze security, checks them against a rule set.")
public final class Main implements Runnable {

  /**
   * The process's standard output as bytes, when running as the real command (null in tests that
   * call {@link #run} with their own writers): large JSON reports are streamed to it.
   */
  static Stdout stdoutBytes;

  public static void main(String[] args) {
    // nearly every command needs the rule set: read it on the second core while picocli starts
    dev.unitaudit.rules.RuleLoader.prefetchBuiltIn();
    stdoutBytes = new Stdout();
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(stdoutBytes, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs unitaudit with the given streams; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, SUBCOMMANDS, args);
  }

  /**
   * {@link #run} with another set of subcommands (tests use it to reach the internal-error path).
   */
  static int run(
      PrintWriter out, PrintWriter err, Map<String, Supplier<Object>> subcommands, String... args) {
    CommandLine cl = new CommandLine(new Main());
    String first = args.length == 0 ? "" : args[0];
    boolean named = subcommands.containsKey(first);
    String command =
        named || isGlobal(first) ? null : Suggestions.misspeltCommand(first, subcommands.keySet());
    if (command != null) {
      err.println(
          "unitaudit: '"
              + first
              + "' is not a command, a unit name or a file (did you mean '"
              + command
              + "'?)");
      err.println("Try 'unitaudit --help'.");
      err.flush();
      return ExitCode.USAGE.code();
    }
    if (args.length == 1 && (first.equals("--help") || first.equals("-h"))) {
      for (Map.Entry<String, Supplier<Object>> e : subcommands.entrySet()) {
        cl.addSubcommand(e.getKey(), e.getValue().get());
      }
      out.print(Suggestions.topLevelHelp(cl));
      out.flush();
      return ExitCode.OK.code();
    }
    if (!named && !isGlobal(first)) {
      // "audit" is the default subcommand: unitaudit PATH… means unitaudit audit PATH…
      String[] effective = new String[args.length + 1];
      effective[0] = "audit";
      System.arraycopy(args, 0, effective, 1, args.length);
      args = effective;
      first = "audit";
      named = true;
    }
    // Picocli builds a command's model by reflection over its annotations, which costs tens of
    // milliseconds per command at start-up: register only the subcommand being run, and all of
    // them only when the top-level help has to list them.
    for (Map.Entry<String, Supplier<Object>> e : subcommands.entrySet()) {
      if (!named || e.getKey().equals(first)) {
        cl.addSubcommand(e.getKey(), e.getValue().get());
      }
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("unitaudit: internal error: " + ex);
          ex.printStackTrace(commandLine.getErr());
          return ExitCode.INTERNAL.code();
        });
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine()
              .getErr()
              .println("unitaudit: " + ex.getMessage() + Suggestions.forOption(ex));
          ex.getCommandLine().getErr().println("Try 'unitaudit --help'.");
          return ExitCode.USAGE.code();
        });
    try {
      return cl.execute(args);
    } catch (Throwable t) { // an Error escaping picocli is still a bug: exit 3, never 1
      err.println("unitaudit: internal error: " + t);
      t.printStackTrace(err);
      err.flush();
      return ExitCode.INTERNAL.code();
    }
  }

  private static boolean isGlobal(String first) {
    return first.equals("--help")
        || first.equals("-h")
        || first.equals("--version")
        || first.equals("-V");
  }

  /** The subcommands in the order the help lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("audit", AuditCommand::new);
    SUBCOMMANDS.put("baseline", BaselineCommand::new);
    SUBCOMMANDS.put("cat", CatCommand::new);
    SUBCOMMANDS.put("diff", DiffCommand::new);
    SUBCOMMANDS.put("summary", SummaryCommand::new); // issue 18: the fleet view
    SUBCOMMANDS.put("rules", RulesCommand::new);
    SUBCOMMANDS.put("explain", ExplainCommand::new);
    SUBCOMMANDS.put("fix", FixCommand::new);
    // shell completion (issue 17)
    SUBCOMMANDS.put("completion", CompletionCommand::new);
  }

  /**
   * The whole command tree, every subcommand registered: what the completion script and the man
   * pages are generated from (a run registers only the subcommand it needs).
   */
  public static CommandLine commandTree() {
    CommandLine cl = new CommandLine(new Main());
    for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
      cl.addSubcommand(e.getKey(), e.getValue().get());
    }
    return cl;
  }

  @Override
  public void run() {
    // only reached with no subcommand, which run() never lets happen
  }
}
