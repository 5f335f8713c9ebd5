package org.fhirtrials.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paging links that work on any replica: a stored search's id is its key in this server's paging
 * cache followed by the search itself (type, parameters, lenient), so a {@code next} link that a
 * load balancer sends to another server, or that outlives the cache, is answered by running the
 * search again there and reading the asked page (DESIGN D6: replicas keep no state of their own).
 * On the server that stored it, the cached result serves the page as before.
 */
final class ReplayablePaging implements IPagingProvider {
  /** Parameters that belong to one page, not to the search. */
  private static final Set<String> PAGE_PARAMS =
      Set.of("_getpages", "_getpagesoffset", "_bundletype", "_pretty", "_format");

  private final FifoMemoryPagingProvider cache;
  private final ResourceSearchService search;

  ReplayablePaging(FhirServerProperties props, ResourceSearchService search) {
    this.cache = new FifoMemoryPagingProvider(props.pagingCacheSize());
    this.cache.setDefaultPageSize(props.defaultPageSize());
    this.cache.setMaximumPageSize(props.maxPageSize());
    this.search = search;
  }

  @Override
  public int getDefaultPageSize() {
    return cache.getDefaultPageSize();
  }

  @Override
  public int getMaximumPageSize() {
    return cache.getMaximumPageSize();
  }

  @Override
  public String storeResultList(RequestDetails request, IBundleProvider result) {
    String key = cache.storeResultList(request, result);
    if (!(result instanceof SearchResultBundle) || request.getResourceName() == null) {
      return key;
    }
    StringBuilder query = new StringBuilder(request.getResourceName()).append('?');
    query.append(ResourceSearchService.isLenient(request) ? "lenient" : "strict");
    request
        .getParameters()
        .forEach(
            (name, values) -> {
              if (!PAGE_PARAMS.contains(name)) {
                for (String v : values) {
                  query.append('&').append(encode(name)).append('=').append(encode(v));
                }
              }
            });
    return key
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(query.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public IBundleProvider retrieveResultList(RequestDetails request, String id) {
    int dot = id.indexOf('.');
    IBundleProvider cached = cache.retrieveResultList(request, dot < 0 ? id : id.substring(0, dot));
    if (cached != null || dot < 0) {
      return cached;
    }
    String query;
    try {
      query =
          new String(Base64.getUrlDecoder().decode(id.substring(dot + 1)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null; // not a link of this server: HAPI answers 410
    }
    int q = query.indexOf('?');
    if (q <= 0 || !search.registry().types().contains(query.substring(0, q))) {
      return null;
    }
    String[] parts = query.substring(q + 1).split("&");
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0) {
        params
            .computeIfAbsent(decode(parts[i].substring(0, eq)), k -> new ArrayList<>())
            .add(decode(parts[i].substring(eq + 1)));
      }
    }
    Map<String, String[]> parameters = new LinkedHashMap<>();
    params.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
    try {
      return search.search(
          query.substring(0, q), parameters, parts[0].equals("lenient"), getDefaultPageSize());
    } catch (BaseServerResponseException e) {
      return null; // the search no longer runs here (e.g. another version's parameters): 410
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
