package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Specifiers;
import dev.unitaudit.model.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code broad-paths}: no entry of a path-list setting (ReadWritePaths=) may be one of the {@code
 * broad} directories. Entries are compared after dropping systemd's {@code -} (ignore if missing)
 * and {@code +} (relative to RootDirectory=) prefixes, expanding specifiers and removing trailing
 * and doubled slashes, so {@code -/var/} is {@code /var}. One hit per broad entry, at the
 * assignment that added it.
 */
public final class BroadPathsCheck implements CheckKind<BroadPathsCheck.Params> {
  // compiled once: these run for every unit (a regex in String.split/matches compiles each call)
  private static final Pattern WS = Pattern.compile("\\s+");

  private static final Pattern SLASHES = Pattern.compile("/{2,}");

  /** Parameters: section (default: type section), key (a path list), the broad paths. */
  public record Params(String section, String key, List<String> broad) {}

  @Override
  public String name() {
    return "broad-paths";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.key() == null || p.broad() == null || p.broad().isEmpty()) {
      throw new IllegalArgumentException("broad-paths needs key and a non-empty broad list");
    }
    for (String b : p.broad()) {
      if (!b.equals(normalise(b))) {
        throw new IllegalArgumentException(
            "broad path \"" + b + "\" is not a normalised absolute path");
      }
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    String section = Checks.section(u, p.section());
    List<Hit> hits = new ArrayList<>();
    List<String> narrow = new ArrayList<>();
    for (Setting s : u.list(section, p.key())) {
      for (String word : WS.split(s.value().trim())) {
        String path = normalise(Specifiers.expand(stripPrefixes(word), u.name()));
        if (p.broad().contains(path)) {
          Map<String, String> v = new HashMap<>(Checks.values(p.key(), Optional.of(s)));
          v.put("path", path);
          hits.add(Hit.at(s.origin(), v));
        } else if (!word.isEmpty()) {
          narrow.add(word);
        }
      }
    }
    // the list reset and given again without the broad entries, the service's own state directory
    // instead
    List<String> lines = new ArrayList<>(List.of("[" + section + "]", p.key() + "="));
    if (!narrow.isEmpty()) {
      lines.add(p.key() + "=" + String.join(" ", narrow));
    }
    lines.add("StateDirectory=%N");
    dev.unitaudit.result.Fix fix =
        dev.unitaudit.result.Fix.of(dev.unitaudit.result.FixKind.DROPIN, lines);
    return hits.stream().map(h -> h.withFix(fix)).toList();
  }

  private static String stripPrefixes(String word) {
    String w = word;
    while (w.startsWith("-") || w.startsWith("+")) {
      w = w.substring(1);
    }
    return w;
  }

  /** {@code //var///} → {@code /var}; {@code /} stays {@code /}. */
  static String normalise(String path) {
    String p = SLASHES.matcher(path).replaceAll("/");
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
