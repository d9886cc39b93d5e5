package dev.unitaudit.fleet;

/** The five severity words in the order summaries count them. */
final class Severities {

  static final String[] WORDS = {"critical", "high", "medium", "low", "info"};

  private Severities() {}

  /** The index of a severity word the schema has accepted. */
  static int index(String word) {
    for (int i = 0; i < WORDS.length; i++) {
      if (WORDS[i].equals(word)) {
        return i;
      }
    }
    throw new IllegalArgumentException("severity " + word);
  }

  static Summary.Severities of(int[] counts) {
    return new Summary.Severities(counts[0], counts[1], counts[2], counts[3], counts[4]);
  }
}
