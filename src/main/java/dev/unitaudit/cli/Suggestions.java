package dev.unitaudit.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import org.apache.commons.text.similarity.LevenshteinDistance;
import picocli.CommandLine;

/**
 * Did-you-mean for misspelt options and commands, and the top-level help that lists the audit
 * options.
 */
final class Suggestions {

  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  private Suggestions() {}

  /**
   * The command a first argument was meant to be, or null. Only a bare word qualifies: a unit name
   * has a type suffix, a PATH has a slash or exists, an option starts with a dash.
   */
  static String misspeltCommand(String first, Collection<String> commands) {
    if (first.isEmpty()
        || first.startsWith("-")
        || first.contains(".")
        || first.contains("/")
        || Files.exists(Path.of(first), LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    return nearest(first, commands, first.length() <= 4 ? 1 : 2);
  }

  /** " (did you mean --fail-on?)" for an unknown option close to a known one, else "". */
  static String forOption(CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException u)) {
      return "";
    }
    for (String arg : u.getUnmatched()) {
      if (!arg.startsWith("-")) {
        continue;
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String best =
          nearest(
              name,
              ex.getCommandLine().getCommandSpec().optionsMap().keySet(),
              name.length() <= 4 ? 1 : 3);
      if (best != null) {
        return " (did you mean " + best + "?)";
      }
    }
    return "";
  }

  private static String nearest(String word, Collection<String> candidates, int max) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = DISTANCE.apply(word.toLowerCase(java.util.Locale.ROOT), c);
      if (d >= 0 && d <= max && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * {@code unitaudit --help}: auditing is the default command, so its arguments and options come
   * first, then the other commands.
   */
  static String topLevelHelp(CommandLine main) {
    CommandLine audit = main.getSubcommands().get("audit");
    CommandLine.Help mainHelp = main.getHelp();
    CommandLine.Help auditHelp = audit.getHelp();
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: unitaudit [audit] [UNIT|PATH...] [OPTIONS]\n");
    sb.append("       unitaudit COMMAND [ARGS...]\n");
    sb.append("       unitaudit --version\n\n");
    sb.append(mainHelp.description());
    sb.append("\nPATH is a unit directory of a root (/etc/systemd/system: the root / is inferred\n")
        .append("and its whole search path loaded), a repository folder (searched recursively)\n")
        .append("or unit files; UNIT is a unit name looked up in --root (default /).\n");
    sb.append("\nArguments and options of the audit:\n");
    sb.append(auditHelp.parameterList());
    sb.append(auditHelp.optionList());
    sb.append("\nCommands (unitaudit COMMAND --help for each):\n");
    sb.append(mainHelp.commandList());
    return sb.charAt(sb.length() - 1) == '\n' ? sb.toString() : sb.append('\n').toString();
  }
}
