package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.fhirtrials.match.MatchConfig;
import org.fhirtrials.match.MatchFilter;
import org.fhirtrials.match.MatchOperation;
import org.fhirtrials.match.TrialMatchService;
import org.fhirtrials.match.TrialTraits;
import org.fhirtrials.model.GeoPoint;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.patient.PatientDataException;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.PatientFactsReader;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * {@code POST [base]/ResearchStudy/$match} on either base (see {@link MatchOperation}): reads the
 * parameters, asks {@link TrialMatchService}, answers with {@link MatchBundle}. Every bad input is
 * a 400 OperationOutcome via {@link FhirErrors}.
 */
public final class MatchOperationProvider {
  private final TrialResources resources;
  private final TrialMatchService service;
  private final MatchConfig.AsOf asOf;
  private final PatientFactsReader reader = new PatientFactsReader();

  public MatchOperationProvider(
      TrialResources resources, TrialMatchService service, MatchConfig.AsOf asOf) {
    this.resources = resources;
    this.service = service;
    this.asOf = asOf;
  }

  @Operation(
      name = MatchOperation.NAME,
      typeName = "ResearchStudy",
      idempotent = false,
      canonicalUrl = MatchOperation.CANONICAL,
      returnParameters =
          @OperationParam(name = MatchOperation.RETURN, typeName = "Bundle", min = 1, max = 1))
  public IBaseBundle match(
      @OperationParam(name = MatchOperation.CLINICAL_DATA, typeName = "Bundle", max = 1)
          IBaseBundle clinicalData,
      @OperationParam(
              name = MatchOperation.PHASE,
              typeName = "string",
              max = OperationParam.MAX_UNLIMITED)
          List<IPrimitiveType<String>> phase,
      @OperationParam(
              name = MatchOperation.RECRUITMENT_STATUS,
              typeName = "string",
              max = OperationParam.MAX_UNLIMITED)
          List<IPrimitiveType<String>> recruitmentStatus,
      @OperationParam(name = MatchOperation.NEAR, typeName = "string", max = 1)
          IPrimitiveType<String> near,
      @OperationParam(name = MatchOperation.TRAVEL_RADIUS, typeName = "string", max = 1)
          IPrimitiveType<String> travelRadius,
      @OperationParam(name = MatchOperation.ZIP_CODE, typeName = "string", max = 1)
          IPrimitiveType<String> zipCode,
      @OperationParam(name = MatchOperation.COUNT, typeName = "integer", max = 1)
          IPrimitiveType<Integer> count,
      @OperationParam(name = MatchOperation.INCLUDE_INELIGIBLE, typeName = "boolean", max = 1)
          IPrimitiveType<Boolean> includeIneligible,
      RequestDetails request) {
    FhirContext ctx = resources.context();
    if (zipCode != null) {
      throw FhirErrors.badRequest(
          ctx,
          MatchOperation.ZIP_CODE
              + " is not supported: this server cannot geocode postal codes offline; send "
              + MatchOperation.NEAR
              + " as lat|lon (decimal degrees) with "
              + MatchOperation.TRAVEL_RADIUS
              + " instead");
    }
    if (clinicalData == null) {
      throw FhirErrors.badRequest(
          ctx,
          "missing parameter "
              + MatchOperation.CLINICAL_DATA
              + ": a Bundle with the patient's data (one Patient and any Condition, Observation,"
              + " Procedure, medication resources)");
    }
    int limit = count(ctx, count);
    MatchFilter filter;
    Predicate<TrialTraits> phases;
    try {
      GeoPoint point = MatchLocation.near(value(near));
      Double radius = MatchLocation.radiusKm(value(travelRadius));
      if (radius != null && point == null) {
        throw new IllegalArgumentException(
            MatchOperation.TRAVEL_RADIUS + " needs " + MatchOperation.NEAR + " (lat|lon)");
      }
      Set<RecruitmentStatus> statuses =
          MatchCodes.statuses(values(recruitmentStatus), resources.binding().name());
      phases = MatchCodes.phases(values(phase));
      filter = new MatchFilter(Set.of(), statuses, point, radius);
    } catch (IllegalArgumentException e) {
      throw FhirErrors.badRequest(ctx, e.getMessage());
    }
    PatientFacts patient = read(ctx, clinicalData);
    boolean withIneligible =
        includeIneligible != null && Boolean.TRUE.equals(includeIneligible.getValue());
    TrialMatchService.Page page =
        service.match(
            patient,
            filter,
            phases == null ? t -> true : phases,
            asOf.get(),
            limit,
            withIneligible);
    return MatchBundle.build(resources, page.matches(), page.total(), request.getFhirServerBase());
  }

  private PatientFacts read(FhirContext ctx, IBaseBundle bundle) {
    try {
      if (bundle instanceof org.hl7.fhir.r4.model.Bundle r4) {
        return reader.read(r4);
      }
      if (bundle instanceof org.hl7.fhir.r5.model.Bundle r5) {
        return reader.read(r5);
      }
    } catch (PatientDataException e) {
      throw FhirErrors.badRequest(ctx, MatchOperation.CLINICAL_DATA + ": " + e.getMessage());
    }
    throw FhirErrors.badRequest(
        ctx, MatchOperation.CLINICAL_DATA + " must be a " + resources.binding().name() + " Bundle");
  }

  private static int count(FhirContext ctx, IPrimitiveType<Integer> count) {
    if (count == null || count.getValue() == null) {
      return MatchOperation.DEFAULT_COUNT;
    }
    int n = count.getValue();
    if (n < 0) {
      throw FhirErrors.badRequest(ctx, MatchOperation.COUNT + " must not be negative: " + n);
    }
    return Math.min(n, MatchOperation.MAX_COUNT);
  }

  private static String value(IPrimitiveType<String> p) {
    return p == null || p.getValueAsString() == null ? null : p.getValueAsString().trim();
  }

  private static List<String> values(List<IPrimitiveType<String>> ps) {
    return ps == null
        ? List.of()
        : ps.stream()
            .map(MatchOperationProvider::value)
            .filter(v -> v != null && !v.isEmpty())
            .toList();
  }
}
