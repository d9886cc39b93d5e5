package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.app.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code unitaudit --version} names the pom's version and the commit the build was made from. */
class VersionLineTest {

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    return out.toString();
  }

  @Test
  void versionIsThePomsAndTheCommitIsHead() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher m = Pattern.compile("<revision>([^<]+)</revision>").matcher(pom);
    assertTrue(m.find(), "pom.xml sets the revision property");
    // a release build passes -Drevision=X.Y.Z; the test run sees whatever the build used
    String version = System.getProperty("revision", m.group(1));
    assertEquals(version, Version.get());

    Process git =
        new ProcessBuilder("git", "log", "-1", "--abbrev=12", "--format=%h")
            .redirectErrorStream(true)
            .start();
    String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, git.waitFor(), head);
    assertEquals(head, Version.commit(), "the build wrote the commit it was made from");

    String line = "unitaudit " + version + " (commit " + head + ")\n";
    assertEquals(line, run("--version"));
    assertEquals(line, run("audit", "--version"));
    assertEquals(line, run("-V"));
  }
}
