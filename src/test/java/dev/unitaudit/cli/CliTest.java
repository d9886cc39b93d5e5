package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box checks of the command line: exit codes, stdout, stderr. */
class CliTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void versionAndHelp() {
    Run v = run("--version");
    assertEquals(0, v.code());
    assertTrue(v.out().startsWith("unitaudit "), v.out());
    Run h = run("--help");
    assertEquals(0, h.code());
    assertTrue(h.out().contains("cat") && h.out().contains("diff"), h.out());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run r = run("cat", "--no-such-option", "x.service");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no-such-option"), r.err());
  }

  @Test
  void catShowsProvenanceAndDropIns(@TempDir Path tmp) throws Exception {
    Path u = Files.createDirectories(tmp.resolve("usr/lib/systemd/system"));
    Path e = Files.createDirectories(tmp.resolve("etc/systemd/system/foo.service.d"));
    Files.writeString(u.resolve("foo.service"), "[Service]\nExecStart=/bin/true\nPrivateTmp=no\n");
    Files.writeString(e.resolve("override.conf"), "[Service]\nPrivateTmp=yes\n");
    Run r = run("cat", "--root", tmp.toString(), "foo.service");
    assertEquals(0, r.code(), r.err());
    String expected =
        String.join(
            "\n",
            "# unit: foo.service",
            "# status: loaded",
            "# fragment: usr/lib/systemd/system/foo.service",
            "# drop-in 1: etc/systemd/system/foo.service.d/override.conf",
            "",
            "[Service]",
            "ExecStart=/bin/true    # usr/lib/systemd/system/foo.service:2",
            "PrivateTmp=yes    # etc/systemd/system/foo.service.d/override.conf:2",
            "");
    assertEquals(expected, r.out());
    Run missing = run("cat", "--root", tmp.toString(), "nope.service");
    assertEquals(2, missing.code());
  }

  @Test
  void catJson(@TempDir Path tmp) throws Exception {
    Path e = Files.createDirectories(tmp.resolve("etc/systemd/system"));
    Files.writeString(e.resolve("bar.service"), "[Service]\nExecStart=/bin/true\n");
    Run r = run("cat", "--root", tmp.toString(), "bar.service", "--format", "json");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("\"file\" : \"etc/systemd/system/bar.service\""), r.out());
  }

  @Test
  void diffOfIdenticalReportsSaysNoChanges(@TempDir Path tmp) throws Exception {
    String report =
        "{\"schemaVersion\":1,\"tool\":{\"name\":\"unitaudit\",\"version\":\"x\"},\"units\":[],\"errors\":[]}";
    Files.writeString(tmp.resolve("a.json"), report);
    Files.writeString(tmp.resolve("b.json"), report);
    Run r = run("diff", tmp.resolve("a.json").toString(), tmp.resolve("b.json").toString());
    assertEquals(0, r.code());
    assertEquals("no changes\n", r.out());
    Run bad = run("diff", tmp.resolve("a.json").toString(), tmp.resolve("missing.json").toString());
    assertEquals(2, bad.code());
  }
}
