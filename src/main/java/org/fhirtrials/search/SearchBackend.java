package org.fhirtrials.search;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search over the served resources of one base. Two implementations answer every search
 * identically: the in-memory {@link SearchIndexes} (the embedded store) and {@code
 * org.fhirtrials.search.postgres.PostgresSearchBackend} (SQL over the PostgreSQL side tables, so
 * stateless replicas share one database). Both read the values {@link DocumentExtractor} selects.
 */
public interface SearchBackend {
  SearchParamRegistry registry();

  /**
   * Runs a search: parameters as the request gave them ({@code name[:modifier]} → values), result
   * parameters ({@code _sort}, {@code _count}, ...) included; includes excluded.
   *
   * @param lenient ignore unknown parameters and bad values instead of failing
   * @throws SearchException for a parameter or value this base does not support
   */
  SearchHits search(String type, Map<String, String[]> parameters, boolean lenient);

  /**
   * {@link #search} for a client reading pages: the parameters are checked (and errors thrown)
   * here; a backend may read the first {@code firstPage} ids now and the other pages when asked.
   * {@code _total=none} may leave the total uncounted.
   */
  default SearchResult find(
      String type, Map<String, String[]> parameters, boolean lenient, int firstPage) {
    return search(type, parameters, lenient);
  }

  /** Ids of resources of {@code type} whose reference parameter points to any of the targets. */
  List<String> referencing(String type, String param, Collection<String> targets);

  /** The {@code Type/id} references a resource's reference parameter holds. */
  List<String> references(String type, String id, String param);

  /**
   * {@link #references(String, String, String)} of several resources of one type: resource id → its
   * references (resources without any may be left out), which a backend may answer at once.
   */
  default Map<String, List<String>> references(String type, Collection<String> ids, String param) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String id : ids) {
      List<String> refs = references(type, id, param);
      if (!refs.isEmpty()) {
        out.put(id, refs);
      }
    }
    return out;
  }

  /**
   * Whether the backend reads every write of the store by itself; when false the caller queues
   * changes (see {@link SearchIndexes#changed}).
   */
  default boolean readsStoreDirectly() {
    return false;
  }
}
