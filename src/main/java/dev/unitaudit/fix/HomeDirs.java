package dev.unitaudit.fix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Users' home directories from {@code etc/passwd} under the audited root (empty when unreadable).
 */
public final class HomeDirs {

  private final Map<String, String> homes;

  private HomeDirs(Map<String, String> homes) {
    this.homes = homes;
  }

  public static HomeDirs none() {
    return new HomeDirs(Map.of());
  }

  public static HomeDirs of(Path root) {
    Map<String, String> m = new HashMap<>();
    if (root != null) {
      Path p = root.resolve("etc/passwd");
      try {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) < 4_000_000) {
          for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            String[] f = line.split(":", -1);
            if (f.length >= 6) {
              m.put(f[0], f[5]);
              m.putIfAbsent(f[2], f[5]);
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // no passwd: nothing known
      }
    }
    return new HomeDirs(m);
  }

  /** The home of a user name or uid, or null. */
  public String home(String user) {
    return homes.get(user);
  }
}
