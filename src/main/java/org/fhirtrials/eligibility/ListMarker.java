package org.fhirtrials.eligibility;

/**
 * A candidate list marker found in criteria text ("1.", "(2)", "③", "iv.", "•"...). Whether it
 * really starts an item is decided by {@link ListTree}, from the numbering around it.
 *
 * @param start offset of the marker
 * @param end offset just after the marker (and the white space after it)
 * @param style the numbering style
 * @param value the number (1-based; roman and circled numerals and letters converted); 0 for
 *     bullets
 * @param letterValue for a roman numeral that is also a letter ("i", "v", "x"), its letter
 *     position; else 0
 * @param bullet the bullet character, for bullets
 * @param indent columns of white space before the marker when it starts a line, else -1
 */
record ListMarker(
    int start, int end, Style style, int value, int letterValue, String bullet, int indent) {

  /** Numbering styles; items of one list share a style. */
  enum Style {
    /** 1. */
    NUMBER_DOT,
    /** 1) */
    NUMBER_PAREN,
    /** (1) */
    PAREN_NUMBER,
    /** ① */
    CIRCLED,
    /** i. ii) (iii) */
    ROMAN,
    /** a. b) (c) */
    LETTER,
    /** • * - */
    BULLET
  }

  boolean startsLine() {
    return indent >= 0;
  }

  boolean isBullet() {
    return style == Style.BULLET;
  }

  /** The first value of a list in this style (1, i, a, ①). */
  boolean isFirst() {
    return value == 1 || letterValue == 1;
  }
}
