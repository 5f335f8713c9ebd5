package org.fhirtrials.mapping.r4;

import static org.fhirtrials.mapping.r4.R4Types.present;

import java.util.Optional;
import org.fhirtrials.mapping.EligibilityExpressions;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.ResourceIds;
import org.fhirtrials.model.Age;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.model.Eligibility;
import org.fhirtrials.model.Trial;
import org.fhirtrials.terminology.Terminology;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Group.GroupCharacteristicComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * The eligibility Group (DESIGN D3): R4 {@code actual=false}, one characteristic per criterion
 * (verbatim text in {@code code.text}), plus computable age and sex characteristics.
 */
final class R4Eligibility {
  /** Criterion id used when the criteria text could not be split into items. */
  static final String WHOLE_TEXT_ID = "all";

  private R4Eligibility() {}

  static Group group(Trial trial) {
    Eligibility e = trial.eligibility();
    Group g = new Group();
    g.setId(ResourceIds.eligibility(trial.nctId()));
    g.getMeta().addProfile(FhirUrls.PROFILE_ELIGIBILITY_GROUP);
    g.setActual(false);
    g.setType(Group.GroupType.PERSON);
    g.setName("Eligibility criteria of " + trial.nctId());
    Integer count = trial.design().enrollmentCount();
    if (count != null && count >= 0) {
      UnsignedIntType q = new UnsignedIntType(count);
      Boolean estimated = trial.design().enrollmentEstimated();
      if (estimated != null) {
        q.addExtension(FhirUrls.EXT_ESTIMATED, new BooleanType(estimated));
      }
      g.setQuantityElement(q);
    }
    if (e.healthyVolunteers() != null) {
      g.addExtension(FhirUrls.EXT_HEALTHY_VOLUNTEERS, new BooleanType(e.healthyVolunteers()));
    }
    addAge(g, e);
    addSex(g, e);
    if (Boolean.FALSE.equals(e.healthyVolunteers())) {
      // Not computable: nothing in a patient record says "healthy volunteer".
      GroupCharacteristicComponent c = g.addCharacteristic();
      c.setCode(R4Types.text("Healthy volunteer (not accepted)"));
      c.setValue(new BooleanType(true)).setExclude(true);
      c.addExtension(FhirUrls.EXT_NOT_COMPUTABLE, new BooleanType(true));
    }
    if (!e.criteria().isEmpty()) {
      e.criteria().forEach(c -> addCriterion(g, c));
    } else if (present(e.criteriaText())) {
      // The text could not be split: keep it whole, as one inclusion-neutral text characteristic.
      addCriterion(g, new Criterion(WHOLE_TEXT_ID, false, e.criteriaText(), null, false));
    }
    return g;
  }

  private static void addCriterion(Group g, Criterion criterion) {
    GroupCharacteristicComponent c = g.addCharacteristic();
    c.addExtension(FhirUrls.EXT_CRITERION_ID, new StringType(criterion.id()));
    R4Types.addString(c, FhirUrls.EXT_CRITERION_LEAD_IN, criterion.parentText());
    c.addExtension(FhirUrls.EXT_NOT_COMPUTABLE, new BooleanType(true));
    c.setCode(R4Types.text(criterion.text()));
    c.setValue(new BooleanType(true));
    c.setExclude(criterion.exclusion());
  }

  private static void addAge(Group g, Eligibility e) {
    if (e.minimumAge() == null && e.maximumAge() == null) {
      return;
    }
    GroupCharacteristicComponent c = g.addCharacteristic();
    c.setCode(
        new CodeableConcept()
            .addCoding(new Coding(Terminology.SNOMED, Terminology.SNOMED_AGE, "Age"))
            .setText("Age"));
    Range range = new Range();
    if (e.minimumAge() != null) {
      range.setLow(quantity(e.minimumAge()));
    }
    if (e.maximumAge() != null) {
      range.setHigh(quantity(e.maximumAge()));
    }
    c.setValue(range).setExclude(false);
    expression(c, EligibilityExpressions.age(e.minimumAge(), e.maximumAge()), "Age limits");
  }

  private static void addSex(Group g, Eligibility e) {
    Optional<String> gender = EligibilityExpressions.genderCode(e.sex());
    if (gender.isEmpty()) {
      return;
    }
    GroupCharacteristicComponent c = g.addCharacteristic();
    c.setCode(
        new CodeableConcept()
            .addCoding(new Coding(Terminology.LOINC, Terminology.LOINC_SEX, "Sex"))
            .setText("Sex"));
    c.setValue(
        new CodeableConcept()
            .addCoding(new Coding(Terminology.ADMINISTRATIVE_GENDER, gender.get(), null)));
    c.setExclude(false);
    // Lossy: genderBased / genderDescription have no R4 element (R5 keeps the description).
    expression(c, EligibilityExpressions.sex(e.sex()), "Sex");
  }

  private static void expression(
      GroupCharacteristicComponent c, Optional<String> fhirPath, String description) {
    if (fhirPath.isPresent()) {
      c.addExtension(
          FhirUrls.EXT_CHARACTERISTIC_EXPRESSION,
          new Expression()
              .setLanguage(EligibilityExpressions.FHIRPATH)
              .setExpression(fhirPath.get())
              .setDescription(description));
    } else {
      c.addExtension(FhirUrls.EXT_NOT_COMPUTABLE, new BooleanType(true));
    }
  }

  /** An age as a UCUM quantity ({@code a}, {@code mo}, ...). */
  static Quantity quantity(Age age) {
    return new Quantity()
        .setValue(age.value())
        .setUnit(age.unit().name().toLowerCase(java.util.Locale.ROOT))
        .setSystem(Terminology.UCUM)
        .setCode(age.unit().ucum());
  }
}
