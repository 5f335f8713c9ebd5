package org.fhirtrials.search.postgres;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.postgresql.PGConnection;

/**
 * Rows of one table in PostgreSQL's {@code COPY} text format, sent with one {@code COPY ... FROM
 * STDIN}: the side tables of a batch of trials hold tens of thousands of rows, and a {@code COPY}
 * costs neither a statement per row nor an array parameter per column to encode and unnest.
 *
 * <p>Fields are written in the order of {@code columns}; call {@link #endRow} after each row's
 * last.
 */
final class CopyRows {
  private final String table;
  private final String columns;
  private final StringBuilder out = new StringBuilder(1 << 12);
  private boolean rowStarted;
  private int rows;

  CopyRows(String table, String columns) {
    this.table = table;
    this.columns = columns;
  }

  /** A text field; null is SQL NULL. */
  CopyRows text(String s) {
    field();
    if (s == null) {
      out.append("\\N");
    } else {
      for (int i = 0; i < s.length(); i++) {
        escaped(s.charAt(i));
      }
    }
    return this;
  }

  CopyRows number(long n) {
    field();
    out.append(n);
    return this;
  }

  /** A float8 field: Java's shortest exact decimal form, which PostgreSQL reads back equal. */
  CopyRows number(double n) {
    field();
    out.append(n);
    return this;
  }

  /** A {@code text[]} field, every element quoted. */
  CopyRows textArray(Collection<String> values) {
    field();
    out.append('{');
    quotedEach(values, '"', ',');
    out.append('}');
    return this;
  }

  /**
   * A {@code tsvector} of the lexemes as they are (no parsing or stemming, as {@code
   * array_to_tsvector} takes them), each quoted; null is SQL NULL.
   */
  CopyRows tsvector(Collection<String> lexemes) {
    field();
    if (lexemes == null) {
      out.append("\\N");
    } else {
      quotedEach(lexemes, '\'', ' ');
    }
    return this;
  }

  /**
   * The values, each between {@code quote}s and with its backslashes and quotes escaped, as arrays
   * and tsvectors read them; that text itself escaped for COPY.
   */
  private void quotedEach(Collection<String> values, char quote, char separator) {
    boolean first = true;
    for (String v : values) {
      if (!first) {
        out.append(separator);
      }
      first = false;
      out.append(quote);
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        if (ch == '\\' || ch == quote) {
          out.append("\\\\"); // the value's escape, itself escaped for COPY
        }
        escaped(ch);
      }
      out.append(quote);
    }
  }

  void endRow() {
    out.append('\n');
    rowStarted = false;
    rows++;
  }

  /** Sends the rows (if any) and forgets them. */
  void copy(Connection c) throws SQLException {
    if (rows == 0) {
      return;
    }
    try {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(out.toString()));
    } catch (IOException e) {
      throw new SQLException("cannot copy rows into " + table + ": " + e.getMessage(), e);
    }
    out.setLength(0);
    rows = 0;
  }

  private void field() {
    if (rowStarted) {
      out.append('\t');
    }
    rowStarted = true;
  }

  /** One character of a field, escaped as COPY's text format requires. */
  private void escaped(char ch) {
    switch (ch) {
      case '\\' -> out.append("\\\\");
      case '\t' -> out.append("\\t");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      default -> out.append(ch);
    }
  }
}
