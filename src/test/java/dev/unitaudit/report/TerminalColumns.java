package dev.unitaudit.report;

/**
 * Columns as a terminal shows them, counted independently of the code under test: one per code
 * point, two for emoji and for the wide scripts (Han, Hangul, kana, fullwidth forms), none for
 * combining marks.
 */
final class TerminalColumns {

  private TerminalColumns() {}

  static int of(String line) {
    return line.codePoints().map(TerminalColumns::of).sum();
  }

  private static int of(int cp) {
    if (Character.getType(cp) == Character.NON_SPACING_MARK) {
      return 0;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    boolean wide =
        cp >= 0x1f300 && cp <= 0x1faff
            || script == Character.UnicodeScript.HAN
            || script == Character.UnicodeScript.HANGUL
            || script == Character.UnicodeScript.HIRAGANA
            || script == Character.UnicodeScript.KATAKANA
            || (cp >= 0xff01 && cp <= 0xff60);
    return wide ? 2 : 1;
  }
}
