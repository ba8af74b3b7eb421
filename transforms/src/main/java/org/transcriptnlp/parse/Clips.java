package org.transcriptnlp.parse;

import java.util.regex.Pattern;

/**
 * Stage directions that announce recorded material played inside a show: a soundbite, an archived
 * recording, a video clip, an advertisement ({@code (SOUNDBITE OF ARCHIVED RECORDING)}, {@code
 * BEGIN VIDEO CLIP}, {@code [AD]}). The voice that speaks next is the clip's, not a participant of
 * the conversation; {@code END VIDEO CLIP} closes it. Music is no voice.
 */
final class Clips {
  private static final Pattern START =
      Pattern.compile(
          "(?i)\\b(?:sound\\s?bites?|clip|archiv(?:ed|al)\\s+(?:recording|audio|footage|tape|broadcast)|excerpt|montage|begin\\s+(?:video|audio|taped)|voice[-"
              + " ]?over|advertisement|commercial|ad\\s+break|ad|"
              + "sponsor(?:ed)?\\s+(?:message|segment|break)|promo)\\b");
  private static final Pattern END =
      Pattern.compile(
          "(?i)\\bend\\s+(?:of\\s+)?(?:the\\s+)?(?:video|audio|clip|soundbite|excerpt|taped)\\b");
  private static final Pattern MUSIC =
      Pattern.compile("(?i)\\b(?:of\\s+)?(?:music|song|instrumental|theme|jingle)\\b");

  private Clips() {}

  /** True when the direction starts recorded material that holds a voice. */
  static boolean starts(String direction) {
    return START.matcher(direction).find()
        && !END.matcher(direction).find()
        && !MUSIC.matcher(direction).find();
  }

  /** True when the direction ends recorded material. */
  static boolean ends(String direction) {
    return END.matcher(direction).find();
  }
}
