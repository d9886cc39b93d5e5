package dev.unitaudit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitaudit.SystemdAnalyze;
import dev.unitaudit.model.Unit;
import dev.unitaudit.syntax.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warnings of a slice a unit names in Slice= are logged while the unit loads (issue 15, item
 * 3); the implicit system.slice is not loaded and logs nothing. Compared with systemd-analyze's
 * debug log, unit by unit.
 */
class SliceWarningsDifferentialTest {

  @Test
  void aNamedSlicesWarningsComeWithTheUnit(@TempDir Path root) throws Exception {
    SystemdAnalyze.require();
    Path dir = Files.createDirectories(root.resolve("etc/systemd/system"));
    Files.writeString(
        dir.resolve("a.service"), "[Service]\nExecStart=/bin/true\nSlice=work.slice\nNice=99\n");
    Files.writeString(dir.resolve("b.service"), "[Service]\nExecStart=/bin/true\n");
    Files.writeString(dir.resolve("c.socket"), "[Socket]\nListenStream=80\nSlice=work-sub.slice\n");
    Files.writeString(dir.resolve("c.service"), "[Service]\nExecStart=/bin/true\n");
    Files.writeString(dir.resolve("work.slice"), "[Slice]\nMemoryMax=bogus\nCPUWeight=0\n");
    Files.writeString(dir.resolve("work-sub.slice"), "[Slice]\nTasksMax=0\n");
    Files.writeString(dir.resolve("system.slice"), "[Slice]\nCPUWeight=0\n");
    UnitLoader loader = new UnitLoader(SearchPath.of(List.of(), root));
    String prefix = dir + "/";
    for (String name : List.of("a.service", "b.service", "c.socket")) {
      TreeSet<String> theirs = new TreeSet<>();
      for (String l : SystemdAnalyze.securityDebug(root, List.of(name)).lines().toList()) {
        if (l.startsWith(prefix) && l.matches("[^:]+:\\d+: .*")) {
          theirs.add(l.substring(prefix.length()));
        }
      }
      TreeSet<String> ours = new TreeSet<>();
      Unit u = loader.load(name);
      for (Diagnostic d : u.diagnostics()) {
        if (d.line() > 0) {
          ours.add(
              d.file().substring("etc/systemd/system/".length())
                  + ":"
                  + d.line()
                  + ": "
                  + d.message());
        }
      }
      assertEquals(theirs, ours, name);
    }
  }
}
