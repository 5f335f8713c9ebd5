package org.fhirtrials.model;

/**
 * An overall official.
 *
 * @param name name with degrees as given
 * @param affiliation institution
 * @param role PRINCIPAL_INVESTIGATOR, STUDY_CHAIR, STUDY_DIRECTOR (registry code) or null
 */
public record Official(String name, String affiliation, String role) {}
