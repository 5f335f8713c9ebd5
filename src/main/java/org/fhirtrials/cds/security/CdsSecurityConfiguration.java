package org.fhirtrials.cds.security;

import java.time.Clock;
import org.fhirtrials.store.TrialStore;
import org.fhirtrials.store.postgres.PostgresTrialStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link CdsAuthenticationFilter} from {@code fhirtrials.cds.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdsSecurityProperties.class)
public class CdsSecurityConfiguration {

  /**
   * Runs right after Spring's {@code ForwardedHeaderFilter} (order {@code HIGHEST_PRECEDENCE}), so
   * {@code server.forward-headers-strategy=framework} is honoured, and before everything else.
   */
  static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  FilterRegistrationBean<CdsAuthenticationFilter> cdsAuthenticationFilter(
      CdsSecurityProperties properties, ObjectProvider<TrialStore> trials) {
    CdsAuthenticationFilter filter =
        properties.verifyJwt()
            ? CdsAuthenticationFilter.enforcing(
                verifier(properties, trials.getIfAvailable()), properties.trustForwardedHeaders())
            : CdsAuthenticationFilter.disabled();
    var registration = new FilterRegistrationBean<>(filter);
    registration.setName("cdsAuthenticationFilter");
    // All paths: the filter decides itself (CdsAuthenticationFilter.isGuarded) on the normalised
    // path, so servlet URL-pattern quirks (";", "//", encoding) cannot route around it.
    registration.addUrlPatterns("/*");
    registration.setOrder(FILTER_ORDER);
    return registration;
  }

  /** Spent token ids shared by all replicas over PostgreSQL, else in this process. */
  private static CdsJwtVerifier verifier(CdsSecurityProperties properties, TrialStore trials) {
    Clock clock = Clock.systemUTC();
    if (trials instanceof PostgresTrialStore pg) {
      return new CdsJwtVerifier(
          properties, clock, new PostgresSpentTokenIds(pg.dataSource(), clock));
    }
    return new CdsJwtVerifier(properties, clock);
  }
}
