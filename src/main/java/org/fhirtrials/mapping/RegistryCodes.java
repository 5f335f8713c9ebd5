package org.fhirtrials.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.terminology.Terminology;

/**
 * Version-neutral code tables of the mappers: registry codes (ClinicalTrials.gov API v2 enums) to
 * FHIR codes. A registry value with no entry maps to text only, never to a guessed code.
 */
public final class RegistryCodes {
  private RegistryCodes() {}

  /** A coded concept, version-neutral. */
  public record Concept(String system, String code, String display) {}

  /**
   * The project's registry code systems (published as CodeSystem resources in {@code
   * fhir-resources/}). Codes are the registry's enum values verbatim, so a search by the registry
   * code is exact.
   */
  public enum Domain {
    RECRUITMENT_STATUS(
        FhirUrls.CS_RECRUITMENT_STATUS,
        "ClinicalTrials.gov recruitment status",
        Arrays.stream(RecruitmentStatus.values()).map(Enum::name).toList()),
    STUDY_TYPE(
        FhirUrls.CS_STUDY_TYPE,
        "ClinicalTrials.gov study type",
        List.of("EXPANDED_ACCESS", "INTERVENTIONAL", "OBSERVATIONAL")),
    ALLOCATION(
        FhirUrls.CS_ALLOCATION,
        "ClinicalTrials.gov allocation",
        List.of("RANDOMIZED", "NON_RANDOMIZED", "NA")),
    INTERVENTION_MODEL(
        FhirUrls.CS_INTERVENTION_MODEL,
        "ClinicalTrials.gov intervention model",
        List.of("SINGLE_GROUP", "PARALLEL", "CROSSOVER", "FACTORIAL", "SEQUENTIAL")),
    MASKING(
        FhirUrls.CS_MASKING,
        "ClinicalTrials.gov masking",
        List.of("NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE")),
    OBSERVATIONAL_MODEL(
        FhirUrls.CS_OBSERVATIONAL_MODEL,
        "ClinicalTrials.gov observational model",
        List.of(
            "COHORT",
            "CASE_CONTROL",
            "CASE_ONLY",
            "CASE_CROSSOVER",
            "ECOLOGIC_OR_COMMUNITY",
            "FAMILY_BASED",
            "DEFINED_POPULATION",
            "NATURAL_HISTORY",
            "OTHER")),
    TIME_PERSPECTIVE(
        FhirUrls.CS_TIME_PERSPECTIVE,
        "ClinicalTrials.gov time perspective",
        List.of("RETROSPECTIVE", "PROSPECTIVE", "CROSS_SECTIONAL", "OTHER")),
    ARM_TYPE(
        FhirUrls.CS_ARM_TYPE,
        "ClinicalTrials.gov arm group type",
        List.of(
            "EXPERIMENTAL",
            "ACTIVE_COMPARATOR",
            "PLACEBO_COMPARATOR",
            "SHAM_COMPARATOR",
            "NO_INTERVENTION",
            "OTHER")),
    INTERVENTION_TYPE(
        FhirUrls.CS_INTERVENTION_TYPE,
        "ClinicalTrials.gov intervention type",
        List.of(
            "BEHAVIORAL",
            "BIOLOGICAL",
            "COMBINATION_PRODUCT",
            "DEVICE",
            "DIAGNOSTIC_TEST",
            "DIETARY_SUPPLEMENT",
            "DRUG",
            "GENETIC",
            "PROCEDURE",
            "RADIATION",
            "OTHER")),
    AGENCY_CLASS(
        FhirUrls.CS_AGENCY_CLASS,
        "ClinicalTrials.gov agency class",
        List.of(
            "NIH",
            "FED",
            "OTHER_GOV",
            "INDIV",
            "INDUSTRY",
            "NETWORK",
            "AMBIG",
            "OTHER",
            "UNKNOWN")),
    ROLE(
        FhirUrls.CS_ROLE,
        "ClinicalTrials.gov official and contact role",
        List.of(
            "STUDY_CHAIR",
            "STUDY_DIRECTOR",
            "PRINCIPAL_INVESTIGATOR",
            "SUB_INVESTIGATOR",
            "CONTACT")),
    SECONDARY_ID_TYPE(
        FhirUrls.CS_SECONDARY_ID_TYPE,
        "ClinicalTrials.gov secondary id type",
        List.of(
            "NIH",
            "FDA",
            "VA",
            "CDC",
            "AHRQ",
            "SAMHSA",
            "OTHER_GRANT",
            "EUDRACT_NUMBER",
            "REGISTRY",
            "OTHER"));

    private final String url;
    private final String title;
    private final List<String> codes;

    Domain(String url, String title, List<String> codes) {
      this.url = url;
      this.title = title;
      this.codes = codes;
    }

    public String url() {
      return url;
    }

    public String title() {
      return title;
    }

