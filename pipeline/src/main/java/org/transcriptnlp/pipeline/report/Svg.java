package org.transcriptnlp.pipeline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the HTML report, as plain functions from values to markup: the sentiment
 * arc, its sparkline and horizontal bars. Every text from the data goes through {@link #escape}.
 */
public final class Svg {
  private Svg() {}

  /** The sentiment classes, from -2 to 2 (answers.sentiment_label). */
  public static final List<String> LABELS =
      List.of("very_negative", "negative", "neutral", "positive", "very_positive");

  /** Each class's color, in the order of {@link #LABELS}: reds below zero, greens above. */
  public static final List<String> COLORS =
      List.of("#b2182b", "#e0735a", "#8c939d", "#5aae61", "#1b7837");

  /** The class of a score, by the thresholds of answers.sentiment_label; null for null. */
  static String label(Double score) {
    if (score == null) {
      return null;
    }
    double s = score;
    return s < -1.5
        ? "very_negative"
        : s < -0.5 ? "negative" : s <= 0.5 ? "neutral" : s <= 1.5 ? "positive" : "very_positive";
  }

  /** The color of a score's class; a light grey for null. */
  static String color(Double score) {
    return score == null ? "#c9ced6" : COLORS.get(LABELS.indexOf(label(score)));
  }

  /** A label as people read it: {@code very_negative} -> {@code very negative}. */
  static String labelName(String label) {
    return label == null ? "" : label.replace('_', ' ');
  }

  /**
   * Text escaped for HTML and SVG content and attribute values; control characters become U+FFFD.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r')
              || c == 0x7f
              || (c >= 0x80 && c < 0xa0)) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * Whitespace collapsed, then cut at a word boundary to at most about {@code max} characters, with
   * an ellipsis.
   */
  static String shorten(String s, int max) {
    if (s == null) {
      return "";
    }
    String t = s.strip().replaceAll("\\s+", " ");
    if (t.length() <= max) {
      return t;
    }
    int cut = t.lastIndexOf(' ', max);
    if (cut < max * 2 / 3) {
      cut = max;
    }
    if (Character.isHighSurrogate(t.charAt(cut - 1))) {
      cut--;
    }
    return t.substring(0, cut).strip() + "\u2026";
  }

  static String num(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  /** A score with its sign: {@code +0.42}, {@code -1.10}. */
  static String score(double v) {
    return String.format(Locale.ROOT, "%+.2f", v);
  }

  /**
   * A point of the arc: x = answer_index, y = sentiment_score (null: no point, a gap in the line),
   * its tooltip.
   */
  record Point(int x, Double y, String title) {}

  private static final int ARC_W = 1000;
  private static final int ARC_H = 340;
  private static final int LEFT = 150;
  private static final int RIGHT = 24;
  private static final int TOP = 16;
  private static final int BOTTOM = 52;

  /**
   * The sentiment arc: a point per scored answer (class {@code pt}, colored by its class, with a
   * {@code <title>} tooltip), a line through consecutive scored answers, broken where a score is
   * null; bands above and below the zero line; the class names on the y axis.
   */
  static String arc(List<Point> points) {
    double plotW = ARC_W - LEFT - RIGHT;
    double plotH = ARC_H - TOP - BOTTOM;
    int min = points.stream().mapToInt(Point::x).min().orElse(0);
    int max = points.stream().mapToInt(Point::x).max().orElse(0);
    double lo = min - 0.5;
    double span = max - min + 1;
    java.util.function.DoubleUnaryOperator x = i -> LEFT + (i - lo) / span * plotW;
    java.util.function.DoubleUnaryOperator y = s -> TOP + (2 - s) / 4 * plotH;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"arc\" viewBox=\"0 0 ")
        .append(ARC_W)
        .append(' ')
        .append(ARC_H)
        .append(
            "\" role=\"img\" aria-label=\"Sentiment score by answer\""
                + " xmlns=\"http://www.w3.org/2000/svg\">");
    b.append(rect(LEFT, y.applyAsDouble(2), plotW, plotH / 2, "#eef7ef"));
    b.append(rect(LEFT, y.applyAsDouble(0), plotW, plotH / 2, "#fbefed"));
    for (int v = -2; v <= 2; v++) {
      double yy = y.applyAsDouble(v);
      if (v != 0) {
        b.append(line(LEFT, yy, LEFT + plotW, yy, "#dde1e6", 1, null));
      }
      String name = labelName(LABELS.get(v + 2));
      b.append("<text x=\"")
          .append(LEFT - 12)
          .append("\" y=\"")
          .append(num(yy + 4, 1))
          .append("\" text-anchor=\"end\" class=\"ylab\"><tspan fill=\"")
          .append(COLORS.get(v + 2))
          .append("\">")
          .append(name)
          .append("</tspan><tspan class=\"yval\" dx=\"6\">")
          .append(v > 0 ? "+" + v : String.valueOf(v))
          .append("</tspan></text>");
    }
    double zero = y.applyAsDouble(0);
    b.append(line(LEFT, zero, LEFT + plotW, zero, "#4b5563", 1.5, "zero"));
    // x axis: ticks at a step that gives at most about 15 labels
    double axisY = TOP + plotH;
    b.append(line(LEFT, axisY, LEFT + plotW, axisY, "#9aa1ab", 1, null));
    int step = step(max - min + 1, 15);
    for (int i = ceilTo(min, step); i <= max; i += step) {
      double xx = x.applyAsDouble(i);
      b.append(line(xx, axisY, xx, axisY + 5, "#9aa1ab", 1, null));
      b.append("<text x=\"")
          .append(num(xx, 1))
          .append("\" y=\"")
          .append(num(axisY + 19, 1))
          .append("\" text-anchor=\"middle\" class=\"xlab\">")
          .append(i)
          .append("</text>");
    }
    b.append("<text x=\"")
        .append(num(LEFT + plotW / 2, 1))
        .append("\" y=\"")
        .append(ARC_H - 8)
        .append(
            "\" text-anchor=\"middle\" class=\"axis\">answer_index (order of the answer in the"
                + " interview)</text>");
    b.append("<text transform=\"translate(16 ")
        .append(num(TOP + plotH / 2, 1))
        .append(") rotate(-90)\" text-anchor=\"middle\" class=\"axis\">sentiment_score</text>");
    // the line, in segments of consecutive scored answers
    polylines(
        b,
        points,
        x,
        y,
        "class=\"line\" fill=\"none\" stroke=\"#64748b\" stroke-width=\"2\""
            + " stroke-linejoin=\"round\"");
    long scored = points.stream().filter(p -> p.y() != null).count();
    double r = Math.max(2.5, Math.min(6, plotW / Math.max(1, points.size()) / 3));
    for (Point p : points) {
      if (p.y() == null) {
        continue;
      }
      double s = Math.max(-2, Math.min(2, p.y()));
      b.append("<circle class=\"pt\" cx=\"")
          .append(num(x.applyAsDouble(p.x()), 1))
          .append("\" cy=\"")
          .append(num(y.applyAsDouble(s), 1))
          .append("\" r=\"")
          .append(num(r, 1))
          .append("\" fill=\"")
          .append(color(p.y()))
          .append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>")
          .append(escape(p.title()))
          .append("</title></circle>");
    }
    if (scored == 0) {
      b.append("<text x=\"")
          .append(num(LEFT + plotW / 2, 1))
          .append("\" y=\"")
          .append(num(zero - 14, 1))
          .append(
              "\" text-anchor=\"middle\" class=\"empty\">No sentiment scores: the rows were made"
                  + " without the sentiment annotator</text>");
    }
    return b.append("</svg>").toString();
  }

  /**
   * The line through the scored points: a polyline per run of two or more consecutive scored
   * answers.
   */
  private static void polylines(
      StringBuilder b,
      List<Point> points,
      java.util.function.DoubleUnaryOperator x,
      java.util.function.DoubleUnaryOperator y,
      String attributes) {
    for (List<Point> seg : segments(points)) {
      if (seg.size() > 1) {
        b.append("<polyline ").append(attributes).append(" points=\"");
        for (Point p : seg) {
          b.append(num(x.applyAsDouble(p.x()), 1))
              .append(',')
              .append(num(y.applyAsDouble(p.y()), 1))
              .append(' ');
        }
        b.setLength(b.length() - 1);
        b.append("\"/>");
      }
    }
  }

  /**
   * A small arc without axes, for the index: the line, the zero line and a dot per scored answer.
   */
  static String sparkline(List<Point> points) {
    int w = 150;
    int h = 34;
    int pad = 3;
    int min = points.stream().mapToInt(Point::x).min().orElse(0);
    int max = points.stream().mapToInt(Point::x).max().orElse(0);
    double span = Math.max(1, max - min);
    java.util.function.DoubleUnaryOperator x =
        i -> points.size() == 1 ? w / 2.0 : pad + (i - min) / span * (w - 2 * pad);
    java.util.function.DoubleUnaryOperator y =
        s -> pad + (2 - Math.max(-2, Math.min(2, s))) / 4 * (h - 2 * pad);
    StringBuilder b =
        new StringBuilder(
            "<svg class=\"spark\" width=\""
                + w
                + "\" height=\""
                + h
                + "\" viewBox=\"0 0 "
                + w
                + " "
                + h
                + "\" role=\"img\" aria-label=\"Sentiment arc\""
                + " xmlns=\"http://www.w3.org/2000/svg\">");
    b.append(rect(0, 0, w, h / 2.0, "#f3f9f4")).append(rect(0, h / 2.0, w, h / 2.0, "#fcf3f1"));
    b.append(line(0, y.applyAsDouble(0), w, y.applyAsDouble(0), "#9aa1ab", 1, null));
    polylines(b, points, x, y, "fill=\"none\" stroke=\"#64748b\" stroke-width=\"1.3\"");
    for (Point p : points) {
      if (p.y() != null) {
        b.append("<circle cx=\"")
            .append(num(x.applyAsDouble(p.x()), 1))
            .append("\" cy=\"")
            .append(num(y.applyAsDouble(p.y()), 1))
            .append("\" r=\"1.9\" fill=\"")
            .append(color(p.y()))
            .append("\"/>");
      }
    }
    return b.append("</svg>").toString();
  }

  /**
   * A horizontal bar: its label, length (against the longest of its chart), the text after it, its
   * tooltip, color.
   */
  record Bar(String label, double value, String valueText, String title, String color) {}

  /**
   * Horizontal bars, one row each (class {@code bar}), longest first as given; labels cut to fit.
   */
  static String bars(List<Bar> bars, int width, int labelWidth) {
    int row = 24;
    int valueWidth = 130;
    double barMax = width - labelWidth - valueWidth - 12;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    int h = Math.max(row, bars.size() * row) + 4;
    StringBuilder b =
        new StringBuilder(
            "<svg class=\"bars\" viewBox=\"0 0 "
                + width
                + " "
                + h
                + "\" width=\""
                + width
                + "\" height=\""
                + h
                + "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">");
    int maxChars = Math.max(6, labelWidth / 7);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double top = 2 + i * row;
      double len = max <= 0 ? 0 : Math.max(2, bar.value() / max * barMax);
      String label =
          bar.label().length() > maxChars
              ? bar.label().substring(0, maxChars - 1).strip() + "\u2026"
              : bar.label();
      b.append("<g class=\"bar\"><title>").append(escape(bar.title())).append("</title>");
      b.append("<text x=\"")
          .append(labelWidth - 8)
          .append("\" y=\"")
          .append(num(top + 16, 1))
          .append("\" text-anchor=\"end\" class=\"blab\">")
          .append(escape(label))
          .append("</text>");
      b.append("<rect x=\"")
          .append(labelWidth)
          .append("\" y=\"")
          .append(num(top + 4, 1))
          .append("\" width=\"")
          .append(num(len, 1))
          .append("\" height=\"16\" rx=\"2\" fill=\"")
          .append(bar.color())
          .append("\"/>");
      b.append("<text x=\"")
          .append(num(labelWidth + len + 6, 1))
          .append("\" y=\"")
          .append(num(top + 16, 1))
          .append("\" class=\"bval\">")
          .append(escape(bar.valueText()))
          .append("</text></g>");
    }
    return b.append("</svg>").toString();
  }

  /** The five class colors with their names, as a legend. */
  static String legend() {
    StringBuilder b =
        new StringBuilder(
            "<svg class=\"legend\" width=\"560\" height=\"20\" viewBox=\"0 0 560 20\" role=\"img\""
                + " aria-label=\"Sentiment classes\" xmlns=\"http://www.w3.org/2000/svg\">");
    int[] xs = {0, 118, 210, 292, 372};
    for (int i = 0; i < LABELS.size(); i++) {
      b.append("<circle cx=\"")
          .append(xs[i] + 7)
          .append("\" cy=\"10\" r=\"6\" fill=\"")
          .append(COLORS.get(i))
          .append("\"/>");
      b.append("<text x=\"")
          .append(xs[i] + 18)
          .append("\" y=\"14\" class=\"leg\">")
          .append(labelName(LABELS.get(i)))
          .append("</text>");
    }
    return b.append("</svg>").toString();
  }

  /** Runs of consecutive points with a score: a null score ends a run. */
  static List<List<Point>> segments(List<Point> points) {
    List<List<Point>> all = new ArrayList<>();
    List<Point> seg = new ArrayList<>();
    for (Point p : points) {
      if (p.y() == null) {
        if (!seg.isEmpty()) {
          all.add(seg);
          seg = new ArrayList<>();
        }
      } else {
        seg.add(p);
      }
    }
    if (!seg.isEmpty()) {
      all.add(seg);
    }
    return all;
  }

  /**
   * The smallest of 1, 2, 5, 10, 20, 50, ... that divides n values into at most {@code most} ticks.
   */
  static int step(int n, int most) {
    for (long base = 1; ; base *= 10) {
      for (int m : new int[] {1, 2, 5}) {
        long s = base * m;
        if ((n + s - 1) / s <= most) {
          return (int) s;
        }
      }
    }
  }

  private static int ceilTo(int v, int step) {
    return Math.floorDiv(v + step - 1, step) * step;
  }

  private static String rect(double x, double y, double w, double h, String fill) {
    return "<rect x=\""
        + num(x, 1)
        + "\" y=\""
        + num(y, 1)
        + "\" width=\""
        + num(w, 1)
        + "\" height=\""
        + num(h, 1)
        + "\" fill=\""
        + fill
        + "\"/>";
  }

  private static String line(
      double x1, double y1, double x2, double y2, String stroke, double width, String cls) {
    return "<line"
        + (cls == null ? "" : " class=\"" + cls + "\"")
        + " x1=\""
        + num(x1, 1)
        + "\" y1=\""
        + num(y1, 1)
        + "\" x2=\""
        + num(x2, 1)
        + "\" y2=\""
        + num(y2, 1)
        + "\" stroke=\""
        + stroke
        + "\" stroke-width=\""
        + num(width, 1)
        + "\"/>";
  }
}
