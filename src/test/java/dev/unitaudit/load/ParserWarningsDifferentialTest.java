package dev.unitaudit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.ParserSamples;
import dev.unitaudit.SystemdAnalyze;
import dev.unitaudit.model.AssignmentValidator;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.ValueParsers;
import dev.unitaudit.syntax.Assignment;
import dev.unitaudit.syntax.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every value parser of systemd 252 that unitaudit ports, on every sample of {@link ParserSamples}
 * (valid, invalid, edge and out-of-range values), for up to four of the keys it parses: the
 * warnings systemd-analyze logs at debug level, line by line, must be exactly ours.
 */
class ParserWarningsDifferentialTest {

  /** The unit type whose file a section belongs in. */
  private static final Map<String, String> TYPE_OF_SECTION =
      Map.of(
          "Unit", "service",
          "Service", "service",
          "Socket", "socket",
          "Timer", "timer",
          "Path", "path",
          "Slice", "slice",
          "Swap", "swap");

  @Test
  void everyPortedParserWarnsInSystemdsWords(@TempDir Path root) throws Exception {
    SystemdAnalyze.require();
    ValueParsers parsers = ValueParsers.forVersion(252);
    Map<String, List<String>> samples = ParserSamples.all();
    TreeSet<String> unsampled = new TreeSet<>(parsers.portedParsers());
    unsampled.removeAll(samples.keySet());
    assertEquals(new TreeSet<>(), unsampled, "ported parsers without samples");

    Path dir = Files.createDirectories(root.resolve("etc/systemd/system"));
    AssignmentValidator validator = new AssignmentValidator();
    List<String> names = new ArrayList<>();
    int lines = 0;
    for (String parser : new TreeSet<>(parsers.portedParsers())) {
      int keys = 0;
      for (String sk : parsers.keysOf(parser)) {
        String section = sk.substring(0, sk.indexOf('.'));
        String key = sk.substring(sk.indexOf('.') + 1);
        String type = TYPE_OF_SECTION.get(section);
        if (type == null || ValueParsers.PARTIAL.contains(sk) || keys++ >= 4) {
          continue;
        }
        String base = "p" + names.size() + "-" + key;
        UnitName id = UnitName.parse(base + "." + type);
        List<String> shared = new ArrayList<>();
        for (String value : samples.get(parser)) {
          Assignment a = new Assignment(section, key, value, "x", 1);
          if (validator.check(a, id).outcome() == AssignmentValidator.Outcome.FATAL) {
            // a fatal value stops the file: give it a unit of its own
            String name = base + "-" + names.size() + "." + type;
            write(dir, name, section, List.of(value), key);
            names.add(name);
          } else {
            shared.add(value);
          }
          lines++;
        }
        String name = base + "." + type;
        write(dir, name, section, shared, key);
        names.add(name);
      }
    }
    String out = SystemdAnalyze.securityDebug(root, names);
    String prefix = dir + "/";
    TreeSet<String> theirs = new TreeSet<>();
    for (String l : out.lines().toList()) {
      // system call names this host's libseccomp does not know (group expansion) are left out,
      // as in RandomWarningsDifferentialTest
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
        if (d.line() > 0 && d.file().startsWith("etc/systemd/system/")) {
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
        "ParserWarningsDifferentialTest: "
            + parsers.portedParsers().size()
            + " parsers, "
            + names.size()
            + " units, "
            + lines
            + " values, "
            + theirs.size()
            + " warnings from systemd");
    assertTrue(
        missing.isEmpty() && extra.isEmpty(),
        "systemd only "
            + missing.size()
            + " "
            + first(missing)
            + "\nours only "
            + extra.size()
            + " "
            + first(extra));
  }

  private static void write(Path dir, String name, String section, List<String> values, String key)
      throws java.io.IOException {
    StringBuilder sb = new StringBuilder();
    String type = name.substring(name.lastIndexOf('.') + 1);
    if (!section.equals("Unit")) {
      sb.append("[Unit]\nDescription=parser samples\n");
    }
    sb.append('[').append(section).append("]\n");
    for (String v : values) {
      sb.append(key).append('=').append(v).append('\n');
    }
    if (type.equals("service") && !section.equals("Service")) {
      sb.append("[Service]\n");
    }
    if (type.equals("service")) {
      sb.append("ExecStart=/bin/true\n");
    }
    Files.writeString(dir.resolve(name), sb.toString());
  }

  private static List<String> first(TreeSet<String> s) {
    return s.stream().limit(40).toList();
  }
}
