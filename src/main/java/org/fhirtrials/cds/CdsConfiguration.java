package org.fhirtrials.cds;

import java.time.Clock;
import org.fhirtrials.match.MatchConfig;
import org.fhirtrials.match.TrialMatchService;
import org.fhirtrials.store.TrialStore;
import org.fhirtrials.store.postgres.PostgresTrialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the CDS Hooks trial-matching service ({@code fhirtrials.cds.*}). Issued cards and feedback
 * live where the trials live: in PostgreSQL with {@code fhirtrials.store=postgres} (shared by every
 * replica), else in memory and in JSON lines under {@code fhirtrials.cds.feedback-dir}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdsProperties.class)
public class CdsConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CdsConfiguration.class);

  /** Issued cards and feedback, chosen once with the trial store. */
  record Stores(IssuedCards issued, FeedbackStore feedback) {}

  @Bean
  Stores cdsStores(TrialStore trials, CdsProperties properties, ObjectProvider<Clock> clock) {
    if (trials instanceof PostgresTrialStore pg) {
      log.info("CDS issued cards and feedback are stored in PostgreSQL");
      PostgresCdsStore store =
          new PostgresCdsStore(
              pg.dataSource(),
              properties.issuedCardsRetention(),
              clock.getIfAvailable(Clock::systemUTC));
      return new Stores(store.issuedCards(), store.feedback());
    }
    log.info(
        "CDS issued cards are kept in memory (at most {}); feedback in {}",
        properties.issuedCardsCapacity(),
        properties.feedbackDir().toAbsolutePath());
    return new Stores(
        new InMemoryIssuedCards(properties.issuedCardsCapacity()),
        new FileFeedbackStore(properties.feedbackDir()));
  }

  @Bean
  @ConditionalOnMissingBean
  FeedbackStore cdsFeedbackStore(Stores stores) {
    return stores.feedback();
  }

  @Bean
  @ConditionalOnMissingBean
  IssuedCards cdsIssuedCards(Stores stores) {
    return stores.issued();
  }

  @Bean
  TrialMatchingHook trialMatchingHook(
      TrialMatchService matcher,
      IssuedCards issued,
      CdsProperties properties,
      MatchConfig.AsOf asOf) {
    if (properties.fetch().allowedServers().isEmpty()) {
      log.info(
          "CDS fetching from fhirServer is off (fhirtrials.cds.fetch.allowed-servers is empty):"
              + " data missing from prefetch answers 412");
    } else {
      log.info("CDS may fetch from these FHIR servers: {}", properties.fetch().allowedServers());
    }
    return new TrialMatchingHook(
        matcher, new FhirServerFetcher(properties.fetch()), issued, properties, asOf);
  }
}
