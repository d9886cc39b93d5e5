package dev.unitaudit.model;

import java.math.BigInteger;

/**
 * Integers as systemd's safe_atoi()/safe_atou() read them: strtol() with base 0 plus systemd's own
 * prefixes, so "0x10" is hex, "0o7" and "010" octal, "0b1" binary, and a leading '+' is allowed.
 * "09" and "+-1" are not numbers.
 */
public final class CNumbers {

  private CNumbers() {}

  /** The value, or null when {@code s} is not a number at all (range is the caller's check). */
  public static BigInteger parse(String s) {
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int radix = 10;
    if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
      radix = 16;
      i += 2;
    } else if (s.startsWith("0o", i) || s.startsWith("0O", i)) {
      radix = 8;
      i += 2;
    } else if (s.startsWith("0b", i) || s.startsWith("0B", i)) {
      radix = 2;
      i += 2;
    } else if (s.startsWith("0", i) && s.length() > i + 1) {
      radix = 8;
      i += 1;
    }
    String digits = s.substring(i);
    if (digits.isEmpty()) {
      return null;
    }
    for (int k = 0; k < digits.length(); k++) {
      if (asciiDigit(digits.charAt(k), radix) < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(digits, radix);
    return negative ? v.negate() : v;
  }

  /**
   * The value of an ASCII digit in {@code radix}, or -1 (other scripts' digits are not C digits).
   */
  static int asciiDigit(char c, int radix) {
    int v =
        c >= '0' && c <= '9'
            ? c - '0'
            : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
    return v < radix ? v : -1;
  }
}
