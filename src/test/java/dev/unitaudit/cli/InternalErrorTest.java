package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * A bug is exit 3 with "internal error" and the stack trace, never 1 (which means a gate failed).
 */
class InternalErrorTest {

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("a bug");
    }
  }

  @Command(name = "overflow")
  static final class Overflow implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new StackOverflowError("an Error escaping picocli");
    }
  }

  private static String[] run(String command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, Supplier<Object>> commands = Map.of("boom", Boom::new, "overflow", Overflow::new);
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), commands, command);
    return new String[] {Integer.toString(code), err.toString()};
  }

  @Test
  void anExceptionInACommandIsExit3WithTheStackTrace() {
    String[] r = run("boom");
    assertEquals("3", r[0]);
    assertTrue(
        r[1].startsWith("unitaudit: internal error: java.lang.IllegalStateException: a bug"), r[1]);
    assertTrue(r[1].contains("at dev.unitaudit.cli.InternalErrorTest$Boom.call"), r[1]);
  }

  @Test
  void anErrorIsExit3Too() {
    String[] r = run("overflow");
    assertEquals("3", r[0]);
    assertTrue(
        r[1].contains("internal error: java.lang.StackOverflowError: an Error escaping picocli"),
        r[1]);
  }
}
