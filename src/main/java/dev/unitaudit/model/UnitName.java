package dev.unitaudit.model;

/**
 * A parsed unit name: {@code prefix[@instance].type}. Validity follows systemd's
 * unit_name_is_valid() (src/basic/unit-name.c): at most 255 bytes, characters from {@code
 * [A-Za-z0-9:_.\\-]} plus one {@code @}, a known type suffix.
 *
 * @param instance null for a plain name, "" for a template ({@code foo@.service})
 */
public record UnitName(String name, String prefix, String instance, UnitType type) {

  static final int UNIT_NAME_MAX = 255;

  /** Parses a unit name, or returns null when systemd would not accept it as one. */
  public static UnitName parse(String name) {
    if (name == null
        || name.isEmpty()
        || name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > UNIT_NAME_MAX) {
      return null;
    }
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      return null;
    }
    UnitType type = UnitType.fromSuffix(name.substring(dot + 1));
    if (type == null) {
      return null;
    }
    String stem = name.substring(0, dot);
    int at = stem.indexOf('@');
    String prefix = at < 0 ? stem : stem.substring(0, at);
    String instance = at < 0 ? null : stem.substring(at + 1);
    if (prefix.isEmpty()
        || !validChars(prefix)
        || (instance != null && (instance.indexOf('@') >= 0 || !validChars(instance)))) {
      return null;
    }
    return new UnitName(name, prefix, instance, type);
  }

  private static boolean validChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == ':'
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '\\';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  public boolean isTemplate() {
    return instance != null && instance.isEmpty();
  }

  public boolean isInstance() {
    return instance != null && !instance.isEmpty();
  }

  /** {@code foo@.service} for {@code foo@bar.service}; the name itself otherwise. */
  public UnitName template() {
    return isInstance() ? new UnitName(prefix + "@." + type.suffix(), prefix, "", type) : this;
  }

  /** This template with an instance filled in. */
  public UnitName withInstance(String inst) {
    return new UnitName(prefix + "@" + inst + "." + type.suffix(), prefix, inst, type);
  }

  @Override
  public String toString() {
    return name;
  }
}
