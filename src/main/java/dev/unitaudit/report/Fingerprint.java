package dev.unitaudit.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a finding is, leaving out where exactly (its line): the unit, the rule, the file and the
 * message. The one identity shared by the baseline (an accepted finding stays accepted when its
 * line moves), SARIF's {@code partialFingerprints} (code scanning tracks an alert across commits)
 * and {@code diff} (a finding that only moved is no change).
 */
public final class Fingerprint {

  private Fingerprint() {}

  /** The identity within one unit: rule, file and message, NUL-separated (no field holds NUL). */
  public static String key(String rule, String file, String message) {
    return rule + '\0' + (file == null ? "" : file) + '\0' + message;
  }

  public static String key(AuditReport.FindingEntry f) {
    return key(f.rule(), f.file(), f.message());
  }

  /** sha256 hex of the unit and {@link #key}: stable across runs, machines and versions. */
  public static String of(String unit, String rule, String file, String message) {
    String k = unit + '\0' + key(rule, file, message);
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public static String of(String unit, AuditReport.FindingEntry f) {
    return of(unit, f.rule(), f.file(), f.message());
  }
}
