package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** The outside validators the report tests run: the official SARIF validator and promtool. */
final class Validators {

  private Validators() {}

  static boolean ci() {
    return "true".equals(System.getenv("CI"));
  }

  /** A validator diagnostic: {@code file(line,col): error SARIF1234: …}. */
  private static final Pattern SARIF_ERROR = Pattern.compile(": error [A-Z]+[0-9]+: ");

  /**
   * Runs {@code npx @microsoft/sarif-multitool validate} (SARIF and GitHub rule kinds) on the file
   * and fails on any error; returns the validator's summary (its last lines and the count of each
   * warning kind). The tool exits 0 even when it reports errors, so the output is read.
   */
  static String sarifMultitool(Path file) throws Exception {
    // the npm wrapper passes arguments through a shell, hence the inner quotes around the ';' list
    Process p =
        new ProcessBuilder(
                "npx",
                "-y",
                "@microsoft/sarif-multitool",
                "validate",
                "--rule-kind",
                "'Sarif;Gh'",
                file.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "validator timed out");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("Analysis completed successfully"), out);
    assertFalse(SARIF_ERROR.matcher(out).find(), out);
    java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
    java.util.regex.Matcher m = Pattern.compile(": (warning|note) ([A-Z]+[0-9]+): ").matcher(out);
    while (m.find()) {
      kinds.merge(m.group(1) + " " + m.group(2), 1, Integer::sum);
    }
    String tail =
        out.substring(
            Math.max(
                0, out.lastIndexOf("Done.") < 0 ? out.length() - 200 : out.lastIndexOf("Done.")));
    return "sarif-multitool validate "
        + file.getFileName()
        + ": 0 errors, "
        + kinds
        + "; "
        + tail.strip();
  }

  /** promtool on the PATH, or null. */
  static Path promtool() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "promtool");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * {@code promtool check metrics < file}: the exposition parses and passes promtool's lint (exit
   * 0, nothing printed). Without promtool it fails when CI=true (.ci/run installs Debian's
   * prometheus package, which ships it) and returns null otherwise.
   */
  static String promtoolCheck(Path file) throws Exception {
    Path promtool = promtool();
    if (promtool == null) {
      assertFalse(
          ci(),
          "promtool is not installed and CI=true: apt-get install prometheus (it ships promtool)");
      System.out.println(
          "promtool not installed: skipped promtool check metrics on " + file.getFileName());
      return null;
    }
    Process p =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "promtool timed out");
    assertEquals(0, p.exitValue(), "promtool check metrics < " + file + ":\n" + out);
    assertEquals("", out.strip(), "promtool check metrics printed problems");
    return "promtool check metrics < " + file.getFileName() + ": exit 0, no output";
  }

  /** Parses XML as the JUnit consumers do, with DTDs refused. */
  static Document xml(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  /**
   * The first character a terminal could act on: a C0 control other than LF and TAB, DEL, a C1
   * control, a line/paragraph separator or a bidi control; -1 when there is none.
   */
  static int terminalControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t')
          || (c >= 0x7f && c < 0xa0)
          || c == '\u2028'
          || c == '\u2029'
          || (c >= '\u202a' && c <= '\u202e')
          || (c >= '\u2066' && c <= '\u2069')) {
        return i;
      }
    }
    return -1;
  }

  static void assertTerminalClean(String s, String what) {
    int i = terminalControl(s);
    assertEquals(
        -1,
        i,
        () ->
            what
                + " carries raw U+"
                + String.format("%04X", (int) s.charAt(i))
                + " near \""
                + TextSafety.clean(s.substring(Math.max(0, i - 40), Math.min(s.length(), i + 20)))
                + "\"");
  }
}
