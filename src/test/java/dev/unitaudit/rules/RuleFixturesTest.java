package dev.unitaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.app.Selection;
import dev.unitaudit.engine.RuleEngine;
import dev.unitaudit.engine.TreeContext;
import dev.unitaudit.model.Unit;
import dev.unitaudit.result.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every rule on its fixtures: {@code fixtures/rules/<ID>/{bad,good}/<case>/} is a root-like
 * tree audited with only that rule, and {@code expected.txt} beside the tree lists the exact
 * findings, one per line, sorted: {@code unit<TAB>rule<TAB>file:line<TAB>message}. A good case's
 * expected.txt is empty on purpose. The catalog test makes every rule have both kinds of case.
 */
class RuleFixturesTest {

  private static final RuleCatalog BUILT_IN = builtIn();

  private static RuleCatalog builtIn() {
    try {
      return RuleLoader.builtIn();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static final Path FIXTURES = Path.of("fixtures/rules");

  @TestFactory
  Stream<DynamicTest> everyRuleOnItsFixtures() throws Exception {
    RuleCatalog catalog = RuleLoader.builtIn();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path caseDir : cases()) {
      String id = caseDir.getParent().getParent().getFileName().toString();
      String name = id + "/" + caseDir.getParent().getFileName() + "/" + caseDir.getFileName();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                Rule rule =
                    catalog
                        .find(id)
                        .orElseThrow(
                            () -> new AssertionError("fixture folder names no rule: " + id));
                Path root = caseDir;
                Path tmp = null;
                if (Files.exists(caseDir.resolve("setup"))) {
                  // file modes git cannot keep: copy the case as a fresh clone has it and apply its
                  // setup
                  tmp = Files.createTempDirectory("unitaudit-rulecase");
                  root =
                      dev.unitaudit.check.FileModeFixturesTest.prepare(
                          caseDir, tmp.resolve("case"));
                }
                try {
                  assertEquals(
                      read(caseDir.resolve("expected.txt")),
                      run(new RuleCatalog(List.of(rule)), root),
                      name);
                } finally {
                  if (tmp != null) {
                    try (Stream<Path> w = Files.walk(tmp)) {
                      w.sorted(java.util.Comparator.reverseOrder())
                          .forEach(x -> x.toFile().delete());
                    }
                  }
                }
              }));
    }
    return tests.stream();
  }

  @Test
  void everyRuleHasBadAndGoodCasesAndEveryFolderARule() throws Exception {
    RuleCatalog catalog = RuleLoader.builtIn();
    assertFalse(catalog.all().isEmpty());
    Set<String> ids = new TreeSet<>();
    catalog.all().forEach(r -> ids.add(r.id()));
    for (Rule r : catalog.all()) {
      for (String kind : List.of("bad", "good")) {
        Path d = FIXTURES.resolve(r.id()).resolve(kind);
        boolean any = Files.isDirectory(d) && Files.list(d).anyMatch(Files::isDirectory);
        assertTrue(any, r.id() + " has no " + kind + " fixture under " + d);
      }
    }
    try (Stream<Path> s = Files.list(FIXTURES)) {
      s.filter(Files::isDirectory)
          .forEach(
              p ->
                  assertTrue(
                      ids.contains(p.getFileName().toString()),
                      "fixture folder " + p + " names no rule"));
    }
  }

  /** The case directories: fixtures/rules/ID/{bad,good}/CASE. */
  static List<Path> cases() throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(FIXTURES)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(FIXTURES, 3)) {
      s.filter(p -> FIXTURES.relativize(p).getNameCount() == 3 && Files.isDirectory(p))
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  /**
   * Audits a case tree with only the given rules; returns the findings in expected.txt form. A case
   * holding a file {@code audit-as-folder} is audited as a repository folder ({@code unitaudit .}
   * inside it), every other case as {@code --root}.
   */
  static String run(RuleCatalog catalog, Path root) throws Exception {
    boolean asFolder = Files.exists(root.resolve("audit-as-folder"));
    Selection sel =
        asFolder ? Selection.of(List.of("."), null, root) : Selection.of(List.of(), root, root);
    RuleEngine engine = new RuleEngine(catalog);
    List<String> lines = new ArrayList<>();
    for (Selection.Scope scope : sel.scopes()) {
      TreeContext tree =
          new TreeContext(
              scope.loader(),
              scope.root(),
              id -> BUILT_IN.find(id).isPresent(),
              java.time.LocalDate.now(java.time.ZoneOffset.UTC));
      Set<String> seen = new TreeSet<>();
      for (String n : scope.unitNames()) {
        Unit u = tree.load(n);
        if (!seen.add(u.id())) {
          continue;
        }
        for (Finding f : engine.evaluate(tree.contextFor(u)).findings()) {
          lines.add(
              f.unit() + "\t" + f.rule() + "\t" + f.file() + ":" + f.line() + "\t" + f.message());
        }
      }
    }
    lines.sort(null);
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "<missing " + p + ">";
  }
}
