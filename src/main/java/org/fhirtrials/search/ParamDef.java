package org.fhirtrials.search;

import java.util.Set;

/**
 * One search parameter of one resource type.
 *
 * @param name the parameter code, e.g. {@code site}
 * @param kind how it is indexed
 * @param expression the FHIRPath expression whose values are indexed (null for full text)
 * @param targets resource types a reference may point to
 * @param description one line for the CapabilityStatement
 * @param definition canonical URL of the SearchParameter (the spec's, or this project's)
 */
public record ParamDef(
    String name,
    ParamKind kind,
    String expression,
    Set<String> targets,
    String description,
    String definition) {
  public ParamDef {
    targets = targets == null ? Set.of() : Set.copyOf(targets);
  }
}
