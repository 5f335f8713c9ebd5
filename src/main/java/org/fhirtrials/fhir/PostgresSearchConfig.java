package org.fhirtrials.fhir;

import java.util.List;
import java.util.Locale;
import org.fhirtrials.search.DocumentExtractor;
import org.fhirtrials.search.SearchParamRegistry;
import org.fhirtrials.search.postgres.PostgresSearchIndexer;
import org.fhirtrials.store.TrialStore;
import org.fhirtrials.store.postgres.PostgresTrialStore;
import org.fhirtrials.store.postgres.SearchRows;
import org.fhirtrials.store.postgres.SearchRowsBackfill;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code fhirtrials.store=postgres} the store writes the search side tables of both bases with
 * every trial it stores ({@link #searchRows()}; the {@code import} command uses the same), and
 * {@link ResourceSearchService} searches them in SQL.
 */
@Configuration
public class PostgresSearchConfig {
  /** Used only when the configured store is PostgreSQL (see {@code StoreConfig}). */
  @Bean
  SearchRows postgresSearchRows() {
    return searchRows();
  }

  /** Stored trials without search rows (e.g. stored before V2) get them before serving. */
  @Bean
  ApplicationRunner postgresSearchBackfill(TrialStore store, SearchRows searchRows) {
    return args -> {
      if (store instanceof PostgresTrialStore pg) {
        new SearchRowsBackfill(pg.dataSource(), searchRows).run();
      }
    };
  }

  /** The search rows of the served types on the R4 and the R5 base. */
  public static SearchRows searchRows() {
    return new PostgresSearchIndexer(List.of(base(new R4Binding()), base(new R5Binding())));
  }

  private static PostgresSearchIndexer.Base base(VersionBinding binding) {
    // mapping only: the resources are stamped as served, nothing is read from a store
    TrialResources resources = new TrialResources(null, binding, 64);
    SearchParamRegistry registry =
        new SearchParamRegistry(binding.context(), FhirServerConfig.SERVED_TYPES);
    return new PostgresSearchIndexer.Base(
        binding.name().toLowerCase(Locale.ROOT),
        new DocumentExtractor(binding.context(), registry),
        stored -> List.copyOf(resources.mapped(stored).byReference().values()),
        TrialIndexSource::text);
  }
}
