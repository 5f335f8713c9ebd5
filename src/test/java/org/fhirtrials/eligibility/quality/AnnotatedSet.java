package org.fhirtrials.eligibility.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-annotated set on the test classpath: one row per expected bound, criteria with no scored
 * bound (hard negatives) as a row with empty concept columns. Two layouts are read:
 *
 * <ul>
 *   <li>seeds: {@code exclusion, text, category, code, comparator, value, unit}
 *   <li>registry: {@code nct, exclusion, text, category, concept, comparator, value, unit}
 * </ul>
 *
 * Comparators {@code < <= > >= =}, or {@code in} for an ordinal value (Child-Pugh class); unit is
 * UCUM, {@code xULN} / {@code xLLN}, or empty. Rows of unscored concepts (conditions, pregnancy)
 * only contribute their text.
 */
final class AnnotatedSet {
  /** One annotated criterion. */
  record Entry(String id, boolean exclusion, String text, List<Item> gold) {}

  private AnnotatedSet() {}

  static List<Entry> read(String resource, boolean withNctColumn) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    int shift = withNctColumn ? 1 : 0;
    int lineNo = 0;
    for (String line : lines(resource)) {
      lineNo++;
      if (line.isBlank()
          || line.startsWith("#")
          || line.startsWith("exclusion\t")
          || line.startsWith("nct\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 7 + shift) {
        throw new IllegalStateException(
            resource + ":" + lineNo + ": expected " + (7 + shift) + " columns, got " + f.length);
      }
      String id = withNctColumn ? f[0] : "seed";
      String text = f[1 + shift];
      Entry e =
          entries.computeIfAbsent(
              id + "\t" + text, k -> new Entry(id, f[shift].equals("1"), text, new ArrayList<>()));
      QualityKey key = f[3 + shift].isEmpty() ? null : QualityKey.parse(f[3 + shift]);
      String cmp = f[4 + shift];
      if (key == null || cmp.equals("present") || cmp.equals("absent")) {
        if (withNctColumn && !f[3 + shift].isEmpty()) {
          throw new IllegalStateException(
              resource + ":" + lineNo + ": unknown concept " + f[3 + shift]);
        }
        continue;
      }
      Item item =
          cmp.equals("in")
              ? Item.ordinal(key, f[5 + shift])
              : Item.canonical(key, cmp, new BigDecimal(f[5 + shift]), unit(f[6 + shift]));
      if (!Predictions.impliedByScale(item)) {
        e.gold().add(item);
      }
    }
    return new ArrayList<>(entries.values());
  }

  /** Scores carry no unit in either annotation layout. */
  private static String unit(String u) {
    return u.equals("{score}") ? "" : u;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = AnnotatedSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " not on the test classpath");
      }
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }
}
