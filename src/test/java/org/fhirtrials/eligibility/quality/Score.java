package org.fhirtrials.eligibility.quality;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * True positives, false positives and false negatives per concept over an annotated set, with the
 * first errors of each concept kept for debugging.
 *
 * <p>Per criterion, gold and predicted items are matched one to one ({@link Item#matches}); an
 * unmatched prediction is a false positive (a bound gold does not have, or a different value), an
 * unmatched gold item a false negative.
 */
final class Score {
  /** Counts of one concept. */
  static final class Counts {
    int gold;
    int tp;
    int fp;
    int fn;
    final List<String> errors = new ArrayList<>();

    double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }
  }

  private final String name;
  private final Map<QualityKey, Counts> byKey = new EnumMap<>(QualityKey.class);
  private int criteria;

  Score(String name) {
    this.name = name;
  }

  /** Scores one criterion. */
  void add(String id, String text, List<Item> gold, List<Item> predicted) {
    criteria++;
    List<Item> open = new ArrayList<>(gold);
    for (Item g : gold) {
      counts(g.key()).gold++;
    }
    for (Item p : predicted) {
      Item hit = open.stream().filter(p::matches).findFirst().orElse(null);
      if (hit != null) {
        open.remove(hit);
        counts(p.key()).tp++;
      } else {
        Counts c = counts(p.key());
        c.fp++;
        c.errors.add("FP " + p + "   [" + id + "] " + shorten(text));
      }
    }
    for (Item g : open) {
      Counts c = counts(g.key());
      c.fn++;
      c.errors.add("FN " + g + "   [" + id + "] " + shorten(text));
    }
  }

  private Counts counts(QualityKey key) {
    return byKey.computeIfAbsent(key, k -> new Counts());
  }

  /** The sum over all concepts. */
  Counts total() {
    Counts t = new Counts();
    for (Counts c : byKey.values()) {
      t.gold += c.gold;
      t.tp += c.tp;
      t.fp += c.fp;
      t.fn += c.fn;
    }
    return t;
  }

  Map<QualityKey, Counts> byKey() {
    return new LinkedHashMap<>(byKey);
  }

  /** Prints the table and the first {@code maxErrors} errors of each concept. */
  void print(PrintStream out, int maxErrors) {
    out.printf("%n== %s (%d criteria) ==%n", name, criteria);
    out.printf(
        "%-12s %5s %5s %5s %5s %9s %7s%n",
        "category", "gold", "TP", "FP", "FN", "precision", "recall");
    byKey.forEach((k, c) -> row(out, k.key, c));
    row(out, "ALL", total());
    if (maxErrors > 0) {
      byKey.forEach(
          (k, c) ->
              c.errors.stream().limit(maxErrors).forEach(e -> out.println("  " + k + ": " + e)));
    }
  }

  /** The table as markdown rows (for the documentation). */
  String markdown() {
    StringBuilder sb =
        new StringBuilder("| category | gold | TP | FP | FN | precision | recall |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
    byKey.forEach((k, c) -> sb.append(md(k.key, c)));
    sb.append(md("**all**", total()));
    return sb.toString();
  }

  private static String md(String label, Counts c) {
    return String.format(
        "| %s | %d | %d | %d | %d | %.3f | %.3f |%n",
        label, c.gold, c.tp, c.fp, c.fn, c.precision(), c.recall());
  }

  private static void row(PrintStream out, String label, Counts c) {
    out.printf(
        "%-12s %5d %5d %5d %5d %9.3f %7.3f%n",
        label, c.gold, c.tp, c.fp, c.fn, c.precision(), c.recall());
  }

  private static String shorten(String text) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() <= 160 ? t : t.substring(0, 157) + "...";
  }
}
