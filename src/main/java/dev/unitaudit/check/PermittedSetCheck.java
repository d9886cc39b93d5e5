package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code permitted-set}: what a restriction list still permits, replayed with systemd 252's merge
 * rules ({@link PermittedSet}) for CapabilityBoundingSet=, SystemCallFilter=,
 * RestrictAddressFamilies= and RestrictNamespaces=. None of {@code forbid} may be permitted, and
 * when {@code permitOnly} is given, the setting must be an allow list within it. The hit points at
 * the last assignment in effect, or the section header when the setting is unset.
 */
public final class PermittedSetCheck implements CheckKind<PermittedSetCheck.Params> {

  /** Parameters: key (one of the four lists), forbid and/or permitOnly tokens. */
  public record Params(String key, List<String> forbid, List<String> permitOnly) {}

  @Override
  public String name() {
    return "permitted-set";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.key() == null || !PermittedSet.KEYS.contains(p.key())) {
      throw new IllegalArgumentException(
          "permitted-set needs key, one of " + String.join(", ", PermittedSet.KEYS));
    }
    if ((p.forbid() == null || p.forbid().isEmpty())
        && (p.permitOnly() == null || p.permitOnly().isEmpty())) {
      throw new IllegalArgumentException(
          "permitted-set needs a non-empty forbid or permitOnly list");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    String section = u.type().typeSection();
    List<Setting> settings = u.list(section, p.key());
    PermittedSet set = PermittedSet.replay(p.key(), settings, u);
    List<String> offending = new ArrayList<>();
    for (String f : p.forbid() == null ? List.<String>of() : p.forbid()) {
      if (set.permits(f)) {
        offending.add(f);
      }
    }
    if (p.permitOnly() != null && !p.permitOnly().isEmpty()) {
      Optional<Set<String>> allowed = set.allowList();
      if (allowed.isEmpty()) {
        offending.add("anything other than " + String.join(" ", p.permitOnly()));
      } else {
        allowed.get().stream()
            .filter(t -> !p.permitOnly().contains(t))
            .sorted()
            .forEach(offending::add);
      }
    }
    if (offending.isEmpty()) {
      return Checks.none();
    }
    Optional<Setting> last =
        settings.isEmpty() ? Optional.empty() : Optional.of(settings.get(settings.size() - 1));
    Map<String, String> v = Checks.values(p.key(), last);
    v.put(
        "actual",
        settings.isEmpty()
            ? "unset"
            : settings.stream()
                .map(x -> x.value().isEmpty() ? "(empty)" : x.value())
                .collect(Collectors.joining(", ")));
    v.put("permitted", String.join(" ", offending));
    return List.of(Checks.hitAt(u, section, last, v));
  }
}
