package org.fhirtrials.search.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fhirtrials.store.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Values written as COPY text read back exactly as the same values bound as parameters (the way the
 * search rows were written before): quotes, backslashes, tabs and line breaks, braces and commas in
 * array elements, non-ASCII text, nulls, and float8 values that need every digit.
 */
class CopyRowsTest {
  private static final List<String> AWKWARD =
      List.of(
          "plain",
          "two words",
          "O'Brien",
          "say \"hi\"",
          "back\\slash",
          "ends with \\",
          "tab\there",
          "line\nbreak\r\nand return",
          "{braces},commas",
          "NULL",
          "\\N",
          "",
          "Zürich – São Paulo 北京",
          "condition|o'neill");

  @RegisterExtension static final TestDatabase.PerClass database = new TestDatabase.PerClass();

  @BeforeAll
  static void startDatabase() throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE copy_probe (id text, label text, arr text[], vec tsvector,"
              + " d float8, n bigint)");
    }
  }

  @Test
  void copiedRowsEqualTheSameValuesBoundAsParameters() throws Exception {
    List<String> lexemes = AWKWARD.stream().filter(s -> !s.isEmpty()).toList();
    double[] numbers = {0.1, 1e-300, -2.5e17, 47.60621, Double.MAX_VALUE, Double.NaN};
    try (Connection c = database.dataSource().getConnection()) {
      CopyRows rows = new CopyRows("copy_probe", "id, label, arr, vec, d, n");
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO copy_probe VALUES (?, ?, ?, array_to_tsvector(?::text[]), ?, ?)")) {
        for (int i = 0; i < AWKWARD.size(); i++) {
          String label = AWKWARD.get(i);
          List<String> arr = List.of(label, AWKWARD.get((i + 1) % AWKWARD.size()));
          List<String> vec = i % 5 == 4 ? null : rotate(lexemes, i);
          double d = numbers[i % numbers.length];
          long n = Long.MIN_VALUE + i;
          String nullable = i % 7 == 6 ? null : label;
          rows.text("copied " + i)
              .text(nullable)
              .textArray(arr)
              .tsvector(vec)
              .number(d)
              .number(n)
              .endRow();
          ps.setString(1, "bound " + i);
          ps.setString(2, nullable);
          ps.setArray(3, c.createArrayOf("text", arr.toArray()));
          ps.setArray(4, vec == null ? null : c.createArrayOf("text", vec.toArray()));
          ps.setDouble(5, d);
          ps.setLong(6, n);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      rows.copy(c);

      List<String> differences = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT b.id FROM copy_probe b JOIN copy_probe k ON k.id = 'copied '"
                      + " || substr(b.id, 7) WHERE b.id LIKE 'bound %' AND (b.label, b.arr,"
                      + " b.vec::text, b.d, b.n) IS DISTINCT FROM (k.label, k.arr, k.vec::text,"
                      + " k.d, k.n)")) {
        while (rs.next()) {
          differences.add(rs.getString(1));
        }
      }
      assertThat(differences).isEmpty();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM copy_probe")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(2L * AWKWARD.size());
      }
    }
  }

  private static List<String> rotate(List<String> values, int by) {
    String[] out = values.toArray(String[]::new);
    java.util.Collections.rotate(Arrays.asList(out), by);
    return List.of(out).subList(0, 1 + by % out.length);
  }
}
