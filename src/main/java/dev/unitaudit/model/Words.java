package dev.unitaudit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * systemd's extract_first_word() (src/basic/extract-word.c) with EXTRACT_UNQUOTE and optionally
 * EXTRACT_CUNESCAPE: splits a value into words, removing {@code "…"} and {@code '…'} quotes and
 * (optionally) resolving C escapes such as {@code \n}, {@code \x20}, {@code \u00e9}.
 */
public final class Words {

  /** The outcome: the words, or why the value is invalid. */
  public record Result(List<String> words, String error, boolean unknownEscapes) {
    public boolean ok() {
      return error == null;
    }
  }

  private static final java.util.regex.Pattern WHITESPACE =
      java.util.regex.Pattern.compile("[ \t\n\r]+");

  private Words() {}

  /**
   * The words of a value as extract_first_word() with no flags splits them: at whitespace, quotes
   * kept as ordinary characters (SystemCallFilter=, RestrictNamespaces=, IPAddressAllow= read their
   * words this way).
   */
  public static List<String> splitPlain(String s) {
    List<String> out = new java.util.ArrayList<>();
    for (String w : s.split("[ \t\n\r]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Splits {@code s}. With {@code cunescape}, an unknown escape is an error unless {@code
   * relaxUnknownEscapes}, in which case it is kept literally (what Exec*= does, with a warning) and
   * {@link Result#unknownEscapes()} is set.
   */
  public static Result split(String s, boolean cunescape, boolean relaxUnknownEscapes) {
    List<String> words = new ArrayList<>();
    boolean unknown = false;
    int i = 0;
    int n = s.length();
    while (true) {
      while (i < n && isSpace(s.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return new Result(words, null, unknown);
      }
      StringBuilder w = new StringBuilder();
      char quote = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (quote == 0 && isSpace(c)) {
          break;
        }
        if (c == '\\') {
          if (i + 1 >= n) {
            if (relaxUnknownEscapes) {
              w.append('\\');
              i++;
              unknown = true;
              continue;
            }
            return new Result(words, "Unbalanced escape at the end of the value", unknown);
          }
          if (cunescape) {
            int[] consumed = new int[1];
            String r = unescapeOne(s, i + 1, consumed);
            if (r == null) {
              if (!relaxUnknownEscapes) {
                return new Result(words, "Invalid escape sequence in '" + s + "'", unknown);
              }
              unknown = true;
              w.append('\\').append(s.charAt(i + 1));
              i += 2;
            } else {
              w.append(r);
              i += 1 + consumed[0];
            }
          } else {
            w.append(s.charAt(i + 1));
            i += 2;
          }
          continue;
        }
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          } else {
            w.append(c);
          }
          i++;
          continue;
        }
        if (c == '"' || c == '\'') {
          quote = c;
          i++;
          continue;
        }
        w.append(c);
        i++;
      }
      if (quote != 0) {
        return new Result(words, "Unbalanced quoting", unknown);
      }
      words.add(w.toString());
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** cunescape_one(): the text for the escape starting at {@code s[at]} (after the backslash). */
  static String unescapeOne(String s, int at, int[] consumed) {
    char c = s.charAt(at);
    consumed[0] = 1;
    switch (c) {
      case 'a':
        return "\u0007";
      case 'b':
        return "\b";
      case 'f':
        return "\f";
      case 'n':
        return "\n";
      case 'r':
        return "\r";
      case 't':
        return "\t";
      case 'v':
        return "\u000b";
      case '\\':
        return "\\";
      case '"':
        return "\"";
      case '\'':
        return "'";
      case 's':
        return " ";
      case 'x':
        return hex(s, at + 1, 2, consumed, 1);
      case 'u':
        return hex(s, at + 1, 4, consumed, 1);
      case 'U':
        return hex(s, at + 1, 8, consumed, 1);
      default:
        if (c >= '0' && c <= '7') {
          if (at + 3 > s.length()) {
            return null;
          }
          int v = 0;
          for (int k = 0; k < 3; k++) {
            char d = s.charAt(at + k);
            if (d < '0' || d > '7') {
              return null;
            }
            v = v * 8 + (d - '0');
          }
          if (v == 0 || v > 255) {
            return null;
          }
          consumed[0] = 3;
          return String.valueOf((char) v);
        }
        return null;
    }
  }

  private static String hex(String s, int from, int digits, int[] consumed, int prefix) {
    if (from + digits > s.length()) {
      return null;
    }
    int v = 0;
    for (int k = 0; k < digits; k++) {
      int d = CNumbers.asciiDigit(s.charAt(from + k), 16); // unhexchar(): ASCII only
      if (d < 0) {
        return null;
      }
      v = v * 16 + d;
    }
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
      return null; // systemd refuses NUL and invalid code points
    }
    consumed[0] = prefix + digits;
    return new String(Character.toChars(v));
  }
}
