package org.fhirtrials.model;

/**
 * Oversight module.
 *
 * @param fdaRegulatedDrug studies a US FDA-regulated drug
 * @param fdaRegulatedDevice studies a US FDA-regulated device
 * @param hasDmc has a data monitoring committee
 */
public record Oversight(Boolean fdaRegulatedDrug, Boolean fdaRegulatedDevice, Boolean hasDmc) {}
