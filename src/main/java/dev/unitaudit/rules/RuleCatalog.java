package dev.unitaudit.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The loaded rules, sorted by id. */
public final class RuleCatalog {

  private final List<Rule> rules;

  public RuleCatalog(List<Rule> rules) {
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(Rule::id));
    this.rules = List.copyOf(sorted);
  }

  public List<Rule> all() {
    return rules;
  }

  /** A rule by id ({@code UA1001}) or name ({@code no-new-privileges}). */
  public Optional<Rule> find(String idOrName) {
    return rules.stream().filter(r -> r.id().equals(idOrName) || r.name().equals(idOrName)).findFirst();
  }
}
