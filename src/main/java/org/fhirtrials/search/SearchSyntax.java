package org.fhirtrials.search;

import java.util.Set;

/**
 * The pieces of search semantics that a backend outside this package needs in order to answer
 * exactly as the in-memory index does: result parameters, the NCT system spellings, the distance
 * used by {@code near}, and the one wording of "unsupported modifier".
 */
public final class SearchSyntax {
  /** Parameters that shape the result rather than select it. */
  public static final Set<String> RESULT_PARAMS = QueryEngine.RESULT_PARAMS;

  private SearchSyntax() {}

  /** One system for every accepted spelling of the NCT system (DESIGN §2). */
  public static String system(String system) {
    return ValueReader.system(system);
  }

  /** Great-circle distance in km, as {@code near} measures it. */
  public static double haversine(double lat1, double lon1, double lat2, double lon2) {
    return QueryEngine.haversine(lat1, lon1, lat2, lon2);
  }

  public static SearchException unsupported(String name, String modifier) {
    return QueryEngine.unsupported(name, modifier);
  }

  /**
   * The key a reference search value stands for ({@code Type/id}, or the bare id without a type);
   * null when the value holds no id, which matches nothing.
   */
  public static String referenceKey(String value, String type) {
    return Matchers.referenceKey(value, type);
  }

  /** A chained parameter none of whose target types has the chained parameter. */
  public static SearchException unsupportedChain(String name, String chain) {
    return new SearchException(
        "Chain '"
            + name
            + "."
            + chain
            + "' is not supported: no target of '"
            + name
            + "' has the search parameter '"
            + chain
            + "'");
  }

  /**
   * The number of a number parameter's value, e.g. 100 of {@code ge100}.
   *
   * @param prefix the value's prefix ({@link Prefix#of}), null when it has none it accepts
   */
  public static double number(String name, String value, Prefix prefix) {
    try {
      if (prefix == null) {
        throw new NumberFormatException();
      }
      return Double.parseDouble(Prefix.strip(value));
    } catch (NumberFormatException e) {
      throw new SearchException(
          "Search parameter '" + name + "': '" + value + "' is not a number (e.g. ge100)");
    }
  }

  /** A parsed {@code near} value: the centre and the radius in kilometres. */
  public record Near(double lat, double lon, double km) {}

  /**
   * Parses {@code lat|lon|distance|unit} (distance default 50, unit km, m or mi), the one reading
   * of {@code near} both search backends use.
   */
  public static Near near(String v) {
    String[] parts = v.split("\\|", -1);
    double lat;
    double lon;
    double km;
    try {
      lat = Double.parseDouble(parts[0]);
      lon = Double.parseDouble(parts[1]);
      km = parts.length > 2 && !parts[2].isEmpty() ? Double.parseDouble(parts[2]) : 50;
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new SearchException("near must be lat|lon|distance|unit, not '" + v + "'");
    }
    String unit = parts.length > 3 ? parts[3] : "km";
    km *=
        switch (unit) {
          case "km", "" -> 1;
          case "m" -> 0.001;
          case "mi", "[mi_i]" -> 1.609344;
          default -> throw new SearchException("near: unit '" + unit + "' is not one of km, m, mi");
        };
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || km < 0) {
      throw new SearchException("near: '" + v + "' is not a valid position and distance");
    }
    return new Near(lat, lon, km);
  }
}
