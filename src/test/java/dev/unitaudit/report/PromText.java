package dev.unitaudit.report;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser for the Prometheus text exposition format 0.0.4, written from the format's
 * specification (the same rules Prometheus' own Go parser and promtool apply), for the tests:
 *
 * <ul>
 *   <li>UTF-8, lines end with LF, the last one too; no CR;
 *   <li>{@code # HELP name text} (text escapes only {@code \\} and {@code \n}) and {@code # TYPE
 *       name counter|gauge|histogram|summary|untyped}, at most one of each per family, both before
 *       the family's first sample; other {@code #} lines are comments;
 *   <li>a sample is {@code name[{label="value",…}] value [timestamp]}: metric names match {@code
 *       [a-zA-Z_:][a-zA-Z0-9_:]*}, label names {@code [a-zA-Z_][a-zA-Z0-9_]*} and do not start with
 *       {@code __}, label values escape only backslash, double quote and line feed (a raw line feed
 *       or any other backslash sequence is an error), a label appears once per sample; the value is
 *       a Go float (or NaN, +Inf, -Inf), the timestamp an int64;
 *   <li>a family's lines form one group (no family comes back after another started), and no series
 *       (name and label set) appears twice;
 *   <li>a sample of a counter, gauge or untyped family is named exactly as its family; histogram
 *       and summary samples may add _bucket, _sum, _count.
 * </ul>
 *
 * Beyond the format, unitaudit's own rule: every family is typed and has help text.
 */
final class PromText {

  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[+-]?(?:(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|Inf|inf|NaN)");
  private static final Pattern INT64 = Pattern.compile("-?[0-9]{1,19}");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  /** The outcome: problems found (empty when the text is valid) and what was parsed. */
  record Result(
      List<String> problems, Map<String, String> types, Map<String, Integer> samplesPerFamily) {
    int samples() {
      return samplesPerFamily.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private PromText() {}

  static Result parse(byte[] bytes) {
    List<String> problems = new ArrayList<>();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      problems.add("not UTF-8: " + e);
      return new Result(problems, Map.of(), Map.of());
    }
    return parse(text, problems);
  }

  static Result parse(String text) {
    return parse(text, new ArrayList<>());
  }

  private static Result parse(String text, List<String> problems) {
    Map<String, String> types = new LinkedHashMap<>();
    Set<String> helped = new HashSet<>();
    Map<String, Integer> samples = new LinkedHashMap<>();
    Set<String> closed = new HashSet<>(); // families whose group has ended
    Set<String> series = new HashSet<>();
    String current = null;
    if (!text.isEmpty() && !text.endsWith("\n")) {
      problems.add("the last line has no line feed");
    }
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      String at = "line " + (n + 1) + ": ";
      if (n == lines.length - 1 && line.isEmpty()) {
        break;
      }
      if (line.indexOf('\r') >= 0) {
        problems.add(at + "carriage return");
      }
      if (line.isEmpty()) {
        continue;
      }
      String family;
      if (line.startsWith("#")) {
        String[] t = line.split(" ", 4);
        if (t.length < 3 || !t[0].equals("#") || !(t[1].equals("HELP") || t[1].equals("TYPE"))) {
          continue; // a comment
        }
        family = t[2];
        if (!METRIC.matcher(family).matches()) {
          problems.add(at + "bad metric name in " + t[1] + ": " + family);
          continue;
        }
        if (t[1].equals("TYPE")) {
          if (t.length != 4 || !TYPES.contains(t[3])) {
            problems.add(at + "bad TYPE line: " + line);
          }
          if (types.containsKey(family)) {
            problems.add(at + "second TYPE for " + family);
          }
          if (samples.containsKey(family)) {
            problems.add(at + "TYPE for " + family + " after its samples");
          }
          types.put(family, t.length == 4 ? t[3] : "");
        } else {
          if (!helped.add(family)) {
            problems.add(at + "second HELP for " + family);
          }
          String help = t.length == 4 ? t[3] : "";
          for (int i = 0; i < help.length(); i++) {
            if (help.charAt(i) == '\\') {
              if (i + 1 >= help.length()
                  || (help.charAt(i + 1) != '\\' && help.charAt(i + 1) != 'n')) {
                problems.add(at + "bad escape in HELP text");
              }
              i++;
            }
          }
        }
      } else {
        String sample = sample(line, at, problems, series);
        if (sample == null) {
          continue;
        }
        family = familyOf(sample, types);
        String type = types.get(family);
        if (type == null) {
          problems.add(at + "sample of " + family + " without a TYPE line");
        } else if (!helped.contains(family)) {
          problems.add(at + "sample of " + family + " without a HELP line");
        }
        samples.merge(family, 1, Integer::sum);
      }
      if (!family.equals(current)) {
        if (closed.contains(family)) {
          problems.add(
              at + family + " comes back after other families: its lines must be one group");
        }
        if (current != null) {
          closed.add(current);
        }
        current = family;
      }
    }
    return new Result(problems, types, samples);
  }

  private static String familyOf(String name, Map<String, String> types) {
    for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        String t = types.get(base);
        if ("histogram".equals(t) || "summary".equals(t) && !suffix.equals("_bucket")) {
          return base;
        }
      }
    }
    return name;
  }

  /** Parses one sample line; returns its metric name, or null after recording a problem. */
  private static String sample(String line, String at, List<String> problems, Set<String> series) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    if (!METRIC.matcher(name).matches()) {
      problems.add(at + "bad metric name: " + line);
      return null;
    }
    Map<String, String> labels = new TreeMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (true) {
        if (i < line.length() && line.charAt(i) == '}') {
          i++;
          break;
        }
        int eq = line.indexOf('=', i);
        if (eq < 0) {
          problems.add(at + "bad label list: " + line);
          return null;
        }
        String label = line.substring(i, eq);
        if (!LABEL.matcher(label).matches() || label.startsWith("__")) {
          problems.add(at + "bad label name '" + label + "': " + line);
          return null;
        }
        i = eq + 1;
        if (i >= line.length() || line.charAt(i) != '"') {
          problems.add(at + "label value not quoted: " + line);
          return null;
        }
        i++;
        StringBuilder value = new StringBuilder();
        boolean closedQuote = false;
        while (i < line.length()) {
          char c = line.charAt(i++);
          if (c == '"') {
            closedQuote = true;
            break;
          }
          if (c == '\\') {
            char e = i < line.length() ? line.charAt(i++) : 0;
            switch (e) {
              case '\\' -> value.append('\\');
              case '"' -> value.append('"');
              case 'n' -> value.append('\n');
              default -> {
                problems.add(at + "invalid escape \\" + e + " in label value: " + line);
                return null;
              }
            }
          } else {
            value.append(c);
          }
        }
        if (!closedQuote) {
          problems.add(at + "unterminated label value: " + line);
          return null;
        }
        if (labels.put(label, value.toString()) != null) {
          problems.add(at + "label " + label + " twice: " + line);
        }
        if (i < line.length() && line.charAt(i) == ',') {
          i++;
        } else if (i >= line.length() || line.charAt(i) != '}') {
          problems.add(at + "expected , or } after a label value: " + line);
          return null;
        }
      }
    }
    if (i >= line.length() || line.charAt(i) != ' ') {
      problems.add(at + "expected a space before the value: " + line);
      return null;
    }
    String[] rest = line.substring(i + 1).split(" ", -1);
    if (rest.length < 1
        || rest.length > 2
        || !FLOAT.matcher(rest[0]).matches()
        || (rest.length == 2 && !INT64.matcher(rest[1]).matches())) {
      problems.add(at + "bad value or timestamp: " + line);
      return null;
    }
    if (!series.add(name + labels)) {
      problems.add(at + "duplicate series " + name + labels);
    }
    return name;
  }
}
