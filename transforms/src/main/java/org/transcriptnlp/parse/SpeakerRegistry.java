package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the labels of one transcript to canonical speaker names.
 *
 * <p>An alias declaration {@code Full Name(ALIAS):} makes the full name canonical and the alias one
 * of its keys. Labels are compared case-insensitively, so {@code TOKAYEV} and {@code Tokayev} are
 * one speaker; a bare surname (with or without an honorific) resolves to the one declared speaker
 * whose name ends with it. Canonical names are written in a readable case: an all-caps surname
 * becomes title case ({@code Kassym-Jomart TOKAYEV} gives {@code Kassym-Jomart Tokayev}, {@code MS.
 * PSAKI} gives {@code Ms. Psaki}); all-caps initials of up to three letters such as {@code DK} or
 * {@code Q} stay as written.
 */
public final class SpeakerRegistry {
  /**
   * Honorifics and offices before a name, any number of them: "Senator", "Assembly Member", "The
   * Hon.".
   */
  private static final Pattern HONORIFIC =
      Pattern.compile(
          "(?i)^(?:(?:the|mr|mrs|ms|miss|mx|dr|prof|professor|sen|senator|rep|representative|hon|honourable|honorable|president|vice"
              + " president|chairman|chairwoman|chair|chairperson|assembly\\s*member|assemblyman|assemblywoman|"
              + "congressman|congresswoman|council\\s*member|councillor|councilor|alderman|alderwoman|delegate|"
              + "commissioner|secretary|minister|governor|mayor|judge|justice|ambassador|general|colonel|captain|"
              + "sir|dame|lord|lady|rev|reverend|father|sister|brother)\\.?\\s+)+");

  /** "McNALLY" -> "McNally", "MacDONALD" -> "MacDonald". */
  private static final Pattern MC = Pattern.compile("^(Mc|Mac)(\\p{Lu}{2,})$");

  private static final Pattern ROMAN = Pattern.compile("^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)$");

  private final Map<String, String> canonicalByKey = new LinkedHashMap<>();
  private final List<String> declared = new ArrayList<>();

  /** Registers {@code Full Name(ALIAS)}: both resolve to the full name. */
  public String declare(String fullName, String alias) {
    String canonical = prettify(fullName);
    canonicalByKey.putIfAbsent(key(fullName), canonical);
    canonicalByKey.putIfAbsent(key(alias), canonical);
    String surname = surname(fullName);
    if (surname != null) {
      canonicalByKey.putIfAbsent(key(surname), canonical);
    }
    declared.add(canonical);
    return canonicalByKey.get(key(fullName));
  }

  /** True when the label is already known (as a name, alias or declared surname). */
  public boolean knows(String label) {
    return canonicalByKey.containsKey(key(label))
        || canonicalByKey.containsKey(key(stripHonorific(label)));
  }

  /** The canonical name for a label, registering it as a new speaker when unknown. */
  public String resolve(String label) {
    String k = key(label);
    String known = canonicalByKey.get(k);
    if (known == null) {
      known = canonicalByKey.get(key(stripHonorific(label)));
    }
    if (known == null) {
      known = byPartOfName(stripHonorific(label).strip());
    }
    if (known == null) {
      known = prettify(label);
    }
    canonicalByKey.put(k, known);
    return known;
  }

  /**
   * A one-word label that is the surname ("SMITH" after "JOHN SMITH:") or the initials ("JS") of
   * exactly one speaker already seen with a full name.
   */
  private String byPartOfName(String label) {
    if (label.isEmpty() || label.contains(" ")) {
      return null;
    }
    String want = label.toLowerCase(java.util.Locale.ROOT);
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    for (String canonical : canonicalByKey.values()) {
      String[] words = stripHonorific(canonical).strip().split("\\s+");
      if (words.length < 2) {
        continue;
      }
      StringBuilder initials = new StringBuilder();
      for (String w : words) {
        initials.append(Character.toLowerCase(w.charAt(0)));
      }
      boolean surname = words[words.length - 1].toLowerCase(java.util.Locale.ROOT).equals(want);
      boolean isInitials =
          want.length() >= 2 && SpeakerLabels.isAllCaps(label) && initials.toString().equals(want);
      if (surname || isInitials) {
        found.add(canonical);
      }
    }
    return found.size() == 1 ? found.iterator().next() : null;
  }

  static String key(String label) {
    StringBuilder out = new StringBuilder(label.length());
    boolean space = false;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (SpeakerLabels.isInvisible(c)) {
        continue; // "INTER\u200DVIEWER" is "interviewer"
      }
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c == '’' ? '\'' : Character.toLowerCase(c));
    }
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == '.' || out.charAt(end - 1) == ' ')) {
      end--;
    }
    return out.substring(0, end);
  }

  /** The name without the honorifics and offices before it and a note in parentheses after it. */
  public static String withoutHonorifics(String name) {
    String n = name.strip().replaceAll("\\s*\\([^()]*\\)\\s*$", "");
    String stripped = stripHonorific(n).strip();
    return stripped.isEmpty() ? n : stripped;
  }

  private static String stripHonorific(String label) {
    return HONORIFIC.matcher(label.strip()).replaceFirst("");
  }

  private static String surname(String fullName) {
    String[] words = stripHonorific(fullName).strip().split("\\s+");
    return words.length >= 2 ? words[words.length - 1] : null;
  }

  /** A readable canonical form of a label (see the class comment). */
  public static String prettify(String label) {
    // "Senator Velella." (a label written with a period): the period is no part of the name
    String l = label.strip().replaceAll("(?<=\\p{L}{4})\\.$", "");
    String[] words = l.split("\\s+");
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      if (out.length() > 0) {
        out.append(' ');
      }
      boolean caps =
          SpeakerLabels.isAllCaps(word)
              || (word.length() == 1 && Character.isUpperCase(word.charAt(0)));
      int letters = (int) word.chars().filter(Character::isLetter).count();
      boolean suffix =
          out.length() > 0 && letters <= 2 && word.indexOf('.') < 0; // "Suzy Davies AM"
      boolean code = word.matches(".*[_\\d].*"); // "SPEAKER_01", "P1": an id, kept as written
      boolean keep =
          !caps
              || suffix
              || code
              || ROMAN.matcher(word).matches()
              || (words.length == 1 && letters <= 3);
      java.util.regex.Matcher mc = MC.matcher(word);
      if (mc.matches()) {
        out.append(mc.group(1)).append(titleCase(mc.group(2)));
      } else {
        out.append(keep ? word : titleCase(word));
      }
    }
    return out.toString();
  }

  private static String titleCase(String word) {
    StringBuilder out = new StringBuilder(word.length());
    boolean start = true;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c)) {
        out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
        start = false;
      } else {
        out.append(c);
        // "JEAN-PIERRE" -> "Jean-Pierre", "O'BRIEN" -> "O'Brien", "P.D." -> "P.D.", but
        // "REPORTER'S" -> "Reporter's".
        start = c == '-' || c == '.' || ((c == '\'' || c == '’') && i + 2 < word.length());
      }
    }
    return out.toString();
  }
}
