package dev.unitaudit.model;

import dev.unitaudit.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * What one of systemd's value parsers does with an assignment: the lines it logs (each with the
 * diagnostic category the UA0xxx rules select on), and whether the assignment still takes effect (a
 * list parser skips one bad word and keeps the rest), is ignored, or fails the unit file.
 */
public record ParseResult(List<Message> messages, Effect effect) {

  /** One logged line. */
  public record Message(String text, String category) {}

  /** What the parser does with the assignment. */
  public enum Effect {
    APPLY,
    IGNORE,
    FATAL
  }

  public static final ParseResult OK = new ParseResult(List.of(), Effect.APPLY);

  /** The value is ignored with systemd's warning. */
  public static ParseResult ignore(String warning) {
    return new ParseResult(List.of(new Message(warning, Diagnostic.INVALID_VALUE)), Effect.IGNORE);
  }

  /** The unit file fails to load with systemd's error. */
  public static ParseResult fatal(String error) {
    return new ParseResult(List.of(new Message(error, Diagnostic.REFUSED)), Effect.FATAL);
  }

  /** The assignment applies (minus the words the warnings name). */
  public static ParseResult apply(List<String> warnings) {
    if (warnings.isEmpty()) {
      return OK;
    }
    List<Message> m = new ArrayList<>();
    for (String w : warnings) {
      m.add(new Message(w, Diagnostic.INVALID_VALUE));
    }
    return new ParseResult(List.copyOf(m), Effect.APPLY);
  }

  /**
   * A list parser's result: each bad word is skipped with its warning, and when every one of the
   * {@code words} was bad the assignment changes nothing (as if ignored; only an empty value resets
   * a list).
   */
  public static ParseResult words(List<String> warnings, int words) {
    ParseResult r = apply(warnings);
    return words > 0 && warnings.size() >= words ? new ParseResult(r.messages(), Effect.IGNORE) : r;
  }

  /** The assignment applies, with a notice (deprecation, unsafe value). */
  public static ParseResult notice(String text, String category) {
    return new ParseResult(List.of(new Message(text, category)), Effect.APPLY);
  }

  /** This result with {@code text} logged before its own lines. */
  public ParseResult after(String text, String category) {
    List<Message> m = new ArrayList<>();
    m.add(new Message(text, category));
    m.addAll(messages);
    return new ParseResult(List.copyOf(m), effect);
  }

  /** This result with {@code text} logged after its own lines (only when the value applied). */
  public ParseResult then(String text, String category) {
    List<Message> m = new ArrayList<>(messages);
    m.add(new Message(text, category));
    return new ParseResult(List.copyOf(m), effect);
  }
}
