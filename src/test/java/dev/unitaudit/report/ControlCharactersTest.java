package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Issue 5, "Done when": units whose Description and values carry terminal escape sequences (ESC [ …
 * m, an OSC title, BEL), other C0 controls and DEL (U+0001, U+007F), C1 controls (U+0085, U+009B
 * which terminals take as CSI, U+009D), bidi overrides and isolates (U+202E, U+2066) and {@code
 * ]]>}, in a drop-in's file name too, audited through the command line into every format: the JUnit
 * XML parses and keeps the text visible, and no output carries a raw control character (text,
 * Markdown, GitHub annotations and Prometheus as shown; JSON and SARIF escape them as \\uXXXX,
 * which parses back to the same strings).
 *
 * <p>The tree is written by the test rather than committed under fixtures/: a committed file with
 * raw escape sequences would itself rewrite the terminal of whoever runs cat or git diff.
 */
class ControlCharactersTest {

  static final String ESC = "\u001b";
  static final String HOSTILE =
      ESC
          + "[31mred"
          + ESC
          + "[0m "
          + ESC
          + "]0;pwned\u0007 \u0001\u007f \u0085\u009b2J\u009d"
          + " \u202eevil\u202c \u2066iso\u2069 ]]> <x> & \"q\" end";

  @Test
  void everyFormatIsValidAndTerminalClean(@TempDir Path tmp) throws Exception {
    Path etc = Files.createDirectories(tmp.resolve("root/etc/systemd/system"));
    Files.writeString(
        etc.resolve("ctl.service"),
        "[Unit]\nDescription="
            + HOSTILE
            + "\n"
            + "[Service]\nExecStart=/bin/echo ]]> "
            + ESC
            + "[2J \u009b31m\n"
            + "Environment=A=]]>\u009b31m B=x"
            + ESC
            + "[5m\n"
            + "PrivateTmpp=yes"
            + ESC
            + "[31m]]>\n"
            + "User=root\n",
        StandardCharsets.UTF_8);
    Path dropins = Files.createDirectories(etc.resolve("ctl.service.d"));
    Files.writeString(
        dropins.resolve("]]>" + ESC + "[31m\u202e.conf"),
        "[Service]\nProtectHome=]]>" + ESC + "[31mbogus\u0085\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        etc.resolve("bad.service"),
        "[Unit]\nDescription=bad ]]> "
            + ESC
            + "[31m\u009b\n"
            + "[Service]\nExecStart=relative"
            + ESC
            + "[31m]]>\u202e\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        etc.resolve("ctl.timer"),
        "[Unit]\nDescription=timer ]]> "
            + ESC
            + "[1m\u0001\u007f\u0085\u202e\n"
            + "[Timer]\nOnCalendar=daily\n",
        StandardCharsets.UTF_8);

    List<String> args =
        new ArrayList<>(
            List.of(
                "--root",
                tmp.resolve("root").toString(),
                "--ignore-tree-config",
                "--no-fail",
                "-f",
                "text",
                "-o",
                tmp.resolve("r.txt").toString()));
    for (String f : List.of("json", "junit", "sarif", "markdown", "github", "prometheus")) {
      args.addAll(List.of("--report", f + "=" + tmp.resolve("r." + f)));
    }
    StringWriter err = new StringWriter();
    assertEquals(
        0,
        Main.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            args.toArray(String[]::new)),
        err.toString());

    // the hostile text reached the report as it is in the files
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
    JsonNode ctl = null;
    for (JsonNode u : report.get("units")) {
      if (u.get("unit").asText().equals("ctl.service")) {
        ctl = u;
      }
    }
    assertTrue(ctl != null, report.toString());
    assertEquals(HOSTILE, ctl.get("description").asText());
    assertEquals(
        "etc/systemd/system/ctl.service.d/]]>" + ESC + "[31m\u202e.conf",
        ctl.get("dropins").get(0).asText());

    // JUnit: valid XML 1.0, the escapes visible, the markup literal
    Document junit = Validators.xml(Files.readAllBytes(tmp.resolve("r.junit")));
    String xmlText = junit.getDocumentElement().getTextContent();
    assertTrue(xmlText.contains("relative\\x1b[31m]]>\\u202e"), xmlText);
    assertTrue(xmlText.contains("]]>\\x1b[31mbogus\\x85"), xmlText);

    // every format: no raw control character, whoever prints it
    for (String f :
        List.of(
            "r.txt", "r.json", "r.junit", "r.sarif", "r.markdown", "r.github", "r.prometheus")) {
      Validators.assertTerminalClean(Files.readString(tmp.resolve(f), StandardCharsets.UTF_8), f);
    }
    assertTrue(
        err.toString()
            .contains(
                "bad.service: etc/systemd/system/bad.service:4: Executable name contains special"
                    + " characters: relative\\x1b[31m]]>\\u202e"),
        "the refused unit's error is on stderr: " + err);
    Validators.assertTerminalClean(err.toString(), "stderr");
    new ObjectMapper().readTree(tmp.resolve("r.sarif").toFile());
    assertEquals(
        List.of(), PromText.parse(Files.readAllBytes(tmp.resolve("r.prometheus"))).problems());
    String text = Files.readString(tmp.resolve("r.txt"), StandardCharsets.UTF_8);
    assertTrue(text.contains(TextSafety.clean(HOSTILE)), text);
    assertTrue(
        text.contains(
            "\\x1b[31mred\\x1b[0m \\x1b]0;pwned\\x07 \\x01\\x7f \\x85\\x9b2J\\x9d"
                + " \\u202eevil\\u202c"),
        text);
    assertFalse(Files.readString(tmp.resolve("r.markdown")).contains("]]>" + ESC));
  }
}
