package dev.unitaudit.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code unitaudit summary}: reads many hosts' reports and rolls them up. Reports are read a few at
 * a time on every core and folded in the order they were named, so the result does not depend on
 * timing and no more than a window of digests is held at once. A file that is not a report is
 * listed in {@code inputs} with its error and left out; the others are still summarised.
 */
public final class Summarize {

  private Summarize() {}

  /** The summary, and whether every input was a report. */
  public record Outcome(Summary summary, List<String> rejected) {}

  /**
   * Summarises {@code reports}, named in messages as given; {@code since} is an older summary
   * (null: none).
   */
  public static Outcome run(List<Path> reports, Path since, String version)
      throws SummaryException {
    Summary old = since == null ? null : SummaryFile.read(since);
    FleetRollup rollup = new FleetRollup();
    List<Summary.Input> inputs = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    Map<String, String> hostFiles = new HashMap<>();
    int window = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    for (int from = 0; from < reports.size(); from += window) {
      List<CompletableFuture<Object>> reading = new ArrayList<>();
      for (Path p : reports.subList(from, Math.min(reports.size(), from + window))) {
        reading.add(CompletableFuture.supplyAsync(() -> readOne(p)));
      }
      for (CompletableFuture<Object> f : reading) {
        Object r = f.join();
        if (r instanceof NotAReport e) {
          rejected.add(e.getMessage());
          inputs.add(new Summary.Input(e.file(), null, null, e.getMessage(), null));
          continue;
        }
        HostDigest h = (HostDigest) r;
        String note = null;
        String first = hostFiles.putIfAbsent(h.host(), h.file());
        if (first != null) {
          // two reports of one host: both are kept, the second under a name that says so
          note =
              "host "
                  + h.host()
                  + " is also "
                  + first
                  + "; summarised as "
                  + h.host()
                  + " ("
                  + h.file()
                  + ")";
          h = new HostDigest(h.file(), h.host() + " (" + h.file() + ")", h.units(), h.errors());
          hostFiles.put(h.host(), h.file());
        }
        rollup.add(h);
        inputs.add(new Summary.Input(h.file(), h.host(), h.units().size(), null, note));
      }
    }
    Summary s = rollup.summary(new Summary.Tool("unitaudit", version), inputs);
    if (old != null) {
      s = s.withSince(SinceChanges.between(old, s, since.toString()));
    }
    return new Outcome(s, List.copyOf(rejected));
  }

  private static Object readOne(Path p) {
    try {
      return ReportStream.read(p, p.toString());
    } catch (NotAReport e) {
      return e;
    } catch (RuntimeException e) {
      // no input may crash the summary: whatever slipped past the schema is this file's error
      return new NotAReport(p.toString(), p + ": not a unitaudit JSON report: " + e);
    }
  }
}
