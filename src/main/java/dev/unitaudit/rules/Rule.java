package dev.unitaudit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitaudit.result.Severity;
import java.util.List;

/**
 * One rule from {@code rules/*.json}: metadata plus the check it runs (a kind name and that
 * kind's bound parameters). See rules/README.md for the fields.
 *
 * @param level the hardening ladder level 1–3, or null outside the ladder
 * @param source {@code file:line} of the rule's entry, for messages
 */
public record Rule(
    String id,
    String name,
    String title,
    Severity severity,
    Integer level,
    List<String> unitTypes,
    String kind,
    Object params,
    JsonNode check,
    String message,
    String rationale,
    List<String> fix,
    String docs,
    String family,
    String source) {

  public boolean appliesTo(String unitType) {
    return unitTypes.contains(unitType);
  }
}
