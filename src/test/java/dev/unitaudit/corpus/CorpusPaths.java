package dev.unitaudit.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where ../shared/corpus/public is. Tests that need it skip with a visible message when it is
 * absent, and fail when CI=true (DESIGN.md: nothing silently skipped in CI).
 */
public final class CorpusPaths {

  public static final Path CORPUS = Path.of("../shared/corpus/public");

  private CorpusPaths() {}

  public static Path requireCorpus() {
    if (!Files.isRegularFile(CORPUS.resolve("oracle.jsonl"))) {
      String msg = "SKIPPED: " + CORPUS.toAbsolutePath() + " is absent";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(msg + " and CI=true: the corpus must be beside the project");
      }
      System.err.println(msg);
      Assumptions.abort(msg);
    }
    return CORPUS;
  }
}
