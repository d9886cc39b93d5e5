package dev.unitaudit.check;

import dev.unitaudit.model.Secrets;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.result.Fix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code inline-secret}: credentials written into the unit, as {@link Secrets} defines them (the
 * same definition every report masks with). {@code names} are the credential words; with {@code
 * minEntropyLength}, a long high-entropy Environment= value counts too. The value never reaches a
 * message: {@code ${masked}} is {@code NAME=****}, {@code ${reason}} says what it looked like.
 */
public final class InlineSecretCheck implements CheckKind<InlineSecretCheck.Params> {

  /**
   * Parameters: keys scanned, names (credential words), minEntropyLength, minEntropy (bits/char).
   */
  public record Params(
      List<String> keys, List<String> names, Integer minEntropyLength, Double minEntropy) {

    /** The words of the one secret definition these parameters bind. */
    public Secrets.Vocabulary vocabulary() {
      return new Secrets.Vocabulary(names, minEntropyLength, minEntropy);
    }
  }

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
    Secrets.Vocabulary words = p.vocabulary();
    List<Hit> hits = new ArrayList<>();
    for (String key : p.keys()) {
      boolean env = key.equals("Environment");
      for (Setting s : u.list(section, key)) {
        List<Secrets.Found> found =
            env
                ? Secrets.inEnvironment(s.value(), u.name(), words)
                : Secrets.inCommandLine(s.value(), u.name(), words);
        if (found.isEmpty()) {
          continue;
        }
        List<String[]> secrets = new ArrayList<>();
        found.forEach(f -> secrets.add(new String[] {f.name(), f.value()}));
        // one fix per line, taking every credential found on it out: the fix text repeats the rest
        // of the line
        Fix fix =
            env
                ? SecretMove.environment(u, s.origin(), secrets)
                : SecretMove.command(u, s.origin(), secrets);
        for (Secrets.Found f : found) {
          Map<String, String> v = new HashMap<>();
          v.put("key", key);
          v.put("name", f.name());
          v.put("masked", f.name() + "=" + Secrets.MASK);
          v.put("reason", f.reason());
          hits.add(Hit.at(s.origin(), v).withFix(fix));
        }
      }
    }
    return hits;
  }
}