    public List<String> codes() {
      return codes;
    }

    /** The concept for a registry value; empty when the value is not a known registry code. */
    public Optional<Concept> concept(String value) {
      if (value == null || !codes.contains(value)) {
        return Optional.empty();
      }
      return Optional.of(new Concept(url, value, display(value)));
    }
  }

  /** Human form of a registry code: {@code ACTIVE_NOT_RECRUITING} → "Active not recruiting". */
  public static String display(String code) {
    if (code == null || code.isEmpty()) {
      return code;
    }
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return switch (code) {
      case "NA" -> "Not applicable";
      case "NIH", "FDA", "VA", "CDC", "AHRQ", "SAMHSA" -> code;
      case "FED" -> "Federal";
      case "OTHER_GOV" -> "Other government";
      case "INDIV" -> "Individual";
      case "AMBIG" -> "Ambiguous";
      case "EUDRACT_NUMBER" -> "EudraCT number";
      default -> Character.toUpperCase(words.charAt(0)) + words.substring(1);
    };
  }

  // ---------------------------------------------------------------- status
  /**
   * R4 {@code ResearchStudy.status} (1..1) per the DESIGN §2 table. Lossy: R4 has no code for the
   * registry's "unknown" and "withheld"; they map to temporarily-closed-to-accrual (the safe
   * reading for a patient finder: not accruing now) and the exact status stays in the
   * recruitment-status extension. Expanded-access statuses map to their accrual meaning.
   */
  public static final Map<RecruitmentStatus, String> R4_STATUS =
      Map.ofEntries(
          Map.entry(RecruitmentStatus.RECRUITING, "active"),
          Map.entry(RecruitmentStatus.NOT_YET_RECRUITING, "approved"),
          Map.entry(RecruitmentStatus.ACTIVE_NOT_RECRUITING, "closed-to-accrual"),
          Map.entry(RecruitmentStatus.ENROLLING_BY_INVITATION, "active"),
          Map.entry(RecruitmentStatus.SUSPENDED, "temporarily-closed-to-accrual"),
          Map.entry(RecruitmentStatus.TERMINATED, "administratively-completed"),
          Map.entry(RecruitmentStatus.COMPLETED, "completed"),
          Map.entry(RecruitmentStatus.WITHDRAWN, "withdrawn"),
          Map.entry(RecruitmentStatus.AVAILABLE, "active"),
          Map.entry(RecruitmentStatus.TEMPORARILY_NOT_AVAILABLE, "temporarily-closed-to-accrual"),
          Map.entry(RecruitmentStatus.NO_LONGER_AVAILABLE, "closed-to-accrual"),
          Map.entry(RecruitmentStatus.APPROVED_FOR_MARKETING, "completed"),
          Map.entry(RecruitmentStatus.WITHHELD, "temporarily-closed-to-accrual"),
          Map.entry(RecruitmentStatus.UNKNOWN, "temporarily-closed-to-accrual"));

  /** R4 status when the record gives none (same reasoning as UNKNOWN). */
  public static final String R4_STATUS_ABSENT = "temporarily-closed-to-accrual";

  /**
   * R5 {@code progressStatus.state} (research-study-status). Statuses with no R5 code (withheld,
   * unknown) map to no HL7 coding; the registry coding and text still say what the record says.
   */
  public static final Map<RecruitmentStatus, String> R5_PROGRESS_STATE =
      Map.ofEntries(
          Map.entry(RecruitmentStatus.RECRUITING, "recruiting"),
          Map.entry(RecruitmentStatus.NOT_YET_RECRUITING, "not-yet-recruiting"),
          Map.entry(RecruitmentStatus.ACTIVE_NOT_RECRUITING, "active-but-not-recruiting"),
          Map.entry(RecruitmentStatus.ENROLLING_BY_INVITATION, "enrolling-by-invitation"),
          Map.entry(RecruitmentStatus.SUSPENDED, "temporarily-closed-to-accrual"),
          Map.entry(RecruitmentStatus.TERMINATED, "terminated"),
          Map.entry(RecruitmentStatus.COMPLETED, "completed"),
          Map.entry(RecruitmentStatus.WITHDRAWN, "withdrawn"),
          Map.entry(RecruitmentStatus.AVAILABLE, "active"),
          Map.entry(RecruitmentStatus.TEMPORARILY_NOT_AVAILABLE, "temporarily-closed-to-accrual"),
          Map.entry(RecruitmentStatus.NO_LONGER_AVAILABLE, "closed-to-accrual"),
          Map.entry(RecruitmentStatus.APPROVED_FOR_MARKETING, "completed"));

  /** R5 progressStatus states used for the dates. */
  public static final String R5_STATE_OVERALL_STUDY = "overall-study";

