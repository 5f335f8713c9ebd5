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
}
