package dev.unitaudit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitaudit.SystemdAnalyze;
import dev.unitaudit.model.Unit;
import dev.unitaudit.syntax.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warnings for values systemd ignores carry systemd 252's own words, line by line: every enum,
 * number and time-span key with an invalid, an out-of-range and an empty value, read by the real
 * {@code systemd-analyze} (its debug log prints each warning) and by our loader.
 */
class ValueWarningsDifferentialTest {

  private static final Map<String, String> UNITS =
      Map.of(
          "a.service",
              String.join(
                  "\n",
                  "[Unit]",
                  "DefaultDependencies=maybe",
                  "StartLimitBurst=many",
                  "StartLimitIntervalSec=q1",
                  "JobTimeoutSec=q3",
                  "JobRunningTimeoutSec=q4",
                  "StartLimitBurst=",
                  "[Service]",
                  "ExecStart=/bin/true",
                  "Type=weird",
                  "Restart=sometimes",
                  "NoNewPrivileges=perhaps",
                  "ProtectSystem=hard",
                  "ProtectHome=sortof",
                  "UMask=999",
                  "Nice=100",
                  "Nice=-21",
                  "Nice=z",
                  "Nice=",
                  "Nice=+5",
                  "OOMScoreAdjust=5000",
                  "OOMScoreAdjust=-1001",
                  "OOMScoreAdjust=z",
                  "OOMScoreAdjust=",
                  "KillMode=gentle",
                  "KillMode=",
                  "PrivateTmp=2",
                  "ProtectProc=hidden",
                  "NotifyAccess=some",
                  "KeyringMode=z",
                  "ProcSubset=z",
                  "DevicePolicy=z",
                  "Type=",
                  "Restart=",
                  "NotifyAccess=",
                  "RuntimeMaxSec=2h # kill",
                  "TimeoutStartSec=q6",
                  "TimeoutStopSec=q7",
                  "TimeoutSec=q8",
                  "TimeoutAbortSec=q9",
                  "WatchdogSec=q10",
                  "RestartSec=q11",
                  "TimeoutCleanSec=q13",
                  "RuntimeMaxSec=",
                  "TimeoutStopSec=",
                  "RestartSteps=3",
                  ""),
          "a.timer",
              String.join(
                  "\n",
                  "[Timer]",
                  "OnCalendar=daily",
                  "RandomizedDelaySec=q16",
                  "AccuracySec=q17",
                  "Persistent=sure",
                  ""),
          "b.path",
              String.join(
                  "\n",
                  "[Path]",
                  "PathExists=/x",
                  "TriggerLimitIntervalSec=q18",
                  "TriggerLimitBurst=z",
                  ""),
          "b.service", "[Service]\nExecStart=/bin/true\n");

  @TempDir Path root;

  @Test
  void ignoredValuesAreReportedInSystemdsWords() throws Exception {
    SystemdAnalyze.require();
    Path dir = Files.createDirectories(root.resolve("etc/systemd/system"));
    for (Map.Entry<String, String> e : UNITS.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue());
    }
    UnitLoader loader = new UnitLoader(SearchPath.of(List.of(), root));
    for (String name : List.of("a.service", "a.timer", "b.path")) {
      TreeSet<String> ours = new TreeSet<>();
      Unit u = loader.load(name);
      for (Diagnostic d : u.diagnostics()) {
        if (d.file() != null && d.file().endsWith("/" + name)) {
          ours.add(d.line() + ": " + d.message());
        }
      }
      TreeSet<String> theirs = systemd(name);
      // every unit above has at least two bad values: an empty set would mean systemd said nothing
      org.junit.jupiter.api.Assertions.assertTrue(
          theirs.size() >= 2, name + ": systemd printed " + theirs);
      assertEquals(theirs, ours, name);
    }
  }

  /** "line: message" for each warning systemd-analyze logs about {@code name}'s own file. */
  private TreeSet<String> systemd(String name) throws IOException, InterruptedException {
    String out = SystemdAnalyze.securityDebug(root, List.of(name));
    String prefix = root.resolve("etc/systemd/system/" + name) + ":";
    TreeSet<String> lines = new TreeSet<>();
    List<String> all = new ArrayList<>(out.lines().toList());
    for (String l : all) {
      if (l.startsWith(prefix)) {
        lines.add(l.substring(prefix.length()));
      }
    }
    return lines;
  }
}
