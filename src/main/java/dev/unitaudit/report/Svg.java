package dev.unitaudit.report;

import java.util.List;
import java.util.Locale;

/**
 * A small inline-SVG renderer for the HTML views: a histogram, the level ladder and a heat map.
 * Ours rather than a charting library: three fixed shapes, no script, no fonts to load, and every
 * label passes through {@link Html#text}. Each mark carries a {@code <title>} with its figure, so
 * the numbers are there for a screen reader and on hover.
 */
public final class Svg {

  private Svg() {}

  /** Bars of {@code counts} above {@code labels}; {@code name} labels the chart. */
  public static String histogram(String name, String[] labels, int[] counts) {
    int w = 36;
    int h = 140;
    int left = 34;
    int width = left + counts.length * w + 10;
    int max = 1;
    for (int c : counts) {
      max = Math.max(max, c);
    }
    StringBuilder sb = open("histogram", name, width, h + 40);
    sb.append(axis(left, h, max));
    for (int i = 0; i < counts.length; i++) {
      int bh = (int) Math.round((double) counts[i] * (h - 10) / max);
      int x = left + i * w + 3;
      sb.append("<rect class=\"bar\" x=\"")
          .append(x)
          .append("\" y=\"")
          .append(h - bh)
          .append("\" width=\"")
          .append(w - 6)
          .append("\" height=\"")
          .append(bh)
          .append("\" fill=\"")
          .append(exposureColour(i + 0.5))
          .append("\"><title>")
          .append(Html.text(labels[i] + ": " + counts[i]))
          .append("</title></rect>");
      sb.append(label(x + (w - 6) / 2, h + 14, labels[i], "middle"));
      if (counts[i] > 0) {
        sb.append(label(x + (w - 6) / 2, h - bh - 3, Integer.toString(counts[i]), "middle"));
      }
    }
    return sb.append("</svg>").toString();
  }

  /**
   * The hardening ladder: one step per level 0-3, as wide as the number of units that reach it
   * ({@code reach[k]}: units at level k or above).
   */
  public static String ladder(String name, int[] reach) {
    int rowH = 26;
    int labelW = 64;
    int barW = 300;
    int max = Math.max(1, reach[0]);
    StringBuilder sb = open("ladder", name, labelW + barW + 60, rowH * reach.length + 10);
    for (int k = reach.length - 1, row = 0; k >= 0; k--, row++) {
      int y = 5 + row * rowH;
      int bw = (int) Math.round((double) reach[k] * barW / max);
      sb.append(label(0, y + 17, "level " + k, "start"));
      sb.append("<rect class=\"step\" x=\"")
          .append(labelW)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(bw)
          .append("\" height=\"")
          .append(rowH - 6)
          .append("\" fill=\"")
          .append(LEVEL_COLOURS[k])
          .append("\"><title>")
          .append(Html.text("level " + k + " or higher: " + reach[k]))
          .append("</title></rect>");
      sb.append(label(labelW + bw + 5, y + 15, Integer.toString(reach[k]), "start"));
    }
    return sb.append("</svg>").toString();
  }

  /**
   * A grid of rows (hosts) by columns (units), each cell coloured by its exposure (null: the host
   * does not have the unit, or it is not scored).
   */
  public static String heatmap(String name, List<String> rows, List<String> cols, Double[][] v) {
    int cell = 18;
    int left = 8 + 7 * Math.min(28, rows.stream().mapToInt(String::length).max().orElse(4));
    int top = 8 + 6 * Math.min(32, cols.stream().mapToInt(String::length).max().orElse(4));
    StringBuilder sb =
        open("heatmap", name, left + cols.size() * cell + 10, top + rows.size() * cell + 10);
    for (int c = 0; c < cols.size(); c++) {
      int x = left + c * cell + cell / 2 + 4;
      sb.append("<text font-size=\"11\" transform=\"translate(")
          .append(x)
          .append(',')
          .append(top - 4)
          .append(") rotate(-60)\">")
          .append(Html.text(shorten(cols.get(c), 32)))
          .append("<title>")
          .append(Html.text(cols.get(c)))
          .append("</title></text>");
    }
    for (int r = 0; r < rows.size(); r++) {
      int y = top + r * cell;
      sb.append(label(left - 4, y + 13, shorten(rows.get(r), 28), "end"));
      for (int c = 0; c < cols.size(); c++) {
        Double e = v[r][c];
        sb.append("<rect class=\"cell\" x=\"")
            .append(left + c * cell)
            .append("\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(cell - 2)
            .append("\" height=\"")
            .append(cell - 2)
            .append("\" fill=\"")
            .append(e == null ? "#eeeeee" : exposureColour(e))
            .append("\"><title>")
            .append(
                Html.text(
                    rows.get(r)
                        + " / "
                        + cols.get(c)
                        + ": "
                        + (e == null
                            ? "absent or not scored"
                            : String.format(Locale.ROOT, "%.1f", e))))
            .append("</title></rect>");
      }
    }
    return sb.append("</svg>").toString();
  }

  private static final String[] LEVEL_COLOURS = {"#c9c9c9", "#9fc5e8", "#6fa8dc", "#3d85c6"};

  /** Green at 0 through yellow to red at 10, as systemd's ratings go from PERFECT to UNSAFE. */
  static String exposureColour(double exposure) {
    double t = Math.max(0, Math.min(10, exposure)) / 10.0;
    int hue = (int) Math.round(120 * (1 - t));
    return "hsl(" + hue + ",65%,48%)";
  }

  private static StringBuilder open(String kind, String name, int w, int h) {
    return new StringBuilder()
        .append("<svg class=\"")
        .append(kind)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" aria-label=\"")
        .append(Html.text(name))
        .append("\">");
  }

  private static String axis(int left, int h, int max) {
    return "<line x1=\""
        + left
        + "\" y1=\""
        + h
        + "\" x2=\""
        + (left + 10000)
        + "\" y2=\""
        + h
        + "\" stroke=\"#888\"/>"
        + label(left - 4, h, "0", "end")
        + label(left - 4, 14, Integer.toString(max), "end");
  }

  private static String label(int x, int y, String text, String anchor) {
    return "<text x=\""
        + x
        + "\" y=\""
        + y
        + "\" font-size=\"11\" text-anchor=\""
        + anchor
        + "\">"
        + Html.text(text)
        + "</text>";
  }

  private static String shorten(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
  }
}
