package org.fhirtrials.search;

import java.util.List;

/**
 * The result of a search, read a page at a time: a backend may keep the whole list ({@link
 * SearchHits}) or fetch each page when asked (the PostgreSQL backend, which cuts the page in SQL).
 */
public interface SearchResult {
  /** How many resources match; null when the search asked for no total ({@code _total=none}). */
  Integer total();

  /** The ids at positions {@code [from, to)} of the result order; fewer at the end. */
  List<String> ids(int from, int to);
}
