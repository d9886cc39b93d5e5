package dev.unitaudit.score;

import dev.unitaudit.model.Words;
import java.util.List;

/** Word splitting as the setting parsers the assessors depend on do it (EXTRACT_UNQUOTE). */
final class ScoreWords {

  private ScoreWords() {}

  /** The words of a value; on a quoting error, the words systemd read before it. */
  static List<String> split(String value) {
    return Words.split(value, false, true).words();
  }
}
