package dev.unitaudit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** gitignore(5) semantics of .unitauditignore, case by case. */
class IgnoreFileTest {

  private static Boolean decides(String file, String path, boolean dir) {
    return IgnoreFile.parse(file).decides(path, dir);
  }

  @Test
  void namesMatchAtAnyDepthAndPathsAreAnchored() {
    assertEquals(true, decides("old.service\n", "deploy/x/old.service", false));
    assertEquals(true, decides("/old.service\n", "old.service", false));
    assertEquals(null, decides("/old.service\n", "deploy/old.service", false));
    assertEquals(true, decides("deploy/old\n", "deploy/old", true));
    assertEquals(
        null, decides("deploy/old\n", "x/deploy/old", true), "a pattern with a slash is anchored");
  }

  @Test
  void globsStayInsideASegmentAndDoubleStarCrossesThem() {
    assertEquals(true, decides("*.service\n", "a/b/c.service", false));
    assertEquals(null, decides("deploy/*.service\n", "deploy/a/c.service", false));
    assertEquals(true, decides("deploy/**/c.service\n", "deploy/a/b/c.service", false));
    assertEquals(true, decides("deploy/**/c.service\n", "deploy/c.service", false));
    assertEquals(true, decides("**/legacy\n", "a/b/legacy", true));
    assertEquals(true, decides("deploy/**\n", "deploy/a/b", false));
    assertEquals(true, decides("web?.service\n", "web1.service", false));
    assertEquals(true, decides("web[0-9].service\n", "web7.service", false));
    assertEquals(null, decides("web[!0-9].service\n", "web7.service", false));
  }

  @Test
  void negationCommentsDirectoryOnlyAndEscapes() {
    assertEquals(
        false, decides("*.service\n!keep.service\n", "keep.service", false), "the last match wins");
    assertEquals(null, decides("# old.service\n\n", "old.service", false));
    assertEquals(true, decides("\\#odd.service\n", "#odd.service", false));
    assertEquals(
        null, decides("build/\n", "build", false), "a trailing slash matches folders only");
    assertEquals(true, decides("build/\n", "build", true));
    assertEquals(
        true,
        decides("trailing.service   \n", "trailing.service", false),
        "trailing spaces are trimmed");
  }
}
