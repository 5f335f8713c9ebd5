package org.fhirtrials.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * A HikariCP pool from the standard {@code spring.datasource.*} properties (url, username,
 * password, and {@code spring.datasource.hikari.*} for the pool, e.g. {@code maximum-pool-size} or
 * {@code schema}), as Spring Boot would build it. The server and the {@code import} command share
 * it, so both read the same configuration.
 */
public final class PostgresDataSources {
  static final String PREFIX = "spring.datasource";

  private PostgresDataSources() {}

  public static HikariDataSource fromEnvironment(Environment environment) {
    Binder binder = Binder.get(environment);
    DataSourceProperties properties =
        binder.bind(PREFIX, DataSourceProperties.class).orElseGet(DataSourceProperties::new);
    if (properties.getUrl() == null || properties.getUrl().isBlank()) {
      throw new IllegalStateException(
          "fhirtrials.store=postgres needs spring.datasource.url (e.g."
              + " jdbc:postgresql://localhost:5432/fhirtrials, or SPRING_DATASOURCE_URL)");
    }
    HikariDataSource pool =
        properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    binder.bind(PREFIX + ".hikari", Bindable.ofInstance(pool));
    if (pool.getPoolName() == null) {
      pool.setPoolName("fhir-trials");
    }
    return pool;
  }

  /** A migrated store over the configured database. */
  public static PostgresTrialStore store(Environment environment) {
    return store(environment, SearchRows.NONE);
  }

  /** A migrated store over the configured database that writes search rows with each trial. */
  public static PostgresTrialStore store(Environment environment, SearchRows searchRows) {
    HikariDataSource pool = fromEnvironment(environment);
    try {
      PostgresTrialStore.migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw new IllegalStateException(
          "cannot prepare the database at " + pool.getJdbcUrl() + ": " + e.getMessage(), e);
    }
    return new PostgresTrialStore(pool, java.time.Clock.systemUTC(), searchRows);
  }
}
