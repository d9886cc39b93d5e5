package dev.unitaudit.syntax;

/**
 * UTF-8 validation as strict as systemd's {@code utf8_is_valid()} (src/basic/utf8.c), which is
 * stricter than Java's decoder: besides malformed, overlong and surrogate sequences it refuses the
 * noncharacters U+FDD0..U+FDEF and every U+xFFFE / U+xFFFF.
 */
final class Utf8 {

  private Utf8() {}

  static boolean isValid(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int len;
      int cp;
      if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
      } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
      } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
      } else {
        return false;
      }
      if (i + len > to) {
        return false;
      }
      for (int k = 1; k < len; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (encodedLength(cp) != len || !isValidCodePoint(cp)) {
        return false;
      }
      i += len;
    }
    return true;
  }

  private static int encodedLength(int cp) {
    if (cp < 0x80) {
      return 1;
    }
    if (cp < 0x800) {
      return 2;
    }
    if (cp < 0x10000) {
      return 3;
    }
    return 4;
  }

  /** systemd's unichar_is_valid(). */
  private static boolean isValidCodePoint(int cp) {
    if (cp >= 0x110000) {
      return false;
    }
    if ((cp & 0xFFFFF800) == 0xD800) {
      return false;
    }
    if (cp >= 0xFDD0 && cp <= 0xFDEF) {
      return false;
    }
    return (cp & 0xFFFE) != 0xFFFE;
  }
}
