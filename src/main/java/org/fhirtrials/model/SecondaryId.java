package org.fhirtrials.model;

/**
 * A secondary identifier.
 *
 * @param id the identifier value
 * @param type registry code (NIH, FDA, EUDRACT_NUMBER, REGISTRY, OTHER_GRANT, OTHER...) or null
 * @param domain issuing organisation or registry, free text
 * @param link URL, when the registry gives one
 */
public record SecondaryId(String id, String type, String domain, String link) {}
