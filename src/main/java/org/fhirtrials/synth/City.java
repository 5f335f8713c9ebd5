package org.fhirtrials.synth;

/**
 * A real city with its real coordinates (WGS84, as the registry's geocoder reports them).
 *
 * @param name city name as the registry writes it
 * @param state state or province, or null where the registry usually leaves it empty
 * @param country country name as the registry writes it
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 * @param latText latitude as written in the table (written as-is, not re-rendered per site)
 * @param lonText longitude as written in the table
 */
record City(
    String name,
    String state,
    String country,
    double lat,
    double lon,
    String latText,
    String lonText) {}
