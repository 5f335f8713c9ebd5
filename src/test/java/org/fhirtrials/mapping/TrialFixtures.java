package org.fhirtrials.mapping;

import java.math.BigDecimal;
import java.util.List;
import org.fhirtrials.model.Age;
import org.fhirtrials.model.Arm;
import org.fhirtrials.model.Contact;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.model.Design;
import org.fhirtrials.model.Eligibility;
import org.fhirtrials.model.GeoPoint;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.Link;
import org.fhirtrials.model.MeshTerm;
import org.fhirtrials.model.Official;
import org.fhirtrials.model.Organization;
import org.fhirtrials.model.Outcome;
import org.fhirtrials.model.Oversight;
import org.fhirtrials.model.PartialDate;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.model.Reference;
import org.fhirtrials.model.ResponsibleParty;
import org.fhirtrials.model.SecondaryId;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.Source;
import org.fhirtrials.model.StudyStatus;
import org.fhirtrials.model.Trial;

/** Hand-made trials: one that sets every model field, one with nearly nothing. */
public final class TrialFixtures {
  private TrialFixtures() {}

  public static final String KITCHEN_SINK_ID = "NCT09999991";
  public static final String MINIMAL_ID = "NCT09999992";

  /** Every field of the model set; randomised 2-arm phase 2/3 trial with two sites. */
  public static Trial kitchenSink() {
    return Trial.builder(KITCHEN_SINK_ID)
        .orgStudyId("HCC-2024-01")
        .addSecondaryId(
            new SecondaryId(
                "2024-000123-45", "EUDRACT_NUMBER", "EudraCT", "https://example.org/eu"))
        .addSecondaryId(new SecondaryId("R01CA000001", "NIH", "NCI", null))
        .acronym("LIVER-2")
        .briefTitle("Drug A Versus Placebo in Liver Cancer")
        .officialTitle(
            "A Randomised, Double-blind Phase 2/3 Trial of Drug A in Hepatocellular Carcinoma")
        .status(
            new StudyStatus(
                RecruitmentStatus.RECRUITING,
                "Not stopped",
                PartialDate.actual("2024-05"),
                PartialDate.actual("2024-01-15"),
                PartialDate.estimated("2026-06"),
                PartialDate.estimated("2027"),
                PartialDate.actual("2023-11-02"),
                PartialDate.actual("2023-11-10"),
                PartialDate.actual("2024-05-01"),
                PartialDate.actual("2024-05-03")))
        .leadSponsor(new Organization("Acme Pharma", "INDUSTRY"))
        .addCollaborator(new Organization("National Cancer Institute (NCI)", "NIH"))
        .addCollaborator(new Organization("Some Network", "NETWORK"))
        .responsibleParty(
            new ResponsibleParty(
                "PRINCIPAL_INVESTIGATOR",
                "Jane Roe, MD",
                "Professor",
                "Liver University",
                null,
                null))
        .briefSummary("Drug A is compared with placebo.")
        .detailedDescription("Participants are randomised **1:1**.")
        .addCondition("Carcinoma, Hepatocellular")
        .addCondition("Cirrhosis of liver")
        .addKeyword("HCC")
        .addConditionMeshTerm(new MeshTerm("D006528", "Carcinoma, Hepatocellular"))
        .addConditionMeshTerm(new MeshTerm("D008103", "Liver Cirrhosis"))
        .addInterventionMeshTerm(new MeshTerm("D000000", "Drug A"))
        .design(
            new Design(
                "INTERVENTIONAL",
                List.of(Phase.PHASE2, Phase.PHASE3),
                "RANDOMIZED",
                "PARALLEL",
                "Two parallel arms",
                "TREATMENT",
                null,
                null,
                "DOUBLE",
                "Identical capsules",
                List.of("PARTICIPANT", "INVESTIGATOR"),
                240,
                true))
        .addArm(new Arm("Drug A", "EXPERIMENTAL", "Drug A 10 mg daily", List.of("Drug: Drug A")))
        .addArm(new Arm("Placebo", "PLACEBO_COMPARATOR", "Matching placebo", List.of("Placebo")))
        .addIntervention(
            new Intervention(
                "DRUG", "Drug A", "10 mg orally daily", List.of("Drug A"), List.of("XY-123")))
        .addIntervention(
            new Intervention("DRUG", "Placebo", "Matching capsule", List.of("Placebo"), List.of()))
        .addOutcome(
            new Outcome(
                Outcome.Kind.PRIMARY, "Overall survival", "Time to death", "Up to 36 months"))
        .addOutcome(new Outcome(Outcome.Kind.SECONDARY, "Response rate", null, "Week 12"))
        .addOutcome(new Outcome(Outcome.Kind.OTHER, "Quality of life", "EQ-5D", null))
        .eligibility(
            new Eligibility(
                "Inclusion Criteria:\n* Age >= 18\n* Child-Pugh A:\n  * score 5\nExclusion Criteria:\n* Prior"
                    + " sorafenib",
                List.of(
                    new Criterion("inc-1", false, "Age >= 18", null, false),
                    new Criterion("inc-2", false, "Child-Pugh A:", null, false),
                    new Criterion("inc-2.1", false, "score 5", "Child-Pugh A:", false),
                    new Criterion("exc-1", true, "Prior sorafenib", null, false)),
                Eligibility.Sex.FEMALE,
                false,
                "Women only",
                Age.years(18),
                new Age(new BigDecimal("75"), Age.Unit.YEARS),
                false,
                List.of("ADULT", "OLDER_ADULT"),
                "Adults with HCC",
                "NON_PROBABILITY_SAMPLE"))
        .addCentralContact(
            new Contact("Trial Office", "CONTACT", "+1 555 0100", "12", "trial@example.org"))
        .addOverallOfficial(
            new Official("Jane Roe, MD", "Liver University", "PRINCIPAL_INVESTIGATOR"))
        .addOverallOfficial(new Official("John Doe", "Acme Pharma", "STUDY_DIRECTOR"))
        .addSite(
            new Site(
                "Liver University Hospital",
                RecruitmentStatus.RECRUITING,
                "Boston",
                "Massachusetts",
                "02114",
                "United States",
                new GeoPoint(42.3601, -71.0589),
                List.of(
                    new Contact("Ann Site, MD", "PRINCIPAL_INVESTIGATOR", null, null, null),
                    new Contact(
                        "Site Coordinator", "CONTACT", "+1 555 0200", null, "site@example.org"))))
        .addSite(
            new Site(
                "Seoul Hospital",
                RecruitmentStatus.NOT_YET_RECRUITING,
                "Seoul",
                null,
                null,
                "Korea, Republic of",
                null,
                List.of()))
        .addReference(new Reference("12345678", "BACKGROUND", "Doe J. Liver cancer. 2020."))
        .addReference(new Reference(null, "RESULT", "Roe J. Results. 2030."))
        .addSeeAlsoLink(new Link("Sponsor page", "https://example.org/trial"))
        .oversight(new Oversight(true, false, true))
        .source(new Source(Source.Format.CTGOV_V2_JSON, "kitchen-sink", null))
        .build();
  }

  /** Only an id and a brief title. */
  public static Trial minimal() {
    return Trial.builder(MINIMAL_ID).briefTitle("Minimal trial").build();
  }
}
