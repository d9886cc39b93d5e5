package dev.unitaudit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code audit}, {@code baseline} and {@code fix}: what is checked and how.
 */
public final class AuditOptions {

  @Option(
      names = "--level",
      paramLabel = "1|2|3",
      description =
          "The ladder level audited to (default 2, or the config's): ladder rules above it are not"
              + " reported.")
  Integer level;

  @Option(
      names = "--rules",
      paramLabel = "FILE|DIR",
      description = "Extra rules files (repeatable).")
  List<Path> rules = new ArrayList<>();

  @Option(
      names = "--security-policy",
      paramLabel = "FILE",
      description =
          "systemd-analyze --security-policy JSON, honoured for the exposure score; what systemd"
              + " ignores in it (an unknown check or field, a value of the wrong type) is ignored"
              + " with a warning.")
  Path securityPolicy;

  @Option(
      names = "--strict-policy",
      description =
          "Make whatever systemd would ignore in the --security-policy file an error (exit 2).")
  boolean strictPolicy;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Project config (default: .unitaudit.json found upward from each PATH or --root).")
  Path config;

  @Option(
      names = "--ignore-tree-config",
      description =
          "Trust nothing in the audited tree: no .unitaudit.json found upward, no inline"
              + " suppressions.")
  boolean ignoreTreeConfig;

  @Option(
      names = "--vendor",
      description =
          "Site-policy rules (alerting, start limits, resource sizing) also on the distribution's"
              + " untouched units under lib/ and usr/lib/ (config: \"vendorUnits\": true).")
  boolean vendor;

  @Option(
      names = "--include-settings",
      description = "Add each unit's effective settings with file:line to the JSON report.")
  boolean includeSettings;
}
