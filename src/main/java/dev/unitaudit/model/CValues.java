package dev.unitaudit.model;

import java.math.BigInteger;

/**
 * Ports of systemd 252's shared value readers (src/basic/parse-util.c, time-util.c, percent-util.c,
 * signal-util.c, src/shared/exit-status.c) that answer only what a parser needs to decide on its
 * warning: the value, or the errno the C function returns. Unsigned 64-bit arithmetic is done on
 * {@code long} with the JDK's unsigned helpers, so the overflow points are systemd's ({@code
 * USEC_INFINITY} is 2^64-1, not {@code Long.MAX_VALUE}).
 */
public final class CValues {

  /** errno values the readers return, negated as in C. */
  public static final int EINVAL = -22;

  public static final int ERANGE = -34;

  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger U32_MAX = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
  private static final String WHITESPACE = " \t\n\r";

  private CValues() {}

  /** strerror() of the errnos the readers return (the %m of systemd's messages). */
  public static String strerror(int errno) {
    return switch (errno) {
      case ERANGE -> "Numerical result out of range";
      case -84 -> "Invalid or incomplete multibyte or wide character";
      default -> "Invalid argument";
    };
  }

  /** A value or an errno (negative); {@code value} is unsigned 64-bit. */
  public record Parsed(long value, int errno) {
    public boolean ok() {
      return errno == 0;
    }

    static Parsed of(long v) {
      return new Parsed(v, 0);
    }

    static Parsed fail(int errno) {
      return new Parsed(0, errno);
    }
  }

  // ---- integers -------------------------------------------------------------------------

  /**
   * strtoul()/strtoull() with systemd's mangle_base() (0b, 0o) and base 0 (0x, leading 0 octal) as
   * safe_atou_full() uses them: leading whitespace skipped, "-N" (N not 0) is ERANGE, overflow of
   * {@code bits} is ERANGE, trailing text EINVAL.
   *
   * @param base 0 for C's automatic base, else 8, 10, 16
   * @param refusePlusMinus SAFE_ATO_REFUSE_PLUS_MINUS (parse_mode())
   */
  public static Parsed safeAtou(String s, int base, int bits, boolean refusePlusMinus) {
    int i = skip(s, 0);
    if (refusePlusMinus && i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      return Parsed.fail(EINVAL);
    }
    String rest = s.substring(i);
    BigInteger v = strto(rest, base);
    if (v == null) {
      return Parsed.fail(EINVAL);
    }
    if (v.signum() == 0 && rest.startsWith("-")) {
      return Parsed.of(0);
    }
    if (v.abs().compareTo(U64_MAX) > 0) {
      return Parsed.fail(ERANGE); // strtoull's own ERANGE
    }
    if (rest.startsWith("-")) {
      return Parsed.fail(ERANGE);
    }
    BigInteger max =
        bits == 64
            ? U64_MAX
            : bits == 32 ? U32_MAX : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    if (v.compareTo(max) > 0) {
      return Parsed.fail(ERANGE);
    }
    return Parsed.of(v.longValue());
  }

  /** safe_atoi() (32-bit) and safe_atoli() (64-bit): strtol() base 0 plus 0b/0o. */
  public static Parsed safeAtoi(String s, int bits) {
    int i = skip(s, 0);
    BigInteger v = strto(s.substring(i), 0);
    if (v == null) {
      return Parsed.fail(EINVAL);
    }
    BigInteger lim = BigInteger.ONE.shiftLeft(bits - 1);
    if (v.compareTo(lim) >= 0 || v.compareTo(lim.negate()) < 0) {
      return Parsed.fail(ERANGE);
    }
    return Parsed.of(v.longValue());
  }

