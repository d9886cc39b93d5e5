package dev.unitaudit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real systemd-analyze, the oracle of the differential tests. */
public final class SystemdAnalyze {

  public static final String PATH = "/usr/bin/systemd-analyze";

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
}
