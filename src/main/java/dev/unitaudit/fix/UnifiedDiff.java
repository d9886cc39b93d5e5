package dev.unitaudit.fix;

import java.util.ArrayList;
import java.util.List;

/** A small unified diff (LCS over lines, 3 lines of context), enough for merged units. */
public final class UnifiedDiff {

  private UnifiedDiff() {}

  public static String diff(String nameA, String nameB, String a, String b) {
    List<String> x = lines(a);
    List<String> y = lines(b);
    int n = x.size();
    int m = y.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            x.get(i).equals(y.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // edit script: ' ', '-', '+' with line indexes
    List<char[]> ops = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<int[]> pos = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x.get(i).equals(y.get(j))) {
        ops.add(new char[] {' '});
        texts.add(x.get(i));
        pos.add(new int[] {i++, j++});
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new char[] {'-'});
        texts.add(x.get(i));
        pos.add(new int[] {i++, j});
      } else {
        ops.add(new char[] {'+'});
        texts.add(y.get(j));
        pos.add(new int[] {i, j++});
      }
    }
    StringBuilder sb = new StringBuilder();
    int k = 0;
    int prevEnd = 0;
    int total = ops.size();
    final int ctx = 3;
    while (k < total) {
      if (ops.get(k)[0] == ' ') {
        k++;
        continue;
      }
      int start = Math.max(prevEnd, k - ctx);
      int end = k;
      // extend the hunk while changes are within 2*ctx of each other
      int last = k;
      while (end < total) {
        if (ops.get(end)[0] != ' ') {
          last = end;
        } else if (end - last > 2 * ctx) {
          break;
        }
        end++;
      }
      end = Math.min(total, last + ctx + 1);
      int aStart = pos.get(start)[0];
      int bStart = pos.get(start)[1];
      int aLen = 0;
      int bLen = 0;
      for (int q = start; q < end; q++) {
        char o = ops.get(q)[0];
        if (o != '+') {
          aLen++;
        }
        if (o != '-') {
          bLen++;
        }
      }
      if (sb.length() == 0) {
        sb.append("--- ").append(nameA).append('\n').append("+++ ").append(nameB).append('\n');
      }
      sb.append("@@ -")
          .append(range(aStart, aLen))
          .append(" +")
          .append(range(bStart, bLen))
          .append(" @@\n");
      for (int q = start; q < end; q++) {
        sb.append(ops.get(q)[0]).append(texts.get(q)).append('\n');
      }
      k = end;
      prevEnd = end;
    }
    return sb.toString();
  }

  private static String range(int start, int len) {
    return len == 0 ? start + ",0" : (start + 1) + (len == 1 ? "" : "," + len);
  }

  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    for (String l : s.split("\n", -1)) {
      out.add(l);
    }
    if (s.endsWith("\n")) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
