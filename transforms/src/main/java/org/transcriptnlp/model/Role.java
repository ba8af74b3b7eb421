package org.transcriptnlp.model;

/** Who a speaker is in a conversation, as the turns table records it. */
public enum Role {
  QUESTIONER,
  RESPONDENT,
  OTHER;

  /** The lower-case value written to the tables. */
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
