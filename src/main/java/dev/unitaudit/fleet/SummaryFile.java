package dev.unitaudit.fleet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An older summary ({@code --since}): a summary written with {@code -f json}, checked against
 * summary.schema.json. It is a few figures per unit and host, so it is read whole.
 */
final class SummaryFile {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SummaryFile() {}

  static Summary read(Path file) throws SummaryException {
    JsonNode n;
    try {
      n = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new SummaryException(file + ": not a unitaudit summary: " + e.getMessage());
    }
    if (n == null || n.isMissingNode()) {
      throw new SummaryException(file + ": not a unitaudit summary: empty file");
    }
    List<String> bad = Schemas.summary(n);
    if (!bad.isEmpty()) {
      throw new SummaryException(
          file
              + ": not a unitaudit summary (unitaudit summary -f json; summary.schema.json): "
              + String.join("; ", bad.subList(0, Math.min(3, bad.size()))));
    }
    try {
      return MAPPER.treeToValue(n, Summary.class);
    } catch (IOException e) {
      throw new SummaryException(file + ": not a unitaudit summary: " + e.getMessage());
    }
  }
}
