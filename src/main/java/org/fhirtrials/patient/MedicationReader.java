package org.fhirtrials.patient;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fhirtrials.patient.MedicationFact.Kind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads MedicationStatement / MedicationRequest / MedicationAdministration; the medication codes
 * come from medicationCodeableConcept or from the referenced Medication (contained, or in the same
 * bundle by {@code Medication/id} or fullUrl). A reference to a Medication outside the bundle
 * leaves the codes empty (unknown), never guessed.
 */
final class MedicationReader {
  private static final String ENTERED_IN_ERROR = "entered-in-error";

  private final Map<String, Resource> byRef;
  private final Map<String, Resource> byFullUrl;

  MedicationReader(Map<String, Resource> byRef, Map<String, Resource> byFullUrl) {
    this.byRef = byRef;
    this.byFullUrl = byFullUrl;
  }

  Optional<MedicationFact> statement(MedicationStatement m, String ref) {
    String status = m.hasStatus() ? m.getStatus().toCode() : "unknown";
    return fact(
        ref,
        Kind.STATEMENT,
        m,
        m.getMedication(),
        status,
        R4Values.start(m.getEffective(), ref, "effective"),
        R4Values.end(m.getEffective(), ref, "effective"));
  }

  Optional<MedicationFact> request(MedicationRequest m, String ref) {
    String status = m.hasStatus() ? m.getStatus().toCode() : "unknown";
    return fact(
        ref,
        Kind.REQUEST,
        m,
        m.getMedication(),
        status,
        R4Values.time(
            m.hasAuthoredOnElement() ? m.getAuthoredOnElement() : null, ref, "authoredOn"),
        Optional.empty());
  }

  Optional<MedicationFact> administration(MedicationAdministration m, String ref) {
    String status = m.hasStatus() ? m.getStatus().toCode() : "unknown";
    return fact(
        ref,
        Kind.ADMINISTRATION,
        m,
        m.getMedication(),
        status,
        R4Values.start(m.getEffective(), ref, "effective"),
        R4Values.end(m.getEffective(), ref, "effective"));
  }

  private Optional<MedicationFact> fact(
      String ref,
      Kind kind,
      DomainResource owner,
      Type medication,
      String status,
      Optional<Timepoint> start,
      Optional<Timepoint> end) {
    if (ENTERED_IN_ERROR.equals(status)) {
      return Optional.empty();
    }
    CodeableConcept code = null;
    if (medication instanceof CodeableConcept cc) {
      code = cc;
    } else if (medication instanceof Reference r) {
      code = resolve(owner, r).map(Medication::getCode).orElse(null);
    }
    return Optional.of(
        new MedicationFact(
            ref,
            kind,
            code == null ? List.of() : R4Values.codes(code),
            Optional.ofNullable(code).flatMap(R4Values::text),
            status,
            start,
            end));
  }

  private Optional<Medication> resolve(DomainResource owner, Reference r) {
    if (r.getResource() instanceof Medication m) {
      return Optional.of(m);
    }
    String target = r.getReference();
    if (target == null) {
      return Optional.empty();
    }
    if (target.startsWith("#")) {
      String id = target.substring(1);
      return owner.getContained().stream()
          .filter(c -> c instanceof Medication && id.equals(c.getIdElement().getIdPart()))
          .map(Medication.class::cast)
          .findFirst();
    }
    Resource found = byRef.get(target);
    if (found == null) {
      found = byFullUrl.get(target);
    }
    return found instanceof Medication m ? Optional.of(m) : Optional.empty();
  }
}
