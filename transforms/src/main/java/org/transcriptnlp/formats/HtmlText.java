package org.transcriptnlp.formats;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The visible text of an HTML page, with its block structure kept as line breaks: a block element
 * (paragraph, heading, list item, table row, {@code <cite>} of a podcast transcript, ...) starts a
 * new paragraph (a blank line), {@code <br>} a new line, and {@code <pre>} keeps its lines as they
 * are. Scripts, styles and the document head are dropped. Parsing is jsoup's, which copes with the
 * malformed HTML of real pages; entities are decoded.
 */
public final class HtmlText {
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "tr",
          "table",
          "blockquote",
          "section",
          "article",
          "header",
          "footer",
          "main",
          "aside",
          "pre",
          "hr",
          "cite",
          "time",
          "figure",
          "figcaption",
          "center",
          "address",
          "form",
          "fieldset",
          "title",
          "body");

  private static final Pattern FURNITURE =
      Pattern.compile(
          "(?i)(?:^|[\\s_-])(?:share|sharing|social|related|newsletter|advert|advertisement|ads|promo|cookie|"
              + "subscribe|sidebar|breadcrumbs?|site-header|site-footer|menu|navbar|comments?)(?:$|[\\s_-])");

  private HtmlText() {}

  public static String of(String html) {
    Document doc = Jsoup.parse(html);
    doc.select(
            "script, style, noscript, template, head, svg, iframe, object, nav, footer, aside,"
                + " form, button, menu, [role=navigation], [role=contentinfo], [role=banner],"
                + " [aria-hidden=true]")
        .remove();
    // Page furniture of news and government sites: sharing bars, related links, newsletters, ads.
    for (Element e : doc.body() == null ? List.<Element>of() : doc.body().select("[class], [id]")) {
      String names = e.className() + " " + e.id();
      if (FURNITURE.matcher(names).find() && e.parent() != null) {
        e.remove();
      }
    }
    if (doc.body() != null) {
      markBold(doc.body());
    }
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new Visitor(out), doc.body() == null ? doc : doc.body());
    return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static final java.util.Set<String> BOLD = java.util.Set.of("strong", "b");

  /**
   * Keeps what bold says about speakers, as the text readers write it: a block wholly in bold
   * ({@code <p><strong>Jane Roe</strong></p>}) becomes {@code **Jane Roe**}, and a bold lead that
   * ends in a colon ({@code <p><b>Jane Roe:</b> text</p>}) becomes {@code **Jane Roe:**}.
   */
  private static void markBold(Element body) {
    for (Element b : body.select("strong, b")) {
      if (b.parents().stream().anyMatch(p -> BOLD.contains(p.normalName()))) {
        continue; // the outer bold element is the one marked
      }
      String text = b.text().strip();
      Element block =
          b.parents().stream()
              .filter(p -> BLOCKS.contains(p.normalName()))
              .findFirst()
              .orElse(null);
      if (text.isEmpty() || text.length() > 200 || block == null || block == body) {
        continue;
      }
      String blockText = block.text().strip();
      if (blockText.equals(text)
          || blockText.startsWith(text) && text.endsWith(":") && text.length() <= 80) {
        b.prependText("**");
        b.appendText("**");
      }
    }
  }

  private static final class Visitor implements NodeVisitor {
    private final StringBuilder out;
    private int pre;

    Visitor(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        if (pre > 0) {
          out.append(t.getWholeText());
        } else {
          String s = t.getWholeText().replaceAll("[\\s&&[^\\u00A0]]+", " ");
          if (endsWithSpaceOrBreak() && s.startsWith(" ")) {
            s = s.substring(1);
          }
          out.append(s);
        }
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("br")) {
          out.append('\n');
        } else if (BLOCKS.contains(tag)) {
          paragraphBreak();
          if (tag.equals("pre")) {
            pre++;
          }
        } else if (tag.equals("td") || tag.equals("th")) {
          out.append(' ');
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
        if (e.normalName().equals("pre")) {
          pre--;
        }
        paragraphBreak();
      }
    }

    private boolean endsWithSpaceOrBreak() {
      if (out.length() == 0) {
        return true;
      }
      char c = out.charAt(out.length() - 1);
      return c == ' ' || c == '\n';
    }

    private void paragraphBreak() {
      int n = out.length();
      if (n == 0 || (n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n')) {
        return;
      }
      out.append(out.charAt(n - 1) == '\n' ? "\n" : "\n\n");
    }
  }
}
