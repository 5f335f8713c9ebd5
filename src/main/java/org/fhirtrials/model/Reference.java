package org.fhirtrials.model;

/**
 * A publication.
 *
 * @param pmid PubMed id or null
 * @param type BACKGROUND, RESULT, DERIVED (registry code) or null
 * @param citation citation text
 */
public record Reference(String pmid, String type, String citation) {}
