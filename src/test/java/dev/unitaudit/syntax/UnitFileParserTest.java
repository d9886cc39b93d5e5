package dev.unitaudit.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lexical rules of unit-semantics.md §2, one behaviour per test. */
class UnitFileParserTest {

  static final Set<String> SERVICE = Set.of("Unit", "Service", "Install");

  static ParsedFile parse(String text) {
    return UnitFileParser.parse(text.getBytes(StandardCharsets.UTF_8), "f.service", SERVICE);
  }

  static ParsedFile parse(byte[] data) {
    return UnitFileParser.parse(data, "f.service", SERVICE);
  }

  /** Assignments as "Section/Key=value@line". */
  static List<String> dump(ParsedFile pf) {
    return pf.assignments().stream()
        .map(a -> a.section() + "/" + a.key() + "=" + a.value() + "@" + a.line())
        .collect(Collectors.toList());
  }

  @Test
  void continuationBackslashBecomesSpaceAndLineNumberIsTheLast() {
    ParsedFile pf = parse("[Service]\nExecStart=/bin/true\nProtectSystem=str\\\nict\n");
    assertEquals(
        List.of("Service/ExecStart=/bin/true@2", "Service/ProtectSystem=str ict@4"), dump(pf));
  }

  @Test
  void continuationKeepsLeadingWhitespaceOfTheNextLine() {
    ParsedFile pf = parse("[Service]\nProtectSystem=\\\n    strict\n");
    assertEquals(List.of("Service/ProtectSystem=strict@3"), dump(pf));
    ParsedFile d = parse("[Unit]\nDescription=a\\\n  b \\\n# c\n\\\nd\n");
    assertEquals(List.of("Unit/Description=a   b   d@6"), dump(d));
  }

  @Test
  void commentLinesInsideAContinuationVanish() {
    ParsedFile pf = parse("[Service]\nProtectSystem=\\\n# a comment\n ; another\nstrict\n");
    assertEquals(List.of("Service/ProtectSystem=strict@5"), dump(pf));
  }

  @Test
  void blankLineEndsAContinuation() {
    ParsedFile pf = parse("[Service]\nNoNewPrivileges=\\\n\nPrivateTmp=yes\n");
    assertEquals(List.of("Service/NoNewPrivileges=@3", "Service/PrivateTmp=yes@4"), dump(pf));
  }

  @Test
  void continuationAtEndOfFileIsNumberedOnePastTheLastLine() {
    ParsedFile pf = parse("[Service]\nPrivateTmp=yes\nNoNewPrivileges=\\");
    assertEquals(List.of("Service/PrivateTmp=yes@2", "Service/NoNewPrivileges=@4"), dump(pf));
  }

  @Test
  void escapedBackslashDoesNotContinueButThreeDo() {
    assertEquals(
        List.of("Service/Environment=A=b\\\\@2", "Service/PrivateTmp=yes@3"),
        dump(parse("[Service]\nEnvironment=A=b\\\\\nPrivateTmp=yes\n")));
    assertEquals(
        List.of("Service/Environment=A=b\\\\ PrivateTmp=yes@3"),
        dump(parse("[Service]\nEnvironment=A=b\\\\\\\nPrivateTmp=yes\n")));
  }

  @Test
  void backslashFollowedBySpaceIsNoContinuation() {
    assertEquals(
        List.of("Service/Environment=A=b\\@2", "Service/PrivateTmp=yes@3"),
        dump(parse("[Service]\nEnvironment=A=b\\ \nPrivateTmp=yes\n")));
  }

  @Test
  void commentsOnlyAtLineStartAndInlineHashIsData() {
    ParsedFile pf =
        parse("[Service]\n   # PrivateTmp=yes\n\t; NoNewPrivileges=yes\nPrivateTmp=yes # c\n");
    assertEquals(List.of("Service/PrivateTmp=yes # c@4"), dump(pf));
  }

  @Test
  void commentEndingInBackslashDoesNotContinue() {
    assertEquals(
        List.of("Service/PrivateTmp=yes@3"),
        dump(parse("[Service]\n# comment \\\nPrivateTmp=yes\n")));
  }

