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
              FhirUrls.EXT_NOT_COMPUTABLE,
              "Not computable",
              "True when no executable expression accompanies the characteristic: it is text"
                  + " only (investigator judgement, consent, or not yet structured) and a matcher"
                  + " must report it as unknown.",
              CHARACTERISTIC,
              CHARACTERISTIC,
              "boolean"),
          simple(
              FhirUrls.EXT_CHARACTERISTIC_EXPRESSION,
              "Characteristic expression",
              "A FHIRPath expression (language text/fhirpath) evaluated with a Patient as context:"
                  + " true when the patient meets the characteristic, false when not, empty when the"
                  + " data is missing. Project-owned; modelled on the HL7 EBM IG draft extension"
                  + " characteristic-determined-by-expression.",
              CHARACTERISTIC,
              CHARACTERISTIC,
              "Expression"));
}
