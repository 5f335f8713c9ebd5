package org.fhirtrials.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceIdsTest {
  @Test
  void resolvesEveryDerivedIdToItsTrial() {
    assertThat(ResourceIds.trialOf("NCT06310590")).contains("NCT06310590");
    assertThat(ResourceIds.trialOf("NCT06310590-eligibility")).contains("NCT06310590");
    assertThat(ResourceIds.trialOf("NCT06310590-site-3-contact-1")).contains("NCT06310590");
    assertThat(ResourceIds.trialOf("NCT06310590-")).contains("NCT06310590");
  }

  @Test
  void rejectsIdsThatAreNotOurs() {
    assertThat(ResourceIds.trialOf(null)).isEmpty();
    assertThat(ResourceIds.trialOf("")).isEmpty();
    assertThat(ResourceIds.trialOf("NCT0631059")).isEmpty();
    assertThat(ResourceIds.trialOf("NCT063105901")).isEmpty();
    assertThat(ResourceIds.trialOf("NCT0631059x")).isEmpty();
    assertThat(ResourceIds.trialOf("nct06310590")).isEmpty();
    assertThat(ResourceIds.trialOf("XNCT06310590")).isEmpty();
    assertThat(ResourceIds.trialOf("NCT06310590.site")).isEmpty();
    assertThat(ResourceIds.trialOf("NCT٠٦٣١٠٥٩٠")).as("non-ASCII digits").isEmpty();
    assertThat(ResourceIds.trialOf("NCT06310590-a\nb")).as("a line break").isEmpty();
  }
}
