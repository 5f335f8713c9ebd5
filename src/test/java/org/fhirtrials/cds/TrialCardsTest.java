package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.List;
import org.fhirtrials.eligibility.evaluate.CriterionResult;
import org.fhirtrials.eligibility.evaluate.Outcome;
import org.fhirtrials.eligibility.evaluate.TrialEvaluation;
import org.fhirtrials.eligibility.evaluate.Verdict;
import org.fhirtrials.match.TrialMatch;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.model.GeoPoint;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.Trial;
import org.fhirtrials.store.StoredTrial;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class TrialCardsTest {
  private static final CdsProperties DEFAULTS =
      new CdsProperties(2, null, null, "app", null, null, null, null, 100, null, null);

  private static TrialMatch match(String nct, Verdict verdict, Site site, Double km) {
    StoredTrial stored =
        new StoredTrial(Trial.builder(nct).briefTitle("Study " + nct).build(), 1, Instant.EPOCH);
    List<CriterionResult> criteria =
        List.of(
            new CriterionResult(
                new Criterion("inc-1", false, "Age >= 18 years", null, false),
                Outcome.MET,
                true,
                true,
                false,
                List.of(),
                null),
            new CriterionResult(
                new Criterion("exc-1", true, "Known *HIV* infection", null, false),
                Outcome.NOT_MET,
                true,
                true,
                false,
                List.of(),
                null));
    return new TrialMatch(stored, new TrialEvaluation(nct, verdict, 1.0, criteria), site, km);
  }

  @Test
  void showsAtMostMaxCardsAndNeverIneligibleTrials() {
    IssuedCards issued = new InMemoryIssuedCards(10);
    TrialCards cards = new TrialCards(FhirContext.forR4Cached(), DEFAULTS, issued);
    List<Card> out =
        cards.cards(
            List.of(
                match("NCT00000001", Verdict.ELIGIBLE, null, null),
                match("NCT00000002", Verdict.INELIGIBLE, null, null),
                match("NCT00000003", Verdict.POSSIBLY_ELIGIBLE, null, null),
                match("NCT00000004", Verdict.POSSIBLY_ELIGIBLE, null, null)),
            "p",
            "https://trials.example.org");
    assertThat(out)
        .extracting(Card::summary)
        .containsExactly(
            "Trial match: NCT00000001 Study NCT00000001",
            "Possible trial match: NCT00000003 Study NCT00000003");
    assertThat(issued.trialOf(out.get(1).uuid())).isEqualTo("NCT00000003");
    assertThat(out.get(0).links()).extracting(Card.Link::type).containsOnly("absolute");
  }

  @Test
  void detailListsFavourableCriteriaAsMetAndNamesTheNearestSite() {
    Site site =
        new Site(
            "Hôpital Saint-Louis",
            null,
            "Paris",
            null,
            null,
            "France",
            new GeoPoint(48.87, 2.37),
            List.of());
    String md = CriteriaMarkdown.detail(match("NCT00000001", Verdict.ELIGIBLE, site, 12.4));
    assertThat(md)
        .contains("**Criteria met (2)**")
        .contains("- Inclusion `inc-1`: Age >= 18 years")
        .contains("- Exclusion `exc-1`: Known \\*HIV\\* infection")
        .doesNotContain("Criteria not met")
        .contains("**Nearest site:** Hôpital Saint-Louis, Paris, France (12 km)");
  }

  @Test
  void readsThePatientsGeolocationExtension() {
    Patient p = new Patient();
    p.addAddress().setCity("Nowhere");
    Extension geo = new Extension(TrialMatchingHook.GEOLOCATION);
    geo.addExtension("latitude", new DecimalType("48.85"));
    geo.addExtension("longitude", new DecimalType("2.35"));
    p.addAddress().addExtension(geo);
    assertThat(TrialMatchingHook.location(List.of(p))).isEqualTo(new GeoPoint(48.85, 2.35));
    assertThat(TrialMatchingHook.location(List.of(new Patient()))).isNull();
  }
}
