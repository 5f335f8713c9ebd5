package org.fhirtrials.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.fhirtrials.store.StoredTrial;

/**
 * Writes what search reads of stored trials (the side tables of migrations V2, V5, V6 and V7),
 * inside the transaction that stored them, so a search never sees a trial without its search rows
 * or with stale ones. The implementation lives with search (it maps trials to FHIR); the store only
 * calls it.
 */
public interface SearchRows {
  /** For a store that is not searched in the database (e.g. a contract test of the store alone). */
  SearchRows NONE = (c, trials) -> {};

  /** The tables of search rows, each with the nct_id of the trial a row belongs to. */
  List<String> TABLES =
      List.of(
          "search_resource",
          "search_string",
          "search_date",
          "search_number",
          "search_point",
          "search_reference");

  /**
   * Replaces the search rows of the trials (each newly inserted or updated in this transaction).
   *
   * @param c the connection of the transaction that stored them
   */
  void write(Connection c, List<StoredTrial> trials) throws SQLException;
}
