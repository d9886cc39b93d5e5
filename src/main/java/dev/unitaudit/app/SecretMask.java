package dev.unitaudit.app;

import dev.unitaudit.check.InlineSecretCheck;
import dev.unitaudit.model.Secrets;
import dev.unitaudit.model.Unit;
import dev.unitaudit.rules.Rule;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.syntax.Assignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps credentials out of everything unitaudit prints: finding messages and fixes, {@code
 * settings[]} (--include-settings), descriptions, {@code cat}. What a credential is comes from one
 * place: {@link Secrets}, with the credential words of the {@code inline-secret} rules of the
 * catalog (UA7001 for Environment=, UA7002 for Exec*=), so what the rules report is what the
 * reports mask. Other keys are masked by shape (a URL password, a private key, an AWS key id).
 */
public final class SecretMask {

  private final Map<String, Secrets.Vocabulary> byKey = new HashMap<>();

  /** Reads the vocabularies of every inline-secret rule of the catalog, disabled ones too. */
  public SecretMask(RuleCatalog catalog) {
    for (Rule r : catalog.all()) {
      if (r.params() instanceof InlineSecretCheck.Params p) {
        for (String key : p.keys()) {
          byKey.merge(key, p.vocabulary(), SecretMask::union);
        }
      }
    }
  }

  private static Secrets.Vocabulary union(Secrets.Vocabulary a, Secrets.Vocabulary b) {
    List<String> names = new ArrayList<>(a.names());
    b.names().stream().filter(n -> !names.contains(n)).forEach(names::add);
    return new Secrets.Vocabulary(
        names,
        a.minEntropyLength() != null ? a.minEntropyLength() : b.minEntropyLength(),
        a.minEntropy() != null ? a.minEntropy() : b.minEntropy());
  }

  /** Every credential written in the unit's files, in any assignment systemd applied. */
  public List<Secrets.Found> secretsOf(Unit u) {
    List<Secrets.Found> out = new ArrayList<>();
    for (Assignment a : u.assignments()) {
      out.addAll(secretsOf(u, a));
    }
    return out;
  }

  private List<Secrets.Found> secretsOf(Unit u, Assignment a) {
    Secrets.Vocabulary words = byKey.get(a.key());
    if (words == null) {
      return Secrets.inValue(a.value());
    }
    return a.key().equals("Environment")
        ? Secrets.inEnvironment(a.value(), u.name(), words)
        : Secrets.inCommandLine(a.value(), u.name(), words);
  }

  /** The unit with every credential in its values replaced by {@value Secrets#MASK}. */
  public Unit masked(Unit u) {
    List<Secrets.Found> found = secretsOf(u);
    if (found.isEmpty()) {
      return u;
    }
    List<Assignment> out = new ArrayList<>(u.assignments().size());
    for (Assignment a : u.assignments()) {
      out.add(
          new Assignment(a.section(), a.key(), Secrets.mask(a.value(), found), a.file(), a.line()));
    }
    return u.withAssignments(out);
  }
}
