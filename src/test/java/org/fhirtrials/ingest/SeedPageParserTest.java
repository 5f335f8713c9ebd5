package org.fhirtrials.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fhirtrials.model.Age;
import org.fhirtrials.model.Arm;
import org.fhirtrials.model.Contact;
import org.fhirtrials.model.Eligibility.Sex;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.Official;
import org.fhirtrials.model.Outcome;
import org.fhirtrials.model.PartialDate;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.Source;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.api.Test;

class SeedPageParserTest {

  private static List<Outcome> outcomes(Trial trial, Outcome.Kind kind) {
    return trial.outcomes().stream().filter(o -> o.kind() == kind).toList();
  }

  @Test
  void nct06310590MedPathPage() {
    Trial trial = SeedPages.parse("NCT06310590");

    assertThat(trial.nctId()).isEqualTo("NCT06310590");
    assertThat(trial.briefTitle())
        .isEqualTo(
            "Safety and Efficacy of TareSphere in Patients with Unresectable Hepatocellular"
                + " Carcinoma");
    assertThat(trial.design().phases()).containsExactly(Phase.PHASE1);
    assertThat(trial.status().overallStatus()).isEqualTo(RecruitmentStatus.ACTIVE_NOT_RECRUITING);
    assertThat(trial.design().enrollmentCount()).isEqualTo(40);
    assertThat(trial.design().enrollmentEstimated()).isTrue();
    assertThat(trial.design().studyType()).isEqualTo("INTERVENTIONAL");
    assertThat(trial.design().interventionModel()).isEqualTo("SINGLE_GROUP");
    assertThat(trial.conditions()).containsExactly("Unresectable Hepatocellular Carcinoma");
    assertThat(trial.leadSponsor().name())
        .isEqualTo("Chengdu New Radiomedicine Technology Co. LTD.");
    assertThat(trial.source())
        .isEqualTo(
            new Source(Source.Format.SEED_TEXT, "classpath:seeds/NCT06310590.txt", "medpath"));

    assertThat(trial.sites()).hasSize(19);
    assertThat(trial.sites().get(0))
        .isEqualTo(
            new Site(
                "Anhui Provincial Hospital", null, "Hefei", "Anhui", null, "China", null, null));
    assertThat(trial.sites().get(13).city()).isEqualTo("Chongqing");
    assertThat(trial.sites().get(13).state()).isNull();

    // the page lists 2 primary and 10 secondary outcome rows
    assertThat(outcomes(trial, Outcome.Kind.PRIMARY))
        .extracting(Outcome::measure, Outcome::timeFrame)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Adverse events/ Severe adverse events", "Up to 12 months"),
            org.assertj.core.groups.Tuple.tuple(
                "Localized Objective response rates (ORR)",
                "Up to 6 months (initial tumor assessment after administration)"));
    assertThat(outcomes(trial, Outcome.Kind.PRIMARY).get(0).description())
        .isEqualTo("Occurrence of adverse events/severe adverse events");
    List<Outcome> secondary = outcomes(trial, Outcome.Kind.SECONDARY);
    assertThat(secondary).hasSize(10).allSatisfy(o -> assertThat(o.timeFrame()).isNotBlank());
    assertThat(secondary.get(0).measure()).isEqualTo("Quality of life (QoL)");
    assertThat(secondary.get(9).measure())
        .isEqualTo(
            "Radioactivity of Yttrium-90 for 9 participants, assessed by liquid scintillation"
                + " counter");
    assertThat(secondary.get(9).timeFrame()).isEqualTo("Within 168 hours");

    assertThat(trial.arms()).hasSize(1);
    Arm arm = trial.arms().get(0);
    assertThat(arm.label()).isEqualTo("NRT6003 Injection");
    assertThat(arm.interventionNames()).containsExactly("NRT6003 Injection");
    assertThat(arm.description()).startsWith("Patients will be administered a single dose");
    assertThat(trial.interventions())
        .containsExactly(
            new Intervention(
                "DRUG", "NRT6003 Injection", null, List.of("NRT6003 Injection"), List.of()));

