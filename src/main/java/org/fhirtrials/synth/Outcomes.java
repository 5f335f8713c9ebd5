package org.fhirtrials.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Primary and secondary outcome measures typical of each area, with time frames. */
final class Outcomes {
  /** One outcome measure as the registry lists it. */
  record Outcome(String measure, String description, String timeFrame) {}

  private record Template(String measure, String description, List<String> timeFrames) {}

  private static Template t(String measure, String description, String... timeFrames) {
    return new Template(measure, description, List.of(timeFrames));
  }

  private static final List<Template> SAFETY =
      List.of(
          t(
              "Incidence of Treatment-Emergent Adverse Events (TEAEs)",
              "Adverse events graded per NCI CTCAE v5.0",
              "From first dose up to 30 days after the last dose",
              "Up to approximately 2 years"),
          t(
              "Number of Participants With Serious Adverse Events",
              "Serious adverse events as defined by ICH E2A",
              "Up to 52 weeks",
              "Up to Week 24"),
          t(
              "Number of Participants With Clinically Significant Laboratory Abnormalities",
              "Hematology, clinical chemistry and urinalysis",
              "Baseline up to Week 12"));
  private static final List<Template> FIRST_IN_HUMAN =
      List.of(
          t(
              "Number of Participants With Dose-Limiting Toxicities (DLTs)",
              "DLTs as defined in the protocol during the DLT evaluation period",
              "Cycle 1 (28 days)",
              "Up to 21 days after the first dose"),
          t(
              "Maximum Tolerated Dose (MTD) and Recommended Phase 2 Dose (RP2D)",
              "Determined from the DLT rate in the dose-escalation part",
              "Up to 12 months"),
          t(
              "Maximum Plasma Concentration (Cmax)",
              "Pharmacokinetic parameter",
              "Pre-dose and up to 72 hours post-dose on Day 1"),
          t(
              "Area Under the Concentration-Time Curve (AUC)",
              "Pharmacokinetic parameter",
              "Pre-dose and up to 72 hours post-dose on Day 1"));
  private static final Map<Area, List<Template>> EFFICACY =
      Map.of(
          Area.ONCOLOGY,
          List.of(
              t(
                  "Overall Survival (OS)",
                  "Time from randomization to death from any cause",
                  "From randomization to death from any cause, up to approximately 5 years",
                  "Up to 60 months"),
              t(
                  "Progression-Free Survival (PFS) per RECIST 1.1",
                  "Time from randomization to disease progression per RECIST 1.1 or death",
                  "Up to approximately 3 years",
                  "Up to 24 months"),
              t(
                  "Objective Response Rate (ORR)",
                  "Proportion of participants with complete or partial response",
                  "Up to approximately 2 years",
                  "Every 8 weeks until progression"),
              t(
                  "Duration of Response (DoR)",
                  "Time from first response to progression or death",
                  "Up to 3 years"),
              t(
                  "Pathological Complete Response (pCR) Rate",
                  "Absence of invasive cancer in the resected specimen",
                  "At surgery (up to 24" + " weeks)")),
          Area.CARDIOLOGY,
          List.of(
              t(
                  "Time to First Occurrence of Cardiovascular Death or Heart Failure Event",
                  "Adjudicated by a blinded clinical events committee",
                  "Up to 36 months"),
              t(
                  "Change From Baseline in Systolic Blood Pressure",
                  "Mean seated office systolic blood pressure",
                  "Baseline and Week 12"),
              t(
                  "Major Adverse Cardiovascular Events (MACE)",
                  "Composite of cardiovascular death, myocardial infarction and stroke",
                  "Up to 24 months"),
              t(
                  "Freedom From Atrial Arrhythmia Recurrence",
                  "Documented AF, atrial flutter or atrial tachycardia lasting ≥ 30 seconds",
                  "3 to 12 months after the index procedure")),
          Area.METABOLIC,
          List.of(
              t(
                  "Change From Baseline in HbA1c",
                  "Glycated hemoglobin",
                  "Baseline and Week 26",
                  "Baseline and Week 40"),
              t(
                  "Percent Change From Baseline in Body Weight",
                  "Measured in the fasting state",
                  "Baseline and Week 72",
                  "Baseline and Week 52"),
              t(
                  "Time in Range (70-180 mg/dL)",
                  "Measured by continuous glucose monitoring",
                  "Weeks 10-12")),
          Area.INFECTIOUS,
          List.of(
              t(
                  "Proportion of Participants With HIV-1 RNA < 50 copies/mL",
                  "FDA snapshot algorithm",
                  "Week 48"),
              t(
                  "Time to Sustained Symptom Resolution",
                  "Symptoms recorded daily in an electronic diary",
                  "Up to Day 29"),
              t(
                  "Geometric Mean Titer of Neutralizing Antibodies",
                  "Immunogenicity",
                  "Day 29 after vaccination"),
              t("Culture Conversion Rate", "Two consecutive negative sputum cultures", "Week 8")),
          Area.NEUROLOGY,
          List.of(
              t(
                  "Change From Baseline in CDR-SB",
                  "Clinical Dementia Rating-Sum of Boxes",
                  "Baseline and Week 76"),
              t(
                  "Annualized Relapse Rate",
                  "Confirmed protocol-defined relapses",
                  "Up to 96" + " weeks"),
              t(
                  "Percent Change From Baseline in Monthly Seizure Frequency",
                  "Seizure diary",
                  "Baseline and 12-week maintenance period"),
              t("Modified Rankin Scale (mRS) Score", "Functional outcome", "Day 90"),
              t(
                  "Change From Baseline in Monthly Migraine Days",
                  "Headache diary",
                  "Baseline and Weeks 9-12")),
          Area.PSYCHIATRY,
          List.of(
              t(
                  "Change From Baseline in MADRS Total Score",
                  "Montgomery-Åsberg Depression Rating Scale",
                  "Baseline and Day 28"),
              t(
                  "Change From Baseline in PANSS Total Score",
                  "Positive and Negative Syndrome Scale",
                  "Baseline and Week 5")),
          Area.RESPIRATORY,
          List.of(
              t(
                  "Annualized Rate of Moderate or Severe Exacerbations",
                  "Exacerbations requiring systemic corticosteroids or hospitalization",
                  "Up to Week 52"),
              t(
                  "Change From Baseline in Pre-bronchodilator FEV1",
                  "Spirometry",
                  "Baseline and Week 24")),
          Area.RARE,
          List.of(
              t(
                  "Change From Baseline in Percent Predicted FEV1",
                  "Spirometry",
                  "Baseline through Week 24"),
              t(
                  "Annualized Rate of Vaso-occlusive Crises",
                  "Adjudicated events",
                  "Up to 52" + " weeks"),
              t(
                  "Change From Baseline in North Star Ambulatory Assessment (NSAA)",
                  "Motor function scale",
                  "Baseline and Week 52")));
  private static final List<Template> OBSERVATIONAL =
      List.of(
          t("Incidence of Disease Progression", "Assessed from medical records", "Up to 5 years"),
          t(
              "Real-world Overall Survival",
              "Time from enrollment to death from any cause",
              "Up to 3 years"),
          t(
              "Health-related Quality of Life (EQ-5D-5L)",
              "Patient-reported questionnaire",
              "Baseline, 6 and 12 months"),
          t(
              "Treatment Patterns",
              "Proportion of participants receiving each therapy line",
              "Through study completion, an average of 2 years"));

