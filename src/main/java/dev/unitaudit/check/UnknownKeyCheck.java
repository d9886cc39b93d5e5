package dev.unitaudit.check;

import dev.unitaudit.model.SettingCatalog;
import dev.unitaudit.model.Unit;
import dev.unitaudit.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * {@code unknown-key}: the assignments systemd ignored as "Unknown key" while loading the unit,
 * split by {@code placement}: {@code misplaced} when the key is valid in another section of this
 * unit type ({@code StartLimitIntervalSec=} in [Service] belongs in [Unit]), {@code unknown}
 * otherwise, with the closest valid key of that section as a "did you mean" hint ({@code ${hint}},
 * empty when nothing is close).
 */
public final class UnknownKeyCheck implements CheckKind<UnknownKeyCheck.Params> {

  /** Parameters: placement (unknown | misplaced), maxDistance for suggestions (default 3). */
  public record Params(String placement, Integer maxDistance) {}

  // systemd 252's wording (load-fragment.c / conf-parser.c), produced by AssignmentValidator
  private static final Pattern MESSAGE =
      Pattern.compile("Unknown key '(.*)' in section \\[(.*)\\], ignoring\\.");

  @Override
  public String name() {
    return "unknown-key";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (!"unknown".equals(p.placement()) && !"misplaced".equals(p.placement())) {
      throw new IllegalArgumentException(
          "unknown-key needs placement \"unknown\" or \"misplaced\"");
    }
    if (p.maxDistance() != null && (p.maxDistance() < 1 || p.maxDistance() > 10)) {
      throw new IllegalArgumentException("maxDistance must be 1-10");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    SettingCatalog cat = SettingCatalog.get();
    List<Hit> hits = new ArrayList<>();
    for (Diagnostic d : u.diagnostics()) {
      Matcher m = MESSAGE.matcher(d.message());
      if (!Diagnostic.UNKNOWN_KEY.equals(d.category()) || !m.matches()) {
        continue;
      }
      String key = m.group(1);
      String section = m.group(2);
      List<String> validIn = new ArrayList<>();
      for (String s : u.type().sections()) {
        if (!s.equals(section) && cat.isKnown(s, key)) {
          validIn.add("[" + s + "]");
        }
      }
      if (validIn.isEmpty() != "unknown".equals(p.placement())) {
        continue;
      }
      Map<String, String> v = new HashMap<>();
      v.put("key", key);
      v.put("section", section);
      v.put("validIn", String.join(", ", validIn));
      int max = p.maxDistance() == null ? 3 : p.maxDistance();
      String s = suggest(key, cat.keysOf(section), max);
      String elsewhere =
          null; // a key of another section of this unit type, when none of this one is close
      if (s == null && validIn.isEmpty()) {
        for (String other : u.type().sections()) {
          String o = other.equals(section) ? null : suggest(key, cat.keysOf(other), max);
          if (o != null) {
            s = o;
            elsewhere = other;
            break;
          }
        }
      }
      v.put("suggestion", s == null ? "" : s);
      v.put(
          "hint",
          s == null
              ? ""
              : elsewhere == null
                  ? "; did you mean " + s + "=?"
                  : "; did you mean " + s + "= in [" + elsewhere + "]?");
      hits.add(new Hit(d.file(), d.line(), v).withFix(fix(d, key, section, s, elsewhere, validIn)));
    }
    return hits;
  }

  /**
   * The line as it should be: the same value under the suggested key (in the section where that key
   * is valid), or moved to the section the key belongs in; without a suggestion, what to do.
   */
  private static dev.unitaudit.result.Fix fix(
      Diagnostic d,
      String key,
      String section,
      String suggestion,
      String elsewhere,
      List<String> validIn) {
    dev.unitaudit.syntax.Assignment a = d.subject();
    if (a == null) {
      return null; // not from a parsed line: the rule's own fix text
    }
    if (!validIn.isEmpty()) {
      String target = validIn.get(0).substring(1, validIn.get(0).length() - 1);
      return LineFix.edit(a, target, List.of(key + "=" + a.value()));
    }
    if (suggestion != null) {
      return LineFix.edit(
          a, elsewhere == null ? section : elsewhere, List.of(suggestion + "=" + a.value()));
    }
    return LineFix.manual(
        a.location()
            + ": no ["
            + section
            + "] key is close to "
            + key
            + "=: write the directive you meant (systemd.directives(7) lists them) or delete the"
            + " line; data of your own belongs in X- keys, which systemd ignores");
  }

  /**
   * The valid key closest to {@code key}: case is ignored first (lookup is case-sensitive, so
   * {@code nonewprivileges} is a typo of NoNewPrivileges), then the Levenshtein distance must be at
   * most max(2, length/4), capped at {@code max}; ties go to the alphabetically first key.
   */
  static String suggest(String key, Iterable<String> valid, int max) {
    int limit = Math.min(max, Math.max(2, key.length() / 4));
    LevenshteinDistance lev = new LevenshteinDistance(limit);
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    for (String k : new TreeSet<String>(toList(valid))) {
      int d =
          k.equalsIgnoreCase(key)
              ? 0
              : lev.apply(
                  key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
      if (d >= 0 && d < bestDist) {
        best = k;
        bestDist = d;
      }
    }
    return best;
  }

  private static List<String> toList(Iterable<String> it) {
    List<String> out = new ArrayList<>();
    it.forEach(out::add);
    return out;
  }
}
