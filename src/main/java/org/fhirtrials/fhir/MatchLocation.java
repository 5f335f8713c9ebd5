package org.fhirtrials.fhir;

import java.util.Locale;
import org.fhirtrials.match.MatchOperation;
import org.fhirtrials.model.GeoPoint;

/** Parses {@code near} ({@code lat|lon}) and {@code travelRadius} ({@code number[|km|mi]}). */
final class MatchLocation {
  /** Statute mile in km (UCUM [mi_i] = 5280 [ft_i] = 1.609344 km). */
  static final double KM_PER_MILE = 1.609344;

  private MatchLocation() {}

  static GeoPoint near(String value) {
    if (value == null) {
      return null;
    }
    String[] parts = value.split("\\|", -1);
    if (parts.length != 2) {
      throw invalid(
          MatchOperation.NEAR,
          value,
          "expected lat|lon in decimal degrees, e.g. 42.36|-71.06 (give the distance in "
              + MatchOperation.TRAVEL_RADIUS
              + ")");
    }
    double lat = number(MatchOperation.NEAR, value, parts[0]);
    double lon = number(MatchOperation.NEAR, value, parts[1]);
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      throw invalid(
          MatchOperation.NEAR, value, "latitude must be in [-90, 90], longitude in [-180, 180]");
    }
    return new GeoPoint(lat, lon);
  }

  /** The radius in km, or null when none was given. */
  static Double radiusKm(String value) {
    if (value == null) {
      return null;
    }
    String[] parts = value.split("\\|", -1);
    if (parts.length > 2) {
      throw invalid(MatchOperation.TRAVEL_RADIUS, value, "expected a number, or number|unit");
    }
    double amount = number(MatchOperation.TRAVEL_RADIUS, value, parts[0]);
    if (amount < 0) {
      throw invalid(MatchOperation.TRAVEL_RADIUS, value, "must not be negative");
    }
    String unit = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "km";
    return switch (unit) {
      case "km" -> amount;
      case "mi", "[mi_i]" -> amount * KM_PER_MILE;
      default -> throw invalid(MatchOperation.TRAVEL_RADIUS, value, "unit must be km or mi");
    };
  }

  private static double number(String param, String value, String part) {
    try {
      double d = Double.parseDouble(part.trim());
      if (Double.isFinite(d) && part.trim().matches("[+-]?\\d+(\\.\\d+)?")) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(param, value, "'" + part + "' is not a decimal number");
  }

  private static IllegalArgumentException invalid(String param, String value, String why) {
    return new IllegalArgumentException(param + " '" + value + "': " + why);
  }
}
