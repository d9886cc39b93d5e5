package dev.unitaudit.model;

/**
 * Expands the unit specifiers systemd documents in systemd.unit(5) "SPECIFIERS" that depend on the
 * unit's name ({@code %n %N %p %P %i %I %j %J %f %%}). Specifiers that depend on the running host
 * ({@code %H %u %m …}) are kept as written: an offline audit cannot know them.
 */
public final class Specifiers {

  private Specifiers() {}

  public static String expand(String text, UnitName unit) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%' || i + 1 >= text.length()) {
        out.append(c);
        continue;
      }
      char s = text.charAt(++i);
      String v = value(s, unit);
      if (v == null) {
        out.append('%').append(s);
      } else {
        out.append(v);
      }
    }
    return out.toString();
  }

  private static String value(char s, UnitName u) {
    String inst = u.instance() == null ? "" : u.instance();
    switch (s) {
      case '%':
        return "%";
      case 'n':
        return u.name();
      case 'N':
        return u.name().substring(0, u.name().length() - u.type().suffix().length() - 1);
      case 'p':
        return u.prefix();
      case 'P':
        return unescape(u.prefix());
      case 'i':
        return inst;
      case 'I':
        return unescape(inst);
      case 'j':
        return lastDashComponent(u.prefix());
      case 'J':
        return unescape(lastDashComponent(u.prefix()));
      case 'f':
        return "/" + unescape(u.isInstance() ? inst : u.prefix());
      default:
        return null;
    }
  }

  private static String lastDashComponent(String prefix) {
    int dash = prefix.lastIndexOf('-');
    return dash < 0 ? prefix : prefix.substring(dash + 1);
  }

  /** systemd's unit_name_unescape(): {@code -} is {@code /}, {@code \xNN} a byte. */
  public static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '-') {
        out.append('/');
      } else if (c == '\\'
          && i + 3 < s.length()
          && s.charAt(i + 1) == 'x'
          && isHex(s.charAt(i + 2))
          && isHex(s.charAt(i + 3))) {
        out.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