  /**
   * What strtol()/strtoul() read from the whole string (sign, then the digits of the base C picks
   * and systemd's 0b/0o prefixes), or null when the string is not entirely a number.
   */
  private static BigInteger strto(String s, int base) {
    int i = 0;
    boolean neg = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      // mangle_base() looks at the string before the sign, so "-0b1" is not binary
      neg = s.charAt(i) == '-';
      i++;
    }
    int radix = base;
    if (base == 0 && i == 0 && (s.startsWith("0b") || s.startsWith("0B"))) {
      radix = 2;
      i = 2;
    } else if (base == 0 && i == 0 && (s.startsWith("0o") || s.startsWith("0O"))) {
      radix = 8;
      i = 2;
    } else if ((base == 0 || base == 16)
        && (s.startsWith("0x", i) || s.startsWith("0X", i))
        && i + 2 < s.length()
        && CNumbers.asciiDigit(s.charAt(i + 2), 16) >= 0) {
      radix = 16;
      i += 2;
    } else if (base == 0) {
      radix = s.startsWith("0", i) ? 8 : 10;
    }
    if (i >= s.length()) {
      return null;
    }
    for (int k = i; k < s.length(); k++) {
      if (CNumbers.asciiDigit(s.charAt(k), radix) < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(s.substring(i), radix);
    return neg ? v.negate() : v;
  }

  private static int skip(String s, int i) {
    while (i < s.length() && WHITESPACE.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /** parse_mode(): octal, no sign, at most 07777. */
  public static Parsed parseMode(String s) {
    Parsed p = safeAtou(s, 8, 32, true);
    if (p.ok() && p.value() > 07777) {
      return Parsed.fail(ERANGE);
    }
    return p;
  }

  // ---- time spans -------------------------------------------------------------------------

  private static final String[] USEC_SUFFIXES = {
    "seconds", "second", "sec", "s", "minutes", "minute", "min", "months", "month", "M", "msec",
    "ms", "m", "hours", "hour", "hr", "h", "days", "day", "d", "weeks", "week", "w", "years",
    "year", "y", "usec", "us", "µs"
  };
  private static final long[] USEC_FACTORS = {
    1_000_000L,
    1_000_000L,
    1_000_000L,
    1_000_000L,
    60_000_000L,
    60_000_000L,
    60_000_000L,
    2_629_800_000_000L,
    2_629_800_000_000L,
    2_629_800_000_000L,
    1_000L,
    1_000L,
    60_000_000L,
    3_600_000_000L,
    3_600_000_000L,
    3_600_000_000L,
    3_600_000_000L,
    86_400_000_000L,
    86_400_000_000L,
    86_400_000_000L,
    604_800_000_000L,
    604_800_000_000L,
    604_800_000_000L,
    31_557_600_000_000L,
    31_557_600_000_000L,
    31_557_600_000_000L,
    1L,
    1L,
    1L
  };

  /** USEC_INFINITY / NSEC_INFINITY: (uint64_t) -1. */
  public static final long INFINITY = -1L;

  /** parse_sec(): a time span in µs (unsigned), INFINITY for "infinity". */
  public static Parsed parseSec(String t) {
    return parseTime(t, 1_000_000L, false);
  }

  /** parse_time(t, 1): a bare number means µs (LimitRTTIME=). */
  public static Parsed parseUsec(String t) {
    return parseTime(t, 1L, false);
  }

  /** parse_nsec(): a time span in ns; a bare number means ns. */
  public static Parsed parseNsec(String t) {
    return parseTime(t, 1L, true);
  }

  private static Parsed parseTime(String t, long defaultUnit, boolean nsec) {
    int p = skip(t, 0);
    if (t.startsWith("infinity", p)) {
      int s = skip(t, p + "infinity".length());
      return s == t.length() ? Parsed.of(INFINITY) : Parsed.fail(EINVAL);
    }
    long r = 0;
    boolean something = false;
    while (true) {
      p = skip(t, p);
      if (p >= t.length()) {
        return something ? Parsed.of(r) : Parsed.fail(EINVAL);
      }
      if (t.charAt(p) == '-') {
        return Parsed.fail(ERANGE);
      }
      // strtoll(p, &e, 10): optional whitespace and sign, decimal digits
      int q = skip(t, p);
      if (q < t.length() && t.charAt(q) == '+') {
        q++;
      }
      int digits = q;
      while (q < t.length() && Values.isAsciiDigit(t.charAt(q))) {
        q++;
      }
      int e = q == digits ? p : q; // strtoll leaves e at p when nothing was read
      BigInteger lv = q == digits ? BigInteger.ZERO : new BigInteger(t.substring(digits, q));
      if (lv.bitLength() > 63) {
        return Parsed.fail(ERANGE);
      }
      long l = lv.longValue();
      boolean dot = e < t.length() && t.charAt(e) == '.';
      if (dot) {
        p = e + 1;
        while (p < t.length() && Values.isAsciiDigit(t.charAt(p))) {
          p++;
        }
      } else if (e == p) {
        return Parsed.fail(EINVAL);
      } else {
        p = e;
      }
      int u = skip(t, p);
      long multiplier = defaultUnit;
      int s = u;
      boolean matched = false;
      String[] suffixes = nsec ? NSEC_SUFFIXES : USEC_SUFFIXES;
      long[] factors = nsec ? NSEC_FACTORS : USEC_FACTORS;
      for (int k = 0; k < suffixes.length; k++) {
        if (t.startsWith(suffixes[k], u)) {
          multiplier = factors[k];
          s = u + suffixes[k].length();
          matched = true;
          break;
        }
      }
      if (!matched) {
        s = u;
      }
      if (s == p && s < t.length()) {
        return Parsed.fail(EINVAL);
      }
      p = s;
      if (Long.compareUnsigned(l, Long.divideUnsigned(INFINITY, multiplier)) >= 0) {
        return Parsed.fail(ERANGE);
      }
      long k = l * multiplier;
      if (Long.compareUnsigned(k, INFINITY - r) >= 0) {
        return Parsed.fail(ERANGE);
      }
      r += k;
      something = true;
      if (dot) {
        long m = multiplier / 10;
        int b = e + 1;
        for (; b < t.length() && Values.isAsciiDigit(t.charAt(b)); b++, m /= 10) {
          long kk = (t.charAt(b) - '0') * m;
          if (Long.compareUnsigned(kk, INFINITY - r) >= 0) {
            return Parsed.fail(ERANGE);
          }
          r += kk;
        }
        if (b == e + 1) {
          return Parsed.fail(EINVAL);
        }
      }
    }
  }

  private static final String[] NSEC_SUFFIXES = {
    "seconds", "second", "sec", "s", "minutes", "minute", "min", "months", "month", "M", "msec",
    "ms", "m", "hours", "hour", "hr", "h", "days", "day", "d", "weeks", "week", "w", "years",
    "year", "y", "usec", "us", "µs", "nsec", "ns", ""
  };
  private static final long[] NSEC_FACTORS = nsecFactors();

  private static long[] nsecFactors() {
    long[] f = new long[NSEC_SUFFIXES.length];
    for (int i = 0; i < USEC_FACTORS.length; i++) {
      f[i] = USEC_FACTORS[i] * 1000L;
    }
    f[USEC_FACTORS.length] = 1;
    f[USEC_FACTORS.length + 1] = 1;
    f[USEC_FACTORS.length + 2] = 1;
    return f;
  }

  // ---- sizes and proportions --------------------------------------------------------------

  private static final String[] SIZE_SUFFIXES = {"E", "P", "T", "G", "M", "K", "B", ""};

  /** parse_size(t, 1024|1000): "1G 512M", "1.5K"; suffixes in decreasing order, no sign. */
  public static Parsed parseSize(String t, long base) {
    BigInteger r = BigInteger.ZERO;
    int p = 0;
    int start = 0;
    do {
      p = skip(t, p);
      int q = p;
      if (q < t.length() && (t.charAt(q) == '+' || t.charAt(q) == '-')) {
        q++;
      }
      int d = q;
      while (q < t.length() && Values.isAsciiDigit(t.charAt(q))) {
        q++;
      }
      if (q == d) {
        return Parsed.fail(EINVAL);
      }
      BigInteger l = new BigInteger(t.substring(d, q));
      if (l.compareTo(U64_MAX) > 0) {
        return Parsed.fail(ERANGE);
      }
      if (t.charAt(p) == '-') {
        return Parsed.fail(ERANGE);
      }
      int e = q;
      double frac = 0;
      if (e < t.length() && t.charAt(e) == '.') {
        e++;
        int f = e;
        while (e < t.length() && Values.isAsciiDigit(t.charAt(e))) {
          e++;
        }
        if (e > f) {
          frac = Double.parseDouble("0." + t.substring(f, e));
        }
      }
      e = skip(t, e);
      int i = start;
      for (; i < SIZE_SUFFIXES.length; i++) {
        if (t.startsWith(SIZE_SUFFIXES[i], e)) {
          break;
        }
      }
      if (i >= SIZE_SUFFIXES.length) {
        return Parsed.fail(EINVAL);
      }
      BigInteger factor = i < 6 ? BigInteger.valueOf(base).pow(6 - i) : BigInteger.ONE;
      BigInteger lf = l.add(frac > 0 ? BigInteger.ONE : BigInteger.ZERO);
      if (lf.compareTo(U64_MAX.divide(factor)) > 0) {
        return Parsed.fail(ERANGE);
      }
      BigInteger tmp =
          l.multiply(factor).add(BigInteger.valueOf((long) (frac * factor.doubleValue())));
      if (tmp.compareTo(U64_MAX.subtract(r)) > 0) {
        return Parsed.fail(ERANGE);
      }
      r = r.add(tmp);
      p = e + SIZE_SUFFIXES[i].length();
      start = i + 1;
    } while (p < t.length());
    return Parsed.of(r.longValue());
  }

  /**
   * parse_permyriad(): "N%" (two decimals), "N‰" (one), "N‱", at most 10000; EINVAL when the text
   * is not such a proportion.
   */
  public static Parsed parsePermyriad(String p) {
    Parsed v = parsePermyriadUnbounded(p);
    return v.ok() && v.value() > 10000 ? Parsed.fail(ERANGE) : v;
  }

  /** parse_permyriad_unbounded(). */
  public static Parsed parsePermyriadUnbounded(String p) {
    if (p.endsWith("‱")) {
      return parts(p, "‱", 0);
    }
    if (p.endsWith("‰")) {
      return parts(p, "‰", 1);
    }
    return parts(p, "%", 2);
  }

  /** parse_percent_unbounded() and friends: a whole number or one with {@code places} decimals. */
  private static Parsed parts(String p, String symbol, int places) {
    if (!p.endsWith(symbol)) {
      return Parsed.fail(EINVAL);
    }
    String n = p.substring(0, p.length() - symbol.length());
    int q = 0;
    int dot = n.indexOf('.');
    if (dot >= 0 && places > 0) {
      String f = n.substring(dot + 1);
      if (f.isEmpty() || f.length() > places || !f.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Parsed.fail(EINVAL);
      }
      q = Integer.parseInt(f) * (places == 2 && f.length() == 1 ? 10 : 1);
      n = n.substring(0, dot);
    }
    Parsed v = safeAtoi(n, 32);
    if (!v.ok()) {
      return v;
    }
    if (v.value() < 0) {
      return Parsed.fail(ERANGE);
    }
    long scale = places == 2 ? 100 : places == 1 ? 10 : 1;
    if (v.value() > (Integer.MAX_VALUE - q) / scale) {
      return Parsed.fail(ERANGE);
    }
    return Parsed.of(v.value() * scale + q);
  }

  // ---- names --------------------------------------------------------------------------------

  private static final java.util.List<String> SIGNALS =
      java.util.List.of(
          "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
          "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
          "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

  private static final int[] SIGNAL_NUMBERS = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
    27, 28, 29, 30, 31
  };

  private static final int SIGRTMIN = 34;
  private static final int SIGRTMAX = 64;

  /** signal_from_string(): the signal number, or a negative errno. */
  public static int signalFromString(String s) {
    Parsed n = safeAtoi(s, 32);
    if (n.ok()) {
      return n.value() >= 1 && n.value() <= 64 ? (int) n.value() : ERANGE;
    }
    if (s.startsWith("SIG")) {
      s = s.substring(3);
    }
    int i = SIGNALS.indexOf(s);
    if (i >= 0) {
      return SIGNAL_NUMBERS[i];
    }
    for (String rt : new String[] {"RTMIN", "RTMAX"}) {
      if (s.startsWith(rt)) {
        String p = s.substring(rt.length());
        if (p.isEmpty()) {
          return rt.equals("RTMIN") ? SIGRTMIN : SIGRTMAX;
        }
        if (p.charAt(0) != (rt.equals("RTMIN") ? '+' : '-')) {
          return EINVAL;
        }
        Parsed v = safeAtoi(p, 32);
        if (!v.ok()) {
          return v.errno();
        }
        long o = v.value();
        if (rt.equals("RTMIN")) {
          return o < 0 || o > SIGRTMAX - SIGRTMIN ? ERANGE : (int) (o + SIGRTMIN);
        }
        return o > 0 || o < SIGRTMIN - SIGRTMAX ? ERANGE : (int) (o + SIGRTMAX);
      }
    }
    return EINVAL;
  }

  private static final java.util.Set<String> EXIT_STATUS_NAMES =
      java.util.Set.of(
          "SUCCESS",
          "FAILURE",
          "CHDIR",
          "NICE",
          "FDS",
          "EXEC",
          "MEMORY",
          "LIMITS",
          "OOM_ADJUST",
          "SIGNAL_MASK",
          "STDIN",
          "STDOUT",
          "CHROOT",
          "IOPRIO",
          "TIMERSLACK",
          "SECUREBITS",
          "SETSCHEDULER",
          "CPUAFFINITY",
          "GROUP",
          "USER",
          "CAPABILITIES",
          "CGROUP",
          "SETSID",
          "CONFIRM",
          "STDERR",
          "PAM",
          "NETWORK",
          "NAMESPACE",
          "NO_NEW_PRIVILEGES",
          "SECCOMP",
          "SELINUX_CONTEXT",
          "PERSONALITY",
          "APPARMOR",
          "ADDRESS_FAMILIES",
          "RUNTIME_DIRECTORY",
          "CHOWN",
          "SMACK_PROCESS_LABEL",
          "KEYRING",
          "STATE_DIRECTORY",
          "CACHE_DIRECTORY",
          "LOGS_DIRECTORY",
          "CONFIGURATION_DIRECTORY",
          "NUMA_POLICY",
          "CREDENTIALS",
          "BPF",
          "EXCEPTION",
          "INVALIDARGUMENT",
          "NOTIMPLEMENTED",
          "NOPERMISSION",
          "NOTINSTALLED",
          "NOTCONFIGURED",
          "NOTRUNNING",
          "USAGE",
          "DATAERR",
          "NOINPUT",
          "NOUSER",
          "NOHOST",
          "UNAVAILABLE",
          "SOFTWARE",
          "OSERR",
          "OSFILE",
          "CANTCREAT",
          "IOERR",
          "TEMPFAIL",
          "PROTOCOL",
          "NOPERM",
          "CONFIG");

  /** exit_status_from_string(): a name of systemd's table, or safe_atou8(). */
  public static boolean isExitStatus(String s) {
    return EXIT_STATUS_NAMES.contains(s) || safeAtou(s, 0, 8, false).ok();
  }
}
