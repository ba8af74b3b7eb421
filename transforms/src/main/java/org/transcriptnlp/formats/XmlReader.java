package org.transcriptnlp.formats;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.parse.Timestamps;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML transcripts, read by their structure with the JDK's parser (no external entity, DTD or schema
 * is ever loaded; entity expansion is limited).
 *
 * <ul>
 *   <li>A <em>speech</em> is the innermost element that names its speaker: by an attribute ({@code
 *       by}, {@code who}, {@code speaker}, {@code speakername}, ...; a {@code #id} is resolved
 *       against the people the document declares: Akoma Ntoso {@code TLCPerson showAs}, TEI {@code
 *       person/persName}) or by a first child element ({@code <from>}, {@code <speaker>}). Akoma
 *       Ntoso {@code <speech by="#id"><from>..</from><p>..}, TEI {@code <sp
 *       who><speaker>..</speaker><p>/<l>}, ParlaMint {@code <u who="#id"><seg>..}, TheyWorkForYou
 *       {@code <speech speakername>} are all speeches.
 *   <li>Paragraphs are the elements that hold text themselves ({@code <p>}, {@code <seg>}, {@code
 *       <l>}, a {@code <u>} of plain text split at blank lines), in document order. In a document
 *       with speeches, text outside them (titles, headings, roll calls, summaries) is left out; in
 *       one without, every paragraph is read, without a speaker, for the turn parser's label
 *       finder.
 *   <li>{@code <note>}, {@code <incident>}, {@code <kinesic>}, {@code <vocal>}, {@code <gap>},
 *       {@code <stage>} and a paragraph wholly in italics that ends without a full stop ("Mr Crean
 *       interjecting") are stage directions, written {@code {...}} so that the turn parser keeps
 *       them out of the speech; headers ({@code teiHeader}, Akoma Ntoso {@code meta}) are skipped.
 *   <li>Text that is HTML (CDATA or escaped markup) is read as HTML ({@link HtmlText}).
 * </ul>
 */
public final class XmlReader {
  private static final Set<String> SPEAKER_ATTRIBUTES =
      Set.of(
          "by",
          "who",
          "speaker",
          "speakername",
          "speaker_name",
          "speakerid",
          "person",
          "spk",
          "voice");
  private static final List<String> SPEAKER_ATTRIBUTE_ORDER =
      List.of(
          "speakername",
          "speaker_name",
          "speaker",
          "by",
          "who",
          "person",
          "spk",
          "voice",
          "speakerid");
  private static final Set<String> SPEAKER_ELEMENTS =
      Set.of(
          "from",
          "speaker",
          "speakername",
          "speaker_name",
          "personspeaking",
          "speakerlabel",
          "spkr");
  private static final Set<String> STAGE =
      Set.of("note", "incident", "kinesic", "vocal", "gap", "stage", "pause", "shift", "desc");
  private static final Set<String> SKIPPED =
      Set.of(
          "teiheader",
          "meta",
          "metadata",
          "references",
          "script",
          "style",
          "recordedtime",
          "docproponent",
          "fw",
          "pb",
          "lb",
          "index",
          "keywords",
          "subjects",
          "synopsis");
  private static final Set<String> ITALIC = Set.of("i", "em", "emphasis");
  private static final Set<String> PARAGRAPHS =
      Set.of("p", "seg", "l", "ab", "para", "line", "u", "s");
  private static final Pattern HTML =
      Pattern.compile("(?s).*</?(?:p|br|div|span|b|i|strong|em|a)(?:\\s[^>]*)?/?>.*");
  private static final int STAGE_MAX = 40;

  private final Map<String, String> people = new HashMap<>();

  public List<Block> read(String xml) {
    Document doc = parse(xml);
    collectPeople(doc.getDocumentElement());
    List<Block> blocks = new ArrayList<>();
    walk(doc.getDocumentElement(), blocks);
    long speeches = blocks.stream().filter(b -> b.speaker() != null).count();
    if (speeches >= 2) {
      // The structure says who speaks: text outside every speech (titles, headings, rolls,
      // summaries) is not speech.
      blocks.removeIf(b -> b.speaker() == null);
    }
    return blocks;
  }

  /** Parses with DTDs and external entities off; malformed XML is refused with line and reason. */
  static Document parse(String xml) {
    try {
      DocumentBuilderFactory f =
          DocumentBuilderFactory.newDefaultInstance(); // the JDK's, not a Xerces on the class path
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      // Internal entities are expanded, but a "billion laughs" stops at these limits.
      f.setAttribute("jdk.xml.entityExpansionLimit", "2000");
      f.setAttribute("jdk.xml.totalEntitySizeLimit", "1000000");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(true);
      f.setValidating(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
      return b.parse(new InputSource(new StringReader(text)));
    } catch (SAXParseException e) {
      throw new FormatException(
          "malformed_xml",
          "not well-formed XML (line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + "): "
              + e.getMessage());
    } catch (SAXException e) {
      throw new FormatException("malformed_xml", "not well-formed XML: " + e.getMessage());
    } catch (ParserConfigurationException | java.io.IOException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be set up safely", e);
    }
  }

  private static String local(Node n) {
    String name = n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    int colon = name.indexOf(':');
    return (colon < 0 ? name : name.substring(colon + 1)).toLowerCase(Locale.ROOT);
  }

  /**
   * Ids of declared people and their names: TLCPerson showAs, TEI person/persName, any element with
   * an id and a name.
   */
  private void collectPeople(Element root) {
    NodeList all = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      String id = firstAttribute(e, "eId", "xml:id", "id", "eid");
      if (id == null || id.isBlank()) {
        continue;
      }
      String name = firstAttribute(e, "showAs", "name", "displayName", "fullName");
      if (name == null) {
        Element persName = firstChild(e, "persname", "name");
        if (persName != null) {
          name = clean(persName.getTextContent());
        }
      }
      String tag = local(e);
      if (name != null
          && !name.isBlank()
          && (tag.startsWith("tlc")
              || tag.equals("person")
              || tag.equals("speaker")
              || tag.contains("member")
              || firstChild(e, "persname") != null)) {
        people.putIfAbsent(id, name.strip());
      }
    }
  }

  private static String firstAttribute(Element e, String... names) {
    for (String n : names) {
      String v =
          n.equals("xml:id") ? e.getAttributeNS(XMLConstants.XML_NS_URI, "id") : e.getAttribute(n);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  private static Element firstChild(Element e, String... names) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element ce && Set.of(names).contains(local(ce))) {
        return ce;
      }
    }
    return null;
  }

  /**
   * The speaker an element names, or null: a resolved attribute, else its speaker child element.
   */
  private String speakerOf(Element e) {
    Map<String, String> attrs = new HashMap<>();
    NamedNodeMap map = e.getAttributes();
    for (int i = 0; i < map.getLength(); i++) {
      Attr a = (Attr) map.item(i);
      attrs.put(local(a).toLowerCase(Locale.ROOT), a.getValue());
    }
    String raw = null;
    for (String k : SPEAKER_ATTRIBUTE_ORDER) {
      String v = attrs.get(k);
      if (v != null && !v.isBlank() && !v.strip().equals("#") && !v.equalsIgnoreCase("unknown")) {
        String ref = v.strip().startsWith("#") ? v.strip().substring(1) : v.strip();
        String name = people.get(ref);
        if (name != null) {
          return name;
        }
        if (raw == null && !k.equals("speakerid")) {
          raw = v.strip().startsWith("#") ? null : v.strip();
          if (raw == null) {
            raw = "#" + ref;
          }
        }
      }
    }
    Element child = speakerElement(e);
    if (child != null) {
      String name = clean(child.getTextContent()).replaceAll("[:.]$", "").strip();
      if (!name.isEmpty()) {
        return name;
      }
    }
    if (raw != null && raw.startsWith("#")) {
      return idAsName(raw.substring(1)); // an id without a declared name
    }
    return raw;
  }

  /** An id written as a name: "StephenKinnock" -> "Stephen Kinnock", "jane_roe" -> "jane roe". */
  static String idAsName(String id) {
    String spaced = id.replace('_', ' ').replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ").strip();
    return spaced.isEmpty() ? id : spaced;
  }

  /**
   * The first child element that names the speaker ({@code <from>}, {@code <speaker>}), if short.
   */
  private static Element speakerElement(Element e) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element ce) {
        if (SPEAKER_ELEMENTS.contains(local(ce)) && clean(ce.getTextContent()).length() <= 300) {
          return ce;
        }
        return null;
      }
      if (c.getNodeType() == Node.TEXT_NODE && !c.getTextContent().isBlank()) {
        return null;
      }
    }
    return null;
  }

  private boolean namesSpeaker(Element e) {
    NamedNodeMap map = e.getAttributes();
    for (int i = 0; i < map.getLength(); i++) {
      if (SPEAKER_ATTRIBUTES.contains(local(map.item(i)))) {
        return true;
      }
    }
    return speakerElement(e) != null;
  }

  /** Whether any descendant is itself a speech. */
  private boolean holdsSpeeches(Element e) {
    NodeList all = e.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element d = (Element) all.item(i);
      if (namesSpeaker(d) && !isSpeakerElement(d) && hasText(d)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpeakerElement(Element e) {
    return SPEAKER_ELEMENTS.contains(local(e)) || local(e).equals("persname");
  }

  private static boolean hasText(Element e) {
    return !clean(e.getTextContent()).isEmpty();
  }

  private void walk(Element e, List<Block> blocks) {
    String tag = local(e);
    if (SKIPPED.contains(tag)) {
      return;
    }
    if (namesSpeaker(e) && !isSpeakerElement(e) && hasText(e) && !holdsSpeeches(e)) {
      String speaker = speakerOf(e);
      if (speaker != null) {
        List<String> paragraphs = new ArrayList<>();
        Element from = speakerElement(e);
        paragraphs(e, from, paragraphs);
        Double start = time(e, "start", "begin", "time", "from", "start_time");
        Double end = time(e, "end", "stop", "to", "end_time");
        for (String p : paragraphs) {
          blocks.add(new Block(p, speaker, start, end));
        }
        return;
      }
    }
    if (STAGE.contains(tag)) {
      String s = stage(e);
      if (s != null) {
        blocks.add(Block.text(s));
      }
      return;
    }
    if (ownsText(e) && e.getTextContent().stripLeading().startsWith("WEBVTT")) {
      // A transcript of another format inside an element (an OHMS export holds WebVTT): read it as
      // such.
      try {
        blocks.addAll(new CaptionReader().read(e.getTextContent().strip()));
        return;
      } catch (CaptionReader.MalformedCaptionsException notCaptions) {
        // read as text below
      }
    }
    if (ownsText(e)) {
      for (String p : paragraph(e)) {
        blocks.add(Block.text(p));
      }
      return;
    }
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element ce) {
        walk(ce, blocks);
      }
    }
  }

  /** The paragraphs inside a speech, its speaker element left out. */
  private void paragraphs(Element e, Element skip, List<String> out) {
    if (ownsText(e)) {
      out.addAll(paragraph(e, skip));
      return;
    }
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element ce && ce != skip && !SKIPPED.contains(local(ce))) {
        if (STAGE.contains(local(ce))) {
          String s = stage(ce);
          if (s != null) {
            out.add(s);
          }
        } else {
          paragraphs(ce, null, out);
        }
      }
    }
  }

  /**
   * Whether an element is a paragraph: it holds text of its own (not only in child elements), or it
   * is a paragraph element ({@code <p>}, {@code <seg>}, {@code <l>}, ...) with no paragraph element
   * inside.
   */
  private static boolean ownsText(Element e) {
    boolean paragraphTag = PARAGRAPHS.contains(local(e));
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      short t = c.getNodeType();
      if ((t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE) && !c.getTextContent().isBlank()) {
        return true;
      }
      if (c instanceof Element ce && PARAGRAPHS.contains(local(ce))) {
        paragraphTag = false;
      }
    }
    return paragraphTag && hasText(e);
  }

  private List<String> paragraph(Element e) {
    return paragraph(e, null);
  }

  /**
   * One element's text as paragraphs: inline elements' text in place, stage directions as {@code
   * {...}}, blank lines as paragraph breaks; HTML inside it read as HTML; a short paragraph wholly
   * in italics without a full stop is a stage direction.
   */
  private List<String> paragraph(Element e, Element skip) {
    StringBuilder sb = new StringBuilder();
    inline(e, skip, sb);
    String raw = sb.toString();
    List<String> out = new ArrayList<>();
    if (HTML.matcher(raw).matches()) {
      raw = HtmlText.of(raw);
    }
    for (String p : raw.split("\\n\\s*\\n")) {
      String c = clean(p);
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    if (out.size() == 1 && italicOnly(e) && !out.get(0).matches(".*[.?!\"”]$")) {
      String c = out.get(0);
      out.set(0, "{" + (c.length() <= STAGE_MAX ? c : c.substring(0, STAGE_MAX - 1) + "…") + "}");
    }
    return out;
  }

  private static boolean italicOnly(Element e) {
    if (ITALIC.contains(local(e))) {
      return true;
    }
    String rend = (e.getAttribute("class") + " " + e.getAttribute("rend")).toLowerCase(Locale.ROOT);
    if (rend.contains("italic")) {
      return true;
    }
    boolean italic = false;
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.TEXT_NODE && !c.getTextContent().isBlank()) {
        return false;
      }
      if (c instanceof Element ce) {
        String r = ce.getAttribute("rend").toLowerCase(Locale.ROOT);
        if (!(ITALIC.contains(local(ce)) || r.contains("italic"))) {
          return false;
        }
        italic = true;
      }
    }
    return italic;
  }

  private void inline(Node n, Element skip, StringBuilder sb) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c == skip) {
        continue;
      }
      short t = c.getNodeType();
      if (t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE) {
        sb.append(c.getNodeValue());
      } else if (c instanceof Element ce) {
        String tag = local(ce);
        if (SKIPPED.contains(tag)) {
          continue;
        }
        if (STAGE.contains(tag)) {
          String s = stage(ce);
          if (s != null) {
            sb.append(' ').append(s).append(' ');
          }
        } else if (tag.equals("lb") || tag.equals("br")) {
          sb.append('\n');
        } else if (PARAGRAPHS.contains(tag)) {
          sb.append("\n\n");
          inline(ce, null, sb);
          sb.append("\n\n");
        } else {
          inline(ce, null, sb);
        }
      }
    }
  }

  /**
   * A stage direction as {@code {text}} (its desc, type or text), or null when too long or empty.
   */
  private static String stage(Element e) {
    String text = clean(e.getTextContent());
    if (text.isEmpty()) {
      text =
          clean(
              firstNonEmpty(
                  e.getAttribute("desc"),
                  e.getAttribute("type"),
                  e.getAttribute("reason"),
                  local(e)));
    }
    text = text.replace("{", "(").replace("}", ")");
    if (text.isEmpty() || text.length() > STAGE_MAX) {
      return text.isEmpty() ? null : "{" + text.substring(0, STAGE_MAX - 1) + "…}";
    }
    return "{" + text + "}";
  }

  private static String firstNonEmpty(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }

  private static Double time(Element e, String... names) {
    for (String n : names) {
      String v = e.getAttribute(n);
      if (v != null && !v.isBlank()) {
        Double s = Timestamps.seconds(v.strip());
        if (s != null) {
          return s;
        }
        if (v.strip().matches("\\d{1,7}(?:\\.\\d+)?")) {
          return Double.parseDouble(v.strip());
        }
      }
    }
    return null;
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\u00A0', ' ').replaceAll("[ \\t\\r\\n]+", " ").strip();
  }
}
