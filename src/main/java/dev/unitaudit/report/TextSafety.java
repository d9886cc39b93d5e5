package dev.unitaudit.report;

/**
 * Makes text from unit files safe for a terminal: control characters (escape sequences, NUL, bell,
 * carriage returns…), bidi overrides and lone surrogates are shown as hex escapes (backslash-x-NN,
 * backslash-u-NNNN) instead of being sent raw, so a unit file cannot rewrite the reader's screen,
 * and the text always encodes as UTF-8.
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
      boolean bad =
          (c < 0x20 && c != '\t')
              || c == 0x7f
              || (c >= 0x80 && c < 0xa0)
              || c == '\u2028'
              || c == '\u2029'
              || (c >= '\u202a' && c <= '\u202e')
              || (c >= '\u2066' && c <= '\u2069')
              || (Character.isSurrogate(c) && !paired(s, i));
      if (bad) {
        if (out == null) {
          out = new StringBuilder(s.length() + 8);
          out.append(s, 0, i);
        }
        out.append(
            c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** A surrogate that is half of a pair; a lone one cannot be encoded as UTF-8. */
  private static boolean paired(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** {@link #clean} for text that may span lines: each line is cleaned, the line feeds are kept. */
  public static String cleanLines(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf('\n') < 0) {
      return clean(s);
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    int start = 0;
    for (int nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
      out.append(clean(s.substring(start, nl))).append('\n');
      start = nl + 1;
    }
    return out.append(clean(s.substring(start))).toString();
  }
}
