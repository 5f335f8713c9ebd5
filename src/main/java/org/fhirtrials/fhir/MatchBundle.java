package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.util.BundleBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.fhirtrials.eligibility.evaluate.ConstraintResult;
import org.fhirtrials.eligibility.evaluate.CriterionResult;
import org.fhirtrials.eligibility.evaluate.Evidence;
import org.fhirtrials.eligibility.evaluate.Outcome;
import org.fhirtrials.mapping.ResourceIds;
import org.fhirtrials.match.MatchResult;
import org.fhirtrials.match.TrialMatch;
import org.fhirtrials.patient.Measure;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.BooleanType;
import org.hl7.fhir.r5.model.CodeType;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.Extension;
import org.hl7.fhir.r5.model.Quantity;
import org.hl7.fhir.r5.model.Reference;
import org.hl7.fhir.r5.model.StringType;

/**
 * The {@code $match} answer: a searchset Bundle of the served ResearchStudy resources, best first,
 * each entry with {@code search.mode = match}, {@code search.score} and the {@link MatchResult}
 * extension. The extension is built once with the R5 model and converted for R4 (datatypes convert
 * with the HL7 version convertor, DESIGN D1).
 */
final class MatchBundle {
  /** Distances are reported to 0.1 km: site coordinates are rarely more precise. */
  private static final int DISTANCE_SCALE = 1;

  /** Scores are reported to 4 decimals. */
  private static final int SCORE_SCALE = 4;

  private static final String UCUM = "http://unitsofmeasure.org";

  private MatchBundle() {}

  static IBaseBundle build(
      TrialResources resources, List<TrialMatch> matches, int total, String serverBase) {
    FhirContext ctx = resources.context();
    BundleBuilder builder = new BundleBuilder(ctx);
    builder.setType("searchset");
    builder.setBundleField("total", Integer.toString(total));
    for (TrialMatch match : matches) {
      IBaseResource study = resources.copy(resources.mapped(match.trial()).study());
      IBase entry = builder.addSearchMatchEntry(study);
      ctx.newTerser()
          .setElement(
              entry, "fullUrl", serverBase + "/ResearchStudy/" + study.getIdElement().getIdPart());
      IBase search = searchOf(ctx, entry);
      builder.setSearchField(
          search,
          "score",
          BigDecimal.valueOf(match.evaluation().score())
              .setScale(SCORE_SCALE, RoundingMode.HALF_UP)
              .stripTrailingZeros()
              .toPlainString());
      attach(ctx, search, extension(match));
    }
    return builder.getBundleTyped();
  }

  private static IBase searchOf(FhirContext ctx, IBase entry) {
    return ctx.newTerser().getSingleValueOrNull(entry, "search", IBase.class);
  }

  private static void attach(FhirContext ctx, IBase element, Extension ext) {
    if (ctx.getVersion().getVersion() == FhirVersionEnum.R5) {
      ((org.hl7.fhir.r5.model.Element) element).addExtension(ext);
    } else {
      ((org.hl7.fhir.r4.model.Element) element)
          .addExtension(
              (org.hl7.fhir.r4.model.Extension) VersionConvertorFactory_40_50.convertType(ext));
    }
  }

  static Extension extension(TrialMatch match) {
    Extension ext = new Extension(MatchResult.URL);
    ext.addExtension(
        MatchResult.VERDICT, new CodeType(MatchResult.code(match.evaluation().verdict())));
    if (match.distanceKm() != null) {
      ext.addExtension(
          MatchResult.DISTANCE,
          new Quantity()
              .setValue(
                  BigDecimal.valueOf(match.distanceKm())
                      .setScale(DISTANCE_SCALE, RoundingMode.HALF_UP))
              .setUnit(MatchResult.KM)
              .setSystem(UCUM)
              .setCode(MatchResult.KM));
    }
    if (match.nearestSite() != null) {
      int index = match.trial().trial().sites().indexOf(match.nearestSite()) + 1;
      ext.addExtension(
          MatchResult.NEAREST_SITE,
          new Reference("Location/" + ResourceIds.site(match.trial().nctId(), index))
              .setDisplay(match.nearestSite().facility()));
    }
    for (CriterionResult c : match.evaluation().criteria()) {
      ext.addExtension(criterion(c));
    }
    return ext;
  }

  private static Extension criterion(CriterionResult c) {
    Extension ext = new Extension(MatchResult.CRITERION);
    ext.addExtension(MatchResult.ID, new StringType(c.criterion().id()));
    ext.addExtension(MatchResult.EXCLUSION, new BooleanType(c.exclusion()));
    ext.addExtension(MatchResult.OUTCOME, new CodeType(MatchResult.code(c.outcome())));
    ext.addExtension(MatchResult.TEXT, new StringType(c.criterion().text()));
    if (c.outcome() == Outcome.UNKNOWN && c.reason() != null && !c.reason().isBlank()) {
      ext.addExtension(MatchResult.MISSING, new StringType(c.reason()));
    }
    for (ConstraintResult r : c.constraints()) {
      if (r.evidence() != null) {
        ext.addExtension(evidence(r.evidence()));
      }
    }
    return ext;
  }

  private static Extension evidence(Evidence e) {
    Extension ext = new Extension(MatchResult.EVIDENCE);
    ext.addExtension(MatchResult.REFERENCE, new Reference(e.reference()));
    if (e.value() != null) {
      ext.addExtension(MatchResult.VALUE, quantity(e.value()));
    }
    if (e.limit() != null) {
      ext.addExtension(MatchResult.LIMIT, quantity(e.limit()));
    }
    if (e.date() != null) {
      ext.addExtension(MatchResult.DATE, new DateTimeType(e.date().original()));
    }
    if (e.note() != null) {
      ext.addExtension(MatchResult.NOTE, new StringType(e.note()));
    }
    return ext;
  }

  /**
   * The unit goes in {@code unit} only: a Measure's unit is UCUM for catalogued labs but may be the
   * unit as recorded otherwise, so claiming the UCUM system would be a guess.
   */
  private static Quantity quantity(Measure m) {
    Quantity q = new Quantity().setValue(m.value());
    if (m.unit() != null) {
      q.setUnit(m.unit());
    }
    return q;
  }
}
