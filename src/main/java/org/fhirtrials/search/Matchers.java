package org.fhirtrials.search;

import java.util.List;
import org.fhirtrials.search.TypeIndex.ParamIndex;

/** Matching of one search value against one parameter's index, by parameter type. */
final class Matchers {
  private Matchers() {}

  /**
   * Token: {@code code} any system, {@code system|code}, {@code |code} no system, {@code system|}
   * any code of the system; a bare code also matches a concept whose text equals it (conditions are
   * often text only). {@code :text} is a string search on the concept's text and displays: each
   * word of the value must start a word of the text, case- and accent-insensitively ("asth" finds
   * "Asthma", "hepato carc" finds "Hepatocellular Carcinoma"); {@code :of-type} is {@code
   * typeSystem|typeCode|value}.
   */
  static int[] token(ParamIndex p, String value, String modifier, String name) {
    if ("text".equals(modifier)) {
      List<int[]> words = Text.words(value).stream().map(w -> wordPrefix(p, w)).toList();
      return words.isEmpty() ? Postings.EMPTY : Postings.andAll(words);
    }
    if ("of-type".equals(modifier)) {
      List<String> parts = Values.splitBar(value, 3);
      if (parts.size() != 3 || parts.get(1).isEmpty() || parts.get(2).isEmpty()) {
        throw new SearchException(name + ":of-type needs system|code|value, not '" + value + "'");
      }
      return p.keys.get("type:" + parts.get(0) + "|" + parts.get(1) + "|" + parts.get(2));
    }
    List<String> parts = Values.splitBar(value, 2);
    if (parts.size() == 1) {
      Postings.Union hits = new Postings.Union();
      p.codeKeys(parts.get(0)).forEach(k -> hits.add(p.keys.posting(k)));
      hits.add(p.keys.posting("=" + Text.fold(value)));
      return hits.toArray();
    }
    String system = ValueReader.system(parts.get(0));
    String code = parts.get(1);
    if (system.isEmpty() && code.isEmpty()) {
      throw new SearchException("Search parameter '" + name + "' needs a value");
    }
    return p.keys.get(system.isEmpty() ? "|" + code : system + "|" + code);
  }

  /** The documents with a concept-text word starting with {@code prefix} (folded). */
  private static int[] wordPrefix(ParamIndex p, String prefix) {
    Postings.Union hits = new Postings.Union();
    p.words.subMap(prefix, prefix + Character.MAX_VALUE).values().forEach(hits::add);
    return hits.toArray();
  }

  /** String: starts with after folding; {@code :contains} anywhere; {@code :exact} as given. */
  static int[] string(ParamIndex p, String value, String modifier) {
    if ("exact".equals(modifier)) {
      return p.exact.get(value);
    }
    String folded = Text.fold(value);
    Postings.Union hits = new Postings.Union();
    if ("contains".equals(modifier)) {
      p.folded.forEach(
          (k, v) -> {
            if (k.contains(folded)) {
              hits.add(v);
            }
          });
    } else {
      p.folded.subMap(folded, folded + Character.MAX_VALUE).values().forEach(hits::add);
    }
    return hits.toArray();
  }

  /** Reference by {@code Type/id}, by {@code id}, or by absolute URL ending in {@code Type/id}. */
  static int[] reference(
      ParamIndex p, String value, String type, java.util.Collection<String> types) {
    String key = referenceKey(value, type);
    if (key == null) {
      return Postings.EMPTY;
    }
    if (key.indexOf('/') >= 0) {
      return p.keys.get(p.referenceKey(key));
    }
    // a bare id: the index holds a reference by its Type/id (by its id when the type is the
    // parameter's one target, or when it has no type)
    Postings.Union hits = new Postings.Union();
    hits.add(p.keys.posting(key));
    for (String t : types) {
      String typed = p.referenceKey(t, key);
      if (!typed.equals(key)) {
        hits.add(p.keys.posting(typed));
      }
    }
    return hits.toArray();
  }

  /**
   * The index key a reference value stands for: {@code Type/id} from {@code Type/id} or an absolute
   * URL ending in it, else {@code type/id} (or the bare id when no type is given); null when the
   * value has no id at all (e.g. {@code /}), which matches nothing.
   */
  static String referenceKey(String value, String type) {
    String[] segments = value.split("/");
    if (segments.length == 0) {
      return null;
    }
    String id = segments[segments.length - 1];
    if (segments.length >= 2) {
      return segments[segments.length - 2] + "/" + id;
    }
    return type == null ? id : type + "/" + id;
  }

  static int[] date(ParamIndex p, String value, String name) {
    Prefix prefix = Prefix.of(value);
    DateRange range = prefix == null ? null : DateRange.parse(Prefix.strip(value));
    if (range == null) {
      throw new SearchException(
          "Search parameter '" + name + "': '" + value + "' is not a date (e.g. ge2024-01)");
    }
    double tolerance = Prefix.APPROXIMATE * Math.abs(System.currentTimeMillis() - range.low());
    return p.ranges.matching(
        (low, high) -> prefix.matches(low, high, range.low(), range.high(), tolerance));
  }

  static int[] number(ParamIndex p, String value, String name) {
    Prefix prefix = Prefix.of(value);
    double n = SearchSyntax.number(name, value, prefix);
    double tolerance = Prefix.APPROXIMATE * Math.abs(n);
    return p.ranges.matching((low, high) -> prefix.matches(low, high, n, n, tolerance));
  }
}
