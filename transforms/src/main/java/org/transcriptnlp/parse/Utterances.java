package org.transcriptnlp.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a turn does in a conversation, read from its wording rather than from "?" alone, so that
 * speech-to-text output (which rarely writes "?"), debates, hearings and question periods come out
 * right.
 */
public final class Utterances {
  /** What a turn does. */
  public enum Kind {
    /** Asks: ends in "?", or is worded as a question ("what do you...", "do you think..."). */
    QUESTION,
    /**
     * Asks for an answer without a question: "tell us about...", "your response", "walk us
     * through...".
     */
    PROMPT,
    /**
     * Calls on someone to speak, and no more: "Governor Smith.", "The honourable minister.",
     * "Senator, your rebuttal."
     */
    CALL,
    /**
     * Gives the floor or runs the proceedings: "The chair recognizes...", "Our next question comes
     * from...".
     */
    FLOOR,
    /**
     * Only thanks, greets or acknowledges: "Thank you.", "Okay.", "Mm-hmm.", "Thank you, Mr.
     * Chairman."
     */
    COURTESY,
    /** Introduces the speaker: "I'm Sander Vanocur, NBC News." */
    INTRO,
    /** A procedural motion: points of order, petitions, "I move...", "I yield...". */
    PROCEDURAL,
    /** Anything else. */
    STATEMENT;

    /** True for turns that put a question to someone: a question or a prompt. */
    public boolean asks() {
      return this == QUESTION || this == PROMPT;
    }

    /**
     * True for turns that only manage who speaks or are courtesies: they neither ask nor answer.
     */
    public boolean managesFloor() {
      return this == CALL
          || this == FLOOR
          || this == COURTESY
          || this == PROCEDURAL
          || this == INTRO;
    }

    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private Utterances() {}

