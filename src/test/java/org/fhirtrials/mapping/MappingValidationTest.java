package org.fhirtrials.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.conformance.ValidatorFactory;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.mapping.r4.R4TrialMapper;
import org.fhirtrials.mapping.r5.R5TrialMapper;
import org.fhirtrials.model.Trial;
import org.fhirtrials.testing.SharedData;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * Every mapped resource validates with zero errors against the base spec and our profiles (set in
 * meta.profile by the mappers), in R4 and R5. One validator per version for the class.
 */
class MappingValidationTest {
  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static final FhirContext R5 = FhirContext.forR5Cached();
  private static FhirValidator r4Validator;
  private static FhirValidator r5Validator;

  private static synchronized FhirValidator r4() {
    if (r4Validator == null) {
      r4Validator = ValidatorFactory.create(R4);
    }
    return r4Validator;
  }

  private static synchronized FhirValidator r5() {
    if (r5Validator == null) {
      r5Validator = ValidatorFactory.create(R5);
    }
    return r5Validator;
  }

  @Test
  void handMadeTrialsValidateInR4AndR5() {
    assertValid(List.of(TrialFixtures.kitchenSink(), TrialFixtures.minimal()), "fixtures");
  }

  @Test
  void seedTrialsValidateInR4AndR5() {
    List<Trial> seeds = new ArrayList<>();
    new TrialReader().readSeeds(seeds::add);
    org.junit.jupiter.api.Assumptions.assumeFalse(seeds.isEmpty(), "seed parser not available");
    assertValid(seeds, "seeds");
  }

  @Test
  void ctgovRecordsValidateInR4AndR5() {
    var dir = SharedData.require("ctgov-v2");
    List<Trial> trials = new ArrayList<>();
    try {
      new TrialReader().read(List.of(dir), trials::add);
    } catch (UnsupportedOperationException e) {
      org.junit.jupiter.api.Assumptions.abort("CT.gov reader not available yet");
    }
    org.junit.jupiter.api.Assumptions.assumeFalse(trials.isEmpty(), "no CT.gov records read");
    assertValid(trials, "ctgov-v2");
  }

  private void assertValid(List<Trial> trials, String label) {
    List<String> errors = new ArrayList<>();
    int warnings = 0;
    for (Trial t : trials) {
      for (IBaseResource r : new R4TrialMapper().map(t)) {
        warnings += collect(r4(), r, "R4 " + t.nctId(), errors);
      }
      for (IBaseResource r : new R5TrialMapper().map(t)) {
        warnings += collect(r5(), r, "R5 " + t.nctId(), errors);
      }
    }
    System.out.printf(
        "%s: %d trials, %d errors, %d warnings%n", label, trials.size(), errors.size(), warnings);
    assertThat(errors).isEmpty();
  }

  private static int collect(FhirValidator v, IBaseResource r, String where, List<String> errors) {
    int warnings = 0;
    for (SingleValidationMessage m : v.validateWithResult(r).getMessages()) {
      if (m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
        errors.add(
            where
                + " "
                + r.getIdElement().getValue()
                + " "
                + m.getLocationString()
                + ": "
                + m.getMessage());
      } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
        warnings++;
      }
    }
    return warnings;
  }
}
