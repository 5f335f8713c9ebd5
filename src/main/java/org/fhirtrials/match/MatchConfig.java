package org.fhirtrials.match;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.fhirtrials.eligibility.evaluate.EligibilityEvaluator;
import org.fhirtrials.store.TrialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link TrialMatchService} of the application (shared by {@code $match} and CDS Hooks) and
 * the date eligibility is judged on: today (UTC), or the fixed {@code fhirtrials.match.as-of} (ISO
 * date) for reproducible demonstrations and tests.
 */
@Configuration
public class MatchConfig {
  private static final Logger log = LoggerFactory.getLogger(MatchConfig.class);

  /** The date "today" for eligibility (ages, look-back windows). */
  public interface AsOf extends Supplier<LocalDate> {}

  @Bean
  @ConditionalOnMissingBean
  TrialMatchService trialMatchService(TrialStore store) {
    return new TrialMatchService(store, new EligibilityEvaluator());
  }

  /** Compiles all stored trials in the background once the application is ready. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> compileTrialsAtStartup(TrialMatchService service) {
    return event -> {
      Thread t =
          new Thread(
              () -> {
                long start = System.nanoTime();
                int n = service.compileAll();
                log.info(
                    "Compiled the eligibility criteria of {} trials in {} ms",
                    n,
                    (System.nanoTime() - start) / 1_000_000);
              },
              "compile-trials");
      t.setDaemon(true);
      t.start();
    };
  }

  /**
   * "Today" for both {@code $match} and CDS Hooks: the fixed {@code fhirtrials.match.as-of} when
   * set, else the date of the application's {@link Clock} bean when there is one (tests fix it),
   * else of the UTC system clock.
   */
  @Bean
  @ConditionalOnMissingBean
  AsOf matchAsOf(
      @Value("${fhirtrials.match.as-of:}") String asOf, ObjectProvider<Clock> clockBean) {
    if (asOf == null || asOf.isBlank()) {
      Clock clock = clockBean.getIfAvailable(Clock::systemUTC);
      return () -> LocalDate.now(clock);
    }
    LocalDate fixed = LocalDate.parse(asOf.trim());
    return () -> fixed;
  }
}