    assertThat(trial.eligibility().sex()).isEqualTo(Sex.ALL);
    assertThat(trial.eligibility().minimumAge()).isEqualTo(Age.years(18));
    assertThat(trial.eligibility().maximumAge()).isEqualTo(Age.years(80));
    assertThat(trial.eligibility().criteriaText()).startsWith("Inclusion Criteria\n  1. Aged 18");
    assertThat(trial.eligibility().criteriaText()).endsWith("participating in this trial.");
  }

  @Test
  void nct06779461MedPathPageWithoutInterventionsOrDetailedDescription() {
    Trial trial = SeedPages.parse("NCT06779461");

    assertThat(trial.design().phases()).containsExactly(Phase.PHASE3);
    assertThat(trial.status().overallStatus()).isEqualTo(RecruitmentStatus.NOT_YET_RECRUITING);
    assertThat(trial.design().enrollmentCount()).isEqualTo(228);
    assertThat(trial.detailedDescription()).as("'Not available' means absent").isNull();
    assertThat(trial.briefSummary()).contains("* Is the treatment more effective");
    // 10 locations; the page repeats the first one in another format after the list
    assertThat(trial.sites()).hasSize(10);
    assertThat(trial.sites())
        .extracting(Site::facility)
        .doesNotHaveDuplicates()
        .contains("The Third Affiliated Hospital,Sun Yat-Sen University");
    assertThat(trial.arms()).isEmpty();
    assertThat(trial.outcomes())
        .extracting(Outcome::kind, Outcome::measure, Outcome::timeFrame)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Outcome.Kind.PRIMARY, "ORR", "30 days after the last TACE treatment."),
            org.assertj.core.groups.Tuple.tuple(
                Outcome.Kind.SECONDARY,
                "Success rate of embolization technique for the target lesion",
                "on the day of the surgery"),
            org.assertj.core.groups.Tuple.tuple(
                Outcome.Kind.SECONDARY, "DCR", "30 days after the first TACE treatment"),
            org.assertj.core.groups.Tuple.tuple(
                Outcome.Kind.SECONDARY, "ORR", "90 days after the last TACE treatment"),
            org.assertj.core.groups.Tuple.tuple(
                Outcome.Kind.SECONDARY, "CR", "30 days after the first TACE treatment"));
    assertThat(trial.eligibility().minimumAge()).isEqualTo(Age.years(18));
    assertThat(trial.eligibility().maximumAge()).isEqualTo(Age.years(80));
  }

  @Test
  void nct05233358ComparesHaicWithTaceInTwoArmsOfThreeInterventions() {
    Trial trial = SeedPages.parse("NCT05233358");

    assertThat(trial.design().phases()).containsExactly(Phase.NA);
    assertThat(trial.arms())
        .extracting(Arm::label)
        .containsExactly(
            "HAIC combined with regorafenib and immune checkpoint inhibitors",
            "TACE combined with regorafenib and immune checkpoint inhibitors");
    assertThat(trial.arms().get(0).interventionNames())
        .containsExactly(
            "Hepatic Artery Infusion Chemotherapy", "Immune Checkpoint Inhibitors", "Regorafenib");
    assertThat(trial.arms().get(1).interventionNames())
        .containsExactly(
            "Transarterial Chemoembolization", "Immune Checkpoint Inhibitors", "Regorafenib");
    assertThat(trial.arms().get(1).description()).startsWith("Choose traditional precise cTACE");
    assertThat(trial.interventions())
        .extracting(Intervention::type, Intervention::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "PROCEDURE", "Hepatic Artery Infusion Chemotherapy"),
            org.assertj.core.groups.Tuple.tuple("PROCEDURE", "Transarterial Chemoembolization"),
            org.assertj.core.groups.Tuple.tuple("DRUG", "Immune Checkpoint Inhibitors"));
    assertThat(trial.interventions().get(2).armGroupLabels()).hasSize(2);
    assertThat(trial.outcomes()).hasSize(7);
    assertThat(trial.outcomes().get(0).measure()).isEqualTo("Progression Free Survival");
    assertThat(trial.outcomes().get(6).measure())
        .isEqualTo("The incidence of adverse events and serious adverse events");
    assertThat(trial.outcomes().get(6).timeFrame())
        .isEqualTo("Every follow-up time, assessed up to 2 years.");
    assertThat(trial.eligibility().minimumAge()).isEqualTo(Age.years(18));
    assertThat(trial.eligibility().maximumAge()).isEqualTo(Age.years(70));
  }

  @Test
  void nct06178198AdministrativeDataPage() {
    Trial trial = SeedPages.parse("NCT06178198");

    assertThat(trial.source().layout()).isEqualTo("admin-data");
    assertThat(trial.briefTitle()).as("the page has no title").isEqualTo("NCT06178198");
    assertThat(trial.orgStudyId()).isEqualTo("D-2306-208-1446");
    assertThat(trial.secondaryIds()).extracting(s -> s.id()).containsExactly("NRF-2023R1A2C100");
    assertThat(trial.status().overallStatus()).isEqualTo(RecruitmentStatus.RECRUITING);
    assertThat(trial.status().startDate()).isEqualTo(PartialDate.actual("2023-11-08"));
    assertThat(trial.status().completionDate()).isEqualTo(PartialDate.estimated("2026-11-30"));
    assertThat(trial.status().primaryCompletionDate())
        .isEqualTo(PartialDate.estimated("2026-11-30"));
    assertThat(trial.status().statusVerifiedDate()).isEqualTo(PartialDate.actual("2024-04"));
    assertThat(trial.design().phases()).containsExactly(Phase.PHASE2);
    assertThat(trial.design().enrollmentCount()).isEqualTo(30);
    assertThat(trial.centralContacts())
        .containsExactly(
            new Contact(
                "Jin Woo Choi, MD, PhD", "CONTACT", "+82-220722584", null, "jwchoi.med@snu.ac.kr"));
    assertThat(trial.sites())
        .containsExactly(
            new Site(
                "Seoul National University Hospital",
                null,
                "Seoul",
                null,
                null,
                "Korea, Republic of",
                null,
                null));
    assertThat(trial.leadSponsor().name()).isEqualTo("Seoul National University Hospital");
    assertThat(trial.references()).hasSize(3);
    assertThat(trial.references().get(0).citation())
        .startsWith("Choi JW, Suh M")
        .endsWith("doi: 10.1016/j.jvir.2023.10.011.");
    assertThat(trial.interventions())
        .extracting(Intervention::type, Intervention::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "PROCEDURE", "Ablative radioembolization using Yttrium-90 resin microspheres"));
    assertThat(outcomes(trial, Outcome.Kind.PRIMARY)).hasSize(2);
    assertThat(outcomes(trial, Outcome.Kind.SECONDARY)).hasSize(24);
    assertThat(outcomes(trial, Outcome.Kind.OTHER))
        .extracting(Outcome::measure, Outcome::timeFrame)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Pre-treatment dosimetry based on 99mTc-MAA SPECT-CT", "Baseline"),
            org.assertj.core.groups.Tuple.tuple(
                "Post-treatment dosimetry based on Y90 PET-CT",
                "Within two days after the procedure"));
    assertThat(trial.eligibility().sex()).isEqualTo(Sex.ALL);
    assertThat(trial.eligibility().minimumAge()).isEqualTo(Age.years(18));
    assertThat(trial.eligibility().maximumAge()).isNull();
    assertThat(trial.eligibility().healthyVolunteers()).isFalse();
    assertThat(trial.eligibility().criteriaText()).startsWith("Inclusion Criteria: 1. Adults");
    assertThat(trial.briefSummary()).startsWith("The RESCUE trial");
    assertThat(trial.detailedDescription()).startsWith("Patients presenting with large");
  }

  @Test
  void nct07334483SectionedPage() {
    Trial trial = SeedPages.parse("NCT07334483");

    assertThat(trial.source().layout()).isEqualTo("sectioned");
    assertThat(trial.briefTitle())
        .isEqualTo(
            "A Study of Yttrium [90Y] Microsphere Injection in Combination With Targeted"
                + " Immunotherapy in the Treatment of HCC");
    assertThat(trial.status().overallStatus()).isEqualTo(RecruitmentStatus.RECRUITING);
    assertThat(trial.status().startDate()).isEqualTo(PartialDate.actual("2025-08-22"));
    assertThat(trial.status().completionDate()).isEqualTo(PartialDate.estimated("2027-12-30"));
    assertThat(trial.design().phases()).containsExactly(Phase.PHASE2);
    assertThat(trial.design().enrollmentCount()).isEqualTo(120);
    assertThat(trial.design().allocation()).isEqualTo("RANDOMIZED");
    assertThat(trial.design().interventionModel()).isEqualTo("PARALLEL");
    assertThat(trial.design().primaryPurpose()).isEqualTo("TREATMENT");
    assertThat(trial.design().masking()).isEqualTo("NONE");
    assertThat(trial.detailedDescription())
        .contains("yttrium [90Y] microsphere")
        .doesNotContain("\\[");
    assertThat(trial.arms())
        .extracting(Arm::label)
        .containsExactly("Group A", "Group B", "Group C", "Group D");
    assertThat(trial.arms().get(0).interventionNames())
        .containsExactly("Yttrium [90Y] Microsphere Injection", "Camrelizumab", "Apatinib");
    assertThat(trial.arms().get(3).interventionNames())
        .containsExactly("Conventional transcatheter arterial chemoembolization");
    assertThat(trial.interventions()).hasSize(4);
    assertThat(trial.interventions().get(0).armGroupLabels())
        .containsExactly("Group A", "Group B", "Group C");
    assertThat(trial.overallOfficials())
        .containsExactly(
            new Official("Zhiping Yan, MD", "Fudan University", "PRINCIPAL_INVESTIGATOR"));
    assertThat(trial.leadSponsor().name()).isEqualTo("GrandPharma (China) Co., Ltd.");
    assertThat(trial.leadSponsor().agencyClass()).isEqualTo("INDUSTRY");
    assertThat(trial.orgStudyId()).isEqualTo("ST561-1");
    assertThat(trial.sites())
        .extracting(Site::city)
        .containsExactly("Beijing", "Nanjin", "Shanghai");
    assertThat(trial.sites().get(0).state()).isNull();
    assertThat(trial.eligibility().minimumAge()).isEqualTo(Age.years(18));
    assertThat(trial.eligibility().maximumAge()).isEqualTo(Age.years(75));
    assertThat(trial.eligibility().sex()).isEqualTo(Sex.ALL);
    assertThat(trial.eligibility().healthyVolunteers()).isFalse();
    assertThat(trial.eligibility().criteriaText())
        .startsWith("Inclusion Criteria\n2. Patients aged")
        .endsWith("as judged by the investigator.");
  }

  @Test
  void rejectsAPageOfUnknownLayoutWithItsOriginAndNctId() {
    assertThatThrownBy(
            () -> new SeedPageParser().parse("Some trial NCT01234567\nno layout here", "x.txt"))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("x.txt")
        .hasMessageContaining("unknown seed page layout")
        .satisfies(e -> assertThat(((RecordException) e).nctId()).isEqualTo("NCT01234567"));
  }

  @Test
  void rejectsAPageWithoutNctId() {
    String page = SeedPages.text("NCT06310590").replace("NCT06310590", "pending");

    assertThatThrownBy(() -> new SeedPageParser().parse(page, "y.txt"))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("y.txt")
        .hasMessageContaining("no NCT id");
  }

  @Test
  void rejectsAnEmptyPage() {
    assertThatThrownBy(() -> new SeedPageParser().parse("  ", "z.txt"))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("z.txt");
  }

  @Test
  void trialReaderLoadsAllFiveSeeds() {
    List<Trial> trials = new java.util.ArrayList<>();
    IngestSummary summary = new TrialReader().readSeeds(trials::add);

    assertThat(summary.rejections()).isEmpty();
    assertThat(trials).extracting(Trial::nctId).containsExactlyElementsOf(TrialReader.SEED_IDS);
  }
}
