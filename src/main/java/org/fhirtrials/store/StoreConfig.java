package org.fhirtrials.store;

import java.util.Locale;
import java.util.function.Supplier;
import org.fhirtrials.store.postgres.PostgresDataSources;
import org.fhirtrials.store.postgres.SearchRows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the store ({@code fhirtrials.store}: {@code memory}, the default, or {@code postgres}
 * over {@code spring.datasource.*}) and fills it at startup. The {@code import} command uses the
 * same choice through {@link #create}.
 */
@Configuration
@EnableConfigurationProperties(ImportProperties.class)
public class StoreConfig {
  public static final String PROPERTY = "fhirtrials.store";
  static final String MEMORY = "memory";
  static final String POSTGRES = "postgres";

  @Bean
  TrialStore trialStore(Environment environment, ObjectProvider<SearchRows> searchRows) {
    return create(environment, () -> searchRows.getIfAvailable(() -> SearchRows.NONE));
  }

  @Bean
  StartupImport startupImport(TrialStore store, ImportProperties properties) {
    return new StartupImport(store, properties);
  }

  /** The store the configuration names; a PostgreSQL store is migrated before it is returned. */
  public static TrialStore create(Environment environment) {
    return create(environment, () -> SearchRows.NONE);
  }

  /**
   * The store the configuration names; a PostgreSQL store writes the search rows of each trial it
   * stores with {@code searchRows} (asked for only when the store is PostgreSQL).
   */
  public static TrialStore create(Environment environment, Supplier<SearchRows> searchRows) {
    String kind = environment.getProperty(PROPERTY, MEMORY);
    String k = kind.trim().toLowerCase(Locale.ROOT);
    if (k.equals(MEMORY)) {
      return new InMemoryTrialStore();
    }
    if (k.equals(POSTGRES)) {
      return PostgresDataSources.store(environment, searchRows.get());
    }
    throw new IllegalStateException(
        "unknown " + PROPERTY + " '" + kind + "'; expected " + MEMORY + " or " + POSTGRES);
  }
}
