package dev.unitaudit.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and git commit Maven filtered into version.properties at build time: the one reader
 * of that file (the report's {@code tool.version} and {@code unitaudit --version} both use it).
 *
 * <p>The commit is commit.properties, which the build writes with {@code git log} beside it; a
 * build from a tree without git (a source tarball) has none, read here as "unknown".
 */
public final class Version {

  private static final Properties PROPERTIES = read();

  private Version() {}

  /** The project version: the release's ({@code 0.2.0}) or between releases a snapshot's. */
  public static String get() {
    return value("version");
  }

  /** The abbreviated commit the jar was built from. */
  public static String commit() {
    return value("commit");
  }

  /** What {@code unitaudit --version} prints: {@code unitaudit 0.2.0 (commit 1a2b3c4d5e6f)}. */
  public static String line() {
    return "unitaudit " + get() + " (commit " + commit() + ")";
  }

  private static String value(String key) {
    String v = PROPERTIES.getProperty(key, "");
    // an unfiltered placeholder (${...}) or nothing at all: the build did not know
    return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
  }

  private static Properties read() {
    Properties p = new Properties();
    for (String name : new String[] {"version.properties", "commit.properties"}) {
      try (InputStream in = Version.class.getResourceAsStream("/dev/unitaudit/" + name)) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // a jar whose own resource cannot be read says "unknown" rather than failing the audit
        p.remove("commit");
      }
    }
    return p;
  }
}
