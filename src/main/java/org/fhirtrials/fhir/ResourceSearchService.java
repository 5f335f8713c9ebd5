package org.fhirtrials.fhir;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.validation.FhirValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fhirtrials.conformance.ValidatorFactory;
import org.fhirtrials.search.SearchBackend;
import org.fhirtrials.search.SearchException;
import org.fhirtrials.search.SearchIndexes;
import org.fhirtrials.search.SearchParamRegistry;
import org.fhirtrials.search.SearchResult;
import org.fhirtrials.search.StringPool;
import org.fhirtrials.search.postgres.PostgresSearchBackend;
import org.fhirtrials.store.postgres.PostgresTrialStore;

/**
 * Search on one base for every served type: checks the result parameters, runs the query on the
 * {@link SearchBackend} (in memory, or SQL for the PostgreSQL store) and wraps the hits with their
 * includes. Errors become 400s naming the parameter, unless the client sent {@code Prefer:
 * handling=lenient}.
 */
public final class ResourceSearchService {
  /**
   * Values of {@code _total}; a count given is always exact. {@code none} leaves it out on the
   * PostgreSQL store (a count query saved); the in-memory index always has it. HAPI's generic
   * client spells estimate {@code estimated} (SearchTotalModeEnum): accepted too.
   */
  private static final Set<String> TOTALS = Set.of("none", "estimate", "estimated", "accurate");

  /** Values of {@code _summary} (FHIR search, "Summary"). */
  private static final Set<String> SUMMARIES = Set.of("true", "text", "data", "count", "false");

  /** The first page's size when the server has no paging provider (it always has one). */
  private static final int DEFAULT_PAGE = 20;

  private final TrialResources resources;
  private final SearchBackend indexes;
  private final boolean notified;
  private FhirValidator validator;

  /** Search in the store's database when it is PostgreSQL, else in an in-memory index. */
  public ResourceSearchService(TrialResources resources, List<String> types) {
    this(resources, types, new StringPool());
  }

  /**
   * As {@link #ResourceSearchService(TrialResources, List)}, an in-memory index pooling its strings
   * in {@code strings} (shared by the bases).
   */
  public ResourceSearchService(TrialResources resources, List<String> types, StringPool strings) {
    this(
        resources,
        backend(resources, new SearchParamRegistry(resources.context(), types), strings));
  }

  public ResourceSearchService(TrialResources resources, SearchBackend backend) {
    this.resources = resources;
    this.indexes = backend;
    if (backend.readsStoreDirectly() || !(backend instanceof SearchIndexes memory)) {
      this.notified = true;
    } else {
      // a store that cannot notify is re-read before every search: correct, but slow
      this.notified = resources.store().onChange(s -> memory.changed(s.nctId()));
      memory.changedAll();
    }
  }

  /** The backend for the store: SQL over its side tables for PostgreSQL, else in memory. */
  static SearchBackend backend(
      TrialResources resources, SearchParamRegistry registry, StringPool strings) {
    if (resources.store() instanceof PostgresTrialStore pg) {
      return new PostgresSearchBackend(
          pg.dataSource(), resources.binding().name().toLowerCase(Locale.ROOT), registry);
    }
    return new SearchIndexes(
        resources.context(), registry, new TrialIndexSource(resources), strings);
  }

  /** The base's validator, built on first use (expensive) and shared by every type. */
  public synchronized FhirValidator validator() {
    if (validator == null) {
      validator = ValidatorFactory.create(resources.context());
    }
    return validator;
  }

  public SearchBackend backend() {
    return indexes;
  }

  public SearchParamRegistry registry() {
    return indexes.registry();
  }

  public IBundleProvider search(String type, RequestDetails request) {
    return search(type, request.getParameters(), isLenient(request), firstPageSize(request));
  }

  /**
   * A search as a request gave it (parameters with {@code _include}s and result parameters).
   *
   * @param firstPage the size of the first page the caller will read
   */
  public IBundleProvider search(
      String type, Map<String, String[]> parameters, boolean lenient, int firstPage) {
    try {
      List<IncludeSpec> includes = new ArrayList<>();
      List<IncludeSpec> revIncludes = new ArrayList<>();
      for (Map.Entry<String, String[]> p : parameters.entrySet()) {
        String name = p.getKey();
        if (name.startsWith(Constants.PARAM_INCLUDE) || name.startsWith("_revinclude")) {
          List<IncludeSpec> into = name.startsWith("_revinclude") ? revIncludes : includes;
          for (String v : p.getValue()) {
            into.add(IncludeSpec.parse(name, v, registry()));
          }
        }
      }
      check(parameters, lenient);
      if (!notified && indexes instanceof SearchIndexes memory) {
        memory.changedAll();
      }
      SearchResult result = indexes.find(type, withoutIncludes(parameters), lenient, firstPage);
      return new SearchResultBundle(resources, indexes, type, result, includes, revIncludes);
    } catch (SearchException e) {
      throw FhirErrors.badRequest(resources.context(), e.getMessage());
    }
  }

  /** The size of the first page HAPI will ask for: {@code _count} within the paging limits. */
  private static int firstPageSize(RequestDetails request) {
    IPagingProvider paging = request.getServer().getPagingProvider();
    int size = paging == null ? DEFAULT_PAGE : paging.getDefaultPageSize();
    String[] count = request.getParameters().get(Constants.PARAM_COUNT);
    if (count != null && count.length > 0 && count[0].matches("\\d+")) {
      // (anything else is refused when the search is checked); beyond int is beyond any maximum
      size = count[0].length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(count[0]);
      if (paging != null && size > paging.getMaximumPageSize()) {
        size = paging.getMaximumPageSize();
      } else if (paging != null && size == 0) {
        size = paging.getDefaultPageSize();
      }
    }
    return size;
  }

  private static Map<String, String[]> withoutIncludes(Map<String, String[]> parameters) {
    Map<String, String[]> out = new java.util.LinkedHashMap<>(parameters);
    out.keySet().removeIf(k -> k.startsWith("_include") || k.startsWith("_revinclude"));
    return out;
  }

  private static void check(Map<String, String[]> parameters, boolean lenient) {
    for (String count : parameters.getOrDefault(Constants.PARAM_COUNT, new String[0])) {
      if (!count.matches("\\d{1,9}")) {
        throw new SearchException("_count must be a non-negative integer, not '" + count + "'");
      }
    }
    if (lenient) {
      return; // unknown _total/_summary values are ignored: the result is the full one
    }
    for (String total : parameters.getOrDefault("_total", new String[0])) {
      if (!TOTALS.contains(total)) {
        throw new SearchException("_total must be none, estimate or accurate, not '" + total + "'");
      }
    }
    for (String summary : parameters.getOrDefault(Constants.PARAM_SUMMARY, new String[0])) {
      if (!SUMMARIES.contains(summary)) {
        throw new SearchException(
            "_summary must be true, text, data, count or false, not '" + summary + "'");
      }
    }
  }

  static boolean isLenient(RequestDetails request) {
    List<String> prefer = request.getHeaders(Constants.HEADER_PREFER);
    return prefer != null
        && prefer.stream().anyMatch(h -> h.replace(" ", "").contains("handling=lenient"));
  }
}
