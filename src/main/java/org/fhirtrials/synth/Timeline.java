package org.fhirtrials.synth;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Registry dates that agree with the overall status as of a fixed snapshot date: a recruiting trial
 * started in the past (ACTUAL) and completes in the future (ESTIMATED); a completed trial's dates
 * are all ACTUAL and past; a trial of UNKNOWN status has estimated completion dates that passed
 * without an update; and so on. Always {@code start <= primary completion <= completion} and {@code
 * first submitted <= first posted <= last update <= snapshot}.
 */
record Timeline(
    Dated start,
    Dated primaryCompletion,
    Dated completion,
    LocalDate firstSubmit,
    LocalDate firstSubmitQc,
    LocalDate firstPost,
    LocalDate lastUpdateSubmit,
    LocalDate lastUpdatePost,
    YearMonth statusVerified) {

  /** The date of the registry snapshot the data set pretends to be; fixed for reproducibility. */
  static final LocalDate SNAPSHOT = LocalDate.of(2026, 1, 15);

  /**
   * A registry date struct.
   *
   * @param date the date
   * @param monthOnly written as {@code yyyy-MM} (registrants often give only the month)
   * @param actual {@code ACTUAL} rather than {@code ESTIMATED}
   */
  record Dated(LocalDate date, boolean monthOnly, boolean actual) {
    String text() {
      return monthOnly ? YearMonth.from(date).toString() : date.toString();
    }

    String type() {
      return actual ? "ACTUAL" : "ESTIMATED";
    }
  }

  static Timeline draw(String status, Rng rng) {
    LocalDate start;
    LocalDate primary;
    LocalDate completion;
    boolean startActual = true;
    boolean primaryActual;
    boolean completionActual;
    int durationDays = rng.between(180, 2200);
    switch (status) {
      case "NOT_YET_RECRUITING" -> {
        start = SNAPSHOT.plusDays(rng.between(5, 270));
        startActual = false;
        primary = start.plusDays(durationDays);
        primaryActual = false;
        completionActual = false;
      }
      case "RECRUITING", "ENROLLING_BY_INVITATION", "SUSPENDED" -> {
        start = SNAPSHOT.minusDays(rng.between(20, 1500));
        primary = later(start.plusDays(durationDays), SNAPSHOT.plusDays(rng.between(60, 1100)));
        primaryActual = false;
        completionActual = false;
      }
      case "ACTIVE_NOT_RECRUITING" -> {
        start = SNAPSHOT.minusDays(rng.between(365, 3000));
        primaryActual = rng.chance(0.5);
        primary =
            primaryActual
                ? SNAPSHOT.minusDays(rng.between(10, 330))
                : SNAPSHOT.plusDays(rng.between(30, 900));
        completionActual = false;
      }
      case "UNKNOWN" -> {
        // Estimated completion passed long ago with no update from the sponsor.
        start = SNAPSHOT.minusDays(rng.between(1500, 5500));
        primary = start.plusDays(Math.min(durationDays, 1000));
        primaryActual = false;
        completionActual = false;
      }
      case "WITHDRAWN" -> {
        start = SNAPSHOT.minusDays(rng.between(60, 4000));
        startActual = false; // never started
        primary = start.plusDays(durationDays);
        primaryActual = false;
        completionActual = false;
      }
      default -> { // COMPLETED, TERMINATED
        LocalDate end = SNAPSHOT.minusDays(rng.between(30, 7000));
        int length = status.equals("TERMINATED") ? durationDays / 2 : durationDays;
        start = end.minusDays(length);
        primary = end.minusDays(rng.chance(0.6) ? 0 : rng.between(0, Math.min(length, 365)));
        primaryActual = true;
        completionActual = true;
      }
    }
    completion = rng.chance(0.5) ? primary : primary.plusDays(rng.between(30, 900));
    if (completionActual && completion.isAfter(SNAPSHOT)) {
      completion = SNAPSHOT.minusDays(1);
    }
    if (status.equals("UNKNOWN") && completion.isAfter(SNAPSHOT.minusDays(30))) {
      completion = primary;
    }
    if (!completionActual && status.equals("ACTIVE_NOT_RECRUITING")) {
      completion = later(completion, SNAPSHOT.plusDays(rng.between(30, 900)));
    }

    // Registration usually shortly before start; some registered retrospectively.
    LocalDate firstSubmit =
        rng.chance(0.8)
            ? start.minusDays(rng.between(0, 200))
            : start.plusDays(rng.between(1, 400));
    firstSubmit = earlier(firstSubmit, SNAPSHOT.minusDays(rng.between(30, 90)));
    LocalDate qc = firstSubmit.plusDays(rng.chance(0.6) ? 0 : rng.between(1, 20));
    LocalDate firstPost = qc.plusDays(rng.between(1, 7));
    LocalDate lastUpdate;
    if (status.equals("UNKNOWN")) {
      lastUpdate = later(firstPost, primary.minusDays(rng.between(100, 600)));
      lastUpdate = earlier(lastUpdate, SNAPSHOT.minusDays(800));
    } else if (status.equals("COMPLETED") || status.equals("TERMINATED")) {
      lastUpdate = completion.plusDays(rng.between(10, 500));
    } else {
      lastUpdate = SNAPSHOT.minusDays(rng.between(1, 365));
    }
    lastUpdate = earlier(later(lastUpdate, firstPost), SNAPSHOT.minusDays(1));
    if (lastUpdate.isBefore(firstPost)) {
      lastUpdate = firstPost;
    }
    LocalDate lastPost = lastUpdate.plusDays(rng.between(1, 3));
    if (firstPost.isAfter(SNAPSHOT) || lastPost.isAfter(SNAPSHOT)) {
      lastPost = SNAPSHOT;
      firstPost = earlier(firstPost, SNAPSHOT);
      lastUpdate = earlier(lastUpdate, SNAPSHOT);
    }
    YearMonth verified = YearMonth.from(lastUpdate);

    boolean monthOnly = rng.chance(0.2);
    return new Timeline(
        new Dated(start, monthOnly, startActual),
        new Dated(primary, monthOnly && !primaryActual, primaryActual),
        new Dated(completion, monthOnly && !completionActual, completionActual),
        firstSubmit,
        qc,
        firstPost,
        lastUpdate,
        lastPost,
        verified);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
