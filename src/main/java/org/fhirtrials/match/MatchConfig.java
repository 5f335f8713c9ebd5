package org.fhirtrials.match;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.fhirtrials.eligibility.evaluate.EligibilityEvaluator;
import org.fhirtrials.store.TrialStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link TrialMatchService} of the application (shared by {@code $match} and CDS Hooks) and
 * the date eligibility is judged on: today (UTC), or the fixed {@code fhirtrials.match.as-of} (ISO
 * date) for reproducible demonstrations and tests.
 */
@Configuration
public class MatchConfig {
  /** The date "today" for eligibility (ages, look-back windows). */
  public interface AsOf extends Supplier<LocalDate> {}

  @Bean
  @ConditionalOnMissingBean
  TrialMatchService trialMatchService(TrialStore store) {
    return new TrialMatchService(store, new EligibilityEvaluator());
  }

  @Bean
  @ConditionalOnMissingBean
  AsOf matchAsOf(@Value("${fhirtrials.match.as-of:}") String asOf) {
    if (asOf == null || asOf.isBlank()) {
      Clock utc = Clock.systemUTC();
      return () -> LocalDate.now(utc);
    }
    LocalDate fixed = LocalDate.parse(asOf.trim());
    return () -> fixed;
  }
}
