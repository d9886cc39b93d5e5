package dev.unitaudit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitaudit.result.FixKind;
import dev.unitaudit.result.Severity;
import java.util.List;

/**
 * One rule from {@code rules/*.json}: metadata plus the check it runs (a kind name and that kind's
 * bound parameters). See rules/README.md for the fields.
 *
 * @param level the hardening ladder level 1–3, or null outside the ladder
 * @param fixKind what the {@code fix} lines are (a drop-in unless the rule says otherwise)
 * @param fixSafe outside the ladder: {@code unitaudit fix} adds this rule's lines by default, since
 *     they change no access (ladder rules are fixed up to --level anyway)
 * @param fixWarnings what a fix line may break, by the setting it writes ({@code Key} or {@code
 *     Key=value}); printed above the line in the drop-in and on stderr
 * @param scope {@code all}, or {@code site}: site policy, evaluated only on units the site owns or
 *     overrides unless vendor units are asked for (--vendor)
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
    FixKind fixKind,
    boolean fixSafe,
    java.util.Map<String, String> fixWarnings,
    String docs,
    String family,
    String scope,
    String source) {

  /** The scope of rules that apply to every unit. */
  public static final String SCOPE_ALL = "all";

  /** The scope of site-policy rules (rules/README.md, "Scope"). */
  public static final String SCOPE_SITE = "site";

  public boolean appliesTo(String unitType) {
    return unitTypes.contains(unitType);
  }

  /** A choice the site makes about its own operations, which the distribution cannot know. */
  public boolean sitePolicy() {
    return SCOPE_SITE.equals(scope);
  }
}
