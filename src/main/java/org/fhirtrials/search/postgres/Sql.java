package org.fhirtrials.search.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A fragment of SQL and its arguments, in order. */
final class Sql {
  static final Sql TRUE = new Sql("TRUE");
  static final Sql FALSE = new Sql("FALSE");

  /**
   * The base of the rows that every base shares: a resource whose search values are the same in
   * each base (a Location, an Organization) is written once, not once per base (migration V7).
   */
  static final String SHARED_BASE = "*";

  /**
   * The rows of a base, for the row alias {@code alias} (or none): its own and the shared ones. The
   * base is the one argument.
   */
  static String ofBase(String alias) {
    return (alias.isEmpty() ? "" : alias + ".") + "base IN (?, '" + SHARED_BASE + "')";
  }

  final String text;
  final List<Object> args;

  /**
   * For a condition that is one lookup in a side table: the query of the ids it selects (of the
   * searched base and type, maybe repeated), so a caller can read them without joining {@code
   * search_resource}; null for any other fragment.
   */
  final Sql ids;

  Sql(String text, Object... args) {
    this(text, List.of(args));
  }

  Sql(String text, List<Object> args) {
    this(text, args, null);
  }

  Sql(String text, List<Object> args, Sql ids) {
    this.text = text;
    this.args = Collections.unmodifiableList(new ArrayList<>(args));
    this.ids = ids;
  }

  /** The fragments joined with {@code AND} or {@code OR}, in parentheses. */
  static Sql join(String operator, List<Sql> parts) {
    if (parts.isEmpty()) {
      return operator.equals("AND") ? TRUE : FALSE;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    StringBuilder text = new StringBuilder("(");
    List<Object> args = new ArrayList<>();
    for (Sql p : parts) {
      text.append(text.length() == 1 ? "" : " " + operator + " ").append(p.text);
      args.addAll(p.args);
    }
    return new Sql(text.append(")").toString(), args);
  }

  Sql not() {
    return new Sql("NOT " + text, args);
  }

  /** Binds the arguments from parameter {@code first} on; returns the next free index. */
  static int bind(Connection c, PreparedStatement ps, int first, List<Object> args)
      throws SQLException {
    int i = first;
    for (Object a : args) {
      if (a instanceof String s) {
        ps.setString(i++, s);
      } else if (a instanceof Long l) {
        ps.setLong(i++, l);
      } else if (a instanceof Double d) {
        ps.setDouble(i++, d);
      } else if (a instanceof String[] array) {
        ps.setArray(i++, c.createArrayOf("text", array));
      } else if (a instanceof Double[] array) {
        ps.setArray(i++, c.createArrayOf("float8", array));
      } else {
        throw new IllegalArgumentException("cannot bind " + a);
      }
    }
    return i;
  }

  /** The first column of every row the query returns. */
  static List<String> strings(Connection c, Sql query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(query.text)) {
      bind(c, ps, 1, query.args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** {@code LIKE} pattern matching the text literally. */
  static String likeLiteral(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
