package org.fhirtrials.model;

/**
 * WGS84 coordinates.
 *
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 */
public record GeoPoint(double lat, double lon) {}
