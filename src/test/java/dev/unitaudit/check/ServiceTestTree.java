package dev.unitaudit.check;

import dev.unitaudit.engine.TreeContext;
import dev.unitaudit.load.SearchPath;
import dev.unitaudit.load.UnitLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A root-like tree written from text blocks, for the check kinds' unit tests: files go under {@code
 * etc/systemd/system/} unless their name starts with {@code /}.
 */
final class ServiceTestTree {

  static final String DIR = "etc/systemd/system/";

  private final Path root;

  ServiceTestTree(Path root) {
    this.root = root;
  }

  ServiceTestTree file(String name, String text) {
    Path p = root.resolve(name.startsWith("/") ? name.substring(1) : DIR + name);
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  CheckContext context(String unit) {
    TreeContext tree = new TreeContext(new UnitLoader(SearchPath.of(List.of(), root)), root);
    return tree.contextFor(tree.load(unit));
  }

  /** Runs a kind (after its own validation) on one unit of the tree. */
  <P> List<Hit> run(CheckKind<P> kind, P params, String unit) {
    kind.validate(params);
    return kind.evaluate(context(unit), params);
  }

  /** {@code file:line} of each hit, relative to the system directory. */
  static List<String> where(List<Hit> hits) {
    return hits.stream().map(h -> h.file().replace(DIR, "") + ":" + h.line()).toList();
  }
}
