package org.fhirtrials.search;

import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBase;

/** The FHIR type name of each HAPI element class of one context, looked up once per class. */
final class TypeNames extends ClassValue<String> {
  private final FhirContext ctx;

  TypeNames(FhirContext ctx) {
    this.ctx = ctx;
  }

  /** The type name of an element ("" when the context knows no definition for its class). */
  String of(IBase element) {
    return get(element.getClass());
  }

  @Override
  @SuppressWarnings("unchecked")
  protected String computeValue(Class<?> type) {
    if (!IBase.class.isAssignableFrom(type)) {
      return "";
    }
    BaseRuntimeElementDefinition<?> def = ctx.getElementDefinition((Class<? extends IBase>) type);
    return def == null ? "" : def.getName();
  }
}
