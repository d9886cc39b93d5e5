package dev.unitaudit.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What counts as a credential written into a unit file: the one definition that UA7001 and UA7002
 * report (check kind {@code inline-secret}) and that every report, {@code cat} and {@code diff}
 * mask. The credential words ({@link Vocabulary#names()}) are data, in {@code rules/secrets.json};
 * the shapes every secret has whatever its name (a URL with a password, a PEM private key, an AWS
 * access key id) are here.
 *
 * <p>{@code Environment=} is read as {@code VAR=value} words, a command line as argument tokens
 * ({@code --password=x}, {@code --token x}, {@code password=x}). A value is a secret when its name
 * holds a credential word and it is a literal (not a path, a {@code $VAR} reference or a switch
 * word), when it has one of the shapes above, or, with {@link Vocabulary#minEntropyLength()}, when
 * an {@code Environment=} value is a long high-entropy token.
 */
public final class Secrets {

  /**
   * @param names credential words, matched case-insensitively inside a variable or option name
   * @param minEntropyLength with {@link #minEntropy}: an Environment= value this long with that
   *     many bits per character is a generated secret whatever its name (null: not checked)
   */
  public record Vocabulary(List<String> names, Integer minEntropyLength, Double minEntropy) {}

  /**
   * One credential: the name it was given ({@code argument} for a bare command-line token), the
   * value as written, and what it looked like.
   */
  public record Found(String name, String value, String reason) {}

  private static final Pattern WS = Pattern.compile("\\s+");
  private static final Pattern URL_PASSWORD =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*:[^/\\s@]+@.*");
  private static final Pattern URL_PASSWORD_PART =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*:)([^/\\s@]+)@");
  private static final Pattern PRIVATE_KEY =
      Pattern.compile(".*-----BEGIN [A-Z ]*PRIVATE KEY.*", Pattern.DOTALL);
  private static final Pattern AWS_KEY_ID = Pattern.compile(".*\\b(AKIA|ASIA)[0-9A-Z]{16}\\b.*");
  private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9+/=_.~-]+");
  private static final List<String> NOT_SECRET_SUFFIXES = List.of("_FILE", "_PATH", "_DIR");
  private static final List<String> NOT_SECRET_WORDS =
      List.of("yes", "no", "true", "false", "on", "off", "none", "1", "0");

  /** The replacement every report prints instead of a credential. */
  public static final String MASK = "****";

  private Secrets() {}

  /** The credentials among the {@code VAR=value} words of one Environment= value. */
  public static List<Found> inEnvironment(String value, UnitName unit, Vocabulary w) {
    List<Found> out = new ArrayList<>();
    for (String word : Words.split(Specifiers.expand(value, unit), true, false).words()) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        judge(w, word.substring(0, eq), word.substring(eq + 1), true, out);
      }
    }
    return out;
  }

  /** The credentials among the arguments of every command of one Exec*= value. */
  public static List<Found> inCommandLine(String value, UnitName unit, Vocabulary w) {
    List<Found> out = new ArrayList<>();
    for (ExecCommand c : ExecLineParser.parse(value, unit).commands()) {
      out.addAll(inArguments(c.argv(), w));
    }
    return out;
  }

  /** The credentials among argv[1..]: {@code --name=value}, {@code --name value}, bare tokens. */
  public static List<Found> inArguments(List<String> argv, Vocabulary w) {
    List<String> tokens = new ArrayList<>();
    for (int i = 1; i < argv.size(); i++) {
      for (String t : WS.split(argv.get(i))) {
        if (!t.isEmpty()) {
          tokens.add(t);
        }
      }
    }
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      int eq = t.indexOf('=');
      if (eq > 0) {
        judge(w, t.substring(0, eq), t.substring(eq + 1), false, out);
      } else if (t.startsWith("-")
          && i + 1 < tokens.size()
          && !tokens.get(i + 1).startsWith("-")
          && credentialName(w, t)) {
        judge(w, t, tokens.get(++i), false, out);
      } else {
        judge(w, "argument", t, false, out);
      }
    }
    return out;
  }

  /** The credentials of any other value: only the shapes that are secrets whatever their name. */
  public static List<Found> inValue(String value) {
    if (!value.contains("://")
        && !value.contains("PRIVATE KEY")
        && !value.contains("AKIA")
        && !value.contains("ASIA")) {
      return List.of(); // most values: no shape of a secret, and the regexes cost
    }
    List<Found> out = new ArrayList<>();
    judge(new Vocabulary(List.of(), null, null), "argument", value, false, out);
    return out;
  }

  /**
   * {@code text} with every credential of {@code found} replaced by {@link #MASK}, and the password
   * of any {@code scheme://user:password@} URL too.
   */
  public static String mask(String text, List<Found> found) {
    if (text == null) {
      return null;
    }
    String out =
        text.contains("://") ? URL_PASSWORD_PART.matcher(text).replaceAll("$1" + MASK + "@") : text;
    for (Found f : found) {
      if (!f.value().isEmpty()) {
        out = out.replace(f.value(), MASK);
      }
    }
    return out;
  }

  private static void judge(Vocabulary w, String name, String value, boolean env, List<Found> out) {
    if (value.isEmpty()) {
      return;
    }
    String reason = null;
    if (URL_PASSWORD.matcher(value).matches()) {
      reason = "a URL with an inline password";
    } else if (PRIVATE_KEY.matcher(value).matches()) {
      reason = "a private key";
    } else if (AWS_KEY_ID.matcher(value).matches()) {
      reason = "an AWS access key id";
    } else if (!"argument".equals(name) && credentialName(w, name) && literal(value)) {
      reason = "a literal value in a credential-named " + (env ? "variable" : "option");
    } else if (env
        && w.minEntropyLength() != null
        && highEntropy(
            value, w.minEntropyLength(), w.minEntropy() == null ? 4.0 : w.minEntropy())) {
      reason = "a high-entropy value that looks like a generated secret";
    }
    if (reason != null) {
      out.add(new Found(name, value, reason));
    }
  }

  /** Whether a variable or option name holds a credential word (not a *_FILE/_PATH/_DIR name). */
  public static boolean credentialName(Vocabulary w, String name) {
    String n = name.toUpperCase(Locale.ROOT).replace('-', '_');
    for (String suffix : NOT_SECRET_SUFFIXES) {
      if (n.endsWith(suffix)) {
        return false;
      }
    }
    return w.names().stream().anyMatch(x -> n.contains(x.toUpperCase(Locale.ROOT)));
  }

  /** Not a path, a variable reference, a credential-directory specifier or a switch word. */
  private static boolean literal(String value) {
    return !value.startsWith("/")
        && !value.startsWith("$")
        && !value.startsWith("%d")
        && !NOT_SECRET_WORDS.contains(value.toLowerCase(Locale.ROOT));
  }

  /** Shannon entropy in bits per character, over a token of generated-looking characters. */
  static boolean highEntropy(String value, int minLength, double minBits) {
    if (value.length() < minLength
        || !TOKEN_CHARS.matcher(value).matches()
        || value.startsWith("/")
        || value.chars().noneMatch(Character::isDigit)
        || value.chars().noneMatch(Character::isLetter)) {
      return false;
    }
    Map<Integer, Integer> counts = new HashMap<>();
    value.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
    double bits = 0;
    for (int c : counts.values()) {
      double f = (double) c / value.length();
      bits -= f * Math.log(f) / Math.log(2);
    }
    return bits >= minBits;
  }
}
