package org.fhirtrials.eligibility.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A gold set derived from the Chia corpus (Kury et al., Sci Data 2020; brat {@code .txt}/{@code
 * .ann} pairs {@code NCTxxxxxxxx_inc} / {@code _exc}), read straight from the zip.
 *
 * <p>Every {@code Has_value} relation from a Measurement entity to a Value entity whose measurement
 * name maps to a scored concept ({@link QualityKey#ofMeasurement}) becomes gold bounds parsed by
 * {@link ValueParser}, attached to the criterion line (one line of the {@code .txt}) that holds the
 * Measurement. Only those lines are scored. A value whose only comparator is "=" is counted as
 * ambiguous and gives no gold bound.
 */
final class ChiaGold {
  /** One scored criterion line. */
  record Line(String id, boolean exclusion, String text, List<Item> gold) {}

  /**
   * The gold lines, plus counts of what was left out or added by the derivation rules.
   *
   * @param pairs mapped Has_value pairs (including those derived along OR relations)
   * @param ambiguous pairs whose value's only comparator is a bare "="
   * @param notThreshold pairs whose value states no threshold
   * @param orValues pairs derived from a Value joined by OR to a linked Value
   * @param orMeasurements pairs derived for a Measurement without a value of its own, joined by OR
   *     to a Measurement with one
   * @param duplicates gold bounds dropped because the same bound was already gold on the line
   */
  record Set(
      List<Line> lines,
      int pairs,
      int ambiguous,
      int notThreshold,
      int orValues,
      int orMeasurements,
      int duplicates,
      List<String> allLines) {}

  private ChiaGold() {}

  static Set read(Path zip) {
    Map<String, String> texts = new TreeMap<>();
    Map<String, String> anns = new HashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        String name = e.getName();
        if (e.isDirectory() || !(name.endsWith(".txt") || name.endsWith(".ann"))) {
          continue;
        }
        String base = name.substring(name.lastIndexOf('/') + 1, name.length() - 4);
        try (InputStream in = z.getInputStream(e)) {
          String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          (name.endsWith(".txt") ? texts : anns).put(base, content);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable Chia zip " + zip, e);
    }
    List<Line> lines = new ArrayList<>();
    List<String> allLines = new ArrayList<>();
    int[] counts =
        new int[6]; // pairs, ambiguous, not a threshold, OR values, OR measurements, dups
    for (var entry : texts.entrySet()) {
      String text = entry.getValue();
      for (String l : text.split("\n")) {
        if (!l.isBlank()) {
          allLines.add(l);
        }
      }
      String ann = anns.get(entry.getKey());
      if (ann != null) {
        lines.addAll(lines(entry.getKey(), text, ann, counts));
      }
    }
    return new Set(
        lines, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], allLines);
  }

  /**
   * An annotated span; a discontinuous one ("T2 Value 24 33;7 16") is read in text order (brat
   * lists some fragments out of order: "and older >18 years" for "(>18 years of age and older)").
   */
  private record Entity(String type, int start, String text) {}

  private static final Pattern OR_REL = Pattern.compile("^(?:\\*|R\\d+)\\tOR\\s+(.*)$");

  private static List<Line> lines(String base, String text, String ann, int[] counts) {
    Map<String, Entity> entities = new HashMap<>();
    List<String[]> hasValue = new ArrayList<>();
    List<List<String>> ors = new ArrayList<>();
    for (String row : ann.split("\n")) {
      String[] f = row.split("\t");
      Matcher or = OR_REL.matcher(row.strip());
      if (or.matches()) {
        List<String> ids = new ArrayList<>();
        for (String a : or.group(1).trim().split("\\s+")) {
          ids.add(a.substring(a.indexOf(':') + 1));
        }
        ors.add(ids);
      }
      if (f.length >= 3 && f[0].startsWith("T")) {
        try {
          entities.put(f[0], entity(f[1], f[2], text));
        } catch (RuntimeException malformed) {
          // a span we cannot read is not gold
        }
      } else if (f.length >= 2 && f[0].startsWith("R") && f[1].startsWith("Has_value ")) {
        String[] a = f[1].split(" ");
        hasValue.add(new String[] {a[1].substring(5), a[2].substring(5)});
      }
    }
    hasValue.addAll(alongOr(hasValue, ors, entities, counts));
    Map<Integer, List<Item>> goldByLine = new TreeMap<>();
    Map<String, List<Item>> byMeasurement = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    for (String[] rel : hasValue) {
      Entity m = entities.get(rel[0]);
      Entity v = entities.get(rel[1]);
      if (m == null || v == null || !v.type().equals("Value")) {
        continue;
      }
      List<QualityKey> keys = keys(m);
      if (keys.isEmpty()) {
        continue;
      }
      int lineStart = text.lastIndexOf('\n', Math.max(0, m.start() - 1)) + 1;
      goldByLine.computeIfAbsent(lineStart, k -> new ArrayList<>());
      for (QualityKey key : keys) {
        counts[0]++;
        if (rel.length > 2) {
          counts[rel[2].equals("value") ? 3 : 4]++;
        }
        if (ValueParser.isAmbiguous(v.text())) {
          counts[1]++;
          continue;
        }
        List<Item> items = items(key, v.text());
        if (items.isEmpty()) {
          counts[2]++;
        }
        byMeasurement.computeIfAbsent(rel[0] + "|" + key, k -> new ArrayList<>()).addAll(items);
        lineOf.put(rel[0] + "|" + key, lineStart);
      }
    }
    byMeasurement.forEach(
        (m, items) -> {
          List<Item> line = goldByLine.get(lineOf.get(m));
          for (Item i : mergeEquals(items)) {
            if (line.contains(i)) {
              counts[5]++; // "QTcF (QTc) < 450 ms" linked to both names: one bound
            } else {
              line.add(i);
            }
          }
        });
    List<Line> out = new ArrayList<>();
    boolean exclusion = base.endsWith("_exc");
    for (var e : goldByLine.entrySet()) {
      int end = text.indexOf('\n', e.getKey());
      String line = text.substring(e.getKey(), end < 0 ? text.length() : end);
      out.add(new Line(base + "@" + e.getKey(), exclusion, line, e.getValue()));
    }
    return out;
  }

  private static Entity entity(String typeAndSpans, String annotatedText, String text) {
    String[] parts = typeAndSpans.split(" ", 2);
    List<int[]> fragments = new ArrayList<>();
    for (String span : parts[1].split(";")) {
      String[] se = span.trim().split(" ");
      fragments.add(new int[] {Integer.parseInt(se[0]), Integer.parseInt(se[1])});
    }
    if (fragments.size() == 1) {
      return new Entity(parts[0], fragments.get(0)[0], annotatedText);
    }
    fragments.sort(java.util.Comparator.comparingInt((int[] f) -> f[0]));
    StringBuilder sb = new StringBuilder();
    for (int[] f : fragments) {
      sb.append(sb.length() == 0 ? "" : " ").append(text, f[0], Math.min(f[1], text.length()));
    }
    return new Entity(parts[0], fragments.get(0)[0], sb.toString());
  }

  /**
   * Has_value pairs Chia states through its OR relations (a third element says which rule):
   *
   * <ul>
   *   <li>"value": a Value joined by OR to a linked Value and linked to nothing itself ("Age less
   *       than 10 years or greater than 55 years": only the first value is linked to Age);
   *   <li>"measurement": a Measurement with no value of its own, joined by OR to Measurements that
   *       have one, takes the first of their values that follows it in the text ("ALT or AST &gt; 3
   *       × ULN": the value is linked to one of the two).
   * </ul>
   */
  private static List<String[]> alongOr(
      List<String[]> hasValue, List<List<String>> ors, Map<String, Entity> entities, int[] c) {
    java.util.Set<String> linkedValues = new java.util.HashSet<>();
    java.util.Set<String> withValue = new java.util.HashSet<>();
    for (String[] rel : hasValue) {
      withValue.add(rel[0]);
      linkedValues.add(rel[1]);
    }
    List<String[]> out = new ArrayList<>();
    for (List<String> group : ors) {
      for (String[] rel : hasValue) {
        if (!group.contains(rel[1])) {
          continue;
        }
        for (String other : group) {
          Entity e = entities.get(other);
          if (e != null && e.type().equals("Value") && !linkedValues.contains(other)) {
            out.add(new String[] {rel[0], other, "value"});
          }
        }
      }
      for (String m : group) {
        Entity me = entities.get(m);
        if (me == null || !me.type().equals("Measurement") || withValue.contains(m)) {
          continue;
        }
        String best = null;
        for (String[] rel : hasValue) {
          Entity v = entities.get(rel[1]);
          if (group.contains(rel[0])
              && v != null
              && v.start() > me.start()
              && (best == null || v.start() < entities.get(best).start())) {
            best = rel[1];
          }
        }
        if (best != null) {
          out.add(new String[] {m, best, "measurement"});
        }
      }
    }
    return out;
  }

  /**
   * The scored concepts of an entity: a Measurement by its name; a Person only for age (Chia
   * annotates "aged", "years old" as Person with a Value).
   */
  private static List<QualityKey> keys(Entity e) {
    return switch (e.type()) {
      case "Measurement" -> QualityKey.ofMeasurement(e.text());
      case "Person" -> AGE_PERSON.matcher(e.text()).find() ? List.of(QualityKey.AGE) : List.of();
      default -> List.of();
    };
  }

  private static final Pattern AGE_PERSON =
      Pattern.compile(
          "^(?!.*(?:gestation|onset|menarche|bearing)).*(?:\\bage|\\bold\\b|\\byears?\\b|\\byo\\b|\\by\\.o)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CLASS_LETTERS = Pattern.compile("\\b[ABC]\\b");

  private static List<Item> items(QualityKey key, String value) {
    List<Item> out = new ArrayList<>();
    if (key == QualityKey.CHILD_PUGH && !value.matches(".*\\d.*")) {
      Matcher letters = CLASS_LETTERS.matcher(value.replaceAll("(?i)class|grade", " "));
      while (letters.find()) {
        out.add(Item.ordinal(key, letters.group()));
      }
      return out;
    }
    for (ValueParser.Bound b : ValueParser.parse(value, ordinal(key))) {
      Item item = Item.canonical(key, b.comparator(), b.value(), unitFor(key, b.unit()));
      if (!Predictions.impliedByScale(item)) {
        out.add(item);
      }
    }
    return out;
  }

  /**
   * Chia splits "greater than or equal to 1.5" into two values, "greater than 1.5" and "equal to
   * 1.5" (one discontinuous); the pair is one bound ≥ 1.5.
   */
  private static List<Item> mergeEquals(List<Item> items) {
    List<Item> out = new ArrayList<>(mergeScoreList(items));
    for (Item eq : items) {
      if (!eq.comparator().equals("=")) {
        continue;
      }
      for (Item strict : items) {
        if (strict.value().equals(eq.value())
            && (strict.comparator().equals(">") || strict.comparator().equals("<"))) {
          out.remove(eq);
          out.remove(strict);
          out.add(
              new Item(
                  strict.key(),
                  strict.comparator() + "=",
                  strict.value(),
                  strict.unit().isEmpty() ? eq.unit() : strict.unit()));
        }
      }
    }
    return out;
  }

  /**
   * "ECOG 0, 1, or 2" annotated as three values "0", "1", "2": contiguous score values are the
   * range they span (its lower bound 0 then dropped as implied by the scale).
   */
  private static List<Item> mergeScoreList(List<Item> items) {
    if (items.size() < 2
        || !ordinal(items.get(0).key())
        || !items.stream().allMatch(i -> i.comparator().equals("=") && i.value().matches("\\d"))) {
      return items;
    }
    int lo = items.stream().mapToInt(i -> Integer.parseInt(i.value())).min().orElseThrow();
    int hi = items.stream().mapToInt(i -> Integer.parseInt(i.value())).max().orElseThrow();
    if (hi - lo + 1 != items.size()) {
      return items;
    }
    List<Item> out = new ArrayList<>();
    Item low = new Item(items.get(0).key(), ">=", String.valueOf(lo), "");
    if (!Predictions.impliedByScale(low)) {
      out.add(low);
    }
    out.add(new Item(items.get(0).key(), "<=", String.valueOf(hi), ""));
    return out;
  }

  private static boolean ordinal(QualityKey key) {
    return key == QualityKey.ECOG || key == QualityKey.KARNOFSKY;
  }

  /** Scores carry no unit in the extractor; age defaults to years. */
  private static String unitFor(QualityKey key, String unit) {
    if (key == QualityKey.ECOG || key == QualityKey.KARNOFSKY) {
      return "";
    }
    return unit;
  }
}
