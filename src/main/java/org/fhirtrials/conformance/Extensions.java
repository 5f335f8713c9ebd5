package org.fhirtrials.conformance;

import static org.fhirtrials.conformance.ExtensionDef.complex;
import static org.fhirtrials.conformance.ExtensionDef.simple;

import java.util.List;
import org.fhirtrials.conformance.ExtensionDef.Part;
import org.fhirtrials.mapping.FhirUrls;

/** The catalogue of the project's extensions (published as StructureDefinitions). */
public final class Extensions {
  private Extensions() {}

  private static final List<String> STUDY = List.of("ResearchStudy");
  private static final List<String> NONE = List.of();
  private static final List<String> CHARACTERISTIC = List.of("Group.characteristic");

  public static final List<ExtensionDef> ALL =
      List.of(
          simple(
              FhirUrls.EXT_RECRUITMENT_STATUS,
              "Registry recruitment status",
              "The exact ClinicalTrials.gov overall (on ResearchStudy) or site (on Location)"
                  + " recruitment status. R4 ResearchStudy.status and R5 progressStatus are coarser;"
                  + " this keeps the registry value so a search by recruitment status is exact.",
              List.of("ResearchStudy", "Location"),
              List.of("ResearchStudy", "Location"),
              "Coding"),
          simple(
              FhirUrls.EXT_BRIEF_TITLE,
              "Brief title",
              "The registry's brief (lay) title. R4 ResearchStudy.title carries the official title;"
                  + " R5 uses ResearchStudy.label instead of this extension.",
              STUDY,
              NONE,
              "string"),
          simple(
              FhirUrls.EXT_ACRONYM,
              "Acronym",
              "The study acronym. R5 uses ResearchStudy.label (type acronym) instead.",
              STUDY,
              NONE,
              "string"),
          simple(
              FhirUrls.EXT_ESTIMATED,
              "Estimated value",
              "True when the value of the element that carries this extension is anticipated"
                  + " (the registry's ESTIMATED / Anticipated), false when it is actual. Used on"
                  + " dates and on the enrolment count.",
              List.of("Element"),
              List.of("Element"),
              "boolean"),
          simple(
              FhirUrls.EXT_PRIMARY_COMPLETION,
              "Primary completion date",
              "The date the last participant was examined for the primary outcome. No standard"
                  + " element; carries the estimated extension on its value.",
              STUDY,
              STUDY,
              "dateTime"),
          simple(
              FhirUrls.EXT_TIME_FRAME,
              "Outcome time frame",
              "The registry's free-text time frame of an outcome measure (no standard element).",
              List.of("ResearchStudy.objective"),
              List.of("ResearchStudy.outcomeMeasure"),
              "string"),
          complex(
              FhirUrls.EXT_OVERSIGHT,
              "Oversight",
              "Oversight facts of the registry record.",
              STUDY,
              STUDY,
              List.of(
                  new Part("fdaRegulatedDrug", "boolean", 0, "Studies a US FDA-regulated drug"),
                  new Part("fdaRegulatedDevice", "boolean", 0, "Studies a US FDA-regulated device"),
                  new Part("hasDmc", "boolean", 0, "Has a data monitoring committee"))),
          complex(
              FhirUrls.EXT_RESPONSIBLE_PARTY,
              "Responsible party",
              "The registry's responsible party (no standard element).",
              STUDY,
              STUDY,
              List.of(
                  new Part(
                      "type",
                      "string",
                      0,
                      "SPONSOR, PRINCIPAL_INVESTIGATOR or" + " SPONSOR_INVESTIGATOR"),
                  new Part("name", "string", 0, "Investigator name"),
                  new Part("title", "string", 0, "Investigator title"),
                  new Part("affiliation", "string", 0, "Investigator affiliation"))),
          complex(
              FhirUrls.EXT_ASSOCIATED_PARTY,
              "Associated party",
              "R4 backport of R5 ResearchStudy.associatedParty: collaborators, officials other than"
                  + " the principal investigator.",
              STUDY,
              NONE,
              List.of(
                  new Part("role", "CodeableConcept", 1, "Role of the party"),
                  new Part("party", "Reference", 1, "The party"))),
          simple(
              FhirUrls.EXT_HEALTHY_VOLUNTEERS,
              "Accepts healthy volunteers",
              "The registry flag verbatim. When false, the Group also has an exclusion"
                  + " characteristic 'Healthy volunteer'.",
              List.of("Group"),
              List.of("Group"),
              "boolean"),
          simple(
              FhirUrls.EXT_CRITERION_ID,
              "Criterion id",
              "Stable id of the criterion within the trial (inc-8, inc-8.3, exc-1...).",
              CHARACTERISTIC,
              CHARACTERISTIC,
              "string"),
          simple(
              FhirUrls.EXT_CRITERION_LEAD_IN,
              "Criterion lead-in",
              "For a sub-item, the text of the list item it belongs to, verbatim.",
              CHARACTERISTIC,
              CHARACTERISTIC,
              "string"),
          simple(
              FhirUrls.EXT_COMPUTABLE,
              "Computable",
              "On every eligibility characteristic. True when the characteristic-expression"
                  + " extension decides the characteristic from patient data (true / false, empty"
                  + " only when the data is missing). False when the characteristic is text only"
                  + " (investigator judgement, consent, imaging...) or only partly structured: a"
                  + " matcher must then report the criterion as unknown unless an expression that"
                  + " is present already shows it is not met. The not-computable-reason extension"
                  + " says why.",
              CHARACTERISTIC,
              CHARACTERISTIC,
              "boolean"),
          simple(
              FhirUrls.EXT_NOT_COMPUTABLE_REASON,
              "Not computable reason",
              "Why a characteristic is not computable, e.g. 'comparator lost in the source text (a"
                  + " ≥ or ≤ rendered as '='); threshold not trusted' or 'no verified code for"
                  + " Child-Pugh score/class'.",
              CHARACTERISTIC,
              CHARACTERISTIC,
              "string"),
          simple(
              FhirUrls.EXT_CHARACTERISTIC_EXPRESSION,
              "Characteristic expression",
              "A FHIRPath expression (language text/fhirpath) whose focus is the patient's data"
                  + " as a Bundle (entries Patient, Observation, Condition...): true when the"
                  + " patient meets the characteristic as stated (its code and value), false when"
                  + " not, empty when the data is missing. It does not apply exclude: for an"
                  + " exclusion criterion, true means the exclusion applies. Quantities are UCUM"
                  + " quantity literals, so the engine needs a UCUM service to compare 80 '10*9/L'"
                  + " with 80000 '/uL'. On a criterion that is only partly computable the"
                  + " unknown parts are written as {} so the three-valued and/or still give false"
                  + " (inclusion) or true (exclusion) when a computable part decides. Project-owned;"
                  + " modelled on the HL7 EBM IG draft extension"
                  + " characteristic-determined-by-expression (R5 Group.characteristic has no"
                  + " determinedBy element).",
              CHARACTERISTIC,
              CHARACTERISTIC,
              "Expression"),
          simple(
              FhirUrls.EXT_CRITERION_LOGIC,
              "Criterion logic",
              "On a criterion characteristic with more than one constraint: how its constraint"
                  + " characteristics combine. 'all-of': every constraint must hold (the default of"
                  + " inclusion criteria); 'any-of': one is enough (the default of exclusion"
                  + " criteria: 'pregnant or lactating').",
              CHARACTERISTIC,
              CHARACTERISTIC,
              "code"),
          complex(
              FhirUrls.EXT_CONSTRAINT_SOURCE,
              "Constraint source",
              "Marks a characteristic as one structured constraint of a criterion (the criterion"
                  + " characteristic with the same criterion-id) and points to the words of the"
                  + " criterion text it was read from. Offsets count UTF-16 code units of the"
                  + " criterion text (the criterion characteristic's code.text), end exclusive.",
              CHARACTERISTIC,
              CHARACTERISTIC,
              List.of(
                  new Part("start", "integer", 1, "Offset of the first character"),
                  new Part("end", "integer", 1, "Offset after the last character"),
                  new Part("text", "string", 1, "The words, verbatim"))),
          complex(
              FhirUrls.EXT_TIME_WINDOW,
              "Time window",
              "When the constrained fact must have happened, relative to the time of evaluation"
                  + " (Group.characteristic.period is an absolute period and cannot say 'within 28"
                  + " days'). 'within' is a UCUM Duration (d, wk, mo, a); without it the fact may"
                  + " have happened at any time in the past ('history of', 'previously').",
              CHARACTERISTIC,
              CHARACTERISTIC,
              List.of(
                  new Part("within", "Duration", 0, "Look-back from the time of evaluation"),
                  new Part("text", "string", 1, "The source words, e.g. 'within 28 days'"))),
          simple(
              FhirUrls.EXT_THRESHOLD_REFERENCE,
              "Threshold reference",
              "On the Quantity or Range value of a characteristic: the number is a multiple of the"
                  + " patient's reference range limit of the test, not an absolute quantity."
                  + " Codes: 'upper-limit-of-normal' (ULN: Observation.referenceRange.high),"
                  + " 'lower-limit-of-normal' (LLN: referenceRange.low). Such a Quantity has unit"
                  + " text '× ULN' or '× LLN' and no UCUM code, so no unit-aware client can mistake"
                  + " it for an absolute value.",
              List.of("Quantity", "Range"),
              List.of("Quantity", "Range"),
              "code"),
          simple(
              FhirUrls.EXT_APPLIES_TO_SEX,
              "Applies to sex",
              "The constraint applies only to patients of this administrative gender (male,"
                  + " female), e.g. a sex-specific haemoglobin threshold. Patients of another or"
                  + " unknown gender are not affected by it.",
              CHARACTERISTIC,
              CHARACTERISTIC,
              "code"),
          simple(
              FhirUrls.EXT_EXCLUSIVE_BOUND,
              "Exclusive bound",
              "On Range.low or Range.high: the bound itself is outside the range (the source said"
                  + " '>' or '<'). FHIR Range bounds are otherwise inclusive.",
              List.of("Range.low", "Range.high"),
              List.of("Range.low", "Range.high"),
              "boolean"));
}
