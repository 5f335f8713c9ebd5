package org.fhirtrials.match;

import java.util.List;
import org.fhirtrials.model.GeoPoint;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.Trial;

/**
 * What a match filters a trial on before ranking it, kept beside its compiled criteria so that a
 * match over the whole registry never reads a stored trial (the in-memory store holds them packed):
 * the recruitment status, phases, conditions and site coordinates.
 */
public final class TrialTraits {
  private final RecruitmentStatus status;
  private final List<Phase> phases;
  private final List<String> conditions;

  /** per site, in the trial's order: latitude and longitude, NaN when the site has none */
  private final double[] lats;

  private final double[] lons;

  private TrialTraits(
      RecruitmentStatus status,
      List<Phase> phases,
      List<String> conditions,
      double[] lats,
      double[] lons) {
    this.status = status;
    this.phases = phases;
    this.conditions = conditions;
    this.lats = lats;
    this.lons = lons;
  }

  /** The traits of a trial. */
  public static TrialTraits of(Trial trial) {
    List<Site> sites = trial.sites();
    double[] lats = new double[sites.size()];
    double[] lons = new double[sites.size()];
    for (int i = 0; i < lats.length; i++) {
      GeoPoint p = sites.get(i).geoPoint();
      lats[i] = p == null ? Double.NaN : p.lat();
      lons[i] = p == null ? Double.NaN : p.lon();
    }
    return new TrialTraits(
        trial.status().overallStatus(), trial.design().phases(), trial.conditions(), lats, lons);
  }

  /** The overall recruitment status. */
  public RecruitmentStatus status() {
    return status;
  }

  /** The phases, as the registry gives them. */
  public List<Phase> phases() {
    return phases;
  }

  /** The conditions, as the registry lists them. */
  public List<String> conditions() {
    return conditions;
  }

  /**
   * @param site the index of the site in {@link Trial#sites()}
   * @param km its great-circle distance
   */
  record Nearest(int site, double km) {}

  /**
   * The site with coordinates nearest to {@code from} (the first of equally near ones), or null
   * when no site has coordinates.
   */
  Nearest nearestSite(GeoPoint from) {
    int nearest = -1;
    double best = Double.MAX_VALUE;
    for (int i = 0; i < lats.length; i++) {
      if (!Double.isNaN(lats[i])) {
        double d = Geo.distanceKm(from, lats[i], lons[i]);
        if (nearest < 0 || d < best) {
          best = d;
          nearest = i;
        }
      }
    }
    return nearest < 0 ? null : new Nearest(nearest, best);
  }
}
