package org.transcriptnlp.tables;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.model.EntityMention;
import org.transcriptnlp.model.EntityResult;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.model.SentenceSentiment;
import org.transcriptnlp.model.SentimentResult;
import org.transcriptnlp.model.Turn;

/** Builds the rows of each table from the pipeline's values. Field names follow the .avsc files. */
public final class Rows {
  private Rows() {}

  public static GenericRecord turn(
      Schema schema, String transcriptId, String sourcePath, String format, Turn t) {
    GenericRecord r = new GenericData.Record(schema);
    r.put("transcript_id", transcriptId);
    r.put("source_path", sourcePath);
    r.put("turn_index", t.index());
    r.put("speaker", t.speaker());
    r.put("speaker_label", t.label());
    r.put("role", t.role().value());
    r.put("text", t.text());
    r.put("paragraph_count", t.paragraphs().size());
    r.put("speaker_inferred", t.inferred());
    r.put("attribution", t.attribution());
    r.put("start_seconds", t.startSeconds());
    r.put("end_seconds", t.endSeconds());
    r.put("stage_directions", t.stageDirections());
    r.put("source_format", format);
    return r;
  }

  /**
   * The answers row; {@code sentiment} and {@code entities} are null when that annotator did not
   * run or failed for this answer.
   */
  public static GenericRecord answer(
      Schema schema, AnswerUnit a, SentimentResult sentiment, EntityResult entities) {
    GenericRecord r = new GenericData.Record(schema);
    r.put("answer_id", a.answerId());
    r.put("transcript_id", a.transcriptId());
    r.put("source_path", a.sourcePath());
    r.put("answer_index", a.answerIndex());
    r.put("question_turn_index", a.questionTurnIndex());
    r.put("answer_turn_index", a.answerTurnIndex());
    r.put("question_speaker", a.questionSpeaker());
    r.put("question_text", a.questionText());
    r.put("answer_speaker", a.answerSpeaker());
    r.put("answer_text", a.answerText());
    r.put("speaker_inferred", a.speakerInferred());
    if (sentiment != null) {
      r.put("sentence_count", sentiment.sentences().size());
      r.put("token_count", sentiment.tokenCount());
      r.put("sentiment_score", sentiment.score());
      r.put("sentiment_label", sentiment.label() == null ? null : sentiment.label().label());
      int[] d = sentiment.distribution();
      r.put("very_negative_sentences", d[0]);
      r.put("negative_sentences", d[1]);
      r.put("neutral_sentences", d[2]);
      r.put("positive_sentences", d[3]);
      r.put("very_positive_sentences", d[4]);
    }
    if (entities != null) {
      r.put("entity_count", entities.mentions().size());
      if (sentiment == null) {
        r.put("sentence_count", entities.sentenceCount());
        r.put("token_count", entities.tokenCount());
      }
    }
    return r;
  }

  public static GenericRecord sentence(Schema schema, AnswerUnit a, SentenceSentiment s) {
    GenericRecord r = new GenericData.Record(schema);
    r.put("answer_id", a.answerId());
    r.put("transcript_id", a.transcriptId());
    r.put("source_path", a.sourcePath());
    r.put("sentence_index", s.index());
    r.put("text", s.text());
    r.put("char_begin", s.charBegin());
    r.put("char_end", s.charEnd());
    r.put("token_count", s.tokenCount());
    r.put("too_long_to_parse", !s.parsed());
    if (s.parsed()) {
      r.put("sentiment_label", s.predicted().label());
      r.put("sentiment_score", s.score());
      List<Double> p = s.probabilities();
      r.put("p_very_negative", p.get(0));
      r.put("p_negative", p.get(1));
      r.put("p_neutral", p.get(2));
      r.put("p_positive", p.get(3));
      r.put("p_very_positive", p.get(4));
    }
    return r;
  }

  public static GenericRecord entity(Schema schema, AnswerUnit a, int index, EntityMention m) {
    GenericRecord r = new GenericData.Record(schema);
    r.put("answer_id", a.answerId());
    r.put("transcript_id", a.transcriptId());
    r.put("source_path", a.sourcePath());
    r.put("mention_index", index);
    r.put("text", m.text());
    r.put("type", m.type());
    r.put("sentence_index", m.sentenceIndex());
    r.put("char_begin", m.charBegin());
    r.put("char_end", m.charEnd());
    return r;
  }

  public static GenericRecord reject(Schema schema, Failure f) {
    GenericRecord r = new GenericData.Record(schema);
    r.put("source_path", f.sourcePath());
    r.put("stage", f.stage());
    r.put("reason", f.reason());
    r.put("detail", f.detail());
    r.put("element_id", f.elementId());
    r.put("input_excerpt", f.inputExcerpt());
    return r;
  }

  /** Field names of a schema, in order (for documentation and tests). */
  public static List<String> fieldNames(Schema schema) {
    return schema.getFields().stream().map(Schema.Field::name).toList();
  }
}
