package dev.unitaudit.check;

import java.util.List;

/**
 * One kind of check that rules in {@code rules/*.json} can name. A kind holds the logic, never rule
 * metadata (ids, titles, severities); a rule holds metadata and parameters, never logic. The set of
 * kinds is closed ({@link CheckKinds}): a rules file cannot name a class.
 *
 * @param <P> the parameters record; Jackson binds a rule's {@code check} object to it strictly
 *     (unknown fields are errors)
 */
public interface CheckKind<P> {

  /** The name rules use in {@code "check": {"kind": …}}. */
  String name();

  /** The record the rule's parameters bind to. */
  Class<P> paramsType();

  /** Further validation of bound parameters; throws IllegalArgumentException with the reason. */
  default void validate(P params) {}

  /** Evaluates one unit. Pure: no I/O except through the context, no printing. */
  List<Hit> evaluate(CheckContext ctx, P params);
}
