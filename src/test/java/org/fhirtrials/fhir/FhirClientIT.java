package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.r4.R4TrialMapper;
import org.fhirtrials.mapping.r5.R5TrialMapper;
import org.fhirtrials.store.TrialStore;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The two bases through HAPI's generic client, as an EHR or app would use them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirClientIT {
  @LocalServerPort int port;
  @Autowired TrialStore store;

  @BeforeEach
  void loadFixtures() {
    store.save(TrialFixtures.recruitingHccPhase2());
    store.save(TrialFixtures.completedAsthmaPhase3());
    TrialFixtures.pagingSet().forEach(store::save);
  }

  private IGenericClient client(FhirContext ctx, String base) {
    ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    return ctx.newRestfulGenericClient("http://localhost:" + port + "/fhir/" + base);
  }

  @Test
  void r4ClientReadsStudyWithVersion() {
    ResearchStudy study =
        client(FhirContext.forR4Cached(), "r4")
            .read()
            .resource(ResearchStudy.class)
            .withId(TrialFixtures.HCC)
            .execute();

    assertThat(study.getIdElement().getIdPart()).isEqualTo(TrialFixtures.HCC);
    assertThat(study.getIdElement().getVersionIdPart()).isEqualTo(study.getMeta().getVersionId());
    assertThat(study.getIdentifierFirstRep().getValue()).isEqualTo(TrialFixtures.HCC);
  }

  @Test
  void r5ClientReadsStudy() {
    org.hl7.fhir.r5.model.ResearchStudy study =
        client(FhirContext.forR5Cached(), "r5")
            .read()
            .resource(org.hl7.fhir.r5.model.ResearchStudy.class)
            .withId(TrialFixtures.HCC)
            .execute();

    assertThat(study.getIdElement().getIdPart()).isEqualTo(TrialFixtures.HCC);
    assertThat(study.getMeta().getLastUpdated()).isNotNull();
  }

  @Test
  void everyResourceOfATrialIsReadableOnBothBases() {
    IGenericClient r4 = client(FhirContext.forR4Cached(), "r4");
    for (IBaseResource expected : new R4TrialMapper().map(TrialFixtures.recruitingHccPhase2())) {
      String type = FhirContext.forR4Cached().getResourceType(expected);
      IBaseResource served =
          r4.read().resource(type).withId(expected.getIdElement().getIdPart()).execute();
      assertThat(served.getIdElement().getIdPart()).isEqualTo(expected.getIdElement().getIdPart());
    }
    IGenericClient r5 = client(FhirContext.forR5Cached(), "r5");
    for (IBaseResource expected : new R5TrialMapper().map(TrialFixtures.recruitingHccPhase2())) {
      String type = FhirContext.forR5Cached().getResourceType(expected);
      IBaseResource served =
          r5.read().resource(type).withId(expected.getIdElement().getIdPart()).execute();
      assertThat(served.getIdElement().getIdPart()).isEqualTo(expected.getIdElement().getIdPart());
    }
  }

  @Test
  void searchesByIdentifierAndPagesWithTheClient() {
    IGenericClient r4 = client(FhirContext.forR4Cached(), "r4");
    Bundle byId =
        r4.search()
            .forResource(ResearchStudy.class)
            .where(
                ResearchStudy.IDENTIFIER
                    .exactly()
                    .systemAndCode(FhirUrls.NCT_SYSTEM, TrialFixtures.ASTHMA))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(byId.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .containsExactly(TrialFixtures.ASTHMA);

    Bundle page =
        r4.search()
            .forResource(ResearchStudy.class)
            .where(ResearchStudy.TITLE.matches().value(TrialFixtures.PAGING_TITLE))
            .count(7)
            .returnBundle(Bundle.class)
            .execute();
    List<String> ids = new ArrayList<>();
    while (true) {
      page.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        break;
      }
      page = r4.loadPage().next(page).execute();
    }
    assertThat(ids).hasSize(TrialFixtures.PAGING_COUNT).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void clientSeesNotFoundAndBadRequestAsFhirErrors() {
    IGenericClient r4 = client(FhirContext.forR4Cached(), "r4");

    assertThatThrownBy(
            () -> r4.read().resource(ResearchStudy.class).withId("NCT00000000").execute())
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("NCT00000000");
    assertThatThrownBy(
            () ->
                r4.search().byUrl("ResearchStudy?colour=blue").returnBundle(Bundle.class).execute())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("colour");
  }
}
