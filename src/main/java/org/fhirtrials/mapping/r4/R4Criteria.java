package org.fhirtrials.mapping.r4;

import org.fhirtrials.eligibility.extract.Constraint;
import org.fhirtrials.eligibility.extract.CriterionExtractor;
import org.fhirtrials.eligibility.extract.ExtractedCriterion;
import org.fhirtrials.mapping.EligibilityExpressions;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.model.Criterion;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Group.GroupCharacteristicComponent;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;

/**
 * One criterion as Group characteristics (docs/eligibility-model.md): first the <em>criterion
 * characteristic</em> (verbatim text in {@code code.text}, {@code value = true}, {@code exclude}
 * for an exclusion, the whole-criterion FHIRPath when any part is computable, the computable flag
 * and reason), then one <em>constraint characteristic</em> per structured constraint the extractor
 * found (coded {@code code}, typed {@code value[x]}, its own FHIRPath and computable flag, the same
 * criterion id, and the source words).
 */
final class R4Criteria {
  private static final CriterionExtractor EXTRACTOR = new CriterionExtractor();

  private R4Criteria() {}

  /** Adds the characteristics of one criterion, extracting its constraints. */
  static void add(Group g, Criterion criterion) {
    add(g, EXTRACTOR.extract(criterion));
  }

  /** Adds a criterion kept as text only (not extracted), not computable for {@code reason}. */
  static void addTextOnly(Group g, Criterion criterion, String reason) {
    criterionCharacteristic(g, criterion);
    computable(g.getCharacteristic().get(g.getCharacteristic().size() - 1), false, reason);
  }

  static void add(Group g, ExtractedCriterion x) {
    Criterion criterion = x.criterion();
    GroupCharacteristicComponent c = criterionCharacteristic(g, criterion);
    if (x.constraints().size() > 1) {
      c.addExtension(
          FhirUrls.EXT_CRITERION_LOGIC,
          new CodeType(
              x.logic() == ExtractedCriterion.Logic.ALL_OF
                  ? FhirUrls.LOGIC_ALL_OF
                  : FhirUrls.LOGIC_ANY_OF));
    }
    if (x.fhirPath() != null) {
      // also when only partly computable: the unknown parts are {} (see the extension's doc)
      expression(c, x.fhirPath(), "Criterion " + criterion.id());
    }
    computable(c, x.computable(), x.reason());
    for (Constraint k : x.constraints()) {
      constraintCharacteristic(g, criterion, k);
    }
  }

  private static GroupCharacteristicComponent criterionCharacteristic(
      Group g, Criterion criterion) {
    GroupCharacteristicComponent c = g.addCharacteristic();
    c.addExtension(FhirUrls.EXT_CRITERION_ID, new StringType(criterion.id()));
    R4Types.addString(c, FhirUrls.EXT_CRITERION_LEAD_IN, criterion.parentText());
    c.setCode(R4Types.text(criterion.text()));
    c.setValue(new BooleanType(true));
    c.setExclude(criterion.exclusion());
    return c;
  }

  private static void constraintCharacteristic(Group g, Criterion criterion, Constraint k) {
    String text = criterion.text();
    int start = Math.max(0, Math.min(k.start(), text.length()));
    int end = Math.max(start, Math.min(k.end(), text.length()));
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    String words = text.substring(start, end);

    GroupCharacteristicComponent c = g.addCharacteristic();
    c.addExtension(FhirUrls.EXT_CRITERION_ID, new StringType(criterion.id()));
    Extension source = c.addExtension().setUrl(FhirUrls.EXT_CONSTRAINT_SOURCE);
    source.addExtension("start", new IntegerType(start));
    source.addExtension("end", new IntegerType(end));
    source.addExtension("text", new StringType(words));
    c.setCode(R4ConstraintValues.code(k));
    c.setValue(R4ConstraintValues.value(k, words));
    c.setExclude(criterion.exclusion());
    if (k.sex() != null) {
      c.addExtension(FhirUrls.EXT_APPLIES_TO_SEX, new CodeType(k.sex().fhirCode()));
    }
    if (k.window() != null) {
      Extension window = c.addExtension().setUrl(FhirUrls.EXT_TIME_WINDOW);
      Duration within = R4ConstraintValues.within(k.window());
      if (within != null) {
        window.addExtension("within", within);
      }
      window.addExtension("text", new StringType(k.window().text()));
    }
    if (k.fhirPath() != null) {
      expression(c, k.fhirPath(), k.name());
    }
    computable(c, k.computable() && k.fhirPath() != null, k.reason());
  }

  /** The characteristic-expression extension. */
  static void expression(GroupCharacteristicComponent c, String fhirPath, String description) {
    c.addExtension(
        FhirUrls.EXT_CHARACTERISTIC_EXPRESSION,
        new Expression()
            .setLanguage(EligibilityExpressions.FHIRPATH)
            .setExpression(fhirPath)
            .setDescription(description));
  }

  /** The computable flag, with the reason when not computable. */
  static void computable(GroupCharacteristicComponent c, boolean computable, String reason) {
    c.addExtension(FhirUrls.EXT_COMPUTABLE, new BooleanType(computable));
    if (!computable) {
      R4Types.addString(
          c,
          FhirUrls.EXT_NOT_COMPUTABLE_REASON,
          reason == null || reason.isBlank() ? "not structured" : reason);
    }
  }
}
