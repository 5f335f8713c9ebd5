package org.fhirtrials.store;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the store ({@code fhirtrials.store}, default {@code memory}) and fills it at startup. */
@Configuration
@EnableConfigurationProperties(ImportProperties.class)
public class StoreConfig {
  static final String MEMORY = "memory";
  static final String POSTGRES = "postgres";

  @Bean
  TrialStore trialStore(@Value("${fhirtrials.store:" + MEMORY + "}") String kind) {
    String k = kind.trim().toLowerCase(Locale.ROOT);
    if (k.equals(MEMORY)) {
      return new InMemoryTrialStore();
    }
    if (k.equals(POSTGRES)) {
      throw new IllegalStateException(
          "fhirtrials.store=postgres is not available in this version; use fhirtrials.store=memory");
    }
    throw new IllegalStateException(
        "unknown fhirtrials.store '"
            + kind
            + "'; expected "
            + MEMORY
            + " (or, later, "
            + POSTGRES
            + ")");
  }

  @Bean
  StartupImport startupImport(TrialStore store, ImportProperties properties) {
    return new StartupImport(store, properties);
  }
}
