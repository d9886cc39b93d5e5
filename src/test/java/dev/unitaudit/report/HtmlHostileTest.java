package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of hostile input, parsed by an HTML5 parser: the only script is ours, no element
 * has an on* attribute, and the hostile text is there as text. Both the hand-made hostile report
 * and a tree audited at test time whose unit file, drop-in name and values carry markup.
 */
class HtmlHostileTest {

  static final String MARKUP =
      "</script><script>alert(1)</script><img src=x onerror=alert(2)> ]]> <svg onload=alert(3)>"
          + " \" onmouseover=\"alert(4)";

  @TempDir Path tmp;

  static void assertInert(String html, String mustAppearAsText) {
    Document d = Jsoup.parse(html);
    List<Element> scripts = d.select("script");
    assertEquals(1, scripts.size(), "only our script");
    assertEquals(Html.script(), scripts.get(0).data());
    List<String> handlers = new ArrayList<>();
    for (Element e : d.getAllElements()) {
      for (Attribute a : e.attributes()) {
        if (a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on")) {
          handlers.add(e.tagName() + " " + a);
        }
      }
    }
    assertEquals(List.of(), handlers);
    assertTrue(d.select("img, iframe, object, embed, link").isEmpty(), "no element from unit text");
    assertTrue(d.text().contains(mustAppearAsText), "the hostile text is shown as text");
  }

  @Test
  void theHostileSampleReportIsInert() {
    String html =
        new HtmlReporter().render(SampleReports.hostile(), null, Reporter.RenderOptions.PLAIN);
    assertInert(html, "]]> <b>&amp;</b>");
  }

  @Test
  void aHostileTreeAuditedToHtmlIsInert() throws Exception {
    Path etc = Files.createDirectories(tmp.resolve("root/etc/systemd/system"));
    Files.writeString(
        etc.resolve("evil.service"),
        "[Unit]\nDescription="
            + MARKUP
            + "\n[Service]\nExecStart=/bin/true "
            + MARKUP
            + "\nEnvironment=X="
            + MARKUP
            + "\nProtectSystem="
            + MARKUP
            + "\n");
    Path d = Files.createDirectories(etc.resolve("evil.service.d"));
    Files.writeString(
        d.resolve("<img src=x onerror=alert(5)>.conf"), "[Service]\nUser=" + MARKUP + "\n");
    Path out = tmp.resolve("evil.html");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "--root",
            tmp.resolve("root").toString(),
            "evil.service",
            "--no-fail",
            "-f",
            "html",
            "-o",
            out.toString());
    assertEquals(0, code, err.toString());
    String html = Files.readString(out);
    assertInert(html, "</script><script>alert(1)</script>");
    Document doc = Jsoup.parse(html);
    assertEquals(1, doc.select("svg.histogram").size());
    assertEquals(1, doc.select("table#units tbody tr").size());
    assertTrue(doc.select("details").size() >= 1 && !doc.select("details").get(0).hasAttr("open"));
  }
}
