package dev.unitaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.unitaudit.app.Selection;
import dev.unitaudit.engine.RuleEngine;
import dev.unitaudit.engine.TreeContext;
import dev.unitaudit.model.Unit;
import dev.unitaudit.result.Finding;
import dev.unitaudit.rules.Rule;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.rules.RuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule fixtures that depend on file modes (those with a {@code setup} file) give their expected
 * findings from a fresh clone: each case is copied with the modes git would give it (0644, or 0755
 * with the x bit), its setup applied, and audited with only its rule.
 */
public class FileModeFixturesTest {

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> setupCasesFromAFreshCheckout() throws Exception {
    RuleCatalog catalog = RuleLoader.builtIn();
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of("fixtures/rules"), 4)) {
      for (Path setup :
          s.filter(p -> p.getFileName().toString().equals("setup")).sorted().toList()) {
        Path caseDir = setup.getParent();
        String id = caseDir.getParent().getParent().getFileName().toString();
        Rule rule = catalog.find(id).orElseThrow();
        tests.add(
            DynamicTest.dynamicTest(
                Path.of("fixtures/rules").relativize(caseDir).toString(),
                () -> {
                  Path root = prepare(caseDir, tmp.resolve(caseDir.toString().replace('/', '_')));
                  assertEquals(
                      Files.readString(caseDir.resolve("expected.txt")),
                      run(new RuleCatalog(List.of(rule)), root));
                }));
      }
    }
    assertFalse(tests.isEmpty());
    return tests.stream();
  }

  /**
   * Copies a case as git checks it out, then applies {@code chmod MODE PATH} / {@code chgrp GID
   * PATH}.
   */
  public static Path prepare(Path caseDir, Path copy) throws IOException {
    try (Stream<Path> s = Files.walk(caseDir)) {
      for (Path p : s.toList()) {
        Path t = copy.resolve(caseDir.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
          Files.setPosixFilePermissions(t, mode(Files.isExecutable(p) ? 0755 : 0644));
        }
      }
    }
    for (String line : Files.readAllLines(caseDir.resolve("setup"))) {
      String[] w = line.strip().split("\\s+");
      if (w.length != 3 || w[0].startsWith("#")) {
        continue;
      }
      Path f = copy.resolve(w[2]);
      if (w[0].equals("chmod")) {
        Files.setPosixFilePermissions(f, mode(Integer.parseInt(w[1], 8)));
      } else if (w[0].equals("chgrp")) {
        try {
          Files.setAttribute(f, "unix:gid", Integer.parseInt(w[1]));
        } catch (IOException e) {
          // not root: the file already has the runner's own, non-root group
        }
      }
    }
    return copy;
  }

  public static Set<PosixFilePermission> mode(int bits) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
    for (int i = 0; i < 9; i++) {
      if ((bits & (1 << (8 - i))) != 0) {
        out.add(all[i]);
      }
    }
    return out;
  }

  static String run(RuleCatalog catalog, Path root) throws Exception {
    Selection sel = Selection.of(List.of(), root, root);
    TreeContext tree = new TreeContext(sel.loader(), root);
    RuleEngine engine = new RuleEngine(catalog);
    List<String> lines = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (String n : sel.unitNames()) {
      Unit u = tree.load(n);
      if (seen.add(u.id())) {
        for (Finding f : engine.evaluate(tree.contextFor(u)).findings()) {
          lines.add(
              f.unit() + "\t" + f.rule() + "\t" + f.file() + ":" + f.line() + "\t" + f.message());
        }
      }
    }
    lines.sort(null);
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }
}
