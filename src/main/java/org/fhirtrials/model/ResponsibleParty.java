package org.fhirtrials.model;

/**
 * Responsible party.
 *
 * @param type SPONSOR, PRINCIPAL_INVESTIGATOR or SPONSOR_INVESTIGATOR
 * @param investigatorFullName investigator's name, when an investigator is responsible
 * @param investigatorTitle investigator's title
 * @param investigatorAffiliation investigator's affiliation
 * @param oldNameTitle legacy free-text name/title
 * @param oldOrganization legacy organisation
 */
public record ResponsibleParty(
    String type,
    String investigatorFullName,
    String investigatorTitle,
    String investigatorAffiliation,
    String oldNameTitle,
    String oldOrganization) {}
