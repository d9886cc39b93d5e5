package dev.unitaudit.report;

/**
 * Makes text from unit files safe for a terminal: control characters (escape sequences, NUL,
 * bell, carriage returns…) are shown as hex escapes (backslash-x-NN, backslash-u-NNNN) instead of being sent raw,
 * so a unit file cannot rewrite the reader's screen.
 */
public final class TextSafety {

  private TextSafety() {}

  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)
          || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
      if (bad) {
        if (out == null) {
          out = new StringBuilder(s.length() + 8);
          out.append(s, 0, i);
        }
        out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}