  private Outcomes() {}

  /** Primary outcomes (1-2) for the trial's kind. */
  static List<Outcome> primary(Area area, boolean firstInHuman, boolean observational, Rng rng) {
    List<Template> pool =
        observational
            ? OBSERVATIONAL
            : firstInHuman ? FIRST_IN_HUMAN.subList(0, 2) : EFFICACY.get(area);
    return draw(pool, rng.chance(0.75) ? 1 : 2, rng);
  }

  /** Secondary outcomes (0-6), none repeating a primary one. */
  static List<Outcome> secondary(
      Area area, boolean firstInHuman, boolean observational, List<Outcome> primary, Rng rng) {
    List<Template> pool = new ArrayList<>();
    if (observational) {
      pool.addAll(OBSERVATIONAL);
    } else {
      pool.addAll(EFFICACY.get(area));
      pool.addAll(SAFETY);
      if (firstInHuman) {
        pool.addAll(FIRST_IN_HUMAN.subList(2, FIRST_IN_HUMAN.size()));
      }
    }
    pool.removeIf(t -> primary.stream().anyMatch(o -> o.measure().equals(t.measure())));
    return draw(pool, rng.between(0, 6), rng);
  }

  private static List<Outcome> draw(List<Template> pool, int n, Rng rng) {
    List<Outcome> out = new ArrayList<>(n);
    for (Template t : rng.sample(pool, n)) {
      out.add(new Outcome(t.measure(), t.description(), rng.pick(t.timeFrames())));
    }
    return out;
  }
}
