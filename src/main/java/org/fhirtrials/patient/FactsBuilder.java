package org.fhirtrials.patient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Mutable accumulator for one reading; {@link #build()} freezes it into {@link PatientFacts}. */
final class FactsBuilder {
  String reference;
  Optional<Timepoint> birthDate = Optional.empty();
  Sex sex = Sex.UNKNOWN;
  Optional<Boolean> deceased = Optional.empty();
  Optional<Timepoint> deceasedAt = Optional.empty();
  final Map<String, List<LabValue>> observations = new HashMap<>();
  final List<ConditionFact> conditions = new ArrayList<>();
  final List<ProcedureFact> procedures = new ArrayList<>();
  final List<MedicationFact> medications = new ArrayList<>();
  final List<PregnancyFact> pregnancy = new ArrayList<>();
  final List<LabValue> breastfeeding = new ArrayList<>();
  final List<ScoreFact> ecog = new ArrayList<>();
  final List<ScoreFact> karnofsky = new ArrayList<>();

  void observation(String loinc, LabValue value) {
    observations.computeIfAbsent(loinc, k -> new ArrayList<>()).add(value);
  }

  PatientFacts build() {
    return new PatientFacts(
        reference,
        birthDate,
        sex,
        deceased,
        deceasedAt,
        observations,
        conditions,
        procedures,
        medications,
        pregnancy,
        breastfeeding,
        ecog,
        karnofsky);
  }
}
