package org.fhirtrials.model;

/**
 * A MeSH descriptor derived by the registry.
 *
 * @param id MeSH descriptor id, e.g. {@code D006528}
 * @param term preferred term, e.g. {@code Carcinoma, Hepatocellular}
 */
public record MeshTerm(String id, String term) {}