  /**
   * The text with the punctuation of other scripts as the rules here read it: the Arabic ؟, the
   * full-width ？ and ！, the Greek question mark (U+037E, and ';' after a Greek word, which is how
   * Greek writes it), the small and vertical forms and the Ethiopic question mark as "?"; the
   * ideographic and full-width full stops, the Devanagari dandas, the Arabic and Ethiopic full
   * stops as "."; invisible formatting characters (a right-to-left mark after the "?") dropped. The
   * same string when there is nothing to change.
   */
  static String withLatinPunctuation(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && !needsChange(text, i)) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder sb = new StringBuilder(n);
    sb.append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (SpeakerLabels.isInvisible(c)) {
        continue;
      }
      char mapped = latin(c);
      if (c == ';' && afterGreekWord(sb)) {
        mapped = '?';
      }
      sb.append(mapped);
    }
    return sb.toString();
  }

  private static boolean needsChange(String text, int i) {
    char c = text.charAt(i);
    if (c < 0x37E) {
      return c == ';' && i > 0 && afterGreekWord(text.subSequence(Math.max(0, i - 4), i));
    }
    return SpeakerLabels.isInvisible(c) || latin(c) != c;
  }

  private static char latin(char c) {
    return switch (c) {
      case '\u061F', '\uFF1F', '\u037E', '\uFE16', '\uFE56', '\u2E2E', '\u1367' -> '?';
      case '\uFF01', '\uFE15', '\uFE57' -> '!';
      case '\u3002', '\uFF0E', '\uFF61', '\u0964', '\u0965', '\u06D4', '\u1362' -> '.';
      default -> c;
    };
  }

  /** True when the text ends in a Greek letter, perhaps followed by closing quotes or brackets. */
  private static boolean afterGreekWord(CharSequence before) {
    int j = before.length() - 1;
    while (j >= 0 && "\"”’')»]".indexOf(before.charAt(j)) >= 0) {
      j--;
    }
    return j >= 0
        && Character.isLetter(before.charAt(j))
        && Character.UnicodeScript.of(before.charAt(j)) == Character.UnicodeScript.GREEK;
  }

  private static final Pattern SENTENCE_SPLIT = Pattern.compile("(?<=[.!?…])[\"”’)\\]]*\\s+");

  /** Discourse markers that may open a question: "So, what...", "And do you...". */
  private static final Pattern OPENER =
      Pattern.compile(
          "^(?:(?i:so|and|but|well|okay|ok|now|then|also|alright|all right|right|um|uh|yeah|oh|"
              + "mr\\.?|ms\\.?|mrs\\.?|dr\\.?|sir|madam|senator|governor|minister|president|secretary)[,.]?\\s+"
              + "|\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?,\\s+)+");

  private static final String AUX =
      "(?:do|does|did|is|are|was|were|can|could|would|will|should|shall|have|has|had|may|might|must|"
          + "don't|doesn't|didn't|isn't|aren't|wasn't|weren't|can't|couldn't|wouldn't|won't|shouldn't|haven't|hasn't|"
          + "don’t|doesn’t|didn’t|isn’t|aren’t|wasn’t|weren’t|can’t|couldn’t|wouldn’t|won’t|shouldn’t|haven’t|hasn’t)";
  private static final String SUBJECT =
      "(?:you|we|they|he|she|i|it|there|people|your|anyone|anybody|everyone|somebody|someone|any)";

  /**
   * "What do you...", "How did it...", "What kind of impact do you...", "Why not...", "How
   * about...".
   */
  private static final Pattern WH =
      Pattern.compile(
          "^(?i)(?:what|how|why|when|where|who|whom|whose|which)(?:(?:'s|’s|'re|’re)\\b|\\s+"
              + AUX
              + "\\s+"
              + SUBJECT
              + "\\b|(?:\\s+(?!(?:i|we|you|they|he|she|it)\\b)[\\p{L}'’-]+){1,4}\\s+"
              + AUX
              + "\\s+"
              + SUBJECT
              + "\\b|(?:\\s+(?!(?:i|we|you|they|he|she|it)\\b)[\\p{L}'’-]+){1,4}\\s+"
              + AUX
              + "\\s+(?:the|this|that|these|those|a|an|your|our|their|his|her)\\s+\\p{L}+"
              + "|\\s+(?:about|not|so|come|exactly|else)\\b|\\s+"
              + AUX
              + "\\s+(?:the|this|that|these|those|a|an|your|our|their)\\b)");

  /** "Do you...", "Is there...", "Would you say...", "Can I ask...". */
  private static final Pattern INVERTED =
      Pattern.compile("^(?i)" + AUX + "\\s+(?:n't\\s+)?" + SUBJECT + "\\b");

  private static final Pattern PROMPT =
      Pattern.compile(
          "(?i)\\b(?:tell(?:ing)?\\s+(?:me|us|them|our\\s+\\w+)|talk\\s+(?:to\\s+(?:us|me)\\s+)?(?:a\\s+(?:little|bit)\\s+)?about|"
              + "walk\\s+(?:me|us)\\s+through|describe|explain|elaborate|expand\\s+on|give\\s+(?:me|us)\\s+(?:an?|some|the|your)\\b|"
              + "share\\s+with\\s+(?:me|us)|say\\s+(?:a\\s+(?:little|bit|few\\s+words)|more)\\s+about|take\\s+(?:me|us)\\s+(?:back|through)|"
              + "comment\\s+on|(?:your|any)\\s+(?:response|reaction|rebuttal|comments?|thoughts|views?|answer|reply)\\b|"
              + "(?:i'?d|i’d|i\\s+would|we'?d|we’d|we\\s+would)\\s+(?:like|love|want)\\s+(?:you\\s+)?to\\s+(?:hear|know|ask|talk|start|begin|understand)|"
              + "i\\s+want(?:ed)?\\s+to\\s+ask|(?:my|the|a|one|another)\\s+(?:first\\s+|next\\s+|last\\s+|final\\s+|follow-up\\s+|quick\\s+|second\\s+)?"
              + "question\\s+(?:is|was|for\\s+you|to\\s+you)|"
              + "i(?:'m|’m|\\s+am)\\s+(?:(?:just|really|sort|kind|of|also|genuinely|actually)\\s+){0,3}(?:curious|wondering)|i\\s+wonder(?:ed)?\\b|"
              + "(?:(?:could|can|may|might)\\s+(?:i|we)|if\\s+(?:i|we)\\s+could|let'?s|let\\s+(?:me|us))\\s+(?:get|hear|have)\\s+"
              + "(?:any\\s+|your\\s+|the\\s+|some\\s+)?(?:updated\\s+|further\\s+|other\\s+)?(?:views|thoughts|comments|reactions)\\b|"
              + "would\\s+you\\s+(?:like|care)\\s+to|you\\s+have\\s+(?:\\w+\\s+){0,2}(?:minutes?|seconds?)|over\\s+to\\s+you|"
              + "let'?s\\s+(?:talk|start)\\s+(?:about|with)|^(?:please\\s+)?(?:go\\s+on|keep\\s+going|carry\\s+on|continue|say\\s+more)\\b)");
  private static final Pattern FLOOR =
      Pattern.compile(
          "(?i)^(?:(?:thank\\s+you|thanks)[^.!?]{0,40}[.!,]\\s*)?(?:the\\s+chair\\s+recogni[sz]es|i\\s+recogni[sz]e|(?:the\\s+)?(?:gentle(?:man|woman|lady)|member|senator|representative|minister)\\s+(?:from\\s+[\\p{L}"
              + " ]+\\s+)?is\\s+recogni[sz]ed|"
              + "(?:our|the|your)\\s+(?:next|first|last|final)\\s+question|next\\s+question|your\\s+line\\s+is\\s+open|"
              + "(?:please\\s+)?go\\s+ahead|the\\s+floor\\s+is\\s+yours|i\\s+(?:now\\s+)?call\\s+(?:on|upon)?|i\\s+now\\s+call|"
              + "we\\s+(?:will|'ll|’ll)\\s+(?:now\\s+)?(?:hear|move|go|take)|(?:we|let's|let’s)\\s+(?:move|go|turn)\\s+(?:on|to)|"
              + "order[,!.]|time\\s+(?:is\\s+up|has\\s+expired)|the\\s+time\\s+of\\s+the\\s+\\w+\\s+has\\s+expired|"
              + "(?:the\\s+)?(?:meeting|hearing|committee|session|house|senate)\\s+(?:will\\s+)?(?:come\\s+to\\s+order|is\\s+adjourned|stands?\\s+(?:adjourned|in\\s+recess))|"
              + "without\\s+objection|(?:are\\s+there\\s+)?any\\s+(?:other|further|more)\\s+questions)");
  private static final Pattern PROCEDURAL =
      Pattern.compile(
          "(?i)^(?:(?:mr\\.?|madam)\\s+(?:speaker|president|chair(?:man|woman)?|deputy\\s+speaker)[,.]?\\s+)?(?:(?:on\\s+a\\s+|i\\s+rise\\s+on\\s+a\\s+)?point\\s+of\\s+order|"
              + "i\\s+(?:beg\\s+to\\s+)?move\\b|i\\s+beg\\s+to\\s+(?:present|lay)|i\\s+rise\\s+(?:to|in)\\b|i\\s+ask\\s+unanimous\\s+consent|"
              + "i\\s+yield\\b|i\\s+reserve\\s+the\\s+balance|(?:i|we)\\s+(?:present|table|lay\\s+upon\\s+the\\s+table)\\s+(?:a|the|this)\\s+petition|"
              + "petitions?\\b|the\\s+question\\s+is\\b|division[!.]|hear,?\\s+hear)");

  /**
   * "I'm Sander Vanocur, NBC News.", "My name is Ana.": a name after "my name is", or a first name
   * and surname after "I'm", "I am", "this is" ("I'm Canadian, and..." introduces no one).
   */
  private static final Pattern INTRO =
      Pattern.compile(
          "(?i)^(?:(?:hi|hello|good\\s+(?:morning|afternoon|evening))[,.!]?\\s+(?:\\w+[,.!]\\s+)?)?"
              + "(?:my\\s+name\\s+is\\s+(?-i:\\p{Lu}[\\p{L}.'’-]+)"
              + "|(?:i'?m|i’m|i\\s+am|this\\s+is)\\s+"
              + "(?<who>(?-i:\\p{Lu}[\\p{L}.'’-]+\\s+(?:(?:van|von|de|del|la|le)\\s+)?\\p{Lu}[\\p{L}.'’-]+)))"
              + "(?-i:\\s+\\p{Lu}[\\p{L}.'’-]+){0,2}(?:\\s*[,.;]|\\s+(?:from|with|of|at|for|and)\\b|\\s*$)");

  /**
   * A speaker saying who they are anywhere in a paragraph: "my name is Jane Roe", or "I'm" after a
   * greeting or with a title ("Hi everyone, I'm Dr Federico Andreis"); "I'm African American" names
   * no one.
   */
  private static final Pattern SELF_NAMED =
      Pattern.compile(
          "(?i:\\bmy\\s+name\\s+is\\s+|\\b(?:hi|hello|good\\s+(?:morning|afternoon|evening)|welcome)\\b[^.!?]{0,40}?[,.!]?\\s+"
              + "(?:i'?m|i’m|i\\s+am)\\s+|\\b(?:i'?m|i’m|i\\s+am)\\s+(?=(?:Dr|Prof|Professor)\\b))"
              + "(?<name>(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\\.?\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2})");

  /**
   * A question as an order paper prints it: "1. What discussions he has had with Cabinet
   * colleagues...", "To ask His Majesty's Government what progress...", "Deputy Mary Roe asked the
   * Minister for Health if...". Worded in the third person, it is still the member's question.
   */
  private static final Pattern TABLED =
      Pattern.compile(
          "(?i)^(?:(?:q(?:uestion)?\\s*(?:no\\.?\\s*)?)?\\d{1,4}[.)]\\s+(?:what|whether|if|how|when|which|who|why|to\\s+ask)\\b|to\\s+ask\\s+(?:her|his|the)\\s+|(?-i:\\p{Lu})[\\p{L}"
              + " .'’-]{1,60}?\\s+asked\\s+the\\s+(?:minister|secretary|taoiseach|tánaiste|attorney)\\b)");

  /** A question that asks the other to introduce themself: their answer is an introduction. */
  private static final Pattern ASKS_INTRODUCTION =
      Pattern.compile(
          "(?i)\\b(?:introduce\\s+(?:yourself|yourselves)|your\\s+(?:full\\s+)?name|who\\s+you\\s+are|who\\s+are\\s+you"
              + "|tell\\s+(?:us|me)\\s+(?:a\\s+(?:little|bit)\\s+)?(?:bit\\s+)?about\\s+yourself)\\b");

  private static final Set<String> COURTESY_WORDS =
      Set.of(
          "thank",
          "thanks",
          "you",
          "very",
          "much",
          "so",
          "okay",
          "ok",
          "yeah",
          "yes",
          "yep",
          "right",
          "sure",
          "mm",
          "hmm",
          "mhm",
          "mm-hmm",
          "uh-huh",
          "uh",
          "huh",
          "um",
          "great",
          "good",
          "wow",
          "oh",
          "i",
          "see",
          "exactly",
          "absolutely",
          "alright",
          "all",
          "cool",
          "nice",
          "interesting",
          "fantastic",
          "wonderful",
          "excellent",
          "perfect",
          "true",
          "indeed",
          "got",
          "it",
          "and",
          "well",
          "that's",
          "that’s",
          "thats",
          "hello",
          "hi",
          "welcome",
          "morning",
          "afternoon",
          "evening",
          "bye",
          "goodbye",
          "cheers",
          "sir",
          "madam",
          "ma'am",
          "ma’am",
          "again",
          "both",
          "for",
          "that",
          "is",
          "a",
          "the",
          "pleasure",
          "no",
          "problem",
          "of",
          "course",
          "agreed",
          "definitely",
          "totally",
          "certainly",
          "gotcha",
          "correct",
          "yup",
          "ah",
          "aha",
          "hm",
          "mmm",
          "uh-hmm",
          "mhmm",
          "ha",
          "haha",
          "fair",
          "enough",
          "amazing",
          "awesome",
          "lovely",
          "brilliant");
  private static final Set<String> TITLES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "madam",
          "dr",
          "doctor",
          "professor",
          "prof",
          "senator",
          "governor",
          "president",
          "vice",
          "secretary",
          "minister",
          "congressman",
          "congresswoman",
          "representative",
          "mayor",
          "judge",
          "justice",
          "general",
          "ambassador",
          "chairman",
          "chairwoman",
          "chair",
          "premier",
          "prime",
          "leader",
          "member",
          "members",
          "honourable",
          "honorable",
          "hon",
          "right",
          "the",
          "for",
          "of",
          "deputy",
          "speaker",
          "gentleman",
          "gentlewoman",
          "lady",
          "commissioner",
          "director",
          "chief",
          "colonel",
          "captain",
          "sheriff",
          "attorney",
          "counsel",
          "witness",
          "panel",
          "panelist",
          "panelists",
          "candidate",
          "candidates");
  private static final Set<String> CALL_FILLER =
      Set.of(
          "your",
          "response",
          "rebuttal",
          "answer",
          "reply",
          "comment",
          "comments",
          "please",
          "go",
          "ahead",
          "thank",
          "thanks",
          "you",
          "first",
          "next",
          "now",
          "and",
          "then",
          "to",
          "over",
          "floor",
          "minute",
          "minutes",
          "seconds",
          "one",
          "two",
          "three",
          "a",
          "an");

  /** Capitalised words that open sentences, not names: "Back there?", "Who next?". */
  private static final Set<String> NOT_A_NAME =
      Set.of(
          "back",
          "here",
          "there",
          "who",
          "what",
          "where",
          "when",
          "why",
          "how",
          "which",
          "anyone",
          "anybody",
          "everyone",
          "everybody",
          "somebody",
          "someone",
          "else",
          "more",
          "this",
          "that",
          "these",
          "those",
          "it",
          "he",
          "she",
          "they",
          "we",
          "me",
          "him",
          "her",
          "them",
          "us",
          "my",
          "his",
          "its",
          "our",
          "their",
          "yours",
          "not",
          "never",
          "maybe",
          "perhaps",
          "also",
          "too",
          "again",
          "anything",
          "something",
          "nothing",
          "done",
          "ready",
          "questions",
          "question",
          "comments",
          "please",
          "wait",
          "stop",
          "listen",
          "look",
          "hey",
          "sorry",
          "pardon",
          "excuse",
          "really",
          "seriously",
          "because",
          "if",
          "in",
          "on",
          "at");

  /**
   * True when the turn opens by introducing its speaker. Where the speakers' names are known, the
   * name after "I'm" must be one of theirs ("I'm Mexican American" introduces no one).
   */
  private static boolean introduces(String t, Set<String> names) {
    Matcher m = INTRO.matcher(t);
    if (!m.find()) {
      return false;
    }
    if (m.group("who") == null || names.isEmpty()) {
      // "my name is ...", or no speaker's name to compare with
      return true;
    }
    for (String w : m.group("who").toLowerCase(Locale.ROOT).split("\\s+")) {
      if (names.contains(w.replaceAll("[.,]", ""))) {
        return true;
      }
    }
    // a speaker labelled by role ("PANELIST:") introduces themself with where they are from
    return AFFILIATION.matcher(t).region(m.end("who"), t.length()).lookingAt();
  }

  /** What follows a name in an introduction: ", NBC News", " from the Globe", " with Reuters". */
  private static final Pattern AFFILIATION =
      Pattern.compile("(?:\\s*,\\s*|\\s+(?:from|with|of|at)\\s+(?:the\\s+)?)(?-i:\\p{Lu})");

  /**
   * The name a speaker gives themself in the paragraph ("Hi everyone, I'm Dr Jane Roe"), or null.
   */
  static String selfIntroducedName(String paragraph) {
    Matcher m = SELF_NAMED.matcher(paragraph);
    return m.find() ? m.group("name") : null;
  }

  /**
   * True when the turn is a question as an order paper prints it ("1. What discussions he has
   * had...").
   */
  public static boolean isTabledQuestion(String text) {
    return TABLED.matcher(text.strip()).lookingAt();
  }

  /** True when the text asks its hearer to introduce themself ("Could you introduce yourself?"). */
  public static boolean asksForIntroduction(String text) {
    return ASKS_INTRODUCTION.matcher(text).find();
  }

  /**
   * What the turn does, knowing no speaker's name (a call must then name an office: "Senator
   * Smith.").
   */
  public static Kind kind(String text) {
    return kind(text, Set.of());
  }

  /**
   * What the turn does.
   *
   * @param names the words of the transcript's speakers' names, lower case: "Smith." alone is a
   *     call only when a speaker is called Smith
   */
  public static Kind kind(String text, Set<String> names) {
    String t = withLatinPunctuation(text).strip();
    if (t.isEmpty()) {
      return Kind.STATEMENT;
    }
    // what a turn does is in its last sentences: split only its end, however long the turn
    List<String> sentences = List.of(SENTENCE_SPLIT.split(tail(t)));
    String last = sentences.get(sentences.size() - 1);
    String beforeLast = sentences.size() >= 2 ? sentences.get(sentences.size() - 2) : "";
    int words = words(t);
    if (isTabledQuestion(t)) {
      return Kind.QUESTION;
    }
    if (PROCEDURAL.matcher(t).find() && !TurnParser.asksQuestion(t)) {
      return Kind.PROCEDURAL;
    }
    if (words <= 30 && t.indexOf('?') < 0 && introduces(t, names)) {
      return Kind.INTRO;
    }
    if (words <= 12 && isCall(t, names)) {
      return Kind.CALL;
    }
    // A question at the end of a long turn (a story told with "am I doing something wrong?" in
    // it) is the turn's point only when it is a fair part of it: an interviewer's long preamble
    // ends in a question of some length.
    int tail = words(last) + words(beforeLast);
    boolean pointOfTheTurn = words <= 80 || tail * 100 >= words * 15;
    if (pointOfTheTurn
        && (TurnParser.asksQuestion(t) || interrogative(last) || interrogative(beforeLast))) {
      return Kind.QUESTION;
    }
    if (words <= 40 && FLOOR.matcher(t).find()) {
      return Kind.FLOOR;
    }
    if (pointOfTheTurn && (PROMPT.matcher(last).find() || PROMPT.matcher(beforeLast).find())) {
      return Kind.PROMPT;
    }
    if (words <= 10 && isCourtesy(t)) {
      return Kind.COURTESY;
    }
    return Kind.STATEMENT;
  }

  /**
   * True when a turn seeks a reply: it asks or prompts, or one of its last three sentences is a
   * question, however long the turn (a host's long remark that ends "...what do you think?").
   */
  static boolean seeksReply(String text, Kind kind) {
    if (kind.asks()) {
      return true;
    }
    if (kind != Kind.STATEMENT) {
      return false;
    }
    text = withLatinPunctuation(text);
    String[] sentences = SENTENCE_SPLIT.split(tail(text.strip()));
    int words = words(text);
    int tail = 0;
    for (int i = sentences.length - 1; i >= Math.max(0, sentences.length - 3); i--) {
      String sentence = sentences[i].strip();
      tail += words(sentence);
      if (sentence.endsWith("?")
          || sentence.matches(".*\\?[\"”’')\\]»」』]*$")
          || interrogative(sentence)
          || PROMPT.matcher(sentence).find()) {
        // in a long monologue a question near the end is rhetorical unless it is a fair part of the
        // close
        return words <= 150 || tail * 100 >= words * 8;
      }
    }
    return false;
  }

  /**
   * The words of the speakers' names, lower case, without honorifics: what a call on a speaker may
   * say.
   */
  public static Set<String> nameWords(java.util.Collection<String> speakers) {
    Set<String> out = new java.util.HashSet<>();
    for (String speaker : speakers) {
      for (String w : speaker.toLowerCase(Locale.ROOT).replaceAll("[.,()]", " ").split("\\s+")) {
        if (w.length() >= 2 && !TITLES.contains(w) && !COURTESY_WORDS.contains(w)) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /** The end of a text, where its last three sentences are: at most 1,500 characters. */
  private static String tail(String text) {
    if (text.length() <= 1500) {
      return text;
    }
    String t = text.substring(text.length() - 1500);
    int space = t.indexOf(' ');
    return space < 0 ? t : t.substring(space + 1);
  }

  /**
   * The number of words: runs of characters that are not white space; in the scripts written
   * without spaces between words, a word for every two Chinese characters or kana and every four
   * Thai letters (their punctuation ends a run like a space).
   */
  static int words(String s) {
    int n = 0;
    int dense = 0;
    int thai = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = Character.isWhitespace(c);
      if (c >= 0x0E00) {
        if ((c >= 0x3040 && c <= 0x30FF)
            || (c >= 0x3400 && c <= 0x9FFF)
            || (c >= 0xF900 && c <= 0xFAFF)) {
          dense++;
          in = false;
          continue;
        }
        if (c <= 0x0E7F) {
          thai++;
          in = false;
          continue;
        }
        space |=
            (c >= 0x3000 && c <= 0x303F)
                || (c >= 0xFF00 && c <= 0xFF0F)
                || (c >= 0xFF1A && c <= 0xFF20);
      }
      if (!space && !in) {
        n++;
      }
      in = !space;
    }
    return n + (dense + 1) / 2 + (thai + 3) / 4;
  }

  /** A sentence worded as a question, with or without its "?" (speech-to-text drops them). */
  static boolean interrogative(String sentence) {
    String s = OPENER.matcher(sentence.strip()).replaceFirst("");
    if (s.isEmpty() || s.endsWith("!")) {
      return false;
    }
    return WH.matcher(s).find() || INVERTED.matcher(s).find();
  }

  private static final Pattern THANKS = Pattern.compile("(?i)^\\s*(?:thank\\s+you|thanks)\\b");

  /** Only a call on someone: titles, names and "your response", "please", "go ahead". */
  private static boolean isCall(String t, Set<String> names) {
    // called from kind(), on text whose punctuation is already Latin
    if (t.indexOf('?') >= 0 && t.split("\\s+").length > 5) {
      return false;
    }
    String[] words = t.replaceAll("[.,;:!?—–-]", " ").strip().split("\\s+");
    int named = 0;
    int unknown = 0;
    int titles = 0;
    for (String w : words) {
      String l = w.toLowerCase(Locale.ROOT).replaceAll("[’']s$", "");
      if (CALL_FILLER.contains(l)) {
        continue;
      }
      if (TITLES.contains(l)) {
        titles++;
        continue;
      }
      if (COURTESY_WORDS.contains(l) || NOT_A_NAME.contains(l)) {
        return false;
      }
      if (names.contains(l)) {
        named++;
      } else if (!w.isEmpty()
          && (Character.isUpperCase(w.codePointAt(0))
              || Character.getType(w.codePointAt(0)) == Character.OTHER_LETTER)) {
        unknown++;
      } else {
        return false;
      }
    }
    if (named + unknown == 0 && THANKS.matcher(t).find()) {
      return false; // "Thank you, Mr. Chairman.": thanks to the chair, not a call on anyone
    }
    // "Governor Smith.", "The honourable minister.", or a speaker's name alone: "Kevin?"
    return titles > 0 && named + unknown <= 4
        || named >= 1 && unknown == 0 && words.length <= 4 && t.strip().matches("(?s).*[.?!:,]$");
  }

  private static boolean isCourtesy(String t) {
    String[] words =
        t.toLowerCase(Locale.ROOT).replaceAll("[.,;:!?…—–\"“”()\\[\\]]", " ").strip().split("\\s+");
    String[] original = t.replaceAll("[.,;:!?…—–\"“”()\\[\\]]", " ").strip().split("\\s+");
    boolean courtesy = false;
    for (int i = 0; i < words.length; i++) {
      if (COURTESY_WORDS.contains(words[i])) {
        courtesy = true;
      } else if (!TITLES.contains(words[i])
          && !(i < original.length
              && !original[i].isEmpty()
              && Character.isUpperCase(original[i].codePointAt(0)))) {
        return false;
      }
    }
    return courtesy;
  }
}
