package org.fhirtrials.patient;

import static org.fhirtrials.terminology.Terminology.CONDITION_CLINICAL;
import static org.fhirtrials.terminology.Terminology.CONDITION_VER_STATUS;
import static org.fhirtrials.terminology.Terminology.ICD10;
import static org.fhirtrials.terminology.Terminology.ICD10_CM;
import static org.fhirtrials.terminology.Terminology.ICD10_PREGNANT_STATE;
import static org.fhirtrials.terminology.Terminology.SNOMED;
import static org.fhirtrials.terminology.Terminology.SNOMED_NORMAL_PREGNANCY;
import static org.fhirtrials.terminology.Terminology.SNOMED_PREGNANT_CODE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fhirtrials.patient.PregnancyFact.Status;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds a {@link PatientFacts} from an R4 or R5 Bundle (or a bare Patient, or a list of resources)
 * shaped as US Core and mCODE shape them: Patient, Condition, Observation, Procedure,
 * MedicationStatement / MedicationRequest / MedicationAdministration (+ Medication). Other resource
 * types are ignored.
 *
 * <p>R5 resources are converted to R4 with the HL7 version convertor (all types read here convert)
 * and read by the one R4 reader, so both versions yield the same facts.
 *
 * <p>Rejected with {@link PatientDataException}: no Patient, more than one Patient, a malformed
 * date, a catalogued lab whose unit cannot be converted, a performance score outside its scale.
 * Everything else that is missing stays unknown. Resources marked entered-in-error are skipped.
 * Stateless and thread-safe.
 */
public final class PatientFactsReader {

  private static final Set<String> READ =
      Set.of(
          "Patient",
          "Condition",
          "Observation",
          "Procedure",
          "MedicationStatement",
          "MedicationRequest",
          "MedicationAdministration",
          "Medication");

  private static final String ENTERED_IN_ERROR = "entered-in-error";

  /** A resource with the fullUrl it had in its bundle (null outside a bundle). */
  record Entry(Resource resource, String fullUrl) {}

