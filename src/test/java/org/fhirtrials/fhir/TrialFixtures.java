package org.fhirtrials.fhir;

import java.util.List;
import java.util.stream.IntStream;
import org.fhirtrials.model.Contact;
import org.fhirtrials.model.Design;
import org.fhirtrials.model.Eligibility;
import org.fhirtrials.model.GeoPoint;
import org.fhirtrials.model.Official;
import org.fhirtrials.model.Organization;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.StudyStatus;
import org.fhirtrials.model.Trial;

/** Trials for server tests, named by scenario; ids in NCT0999xxxx never clash with real seeds. */
final class TrialFixtures {
  static final String HCC = "NCT09990001";
  static final String ASTHMA = "NCT09990002";
  static final String PAGING_TITLE = "Paging fixture";
  static final int PAGING_COUNT = 25;

  private TrialFixtures() {}

  /** Recruiting phase 2 trial in hepatocellular carcinoma, one site, a sponsor, a PI. */
  static Trial recruitingHccPhase2() {
    return Trial.builder(HCC)
        .briefTitle("Sorafenib in Liver Cancer")
        .officialTitle(
            "Sorafénib Versus Placebo in Hepatocellular Carcinoma: a Phase 2 Fixture Trial")
        .status(status(RecruitmentStatus.RECRUITING))
        .leadSponsor(new Organization("Fixture Oncology Group", "OTHER"))
        .addCondition("Hepatocellular Carcinoma")
        .design(design(Phase.PHASE2))
        .addOverallOfficial(
            new Official("Ada Fixture, MD", "Fixture Hospital", "PRINCIPAL_INVESTIGATOR"))
        .addSite(
            new Site(
                "Fixture Hospital",
                RecruitmentStatus.RECRUITING,
                "Lyon",
                null,
                "69003",
                "France",
                new GeoPoint(45.75, 4.85),
                List.of(new Contact("Bea Fixture", "CONTACT", "+33 4 00 00 00 00", null, null))))
        .eligibility(
            new Eligibility(
                "Inclusion Criteria:\n\n* Age 18 years or older\n\nExclusion Criteria:\n\n"
                    + "* Pregnancy",
                null,
                Eligibility.Sex.ALL,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null))
        .build();
  }

  /** Completed phase 3 asthma trial. */
  static Trial completedAsthmaPhase3() {
    return Trial.builder(ASTHMA)
        .briefTitle("Inhaled Fixture in Asthma")
        .status(status(RecruitmentStatus.COMPLETED))
        .leadSponsor(new Organization("Fixture Pharma", "INDUSTRY"))
        .addCondition("Asthma")
        .design(design(Phase.PHASE3))
        .build();
  }

  /** {@link #PAGING_COUNT} not-yet-recruiting trials titled "Paging fixture NN". */
  static List<Trial> pagingSet() {
    return IntStream.rangeClosed(1, PAGING_COUNT)
        .mapToObj(
            i ->
                Trial.builder(String.format("NCT0999%04d", 100 + i))
                    .briefTitle(String.format("%s %02d", PAGING_TITLE, i))
                    .status(status(RecruitmentStatus.NOT_YET_RECRUITING))
                    .addCondition("Paging condition")
                    .build())
        .toList();
  }

  private static StudyStatus status(RecruitmentStatus overall) {
    return new StudyStatus(overall, null, null, null, null, null, null, null, null, null);
  }

  private static Design design(Phase phase) {
    return new Design(
        "INTERVENTIONAL",
        List.of(phase),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        40,
        true);
  }
}
