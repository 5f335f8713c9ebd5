package org.fhirtrials.eligibility.evaluate;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fhirtrials.terminology.Ucum;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.context.SimpleWorkerContext;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Evaluates a published criterion FHIRPath expression (DESIGN D3) against an R4 patient Bundle with
 * the HL7 core R4 {@link FHIRPathEngine}, UCUM-aware (the {@code org.fhir:ucum} essence), so that
 * {@code 80 '10*9/L'} compares with {@code 80000 '/uL'}. The focus is the Bundle: expressions start
 * with {@code entry.resource.ofType(...)}. This is the interoperable (slow) path; {@link
 * EligibilityEvaluator} is the fast path that must agree with it (DESIGN D4).
 *
 * <p>Thread-safe for evaluation after construction (parsed expressions are cached; the engine keeps
 * no per-call state other than the UCUM service, which is synchronised here).
 */
public final class FhirPathCrossCheck {
  private final FHIRPathEngine engine;
  private final Map<String, ExpressionNode> parsed = new ConcurrentHashMap<>();

  public FhirPathCrossCheck() {
    // the R4 StructureDefinitions (hapi-fhir-validation-resources-r4) tell the engine the types
    // that ofType(Patient) and value.ofType(Quantity) name. (HapiWorkerContext is final and
    // refuses setUcumService, HAPI-0275; a SimpleWorkerContext takes both.)
    FhirContext fhir = FhirContext.forR4Cached();
    SimpleWorkerContext context;
    try {
      context = SimpleWorkerContext.fromNothing();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (IBaseResource sd :
        new DefaultProfileValidationSupport(fhir).fetchAllStructureDefinitions()) {
      context.cacheResource((StructureDefinition) sd);
    }
    // the engine calls UCUM internally, unsynchronised: it gets its own service
    context.setUcumService(Ucum.load());
    engine = new FHIRPathEngine(context);
  }

  /**
   * The outcome of {@code expression} on {@code bundle}: true is {@link Outcome#MET}, false {@link
   * Outcome#NOT_MET}, empty {@link Outcome#UNKNOWN}.
   *
   * @throws IllegalStateException when the expression does not yield a single boolean or empty, or
   *     the engine rejects it (the message names the expression)
   */
  public Outcome evaluate(String expression, Bundle bundle) {
    ExpressionNode node = parsed.computeIfAbsent(expression, engine::parse);
    List<Base> result;
    synchronized (engine) {
      try {
        result = engine.evaluate(bundle, node);
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "FHIRPath evaluation failed: " + e.getMessage() + " in: " + expression, e);
      }
    }
    if (result.isEmpty()) {
      return Outcome.UNKNOWN;
    }
    if (result.size() == 1 && result.get(0) instanceof BooleanType b && b.hasValue()) {
      return Outcome.of(b.booleanValue());
    }
    throw new IllegalStateException(
        "expected a boolean or empty, got " + result.size() + " item(s) from: " + expression);
  }
}
