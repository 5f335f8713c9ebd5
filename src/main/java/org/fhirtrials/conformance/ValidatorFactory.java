package org.fhirtrials.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Builds HAPI {@link FhirValidator}s that know the base specification and the project's conformance
 * resources (profiles, extensions, code systems). Expensive (the first R5 validator loads the whole
 * core package, ~25 s): build one per FHIR version and share it.
 */
public final class ValidatorFactory {
  private ValidatorFactory() {}

  /** A validator over the project's published resources for the context's version. */
  public static FhirValidator create(FhirContext ctx) {
    return create(ctx, ConformanceResources.load(ctx));
  }

  /** A validator over the given conformance resources. */
  public static FhirValidator create(FhirContext ctx, List<IBaseResource> conformance) {
    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(ctx);
    conformance.forEach(ours::addResource);
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(ctx),
            ours,
            new SnapshotGeneratingValidationSupport(ctx),
            new InMemoryTerminologyServerValidationSupport(ctx),
            new CommonCodeSystemsTerminologyService(ctx));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    FhirValidator validator = ctx.newValidator();
    validator.registerValidatorModule(module);
    return validator;
  }
}
