package dev.unitaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.app.Selection;
import dev.unitaudit.engine.RuleEngine;
import dev.unitaudit.engine.TreeContext;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitStatus;
import dev.unitaudit.result.Finding;
import dev.unitaudit.result.FixKind;
import dev.unitaudit.syntax.Assignment;
import dev.unitaudit.syntax.ParsedFile;
import dev.unitaudit.syntax.UnitFileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fix text is a fix (issue 12, item 7). For each finding of every rule's bad fixtures, of the
 * seed cases and of the showcase, the fix text is parsed with the project's own parser and applied
 * to a copy of the tree the way its kind says (rules/README.md, "Fix kinds"): a drop-in is written
 * as {@code UNIT.d/zz-fix.conf}, an edit replaces the finding's line, a chmod changes the file's
 * mode, a create-unit fix writes the new unit (and its drop-in), a move-secret fix is applied as
 * its edit and must not hold the secret. The tree is then audited again: the finding must be gone,
 * every unit that loaded must still load, and no unit may have a finding it did not have before
 * (units the fix created aside, which must load cleanly). A manual fix claims nothing to apply: it
 * must be only comments.
 */
class FixTextsTest {

  private static final Path RULE_FIXTURES = Path.of("fixtures/rules");
  private static final Path SEEDS = Path.of("fixtures/seeds");
  private static final Path SHOWCASE = Path.of("fixtures/showcase");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[a-z][A-Za-z]*\\}");
  private static final Pattern CREATE = Pattern.compile("# create ([^\\s,:]+)[ ,].*:");
  private static final Pattern AND_ADD = Pattern.compile("# and add to (\\S+) in a drop-in:");
  private static final Pattern CHMOD = Pattern.compile("# (chmod|chown) (\\S+) (/\\S+)");

  private static final RuleCatalog BUILT_IN = builtIn();

  private static RuleCatalog builtIn() {
    try {
      return RuleLoader.builtIn();
    } catch (RuleException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A tree to audit: root-shaped (--root) or a PATH folder (showcase). */
  private record Tree(Path source, boolean rootShaped, RuleCatalog catalog, Set<String> rules) {}

  @TestFactory
  Stream<DynamicTest> everyFixOfEveryRuleFixtureClosesItsFinding() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path c : RuleFixturesTest.cases()) {
      if (!c.getParent().getFileName().toString().equals("bad")) {
        continue;
      }
      String id = c.getParent().getParent().getFileName().toString();
      Rule rule = BUILT_IN.find(id).orElseThrow();
      // the rule itself, plus the diagnostics, which see what a fix's own lines would break
      List<Rule> rules = new ArrayList<>(List.of(rule));
      BUILT_IN.all().stream()
          .filter(r -> r.family().equals("diagnostics") && r != rule)
          .forEach(rules::add);
      // a case marked audit-as-folder is a repository folder, as RuleFixturesTest audits it
      boolean rootShaped = !Files.exists(c.resolve("audit-as-folder"));
      Tree t = new Tree(c, rootShaped, new RuleCatalog(rules), Set.of(id));
      tests.add(DynamicTest.dynamicTest(id + "/bad/" + c.getFileName(), () -> checkTree(t)));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyFixOfTheSeedCasesClosesItsFinding() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path c : SeedFixturesTest.cases()) {
      Tree t = new Tree(c, true, BUILT_IN, null);
      tests.add(DynamicTest.dynamicTest("seeds/" + c.getFileName(), () -> checkTree(t)));
    }
    return tests.stream();
  }

  @Test
  void everyFixOfTheShowcaseClosesItsFinding() throws Exception {
    checkTree(new Tree(SHOWCASE, false, BUILT_IN, null));
  }

  /** The examples of the issue, word for word. */
  @Test
  void misspeltMisplacedAndMissingGetTheirOwnFix() throws Exception {
    Path dir = Files.createTempDirectory("unitaudit-fixtext");
    try {
      Path etc = Files.createDirectories(dir.resolve("etc/systemd/system"));
      Files.writeString(
          etc.resolve("app.service"),
          String.join(
              "\n",
              "[Unit]",
              "Description=app",
              "",
              "[Service]",
              "ExecStart=/usr/bin/app",
              "OnFailur=alert@%n.service",
              "StartLimitIntervalSec=60",
              "",
              "[Services]",
              "User=app",
              ""));
      Files.writeString(
          etc.resolve("empty.service"), "[Unit]\nDescription=no command\n\n[Service]\nUser=app\n");
      Map<String, Finding> byRule = new LinkedHashMap<>();
      for (Finding f : audit(new Tree(dir, true, BUILT_IN, null), dir).findings()) {
        byRule.putIfAbsent(f.rule(), f);
      }
      assertEquals(
          List.of(
              "# move etc/systemd/system/app.service:6 to the [Unit] section, as:",
              "[Unit]",
              "OnFailure=alert@%n.service"),
          byRule.get("UA0001").fix());
      assertEquals(FixKind.EDIT, byRule.get("UA0001").fixKind());
      assertEquals(
          List.of(
              "# move etc/systemd/system/app.service:7 to the [Unit] section, as:",
              "[Unit]",
              "StartLimitIntervalSec=60"),
          byRule.get("UA0002").fix());
      assertEquals(
          List.of(
              "# replace etc/systemd/system/app.service:9 with the nearest known section:",
              "[Service]"),
          byRule.get("UA0003").fix());
      assertEquals(
          List.of(
              "# add the command the service runs (an absolute path and its arguments):",
              "[Service]",
              "ExecStart=/path/to/program"),
          byRule.get("UA0006").fix());
      assertEquals(FixKind.DROPIN, byRule.get("UA0006").fixKind());
    } finally {
      delete(dir);
    }
  }

  private static void checkTree(Tree t) throws Exception {
    Path work = Files.createTempDirectory("unitaudit-fixes");
    try {
      Path before = copy(t, work.resolve("before"));
      Result base = audit(t, before);
      List<Finding> toFix =
          base.findings().stream()
              .filter(f -> t.rules() == null || t.rules().contains(f.rule()))
              .toList();
      assertFalse(toFix.isEmpty(), t.source() + ": no finding to fix");
      int n = 0;
      for (Finding f : toFix) {
        String what =
            t.source()
                + ": "
                + f.unit()
                + " "
                + f.rule()
                + " ("
                + f.message()
                + ")\nfix:\n"
                + String.join("\n", f.fix());
        for (String l : f.fix()) {
          assertFalse(PLACEHOLDER.matcher(l).find(), what + "\nunfilled placeholder in: " + l);
        }
        if (f.fixKind() == FixKind.MANUAL) {
          assertTrue(
              f.fix().stream().allMatch(l -> l.startsWith("#")),
              what + "\na manual fix is only comments");
          continue;
        }
        Path tree = copy(t, work.resolve("fix" + n++));
        Applied done = apply(t, tree, base, f, what);
        Result after = audit(t, tree);
        closes(base, after, f, done, what);
      }
    } finally {
      delete(work);
    }
  }

  /**
   * What applying a fix did: the units it created, and for an edit the lines that now stand in the
   * finding's line (file as reported, first and last line).
   */
  private record Applied(Set<String> created, String file, int from, int to) {
    static final Applied NOTHING_ELSE = new Applied(Set.of(), null, 0, 0);

    /**
     * A finding at the rewritten lines: the line an edit corrects takes effect, and the rules about
     * what it says then judge it (RuntimeMaxSec=2h, once it parses, has no effect on a oneshot).
     */
    boolean atEdit(Finding x) {
      return file != null && file.equals(x.file()) && x.line() >= from && x.line() <= to;
    }
  }

  /** Applies the fix as its kind says. */
  private static Applied apply(Tree t, Path tree, Result base, Finding f, String what)
      throws IOException {
    Unit u = base.units().get(f.unit());
    switch (f.fixKind()) {
      case DROPIN -> {
        dropIn(t, tree, f.unit(), parsed(f.fix(), u, what));
        return Applied.NOTHING_ELSE;
      }
      case EDIT -> {
        return edit(t, tree, f, u, what);
      }
      case MOVE_SECRET -> {
        String text = String.join("\n", f.fix());
        assertTrue(
            text.contains("0600"), what + "\nthe secret's new file must be root-only (0600)");
        for (String secret : secretValues(t, tree, f)) {
          assertFalse(text.contains(secret), what + "\nthe fix repeats the secret");
        }
        return edit(t, tree, f, u, what);
      }
      case CHMOD -> {
        chmod(tree, f, what);
        return Applied.NOTHING_ELSE;
      }
      case CREATE_UNIT -> {
        return new Applied(create(t, tree, f, u, what), null, 0, 0);
      }
      default -> throw new AssertionError(what + "\nno way to apply a " + f.fixKind() + " fix");
    }
  }

  /** The lines parsed as a drop-in of the unit's type: no warning, at least one assignment. */
  private static String parsed(List<String> lines, Unit u, String what) {
    String text = String.join("\n", lines) + "\n";
    ParsedFile pf =
        UnitFileParser.parse(
            text.getBytes(StandardCharsets.UTF_8), "fix", new LinkedHashSet<>(u.type().sections()));
    assertEquals(List.of(), pf.diagnostics(), what);
    assertFalse(pf.assignments().isEmpty(), what + "\nthe fix sets nothing");
    return text;
  }

  private static void dropIn(Tree t, Path tree, String unit, String text) throws IOException {
    Path d = unitDir(t, tree).resolve(unit + ".d");
    Files.createDirectories(d);
    Files.writeString(d.resolve("zz-fix.conf"), text);
  }

  private static Path unitDir(Tree t, Path tree) {
    return t.rootShaped() ? tree.resolve("etc/systemd/system") : tree;
  }

  /**
   * Replaces the finding's line with the fix lines. When the line was an assignment and the fix
   * puts it under another section, the line's own section is opened again after it, so that the
   * lines that follow stay where they were: this is "move the line there".
   */
  private static Applied edit(Tree t, Path tree, Finding f, Unit u, String what)
      throws IOException {
    assertTrue(f.line() > 0, what + "\nan edit needs the finding's line");
    String text = String.join("\n", f.fix()) + "\n";
    ParsedFile pf = UnitFileParser.parse(text.getBytes(StandardCharsets.UTF_8), "fix", null);
    assertEquals(List.of(), pf.diagnostics(), what);
    Path file = file(t, tree, f.file());
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    String old = lines.get(f.line() - 1);
    String section = null;
    for (int i = 0; i < f.line() - 1; i++) {
      String l = lines.get(i).strip();
      if (l.startsWith("[") && l.endsWith("]")) {
        section = l;
      }
    }
    List<String> replacement = new ArrayList<>(f.fix());
    List<Assignment> headers = pf.sectionHeaders();
    boolean assignment = !old.strip().startsWith("[");
    if (assignment
        && section != null
        && !headers.isEmpty()
        && !("[" + headers.get(headers.size() - 1).section() + "]").equals(section)) {
      replacement.add(section);
    }
    lines.remove(f.line() - 1);
    lines.addAll(f.line() - 1, replacement);
    Files.writeString(file, String.join("\n", lines) + "\n");
    return new Applied(Set.of(), f.file(), f.line(), f.line() + replacement.size() - 1);
  }

  private static void chmod(Path tree, Finding f, String what) throws IOException {
    int applied = 0;
    for (String l : f.fix()) {
      Matcher m = CHMOD.matcher(l);
      if (!m.matches()) {
        assertTrue(l.startsWith("#"), what + "\na chmod fix is only comments");
        continue;
      }
      Path p = tree.resolve(m.group(3).substring(1));
      assertTrue(
          Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS),
          what + "\nno such file: " + m.group(3));
      if (m.group(1).equals("chmod")) {
        assertTrue(m.group(2).matches("[0-7]{4}"), what + "\nmode " + m.group(2));
        Files.setPosixFilePermissions(
            p, dev.unitaudit.check.FileModeFixturesTest.mode(Integer.parseInt(m.group(2), 8)));
      } else {
        String[] owner = m.group(2).split(":");
        var lookup = p.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(owner[0]);
        Files.setOwner(p, user);
        if (owner.length > 1) {
          Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class)
              .setGroup(lookup.lookupPrincipalByGroupName(owner[1]));
        }
      }
      applied++;
    }
    assertTrue(applied > 0, what + "\nno '# chmod MODE /PATH' line");
  }

  private static Set<String> create(Tree t, Path tree, Finding f, Unit u, String what)
      throws IOException {
    Matcher m = CREATE.matcher(f.fix().get(0));
    assertTrue(m.matches(), what + "\na create-unit fix starts with '# create NAME:'");
    String name = m.group(1);
    UnitName un = UnitName.parse(name);
    assertTrue(un != null, what + "\nnot a unit name: " + name);
    List<String> unitLines = new ArrayList<>();
    List<String> dropLines = null;
    String dropFor = null;
    for (String l : f.fix().subList(1, f.fix().size())) {
      Matcher a = AND_ADD.matcher(l);
      if (a.matches()) {
        dropFor = a.group(1);
        dropLines = new ArrayList<>();
      } else if (dropLines != null) {
        dropLines.add(l);
      } else {
        unitLines.add(l);
      }
    }
    String text = String.join("\n", unitLines) + "\n";
    ParsedFile pf =
        UnitFileParser.parse(
            text.getBytes(StandardCharsets.UTF_8), name, new LinkedHashSet<>(un.type().sections()));
    assertEquals(List.of(), pf.diagnostics(), what);
    Path target = unitDir(t, tree).resolve(name);
    assertFalse(Files.exists(target), what + "\n" + name + " exists already");
    Files.writeString(target, text);
    if (dropLines != null) {
      assertEquals(f.unit(), dropFor, what);
      dropIn(t, tree, f.unit(), parsed(dropLines, u, what));
    }
    return Set.of(un.isTemplate() ? un.withInstance("i").name() : name);
  }

  /** The values the finding's secret had on its line, which the fix must not repeat. */
  private static List<String> secretValues(Tree t, Path tree, Finding f) throws IOException {
    String line =
        Files.readAllLines(file(t, tree, f.file()), StandardCharsets.UTF_8).get(f.line() - 1);
    Matcher m = Pattern.compile("(\\S+)=\\*\\*\\*\\*").matcher(f.message());
    List<String> out = new ArrayList<>();
    if (m.find()) {
      Matcher v = Pattern.compile(Pattern.quote(m.group(1)) + "[= ]([^\\s\"']{4,})").matcher(line);
      while (v.find()) {
        out.add(v.group(1));
      }
    }
    return out;
  }

  private static void closes(Result before, Result after, Finding f, Applied done, String what) {
    Set<String> created = done.created();
    Set<String> now = messages(after, f.unit(), f.rule());
    assertFalse(now.contains(f.message()), what + "\nstill reported after the fix");
    assertTrue(
        counts(after, created).getOrDefault(f.unit() + " " + f.rule(), 0)
            < counts(before, created).get(f.unit() + " " + f.rule()),
        what + "\nreported as often as before: " + now);
    for (Map.Entry<String, Unit> e : before.units().entrySet()) {
      Unit a = after.units().get(e.getKey());
      if (e.getValue().status() == UnitStatus.LOADED || e.getKey().equals(f.unit())) {
        assertTrue(
            a != null && a.status() == UnitStatus.LOADED,
            what
                + "\n"
                + e.getKey()
                + " no longer loads: "
                + (a == null ? "gone" : a.diagnostics()));
      }
    }
    // a finding the unit had before may read differently (fewer capabilities left), but no rule may
    // report a unit more often than before
    Map<String, Integer> old = counts(before, created);
    for (Finding x : after.findings()) {
      if (created.contains(x.unit())) {
        assertFalse(
            x.rule().startsWith("UA0"),
            what + "\nthe created unit does not load cleanly: " + x.message());
      }
    }
    Result judged =
        new Result(after.findings().stream().filter(x -> !done.atEdit(x)).toList(), after.units());
    for (Map.Entry<String, Integer> e : counts(judged, created).entrySet()) {
      assertTrue(
          e.getValue() <= old.getOrDefault(e.getKey(), 0),
          what
              + "\nthe fix causes a new finding: "
              + e.getKey()
              + " "
              + messagesOf(after, e.getKey()));
    }
    for (String c : created) {
      Unit cu = after.units().get(c);
      assertTrue(
          cu != null && cu.status() == UnitStatus.LOADED,
          what + "\nthe created unit " + c + " does not load");
    }
  }

  /** Findings per "unit rule", leaving out the units a fix created. */
  private static Map<String, Integer> counts(Result r, Set<String> created) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    for (Finding f : r.findings()) {
      if (!created.contains(f.unit())) {
        out.merge(f.unit() + " " + f.rule(), 1, Integer::sum);
      }
    }
    return out;
  }

  private static List<String> messagesOf(Result r, String unitRule) {
    return r.findings().stream()
        .filter(f -> unitRule.equals(f.unit() + " " + f.rule()))
        .map(Finding::message)
        .toList();
  }

  private static Set<String> messages(Result r, String unit, String rule) {
    Set<String> out = new TreeSet<>();
    for (Finding f : r.findings()) {
      if (f.unit().equals(unit) && f.rule().equals(rule)) {
        out.add(f.message());
      }
    }
    return out;
  }

  private record Result(List<Finding> findings, Map<String, Unit> units) {}

  /** Audits a copy with the tree's rules, every unit, as RuleFixturesTest does. */
  private static Result audit(Tree t, Path tree) throws Exception {
    Selection sel =
        t.rootShaped()
            ? Selection.of(List.of(), tree, tree)
            : Selection.of(List.of(tree.getFileName().toString()), null, tree.getParent());
    TreeContext ctx =
        new TreeContext(
            sel.loader(),
            t.rootShaped() ? tree : null,
            id -> BUILT_IN.find(id).isPresent(),
            java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    RuleEngine engine = new RuleEngine(t.catalog());
    List<Finding> out = new ArrayList<>();
    Map<String, Unit> units = new LinkedHashMap<>();
    for (String name : sel.unitNames()) {
      Unit u = ctx.load(name);
      if (units.putIfAbsent(u.id(), u) != null) {
        continue;
      }
      // as Audit does: a link leaving a repository folder is judged by the diagnostics rules
      boolean outsideLink =
          u.diagnostics().stream()
              .anyMatch(d -> dev.unitaudit.syntax.Diagnostic.OUTSIDE_LINK.equals(d.category()));
      if (u.status() == UnitStatus.LOADED || u.status() == UnitStatus.BAD_SETTING || outsideLink) {
        out.addAll(engine.evaluate(ctx.contextFor(u)).findings());
      }
    }
    return new Result(out, units);
  }

  /** A finding's file (root-relative, or relative to the PATH folder's parent) in the copy. */
  private static Path file(Tree t, Path tree, String display) {
    return t.rootShaped() ? tree.resolve(display) : tree.getParent().resolve(display);
  }

  /** The tree as a fresh clone has it (modes from a setup file applied), in a scratch folder. */
  private static Path copy(Tree t, Path to) throws IOException {
    Path dest = t.rootShaped() ? to : to.resolve(t.source().getFileName().toString());
    if (Files.exists(t.source().resolve("setup"))) {
      return dev.unitaudit.check.FileModeFixturesTest.prepare(t.source(), dest);
    }
    try (Stream<Path> s = Files.walk(t.source())) {
      for (Path p : s.toList()) {
        Path d = dest.resolve(t.source().relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          Files.createDirectories(d.getParent());
          Files.createSymbolicLink(d, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p)) {
          Files.createDirectories(d);
        } else {
          Files.copy(p, d);
        }
      }
    }
    return dest;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> w = Files.walk(dir)) {
      w.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    }
  }
}
