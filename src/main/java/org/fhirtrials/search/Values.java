package org.fhirtrials.search;

import java.util.ArrayList;
import java.util.List;

/** Splitting of search values on unescaped separators ({@code ,} for OR, {@code |} in tokens). */
public final class Values {
  private Values() {}

  public static List<String> splitOr(String value) {
    return split(value, ',', -1);
  }

  /** {@code system|code} → [system, code]; no bar → [code]. Escapes are removed. */
  public static List<String> splitBar(String value, int limit) {
    return split(value, '|', limit);
  }

  private static List<String> split(String value, char separator, int limit) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        if (next != ',' && next != '|' && next != '$' && next != '\\') {
          current.append(c);
        }
        current.append(next);
      } else if (c == separator && (limit < 0 || out.size() < limit - 1)) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }
}
