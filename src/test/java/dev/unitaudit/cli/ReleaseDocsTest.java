package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The release's man pages and completion scripts (ReleaseDocs, run by the release profile) cover
 * every command and option of the command model, and {@code unitaudit completion} prints the same
 * scripts.
 */
class ReleaseDocsTest {

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    int code =
        Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    assertEquals(0, code);
    return out.toString();
  }

  private static String gunzip(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(2, bytes[8], file + ": gzip header says maximum compression (XFL 2)");
    assertEquals(0, bytes[4] | bytes[5] | bytes[6] | bytes[7], file + ": no time in the header");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void manPagesAndCompletionCoverTheCommandModel(@TempDir Path tmp) throws Exception {
    ReleaseDocs.main(new String[] {tmp.toString(), "1.2.3~SNAPSHOT"});
    CommandLine tree = Main.commandTree();
    String bash = Files.readString(tmp.resolve("completion/unitaudit"));
    assertEquals(run("completion", "bash"), bash);
    assertEquals(
        run("completion", "zsh"), Files.readString(tmp.resolve("completion/unitaudit.zsh")));
    assertTrue(bash.contains("complete -F _complete_unitaudit"), "registers the completion");
    String top = gunzip(tmp.resolve("man/man1/unitaudit.1.gz"));
    assertTrue(top.contains(".TH \"UNITAUDIT\" \"1\""), top);
    for (var e : tree.getSubcommands().entrySet()) {
      String page = gunzip(tmp.resolve("man/man1/unitaudit-" + e.getKey() + ".1.gz"));
      assertTrue(top.contains(e.getKey()), "unitaudit(1) lists " + e.getKey());
      assertTrue(bash.contains(e.getKey()), "completion offers " + e.getKey());
      for (OptionSpec o : e.getValue().getCommandSpec().options()) {
        // troff escapes each '-' of an option name
        String name = o.longestName().replace("-", "\\-");
        assertTrue(page.contains(name), "unitaudit-" + e.getKey() + "(1) documents " + name);
        assertTrue(bash.contains(o.longestName()), "completion offers " + o.longestName());
      }
    }
    String changelog = gunzip(tmp.resolve("debian/changelog.gz"));
    assertTrue(
        changelog.startsWith("unitaudit (1.2.3~SNAPSHOT) unstable; urgency=medium\n"), changelog);
    assertTrue(
        changelog.matches(
            "(?s).*\n"
                + " -- [^<]+<[^>]+>  [A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4}"
                + " \\d\\d:\\d\\d:\\d\\d \\+0000\n"),
        changelog);
  }

  @Test
  void theCompletionScriptIsValidBash(@TempDir Path tmp) throws Exception {
    for (String shell : List.of("bash", "zsh")) {
      Path script = tmp.resolve(shell);
      Files.writeString(script, run("completion", shell));
      Process p =
          new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), out);
      assertTrue(!Files.readString(script).startsWith("#!"), "sourced, so no #! line");
    }
    // sourced in bash, it completes a subcommand and an option
    Path script = tmp.resolve("bash");
    String probe =
        "source "
            + script
            + "; COMP_WORDS=(unitaudit ex); COMP_CWORD=1; _complete_unitaudit;"
            + " printf '%s\\n' \"${COMPREPLY[@]}\"; COMP_WORDS=(unitaudit audit --fail-o);"
            + " COMP_CWORD=2; _complete_unitaudit; printf '%s\\n' \"${COMPREPLY[@]}\"";
    // compopt complains on stderr outside a real completion; only the candidates matter
    Process p =
        new ProcessBuilder("bash", "-c", probe)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertEquals("explain\n--fail-on\n", out);
  }
}