  public PatientFacts read(Bundle bundle) {
    List<Entry> entries = new ArrayList<>(bundle.getEntry().size());
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      if (e.hasResource()) {
        entries.add(new Entry(e.getResource(), e.getFullUrl()));
      }
    }
    return readEntries(entries);
  }

  public PatientFacts read(org.hl7.fhir.r5.model.Bundle bundle) {
    List<Entry> entries = new ArrayList<>(bundle.getEntry().size());
    for (org.hl7.fhir.r5.model.Bundle.BundleEntryComponent e : bundle.getEntry()) {
      if (e.hasResource() && READ.contains(e.getResource().fhirType())) {
        entries.add(new Entry(toR4(e.getResource()), e.getFullUrl()));
      }
    }
    return readEntries(entries);
  }

  public PatientFacts read(Patient patient) {
    return readR4(List.of(patient));
  }

  public PatientFacts read(org.hl7.fhir.r5.model.Patient patient) {
    return readR5(List.of(patient));
  }

  public PatientFacts readR4(List<? extends Resource> resources) {
    return readEntries(resources.stream().map(r -> new Entry(r, null)).toList());
  }

  public PatientFacts readR5(List<? extends org.hl7.fhir.r5.model.Resource> resources) {
    return readEntries(
        resources.stream()
            .filter(r -> READ.contains(r.fhirType()))
            .map(r -> new Entry(toR4(r), null))
            .toList());
  }

  private static Resource toR4(org.hl7.fhir.r5.model.Resource r5) {
    try {
      return VersionConvertorFactory_40_50.convertResource(r5);
    } catch (FHIRException e) {
      String ref = r5.fhirType() + "/" + r5.getIdPart();
      throw new PatientDataException(ref, null, "cannot be read as R5: " + e.getMessage());
    }
  }

  private PatientFacts readEntries(List<Entry> entries) {
    // Deduplicate by reference (bundles in the wild repeat resources verbatim).
    Map<String, Resource> byRef = new LinkedHashMap<>();
    Map<String, Resource> byFullUrl = new HashMap<>();
    for (Entry e : entries) {
      if (!READ.contains(e.resource().fhirType())) {
        continue;
      }
      String ref = R4Values.reference(e.resource(), e.fullUrl());
      byRef.putIfAbsent(ref, e.resource());
      if (e.fullUrl() != null) {
        byFullUrl.put(e.fullUrl(), e.resource());
      }
    }
    FactsBuilder facts = new FactsBuilder();
    patient(byRef, facts);
    MedicationReader meds = new MedicationReader(byRef, byFullUrl);
    for (Map.Entry<String, Resource> e : byRef.entrySet()) {
      String ref = e.getKey();
      Resource r = e.getValue();
      if (r instanceof Observation o) {
        ObservationReader.read(o, ref, facts);
      } else if (r instanceof Condition c) {
        condition(c, ref, facts);
      } else if (r instanceof Procedure p) {
        procedure(p, ref, facts);
      } else if (r instanceof MedicationStatement m) {
        meds.statement(m, ref).ifPresent(facts.medications::add);
      } else if (r instanceof MedicationRequest m) {
        meds.request(m, ref).ifPresent(facts.medications::add);
      } else if (r instanceof MedicationAdministration m) {
        meds.administration(m, ref).ifPresent(facts.medications::add);
      }
    }
    return facts.build();
  }

  private static void patient(Map<String, Resource> byRef, FactsBuilder facts) {
    List<Map.Entry<String, Resource>> patients =
        byRef.entrySet().stream().filter(e -> e.getValue() instanceof Patient).toList();
    if (patients.isEmpty()) {
      throw new PatientDataException("Bundle", null, "no Patient resource; one is required");
    }
    if (patients.size() > 1) {
      throw new PatientDataException(
          "Bundle",
          null,
          patients.size()
              + " Patient resources ("
              + String.join(", ", patients.stream().map(Map.Entry::getKey).toList())
              + "); facts are built for exactly one patient");
    }
    String ref = patients.get(0).getKey();
    Patient p = (Patient) patients.get(0).getValue();
    facts.reference = ref;
    facts.birthDate =
        R4Values.time(p.hasBirthDateElement() ? p.getBirthDateElement() : null, ref, "birthDate");
    facts.sex = p.hasGender() ? Sex.fromCode(p.getGender().toCode()) : Sex.UNKNOWN;
    if (p.getDeceased() instanceof DateTimeType dt) {
      facts.deceasedAt = R4Values.time(dt, ref, "deceasedDateTime");
      facts.deceased = facts.deceasedAt.isPresent() ? Optional.of(true) : Optional.empty();
    } else if (p.hasDeceasedBooleanType() && p.getDeceasedBooleanType().hasValue()) {
      facts.deceased = Optional.of(p.getDeceasedBooleanType().booleanValue());
    }
  }

  private static void condition(Condition c, String ref, FactsBuilder facts) {
    Optional<String> verification =
        R4Values.firstCode(c.getVerificationStatus(), CONDITION_VER_STATUS);
    if (verification.filter(ENTERED_IN_ERROR::equals).isPresent()) {
      return;
    }
    ConditionFact fact =
        new ConditionFact(
            ref,
            R4Values.codes(c.getCode()),
            R4Values.text(c.getCode()),
            R4Values.firstCode(c.getClinicalStatus(), CONDITION_CLINICAL),
            verification,
            R4Values.start(c.getOnset(), ref, "onset"),
            R4Values.end(c.getAbatement(), ref, "abatement")
                .or(() -> R4Values.start(c.getAbatement(), ref, "abatement")),
            R4Values.time(
                c.hasRecordedDateElement() ? c.getRecordedDateElement() : null,
                ref,
                "recordedDate"));
    facts.conditions.add(fact);
    if (isPregnancy(fact) && fact.active().orElse(false)) {
      facts.pregnancy.add(new PregnancyFact(Status.PREGNANT, fact.since(), ref));
    }
  }

  /**
   * A Condition coded as current pregnancy. Only active ones count as evidence of pregnancy; a
   * resolved pregnancy says nothing about today.
   */
  private static boolean isPregnancy(ConditionFact c) {
    return c.hasCode(SNOMED, SNOMED_PREGNANT_CODE)
        || c.hasCode(SNOMED, SNOMED_NORMAL_PREGNANCY)
        || c.hasCode(ICD10, ICD10_PREGNANT_STATE)
        || c.hasCode(ICD10_CM, ICD10_PREGNANT_STATE);
  }

  private static void procedure(Procedure p, String ref, FactsBuilder facts) {
    String status = p.hasStatus() ? p.getStatus().toCode() : "unknown";
    if (ENTERED_IN_ERROR.equals(status)) {
      return;
    }
    facts.procedures.add(
        new ProcedureFact(
            ref,
            R4Values.codes(p.getCode()),
            status,
            R4Values.start(p.getPerformed(), ref, "performed")));
  }
}
