package org.fhirtrials.model;

/**
 * A web link.
 *
 * @param label label
 * @param url URL
 */
public record Link(String label, String url) {}
