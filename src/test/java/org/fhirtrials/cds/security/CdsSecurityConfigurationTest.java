package org.fhirtrials.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

class CdsSecurityConfigurationTest {

  @TempDir Path dir;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(CdsSecurityConfiguration.class);

  @Test
  void bindsIssuersAndDefaults() {
    Path jwks = TestClient.generate().writeJwks(dir);
    runner
        .withPropertyValues(
            "fhirtrials.cds.issuers[0].iss=https://ehr.example.org/",
            "fhirtrials.cds.issuers[0].jwks-file=" + jwks,
            "fhirtrials.cds.issuers[1].iss=https://other.example.org",
            "fhirtrials.cds.issuers[1].jwks-url=https://other.example.org/jwks.json")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              var properties = context.getBean(CdsSecurityProperties.class);
              assertThat(properties.verifyJwt()).isTrue();
              assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(60));
              assertThat(properties.replayWindow()).isEqualTo(Duration.ofHours(1));
              assertThat(properties.trustForwardedHeaders()).isFalse();
              assertThat(properties.jwks().readTimeout()).isEqualTo(Duration.ofSeconds(2));
              assertThat(properties.issuers())
                  .extracting(CdsSecurityProperties.Issuer::iss)
                  .containsExactly("https://ehr.example.org/", "https://other.example.org");
              assertThat(context).hasSingleBean(FilterRegistrationBean.class);
            });
  }

  @Test
  void failsStartupOnIssuerWithoutKeys() {
    runner
        .withPropertyValues("fhirtrials.cds.issuers[0].iss=https://ehr.example.org/")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("set exactly one of jwks-url and jwks-file"));
  }

  @Test
  void disabledVerificationNeedsNoIssuers() {
    runner
        .withPropertyValues("fhirtrials.cds.verify-jwt=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(CdsSecurityProperties.class).verifyJwt()).isFalse();
            });
  }
}