  // ---------------------------------------------------------------- phase
  /** research-study-phase code for the record's phases (one, or two for combined phases). */
  public static Optional<Concept> phase(List<Phase> phases) {
    String code =
        switch (phases.size()) {
          case 1 ->
              switch (phases.get(0)) {
                case NA -> "n-a";
                case EARLY_PHASE1 -> "early-phase-1";
                case PHASE1 -> "phase-1";
                case PHASE2 -> "phase-2";
                case PHASE3 -> "phase-3";
                case PHASE4 -> "phase-4";
              };
          case 2 -> combinedPhase(phases);
          default -> null;
        };
    return Optional.ofNullable(code)
        .map(c -> new Concept(Terminology.RESEARCH_STUDY_PHASE, c, phaseCodingDisplay(c, phases)));
  }

  private static String combinedPhase(List<Phase> phases) {
    if (phases.contains(Phase.PHASE1) && phases.contains(Phase.PHASE2)) {
      return "phase-1-phase-2";
    }
    if (phases.contains(Phase.PHASE2) && phases.contains(Phase.PHASE3)) {
      return "phase-2-phase-3";
    }
    return null; // no code for other combinations: text only
  }

  /**
   * The code system's display of a research-study-phase code: the registry's rendering, except for
   * {@code n-a}, whose official display is "N/A" (the registry says "Not Applicable"; the
   * CodeableConcept text keeps that).
   */
  private static String phaseCodingDisplay(String code, List<Phase> phases) {
    return code.equals("n-a") ? "N/A" : phaseDisplay(phases);
  }

  /** The registry's rendering of the phases: "Phase 1/Phase 2". */
  public static String phaseDisplay(List<Phase> phases) {
    return String.join(
        "/",
        phases.stream()
            .map(
                p ->
                    switch (p) {
                      case NA -> "Not Applicable";
                      case EARLY_PHASE1 -> "Early Phase 1";
                      default -> "Phase " + p.name().substring("PHASE".length());
                    })
            .toList());
  }

  // ---------------------------------------------------------------- design
  /** research-study-prim-purp-type codes; ECT and OTHER have none (text only). */
  public static final Map<String, String> PRIMARY_PURPOSE =
      Map.of(
          "TREATMENT", "treatment",
          "PREVENTION", "prevention",
          "DIAGNOSTIC", "diagnostic",
          "SUPPORTIVE_CARE", "supportive-care",
          "SCREENING", "screening",
          "HEALTH_SERVICES_RESEARCH", "health-services-research",
          "BASIC_SCIENCE", "basic-science",
          "DEVICE_FEASIBILITY", "device-feasibility");

  /** R5 research-study-arm-type codes. */
  public static final Map<String, String> R5_ARM_TYPE =
      Map.of(
          "EXPERIMENTAL", "experimental",
          "ACTIVE_COMPARATOR", "active-comparator",
          "PLACEBO_COMPARATOR", "placebo-comparator",
          "SHAM_COMPARATOR", "sham-comparator",
          "NO_INTERVENTION", "no-intervention",
          "OTHER", "other-arm-type");

  /** research-study-objective-type codes; "other" outcomes are exploratory. */
  public static String objectiveType(org.fhirtrials.model.Outcome.Kind kind) {
    return switch (kind) {
      case PRIMARY -> "primary";
      case SECONDARY -> "secondary";
      case OTHER -> "exploratory";
    };
  }

  // ---------------------------------------------------------------- parties
  /** organization-type code for an agency class; empty when none fits. */
  public static Optional<String> organizationType(String agencyClass) {
    if (agencyClass == null) {
      return Optional.empty();
    }
    return switch (agencyClass) {
      case "NIH", "FED", "OTHER_GOV" -> Optional.of(Terminology.ORGANIZATION_TYPE_GOVERNMENT);
      case "INDUSTRY" -> Optional.of(Terminology.ORGANIZATION_TYPE_BUSINESS);
      default -> Optional.empty();
    };
  }

  /** R5 research-study-party-role for a registry official/contact role. */
  public static final Map<String, String> R5_PARTY_ROLE =
      Map.of(
          "PRINCIPAL_INVESTIGATOR", "primary-investigator",
          "STUDY_CHAIR", "study-chair",
          "STUDY_DIRECTOR", "study-director",
          "SUB_INVESTIGATOR", "sub-investigator",
          "CONTACT", "recruitment-contact");

  public static final String R5_ROLE_LEAD_SPONSOR = "lead-sponsor";
  public static final String R5_ROLE_COLLABORATOR = "collaborator";
  public static final String R5_ROLE_RECRUITMENT_CONTACT = "recruitment-contact";

  /** R5 title-type codes for the registry's titles. */
  public static final String TITLE_TYPE_OFFICIAL = "official";

  public static final String TITLE_TYPE_BRIEF = "short-title";
  public static final String TITLE_TYPE_ACRONYM = "acronym";
}
