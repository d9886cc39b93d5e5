package dev.unitaudit.score;

/**
 * An assessor's verdict: a badness in 0..range (or {@link #NOT_APPLICABLE}) and, where systemd
 * generates one, the description that replaces the table's good/bad/n-a text.
 */
record Badness(long value, String generated) {

  static final long NOT_APPLICABLE = -1;

  static Badness of(long value) {
    return new Badness(value, null);
  }

  static Badness of(boolean bad) {
    return new Badness(bad ? 1 : 0, null);
  }

  boolean applicable() {
    return value != NOT_APPLICABLE;
  }
}
