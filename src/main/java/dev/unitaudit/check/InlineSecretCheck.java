package dev.unitaudit.check;

import dev.unitaudit.model.ExecCommand;
import dev.unitaudit.model.ExecLineParser;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Specifiers;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code inline-secret}: credentials written into the unit. {@code Environment=} is read as {@code
 * VAR=value} words, {@code Exec*=} as argument tokens ({@code --password=x}, {@code --token x},
 * {@code password=x}). A value is reported when its name contains one of {@code names} and it is a
 * literal (not a path, a {@code $VAR} reference or a boolean), or when it holds a {@code
 * scheme://user:password@host} URL, a PEM private key, an AWS access key id, or, with {@code
 * minEntropyLength}, a long high-entropy token. The value never reaches a message: {@code
 * ${masked}} is {@code NAME=****}, {@code ${reason}} says what it looked like.
 */
public final class InlineSecretCheck implements CheckKind<InlineSecretCheck.Params> {
  // compiled once: these run for every unit (a regex in String.split/matches compiles each call)
  private static final Pattern WS = Pattern.compile("\\s+");

  /**
   * Parameters: keys scanned, names (credential words), minEntropyLength, minEntropy (bits/char).
   */
  public record Params(
      List<String> keys, List<String> names, Integer minEntropyLength, Double minEntropy) {}

  private static final Pattern URL_PASSWORD =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*:[^/\\s@]+@.*");
  private static final Pattern PRIVATE_KEY =
      Pattern.compile(".*-----BEGIN [A-Z ]*PRIVATE KEY.*", Pattern.DOTALL);
  private static final Pattern AWS_KEY_ID = Pattern.compile(".*\\b(AKIA|ASIA)[0-9A-Z]{16}\\b.*");
  private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9+/=_.~-]+");
  private static final List<String> NOT_SECRET_SUFFIXES =
      List.of("_FILE", "_PATH", "_DIR", "-FILE", "-PATH", "-DIR");
  private static final List<String> NOT_SECRET_WORDS =
      List.of("yes", "no", "true", "false", "on", "off", "none", "1", "0");

  @Override
  public String name() {
    return "inline-secret";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.keys() == null || p.keys().isEmpty() || p.names() == null || p.names().isEmpty()) {
      throw new IllegalArgumentException("inline-secret needs non-empty keys and names lists");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    String section = u.type().typeSection();
    List<Hit> hits = new ArrayList<>();
    for (String key : p.keys()) {
      for (Setting s : u.list(section, key)) {
        List<Hit> found = new ArrayList<>();
        List<String[]> secrets = new ArrayList<>();
        if (key.equals("Environment")) {
          for (String word :
              Words.split(Specifiers.expand(s.value(), u.name()), true, false).words()) {
            int eq = word.indexOf('=');
            if (eq > 0) {
              check(p, key, s, word.substring(0, eq), word.substring(eq + 1), true, found, secrets);
            }
          }
        } else {
          for (ExecCommand c : ExecLineParser.parse(s.value(), u.name()).commands()) {
            scanArgs(p, key, s, c.argv(), found, secrets);
          }
        }
        // one fix per line, taking every credential found on it out: the fix text repeats the rest
        // of the line
        dev.unitaudit.result.Fix fix =
            key.equals("Environment")
                ? SecretMove.environment(u, s.origin(), secrets)
                : SecretMove.command(u, s.origin(), secrets);
        found.forEach(h -> hits.add(h.withFix(fix)));
      }
    }
    return hits;
  }

  private void scanArgs(
      Params p, String key, Setting s, List<String> argv, List<Hit> hits, List<String[]> secrets) {
    List<String> tokens = new ArrayList<>();
    for (int i = 1; i < argv.size(); i++) {
      for (String t : WS.split(argv.get(i))) {
        if (!t.isEmpty()) {
          tokens.add(t);
        }
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      int eq = t.indexOf('=');
      if (eq > 0) {
        check(p, key, s, t.substring(0, eq), t.substring(eq + 1), false, hits, secrets);
      } else if (t.startsWith("-")
          && i + 1 < tokens.size()
          && !tokens.get(i + 1).startsWith("-")
          && credentialName(p, t)) {
        check(p, key, s, t, tokens.get(++i), false, hits, secrets);
      } else {
        check(p, key, s, "argument", t, false, hits, secrets);
      }
    }
  }

  /** Adds a hit for a credential, and its name and value to {@code secrets} (for the fix only). */
  private void check(
      Params p,
      String key,
      Setting s,
      String name,
      String value,
      boolean env,
      List<Hit> hits,
      List<String[]> secrets) {
    String reason = null;
    if (value.isEmpty()) {
      return;
    }
    if (URL_PASSWORD.matcher(value).matches()) {
      reason = "a URL with an inline password";
    } else if (PRIVATE_KEY.matcher(value).matches()) {
      reason = "a private key";
    } else if (AWS_KEY_ID.matcher(value).matches()) {
      reason = "an AWS access key id";
    } else if (!"argument".equals(name) && credentialName(p, name) && literal(value)) {
      reason = "a literal value in a credential-named " + (env ? "variable" : "option");
    } else if (env
        && p.minEntropyLength() != null
        && highEntropy(
            value, p.minEntropyLength(), p.minEntropy() == null ? 4.0 : p.minEntropy())) {
      reason = "a high-entropy value that looks like a generated secret";
    }
    if (reason == null) {
      return;
    }
    Map<String, String> v = new HashMap<>();
    v.put("key", key);
    v.put("name", name);
    v.put("masked", name + "=****");
    v.put("reason", reason);
    hits.add(Hit.at(s.origin(), v));
    secrets.add(new String[] {name, value});
  }

  private static boolean credentialName(Params p, String name) {
    String n = name.toUpperCase(Locale.ROOT).replace('-', '_');
    for (String suffix : NOT_SECRET_SUFFIXES) {
      if (n.endsWith(suffix.replace('-', '_'))) {
        return false;
      }
    }
    return p.names().stream().anyMatch(w -> n.contains(w.toUpperCase(Locale.ROOT)));
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
        || !value.chars().anyMatch(Character::isDigit)
        || !value.chars().anyMatch(Character::isLetter)) {
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
