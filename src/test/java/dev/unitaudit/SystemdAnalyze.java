package dev.unitaudit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/** The real systemd-analyze, the oracle of the differential tests: how to find it and run it. */
public final class SystemdAnalyze {

  public static final String PATH = "/usr/bin/systemd-analyze";

  private static final Pattern TOTAL =
      Pattern.compile("Overall exposure level for (\\S+): (\\d+\\.\\d)");

  private SystemdAnalyze() {}

  /** Skips the calling test when systemd-analyze is missing; fails it instead when CI=true. */
  public static void require() {
    if (!Files.isExecutable(Path.of(PATH))) {
      String msg = "SKIPPED: " + PATH + " is not installed";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(msg + " and CI=true");
      }
      System.err.println(msg);
      Assumptions.abort(msg);
    }
  }

  /**
   * {@code systemd-analyze security --offline=true MODE --root=ROOT [--security-policy] UNIT…} from
   * "/", without colours or emoji; its standard output (stderr dropped).
   */
  public static String security(Path root, List<String> units, String mode, Path policy)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(List.of(PATH, "security", "--offline=true", mode, "--root=" + root));
    if (policy != null) {
      cmd.add("--security-policy=" + policy);
    }
    cmd.addAll(units);
    return run(cmd, "err", false);
  }

  /**
   * The same run with SYSTEMD_LOG_LEVEL=debug and stderr merged: every parse warning, with
   * file:line.
   */
  public static String securityDebug(Path root, List<String> units)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(PATH, "security", "--offline=true", "--no-pager", "--root=" + root));
    cmd.addAll(units);
    return run(cmd, "debug", true);
  }

  /** "Overall exposure level for UNIT: N.N" of a text run, per unit (refused units have none). */
  public static Map<String, String> totals(String textOutput) {
    Map<String, String> totals = new HashMap<>();
    Matcher m = TOTAL.matcher(textOutput);
    while (m.find()) {
      totals.put(m.group(1), m.group(2));
    }
    return totals;
  }

  private static String run(List<String> cmd, String logLevel, boolean withStderr)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File("/"));
    pb.environment().put("SYSTEMD_LOG_LEVEL", logLevel);
    pb.environment().put("SYSTEMD_COLORS", "0");
    pb.environment().put("SYSTEMD_EMOJI", "0");
    if (withStderr) {
      pb.redirectErrorStream(true);
    } else {
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    Process p = pb.start();
    byte[] bytes = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("systemd-analyze did not finish: " + cmd);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
