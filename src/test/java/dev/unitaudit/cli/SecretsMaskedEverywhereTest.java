package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "Done when": credentials written into a unit appear masked in every format, in {@code
 * settings[]}, in {@code diff}, in {@code fix --format diff} and in {@code cat} (unless {@code
 * --show-secrets}); one definition ({@code rules/secrets.json} words and model.Secrets) decides.
 */
class SecretsMaskedEverywhereTest {

  private static final List<String> SECRETS =
      List.of("AKIAIOSFODNN7EXAMPLE", "hunter2secret", "tok3nvalue99", "cmdpass77", "urlpw55");

  private static final String FORMATS = "text json junit sarif markdown github prometheus";

  @TempDir Path tmp;

  private Path root(String name, String token) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name + "/etc/systemd/system"));
    Files.writeString(
        dir.resolve("web.service"),
        "[Unit]\nDescription=Web\n[Service]\n"
            + "Environment=AWS_ACCESS_KEY=AKIAIOSFODNN7EXAMPLE DB_PASSWORD=hunter2secret API_TOKEN="
            + token
            + "\n"
            + "ExecStart=/usr/bin/web --password=cmdpass77 --db postgres://app:urlpw55@db/app\n");
    return tmp.resolve(name);
  }

  private static void assertMasked(String what, String text) {
    for (String s : SECRETS) {
      assertFalse(text.contains(s), what + " prints " + s + ":\n" + text);
    }
  }

  @Test
  void everyReportFormatAndSettingsAreMasked() throws Exception {
    Path root = root("a", "tok3nvalue99");
    List<String> args =
        new ArrayList<>(
            List.of("--root", root.toString(), "--no-fail", "--include-settings", "web.service"));
    for (String f : FORMATS.split(" ")) {
      args.add("--report");
      args.add(f + "=" + tmp.resolve("r." + f));
    }
    Run r = CliTest.run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    assertMasked("stdout", r.out());
    assertMasked("stderr", r.err());
    for (String f : FORMATS.split(" ")) {
      assertMasked(f, Files.readString(tmp.resolve("r." + f)));
    }
    String json = Files.readString(tmp.resolve("r.json"));
    assertTrue(
        json.contains("AWS_ACCESS_KEY=**** DB_PASSWORD=**** API_TOKEN=****"),
        "settings[]: " + json);
    assertTrue(json.contains("postgres://app:****@db/app"), json);
    assertTrue(json.contains("\"rule\" : \"UA7001\""), json);
  }

  @Test
  void diffOfTwoReportsIsMasked() throws Exception {
    Path a = root("a", "tok3nvalue99");
    Path b = root("b", "otherTok3n88");
    for (String[] x : new String[][] {{a.toString(), "a.json"}, {b.toString(), "b.json"}}) {
      Run r =
          CliTest.run(
              "--root",
              x[0],
              "--no-fail",
              "--include-settings",
              "-f",
              "json",
              "-o",
              tmp.resolve(x[1]).toString(),
              "web.service");
      assertEquals(0, r.code(), r.err());
    }
    Run d = CliTest.run("diff", tmp.resolve("a.json").toString(), tmp.resolve("b.json").toString());
    assertMasked("diff", d.out() + d.err());
    assertFalse((d.out() + d.err()).contains("otherTok3n88"), d.out());
  }

  @Test
  void catMasksUnlessAsked() throws Exception {
    Path root = root("a", "tok3nvalue99");
    for (String f : List.of("text", "json")) {
      Run r = CliTest.run("cat", "--root", root.toString(), "-f", f, "web.service");
      assertEquals(0, r.code(), r.err());
      assertMasked("cat -f " + f, r.out());
      assertTrue(r.out().contains("DB_PASSWORD=****"), r.out());
    }
    Run shown = CliTest.run("cat", "--root", root.toString(), "--show-secrets", "web.service");
    for (String s : SECRETS) {
      assertTrue(shown.out().contains(s), "--show-secrets hides " + s + ":\n" + shown.out());
    }
  }

  @Test
  void fixDiffIsMasked() throws Exception {
    Path root = root("a", "tok3nvalue99");
    Run r = CliTest.run("fix", "--root", root.toString(), "-f", "diff", "web.service");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("NoNewPrivileges=yes"), r.out());
    assertMasked("fix -f diff", r.out() + r.err());
  }
}
