package org.fhirtrials.match;

import org.fhirtrials.model.GeoPoint;

/** Great-circle distance (haversine, mean Earth radius 6371.0088 km). */
public final class Geo {
  private static final double EARTH_RADIUS_KM = 6371.0088;

  private Geo() {}

  public static double distanceKm(GeoPoint a, GeoPoint b) {
    return distanceKm(a, b.lat(), b.lon());
  }

  /** The distance from {@code a} to the point at {@code lat}, {@code lon} (degrees). */
  public static double distanceKm(GeoPoint a, double lat, double lon) {
    double lat1 = Math.toRadians(a.lat());
    double lat2 = Math.toRadians(lat);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(lon - a.lon());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
