package dev.unitaudit.cli;

import dev.unitaudit.app.Audit;
import dev.unitaudit.app.Selection;
import dev.unitaudit.app.UsageException;
import dev.unitaudit.fix.DropInWriter;
import dev.unitaudit.fix.FixPlan;
import dev.unitaudit.fix.Fixer;
import dev.unitaudit.fix.UnifiedDiff;
import dev.unitaudit.fix.UnitFix;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.report.CatRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unitaudit fix}: the drop-in that closes a unit's findings up to a ladder level, with the
 * safety checks of {@link dev.unitaudit.fix.FixPlanner}; {@code --write} installs it as {@value
 * Fixer#FILE_NAME}.
 */
@Command(
    name = "fix",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Print (or --write) the hardening drop-in that closes each service's findings up to"
            + " --level, each setting with the rule it closes and what it may break.")
public final class FixCommand implements Callable<Integer> {

  @Mixin RootOptions selection;
  @Mixin AuditOptions options;

  @Option(
      names = "--write",
      description =
          "Write etc/systemd/system/UNIT.d/"
              + Fixer.FILE_NAME
              + " under --root (or UNIT.d/ beside a PATH unit file). Existing files are never"
              + " modified.")
  boolean write;

  @Option(
      names = "--force",
      description = "With --write: replace an existing " + Fixer.FILE_NAME + ".")
  boolean force;

  @Option(
      names = "--aggressive",
      description =
          "Also add MemoryDenyWriteExecute=yes to services that run a JIT runtime (java, node, …).")
  boolean aggressive;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FMT",
      description =
          "text (default): the drop-in; diff: a unified diff of the merged unit before/after.")
  String format = "text";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } catch (UsageException e) {
      err.println("unitaudit fix: " + e.getMessage());
      return ExitCode.USAGE.code();
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int run(PrintWriter out, PrintWriter err) throws UsageException {
    if (!format.equals("text") && !format.equals("diff")) {
      throw new UsageException("unknown format '" + format + "' (text or diff)");
    }
    if (selection.targets.isEmpty()) {
      throw new UsageException("name at least one UNIT or PATH to fix");
    }
    if (force && !write) {
      throw new UsageException("--force only makes sense with --write");
    }
    AuditSetup setup = AuditSetup.of(selection, options);
    for (String w : setup.policyWarnings) {
      err.println("unitaudit: warning: --security-policy " + w);
    }
    Fixer fixer = new Fixer(setup.audit, new Fixer.Options(aggressive));
    List<UnitFix> fixes = new java.util.ArrayList<>();
    // scope by scope: each folder or root has its own loader, and the fix goes beside its unit
    for (Selection.Scope scope : setup.selection.scopes()) {
      Selection one = Selection.of(scope);
      AuditReport report = setup.audit.run(one);
      fixes.addAll(fixer.fix(one, report, Path.of("").toAbsolutePath()));
      for (AuditReport.ErrorEntry e : report.errors()) {
        err.println(
            "unitaudit fix: "
                + (e.unit() == null ? "" : e.unit() + ": ")
                + (e.file() == null
                    ? ""
                    : e.file() + (e.line() == null ? "" : ":" + e.line()) + ": ")
                + e.message());
      }
    }
    int code = ExitCode.OK.code();
    boolean any = false;
    boolean first = true;
    for (UnitFix f : fixes) {
      if (f.notApplicable() != null) {
        err.println("unitaudit fix: " + f.unitName() + ": skipped: " + f.notApplicable());
        continue;
      }
      any = true;
      if (!first) {
        out.println();
      }
      first = false;
      report(f, setup.audit, out, err);
      if (write && !f.isEmpty()) {
        try {
          Path p = DropInWriter.write(f, force);
          err.println(
              "unitaudit fix: "
                  + f.unitName()
                  + ": wrote "
                  + p
                  + " ("
                  + f.plan().lines().size()
                  + " settings, closes "
                  + String.join(" ", f.plan().closes())
                  + ")");
        } catch (DropInWriter.Refused e) {
          err.println("unitaudit fix: " + f.unitName() + ": not written: " + e.getMessage());
          code = ExitCode.USAGE.code();
        } catch (IOException e) {
          err.println(
              "unitaudit fix: "
                  + f.unitName()
                  + ": cannot write "
                  + f.file()
                  + ": "
                  + e.getMessage());
          code = ExitCode.USAGE.code();
        }
      }
    }
    if (!any) {
      err.println("unitaudit fix: nothing could be fixed");
      return ExitCode.USAGE.code();
    }
    return code;
  }

  private void report(UnitFix f, Audit masker, PrintWriter out, PrintWriter err) {
    int level = masker.level();
    String name = f.unitName();
    for (FixPlan.Line l : f.plan().lines()) {
      for (String w : l.warnings()) {
        err.println("unitaudit fix: " + name + ": warning: " + l.assignment() + ": " + w);
      }
    }
    for (FixPlan.Skipped s : f.plan().skipped()) {
      err.println("unitaudit fix: " + name + ": not done: " + s.rule() + ": " + s.reason());
    }
    for (String o : f.overridden()) {
      err.println("unitaudit fix: " + name + ": overridden: " + o);
    }
    for (String p : f.problems()) {
      err.println("unitaudit fix: " + name + ": warning: " + p);
    }
    for (String r : f.stillOpen()) {
      err.println("unitaudit fix: " + name + ": " + r + " would still be open after the drop-in");
    }
    if (format.equals("diff")) {
      out.print(
          UnifiedDiff.diff(
              "a/" + name + " (merged)",
              "b/" + name + " (with " + Fixer.FILE_NAME + ")",
              CatRenderer.text(List.of(masker.masked(f.before()))),
              CatRenderer.text(List.of(masker.masked(f.after())))));
      return;
    }
    out.println("# " + name + ": " + f.display());
    out.println(
        "# level "
            + word(f.levelBefore())
            + " -> "
            + word(f.levelAfter())
            + ", exposure "
            + word(f.exposureBefore())
            + " -> "
            + word(f.exposureAfter())
            + " (re-audited with the drop-in merged)");
    if (f.isEmpty()) {
      out.println(
          "# nothing to add at level "
              + level
              + (f.plan().skipped().isEmpty() ? "" : " that can be done safely"));
      for (FixPlan.Skipped s : f.plan().skipped()) {
        out.println("# not done: " + s.rule() + ": " + s.reason());
      }
      return;
    }
    out.print(f.text());
  }

  private static String word(Object o) {
    return o == null ? "n/a" : o.toString();
  }
}
