package org.fhirtrials.search;

import java.util.Locale;

/** Comparison prefixes of date and number search values (FHIR search, "prefixes"). */
public enum Prefix {
  EQ,
  NE,
  GT,
  LT,
  GE,
  LE,
  SA,
  EB,
  AP;

  /** Fraction of the distance from now (dates) or of the value (numbers) that {@code ap} allows. */
  public static final double APPROXIMATE = 0.1;

  /** The prefix a value starts with ({@code eq} when none) and the rest of the value. */
  public static Prefix of(String value) {
    if (value.length() > 2 && Character.isLetter(value.charAt(0))) {
      try {
        return valueOf(value.substring(0, 2).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return EQ;
  }

  public static String strip(String value) {
    return value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(2) : value;
  }

  /** Whether a target range [tl, th] matches the search range [pl, ph]. */
  public boolean matches(double tl, double th, double pl, double ph, double tolerance) {
    boolean eq = tl >= pl && th <= ph;
    return switch (this) {
      case EQ -> eq;
      case NE -> !eq;
      case GT -> th > ph;
      case LT -> tl < pl;
      case GE -> th > ph || eq;
      case LE -> tl < pl || eq;
      case SA -> tl > ph;
      case EB -> th < pl;
      case AP -> th >= pl - tolerance && tl <= ph + tolerance;
    };
  }
}
