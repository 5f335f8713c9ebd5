package org.fhirtrials.eligibility.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fhirtrials.model.Criterion;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per category over {@code eligibility/annotated-seeds.tsv}. Prints the table;
 * asserts only a floor so that a regression is noticed.
 */
class AnnotatedSeedsTest {
  private final CriterionExtractor extractor = new CriterionExtractor();

  private record Item(String category, String code, String comparator, String value, String unit) {}

  @Test
  void precisionAndRecallPerCategory() throws IOException {
    Map<String, Boolean> exclusion = new LinkedHashMap<>();
    Map<String, Set<Item>> gold = new LinkedHashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/eligibility/annotated-seeds.tsv")) {
      assertThat(in).as("annotated-seeds.tsv on the test classpath").isNotNull();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (String line : lines) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("exclusion\t")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        exclusion.put(f[1], f[0].equals("1"));
        Set<Item> items = gold.computeIfAbsent(f[1], k -> new HashSet<>());
        if (!f[2].isEmpty()) {
          items.add(new Item(f[2], f[3], f[4], number(f[5]), f[6]));
        }
      }
    }
    Map<String, int[]> counts = new TreeMap<>(); // category -> {tp, fp, fn}
    List<String> misses = new ArrayList<>();
    for (var entry : gold.entrySet()) {
      Set<Item> predicted =
          predict(
              extractor.extract(
                  new Criterion("a", exclusion.get(entry.getKey()), entry.getKey(), null, false)));
      for (Item p : predicted) {
        int[] c = counts.computeIfAbsent(p.category(), k -> new int[3]);
        if (entry.getValue().contains(p)) {
          c[0]++;
        } else {
          c[1]++;
          misses.add("FP " + p + " in: " + entry.getKey());
        }
      }
      for (Item g : entry.getValue()) {
        if (!predicted.contains(g)) {
          counts.computeIfAbsent(g.category(), k -> new int[3])[2]++;
          misses.add("FN " + g + " in: " + entry.getKey());
        }
      }
    }
    int tp = 0;
    int fp = 0;
    int fn = 0;
    System.out.printf(
        "%-20s %5s %5s %5s %9s %6s%n", "category", "tp", "fp", "fn", "precision", "recall");
    for (var c : counts.entrySet()) {
      int[] v = c.getValue();
      tp += v[0];
      fp += v[1];
      fn += v[2];
      System.out.printf(
          "%-20s %5d %5d %5d %9.2f %6.2f%n",
          c.getKey(), v[0], v[1], v[2], ratio(v[0], v[0] + v[1]), ratio(v[0], v[0] + v[2]));
    }
    System.out.printf(
        "%-20s %5d %5d %5d %9.2f %6.2f%n",
        "ALL", tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn));
    misses.forEach(System.out::println);
    assertThat(ratio(tp, tp + fp)).as("overall precision").isGreaterThanOrEqualTo(0.9);
    assertThat(ratio(tp, tp + fn)).as("overall recall").isGreaterThanOrEqualTo(0.85);
  }

  private static Set<Item> predict(ExtractedCriterion e) {
    Set<Item> items = new HashSet<>();
    for (Constraint c : e.constraints()) {
      String code =
          c.category() == Category.AGE
              ? "age"
              : c.concept() != null ? c.concept().code() : c.name();
      String unit =
          c.reference() == Reference.ULN_MULTIPLE ? "xULN" : c.unit() == null ? "" : c.unit();
      for (Threshold t : c.thresholds()) {
        items.add(
            new Item(
                c.category().name(),
                code,
                t.comparator().fhirCode(),
                number(t.value().toPlainString()),
                unit));
      }
      for (String v : c.allowedValues()) {
        if (c.category() == Category.LIVER_SCORE) {
          items.add(new Item(c.category().name(), code, "in", v, ""));
        }
      }
      if (c.thresholds().isEmpty() && c.allowedValues().isEmpty()
          || c.category() == Category.CONDITION) {
        items.add(new Item(c.category().name(), code, c.absent() ? "absent" : "present", "", ""));
      }
    }
    return items;
  }

  private static String number(String s) {
    if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
      return s;
    }
    return new BigDecimal(s).stripTrailingZeros().toPlainString();
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 1.0 : (double) a / b;
  }
}
