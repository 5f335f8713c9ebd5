package org.fhirtrials.model;

/**
 * A sponsor or collaborator.
 *
 * @param name organisation name
 * @param agencyClass registry class (INDUSTRY, NIH, FED, OTHER_GOV, INDIV, NETWORK, OTHER...) or
 *     null
 */
public record Organization(String name, String agencyClass) {}
