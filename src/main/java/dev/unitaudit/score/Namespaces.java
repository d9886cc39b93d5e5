package dev.unitaudit.score;

import dev.unitaudit.model.Values;
import java.util.List;

/**
 * RestrictNamespaces=: which namespace types a unit may still create
 * (config_parse_restrict_namespaces).
 */
final class Namespaces {

  /** The types in namespace_info order; the bit of a type is 1 << its index. */
  static final List<String> TYPES = dev.unitaudit.model.SystemdNames.NAMESPACES;

  /** All types permitted: the unset state. */
  static final long ALL = (1L << TYPES.size()) - 1;

  /** The starting value: never configured. Distinct from {@link #ALL} (=no). */
  static final long INITIAL = -1L;

  private Namespaces() {}

  static long bit(String type) {
    return 1L << TYPES.indexOf(type);
  }

  /** One assignment applied to the permitted set. */
  static long apply(long current, String value) {
    if (value.isEmpty()) {
      return INITIAL;
    }
    Boolean b = Values.parseBoolean(value);
    if (b != null) {
      return b ? 0 : ALL;
    }
    boolean invert = value.startsWith("~");
    String v = invert ? value.substring(1) : value;
    long flags = 0;
    for (String w :
        dev.unitaudit.model.Words.splitPlain(v)) { // namespace_flags_from_string() does not unquote
      int i = TYPES.indexOf(w);
      if (i < 0) {
        return current; // namespace_flags_from_string() fails: the whole assignment is ignored
      }
      flags |= 1L << i;
    }
    if (current == INITIAL) {
      return invert ? ~flags & ALL : flags;
    }
    return invert ? current & ~flags : current | flags;
  }
}
