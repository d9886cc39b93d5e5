package dev.unitaudit.score;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.SystemdAnalyze;
import dev.unitaudit.load.SearchPath;
import dev.unitaudit.load.UnitLoader;
import dev.unitaudit.model.Unit;
import dev.unitaudit.syntax.Diagnostic;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The random units of {@link SystemdDifferentialTest}, compared on their parse and value warnings:
 * every {@code file:line: message} systemd-analyze logs at debug level about a unit file must be a
 * diagnostic of ours with the same line and words, and we report no warning with a line that
 * systemd does not. Same seed and size properties ({@code -Dunitaudit.seed}, {@code
 * -Dunitaudit.units}).
 */
class RandomWarningsDifferentialTest {

  @Test
  void randomUnitsWarnInSystemdsWords() throws Exception {
    SystemdAnalyze.require();
    long seed = Long.getLong("unitaudit.seed", 20261201L);
    int count = Integer.getInteger("unitaudit.units", 540);
    Path root = Files.createTempDirectory("unitaudit-warn");
    try {
      Path dir = Files.createDirectories(root.resolve("etc/systemd/system"));
      List<String> names = RandomUnit.writeTree(dir, seed, count);
      String out = SystemdAnalyze.securityDebug(root, names);
      String prefix = dir + "/";
      TreeSet<String> theirs = new TreeSet<>();
      for (String l : out.lines().toList()) {
        // unknown plain system call names depend on the host's libseccomp (group expansion on
        // this machine names riscv_hwprobe and uretprobe); they are not a property of the unit.
        // Names no system call can have ("@clock" in quotes) are compared.
        if (l.startsWith(prefix)
            && l.matches("[^:]+:\\d+: .*")
            && !l.matches(".*: Failed to parse system call, ignoring: [a-z_0-9]+$")) {
          theirs.add(l.substring(prefix.length()));
        }
      }
      UnitLoader loader = new UnitLoader(SearchPath.of(List.of(), root));
      TreeSet<String> ours = new TreeSet<>();
      for (String name : names) {
        Unit u = loader.load(name);
        for (Diagnostic d : u.diagnostics()) {
          if (d.line() > 0 && d.file() != null && d.file().startsWith("etc/systemd/system/")) {
            ours.add(
                d.file().substring("etc/systemd/system/".length())
                    + ":"
                    + d.line()
                    + ": "
                    + d.message());
          }
        }
      }
      TreeSet<String> missing = new TreeSet<>(theirs);
      missing.removeAll(ours);
      TreeSet<String> extra = new TreeSet<>(ours);
      extra.removeAll(theirs);
      System.out.println(
          "RandomWarningsDifferentialTest: seed "
              + seed
              + ", "
              + count
              + " units, "
              + theirs.size()
              + " warnings from systemd");
      assertTrue(
          missing.isEmpty() && extra.isEmpty(),
          "seed "
              + seed
              + ": systemd only "
              + missing.size()
              + " "
              + first(missing)
              + "\nours only "
              + extra.size()
              + " "
              + first(extra));
    } finally {
      try (Stream<Path> s = Files.walk(root)) {
        s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static List<String> first(TreeSet<String> s) {
    return s.stream().limit(15).toList();
  }
}