  @Test
  void sectionNamesAreCaseSensitiveAndUntrimmed() {
    ParsedFile pf =
        parse(
            "[Service]\n"
                + "[service]\n"
                + "PrivateTmp=yes\n"
                + "[ Service ]\n"
                + "NoNewPrivileges=yes\n"
                + "[X-Vendor]\n"
                + "A=b\n");
    assertTrue(pf.assignments().isEmpty());
    List<String> w =
        pf.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.toList());
    assertEquals(
        List.of(
            "f.service:2: Unknown section 'service'. Ignoring.",
            "f.service:4: Unknown section ' Service '. Ignoring."),
        w);
  }

  @Test
  void sectionHeaderWithTrailingTextFailsTheFile() {
    ParsedFile pf = parse("[Service]\nNoNewPrivileges=yes\n[Service] # main\nPrivateTmp=yes\n");
    assertTrue(pf.failed());
    assertEquals(3, pf.failure().line());
    assertEquals(List.of("Service/NoNewPrivileges=yes@2"), dump(pf));
  }

  @Test
  void unterminatedSectionHeaderFailsTheFile() {
    ParsedFile pf = parse("[Service]\nNoNewPrivileges=yes\n[Service\nPrivateTmp=yes\n");
    assertTrue(pf.failed());
    assertEquals(3, pf.failure().line());
  }

  @Test
  void onlyEqualsSeparatesAndKeysAreTrimmed() {
    ParsedFile pf =
        parse("[Service]\n  PrivateTmp \t=\t yes  \nDescription: x=y\nA\\=B=c\nPrivateTmp\n=yes\n");
    assertEquals(
        List.of("Service/PrivateTmp=yes@2", "Service/Description: x=y@3", "Service/A\\=B=c@4"),
        dump(pf));
    List<String> w =
        pf.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.toList());
    assertEquals(
        List.of(
            "f.service:5: Missing '=', ignoring line.",
            "f.service:6: Missing key name before '=', ignoring line."),
        w);
  }

  @Test
  void assignmentOutsideOfSection() {
    ParsedFile pf = parse("PrivateTmp=yes\n[Service]\nExecStart=/bin/true\n");
    assertEquals(
        "f.service:1: Assignment outside of section. Ignoring.",
        pf.diagnostics().get(0).toString());
  }

  @Test
  void lineTerminatorsCrNulAndNewlineCarriageReturn() {
    assertEquals(
        List.of("Service/ExecStart=/bin/true@2", "Service/PrivateTmp=yes@3"),
        dump(parse("[Service]\rExecStart=/bin/true\rPrivateTmp=yes")));
    assertEquals(
        List.of("Service/PrivateTmp=yes@2", "Service/NoNewPrivileges=yes@3"),
        dump(parse("[Service]\nPrivateTmp=yes\0NoNewPrivileges=yes\n")));
    // measured on systemd 252: \n | \n | \r\n | \r\n, so the key is on line 5
    ParsedFile pf = parse("[Service]\n\n\r\n\r\nBogus1\n");
    assertEquals(5, pf.diagnostics().get(0).line());
    assertEquals(3, parse("[Service]\nA=1\r\n\0B=2\n").assignments().get(1).line());
    assertEquals(3, parse("[Service]\nA=1\r\0B=2\n").assignments().get(1).line());
    assertEquals(4, parse("[Service]\nA=1\r\r\nB=2\n").assignments().get(1).line());
    assertEquals(4, parse("[Service]\nA=1\0\nB=2\n").assignments().get(1).line());
    assertEquals(2, parse("[Service]\r\nPrivateTmp=yes\r\n").assignments().get(0).line());
  }

  @Test
  void bomIsStrippedOnceAndBeforeTheCommentTestDoesNotApply() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "[Service]\nPrivateTmp=yes\n".getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, data, 0, 3);
    System.arraycopy(text, 0, data, 3, text.length);
    assertEquals(List.of("Service/PrivateTmp=yes@2"), dump(parse(data)));
    byte[] c = "\uFEFF# PrivateTmp=yes\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "Assignment outside of section. Ignoring.", parse(c).diagnostics().get(0).message());
  }

  @Test
  void invalidUtf8FailsTheFileButNotInComments() {
    byte[] bad = "[Unit]\nDescription=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    ParsedFile pf = parse(bad);
    assertTrue(pf.failed());
    assertEquals(2, pf.failure().line());
    assertFalse(parse("[Unit]\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)).failed());
  }

  @Test
  void utf8AsStrictAsSystemd() {
    for (String s : new String[] {"\uFFFE", "\uFDD0", "\uDBFF\uDFFF"}) {
      assertTrue(
          parse("[Unit]\nDescription=" + s + "\n").failed(),
          "should refuse U+" + Integer.toHexString(s.codePointAt(0)));
    }
    byte[] overlong = {
      '[', 'U', 'n', 'i', 't', ']', '\n', 'A', '=', (byte) 0xC0, (byte) 0xAF, '\n'
    };
    assertTrue(parse(overlong).failed());
    byte[] surrogate = {
      '[', 'U', 'n', 'i', 't', ']', '\n', 'A', '=', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'
    };
    assertTrue(parse(surrogate).failed());
    assertFalse(parse("[Unit]\nDescription=caf\u00e9 \u2603 a\uFEFFb\n").failed());
  }

  @Test
  void lineOfOneMebibyteFailsOneByteLessLoads() {
    String head = "[Unit]\nDescription=";
    String ok =
        head + "x".repeat(UnitFileParser.LONG_LINE_MAX - 1 - "Description=".length()) + "\n";
    String tooLong =
        head + "x".repeat(UnitFileParser.LONG_LINE_MAX - "Description=".length()) + "\n";
    assertNull(parse(ok).failure());
    ParsedFile pf = parse(tooLong);
    assertTrue(pf.failed());
    assertEquals(2, pf.failure().line());
  }

  @Test
  void neverThrowsOnRandomBytes() {
    Random r = new Random(42);
    for (int i = 0; i < 2000; i++) {
      byte[] b = new byte[r.nextInt(300)];
      r.nextBytes(b);
      if (i % 2 == 0) {
        for (int k = 0; k < b.length; k++) {
          String alphabet = "[]=\\\n\r#;ab \t\0";
          b[k] = (byte) alphabet.charAt(Math.floorMod(b[k], alphabet.length()));
        }
      }
      ParsedFile pf = parse(b);
      assertTrue(pf.assignments().size() <= b.length);
    }
  }
}
