package dev.unitaudit.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.apache.commons.text.StringEscapeUtils;

/**
 * The one HTML page shell and escape of the HTML views (an audit's and a fleet summary's): a single
 * self-contained file, no network (no external script, style, font or image; a Content Security
 * Policy that allows only our own inline script, by its hash, and inline styles), readable without
 * JavaScript. The script only adds sorting and a filter box to tables marked {@code sortable}.
 */
public final class Html {

  /** Sorting and filtering for {@code table.sortable}; the table is complete without it. */
  static final String SCRIPT =
      "(function(){\n"
          + "function key(c){var v=c.getAttribute('data-v');return v===null?c.textContent:v;}\n"
          + "document.querySelectorAll('table.sortable').forEach(function(t){\n"
          + "var box=document.createElement('input');box.type='search';\n"
          + "box.placeholder='Filter rows';box.setAttribute('aria-label','Filter"
          + " '+(t.getAttribute('aria-label')||'rows'));\n"
          + "box.className='filter';t.parentNode.insertBefore(box,t);\n"
          + "var body=t.tBodies[0];\n"
          + "box.addEventListener('input',function(){var q=box.value.toLowerCase();\n"
          + "Array.prototype.forEach.call(body.rows,function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});\n"
          + "Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){\n"
          + "var b=document.createElement('button');b.type='button';b.textContent=th.textContent;\n"
          + "th.textContent='';th.appendChild(b);\n"
          + "b.addEventListener('click',function(){var"
          + " up=th.getAttribute('aria-sort')!=='ascending';\n"
          + "Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h){h.removeAttribute('aria-sort');});\n"
          + "th.setAttribute('aria-sort',up?'ascending':'descending');\n"
          + "var rows=Array.prototype.slice.call(body.rows);\n"
          + "rows.sort(function(x,y){var"
          + " a=key(x.cells[i]),c=key(y.cells[i]),na=parseFloat(a),nc=parseFloat(c);\n"
          + "var d=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c);return up?d:-d;});\n"
          + "rows.forEach(function(r){body.appendChild(r);});});});});\n"
          + "})();\n";

  static final String STYLE =
      "body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:75em;padding:0"
          + " 1em;color:#1d1d1f}\n"
          + "h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.8em}h3{font-size:1.05em}\n"
          + "table{border-collapse:collapse;margin:.5em 0}th,td{border-bottom:1px solid"
          + " #ddd;padding:.2em .6em;text-align:left;vertical-align:top}\n"
          + "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
          + "th button{font:inherit;font-weight:bold;border:0;background:none;padding:0;cursor:pointer}\n"
          + "th[aria-sort=ascending] button::after{content:' \\25B2'}th[aria-sort=descending]"
          + " button::after{content:' \\25BC'}\n"
          + "input.filter{display:block;margin:.5em 0;padding:.3em;width:20em}\n"
          + "figure{display:inline-block;margin:0 2em 1em"
          + " 0;vertical-align:top}figcaption{font-size:.9em;color:#555}\n"
          + "pre{background:#f5f5f7;padding:.4em .6em;margin:.3em"
          + " 0;white-space:pre-wrap;overflow-wrap:anywhere}\n"
          + "code{overflow-wrap:anywhere}.loc{color:#555}.sev{font-weight:bold;text-transform:uppercase;font-size:.8em}\n"
          + ".critical,.high{color:#b00020}.medium{color:#a15c00}.low{color:#555}.info{color:#357}\n"
          + ".unit{border-top:2px solid #ddd;margin-top:1.5em}.muted{color:#666}\n"
          + "details{margin:.5em 0}summary{cursor:pointer}\n";

  private static final String SCRIPT_HASH = sha256(SCRIPT);

  private Html() {}

  /**
   * Text for an element's content or a double-quoted attribute: controls made visible as in the
   * text report ({@link TextSafety}), then every markup character escaped, the apostrophe included.
   */
  public static String text(String s) {
    return StringEscapeUtils.escapeHtml4(TextSafety.cleanLines(s == null ? "" : s))
        .replace("'", "&#39;");
  }

  /** The whole page: title, our style and script, and the body given (already escaped). */
  public static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
        + " 'unsafe-inline'; script-src '"
        + SCRIPT_HASH
        + "'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + text(title)
        + "</title>\n<style>\n"
        + STYLE
        + "</style>\n</head>\n<body>\n"
        + body
        + "<script>"
        + SCRIPT
        + "</script>\n</body>\n</html>\n";
  }

  /** The script's CSP source: only this exact script may run, never one a unit file smuggled in. */
  private static String sha256(String script) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The script our pages carry, for tests that check it is the only one. */
  public static String script() {
    return SCRIPT;
  }
}
