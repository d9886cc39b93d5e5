package dev.unitaudit.report;

/**
 * How many terminal columns a string takes, and cutting it to fit with an ellipsis, as
 * systemd-analyze's tables do ({@code …}, or {@code ...} where the terminal is not UTF-8). Columns
 * are counted as a terminal counts them (wcwidth): one per code point, two for East Asian wide
 * characters and emoji, none for combining marks and zero-width characters. The text has passed
 * through {@link TextSafety}, so it holds no control characters.
 */
final class Columns {

  /**
   * A width that never cuts: output that is not a terminal, or {@code RenderOptions.width() == 0}.
   */
  static final int UNLIMITED = Integer.MAX_VALUE;

  private Columns() {}

  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += width(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  static int width(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || cp == 0x200b
        || (cp >= 0x200c && cp <= 0x200f)
        || (cp >= 0xfe00 && cp <= 0xfe0f)
        || cp == 0xfeff) {
      return 0;
    }
    return wide(cp) ? 2 : 1;
  }

  /** The East Asian Wide and Fullwidth blocks and the emoji planes, as glibc's wcwidth has them. */
  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115f)
        || (cp >= 0x2e80 && cp <= 0x303e)
        || (cp >= 0x3041 && cp <= 0x33ff)
        || (cp >= 0x3400 && cp <= 0x4dbf)
        || (cp >= 0x4e00 && cp <= 0x9fff)
        || (cp >= 0xa000 && cp <= 0xa4cf)
        || (cp >= 0xac00 && cp <= 0xd7a3)
        || (cp >= 0xf900 && cp <= 0xfaff)
        || (cp >= 0xfe30 && cp <= 0xfe4f)
        || (cp >= 0xff00 && cp <= 0xff60)
        || (cp >= 0xffe0 && cp <= 0xffe6)
        || (cp >= 0x1f300 && cp <= 0x1f64f)
        || (cp >= 0x1f680 && cp <= 0x1f6ff)
        || (cp >= 0x1f900 && cp <= 0x1f9ff)
        || (cp >= 0x1fa70 && cp <= 0x1faff)
        || (cp >= 0x20000 && cp <= 0x3fffd);
  }

  /**
   * {@code s} if it fits in {@code max} columns, else its start and an ellipsis in exactly that
   * room or less.
   */
  static String cut(String s, int max, boolean unicode) {
    if (max == UNLIMITED || width(s) <= max) {
      return s;
    }
    String ellipsis = unicode ? "…" : "...";
    int room = max - ellipsis.length();
    if (room < 0) {
      return ellipsis.substring(0, Math.max(0, max));
    }
    StringBuilder out = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = width(cp);
      if (w + cw > room) {
        break;
      }
      out.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    // a cut after a space would show "word …"; systemd's ellipsize keeps the text tight too
    while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
      out.setLength(out.length() - 1);
    }
    return out.append(ellipsis).toString();
  }

  /** {@code s} padded with spaces to {@code w} columns, on the right (left-aligned) or the left. */
  static String pad(String s, int w, boolean right) {
    int n = w - width(s);
    if (n <= 0) {
      return s;
    }
    String spaces = " ".repeat(n);
    return right ? spaces + s : s + spaces;
  }
}
