package dev.unitaudit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The unit selection options every command that loads units shares. */
public final class RootOptions {

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Filesystem root whose unit search path is loaded (default: inferred from a PATH that is"
              + " one of a root's unit directories, such as /etc/systemd/system; / when only UNIT"
              + " names or nothing is given).")
  Path root;

  @Parameters(
      paramLabel = "UNIT|PATH",
      arity = "0..*",
      description = "Unit names (looked up under --root) or unit files and directories.")
  java.util.List<String> targets = new java.util.ArrayList<>();
}
