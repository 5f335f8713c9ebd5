package org.fhirtrials.cds;

import org.fhirtrials.match.MatchConfig;
import org.fhirtrials.match.TrialMatchService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the CDS Hooks trial-matching service ({@code fhirtrials.cds.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdsProperties.class)
public class CdsConfiguration {

  @Bean
  @ConditionalOnMissingBean
  FeedbackStore cdsFeedbackStore(CdsProperties properties) {
    return new FileFeedbackStore(properties.feedbackDir());
  }

  @Bean
  IssuedCards cdsIssuedCards(CdsProperties properties) {
    return new IssuedCards(properties.issuedCardsCapacity());
  }

  @Bean
  TrialMatchingHook trialMatchingHook(
      TrialMatchService matcher,
      IssuedCards issued,
      CdsProperties properties,
      MatchConfig.AsOf asOf) {
    return new TrialMatchingHook(
        matcher, new FhirServerFetcher(properties.fetch()), issued, properties, asOf);
  }
}
