package dev.unitaudit.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in setting values before they reach a report (--include-settings): the value of
 * an {@code Environment=} variable whose name says it is a credential, and the password of a URL.
 * The rule set reports such secrets (UA7001/UA7002); the report must not repeat them.
 */
final class SecretMask {

  private static final Pattern CREDENTIAL_NAME =
      Pattern.compile(
          "(?i).*(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH).*");
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S*)");
  private static final Pattern URL_PASSWORD =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*:)[^/\\s@]+@");

  private SecretMask() {}

  static String mask(String key, String value) {
    String v = URL_PASSWORD.matcher(value).replaceAll("$1****@");
    if (!key.equals("Environment")) {
      return v;
    }
    Matcher m = ASSIGNMENT.matcher(v);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String replacement =
          CREDENTIAL_NAME.matcher(m.group(1)).matches() && !m.group(2).isEmpty()
              ? m.group(1) + "=****"
              : m.group();
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
