package dev.unitaudit.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The loaded rules, sorted by id. */
public final class RuleCatalog {

  private final List<Rule> rules;
  // looked up once per checked rule per unit, so a map rather than a scan of ~150 rules
  private final Map<String, Rule> byIdOrName = new HashMap<>();

  public RuleCatalog(List<Rule> rules) {
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(Rule::id));
    this.rules = List.copyOf(sorted);
    for (Rule r : this.rules) {
      byIdOrName.putIfAbsent(r.id(), r);
      byIdOrName.putIfAbsent(r.id().toLowerCase(Locale.ROOT), r);
    }
    for (Rule r : this.rules) {
      byIdOrName.putIfAbsent(r.name(), r); // an id wins over a name that happens to equal it
      byIdOrName.putIfAbsent(r.name().toLowerCase(Locale.ROOT), r);
    }
  }

  public List<Rule> all() {
    return rules;
  }

  /**
   * A rule by id ({@code UA1001}) or name ({@code no-new-privileges}), in any case ({@code
   * ua1001}).
   */
  public Optional<Rule> find(String idOrName) {
    if (idOrName == null) {
      return Optional.empty();
    }
    Rule r = byIdOrName.get(idOrName); // the exact spelling first: the common case costs one lookup
    return Optional.ofNullable(r != null ? r : byIdOrName.get(idOrName.toLowerCase(Locale.ROOT)));
  }
}
