package org.fhirtrials.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.fhirtrials.eligibility.evaluate.CompiledTrial;
import org.fhirtrials.eligibility.evaluate.EligibilityEvaluator;
import org.fhirtrials.eligibility.evaluate.TrialEvaluation;
import org.fhirtrials.eligibility.evaluate.Verdict;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.Trial;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.store.StoredTrial;
import org.fhirtrials.store.TrialStore;

/**
 * Ranks the stored trials for one patient: the one service behind {@code ResearchStudy/$match} and
 * the CDS Hooks patient-view service. Trials are compiled once per stored version and cached.
 */
public final class TrialMatchService {
  /** Best first: eligible before possibly eligible before ineligible, then score, then distance. */
  private static final Comparator<TrialMatch> RANKING =
      Comparator.comparingInt((TrialMatch m) -> rank(m.evaluation().verdict()))
          .thenComparing(m -> -m.evaluation().score())
          .thenComparing(m -> m.distanceKm() == null ? Double.MAX_VALUE : m.distanceKm())
          .thenComparing(m -> m.trial().nctId());

  /** Below this many candidate trials a sequential loop is faster than a parallel stream. */
  private static final int PARALLEL_THRESHOLD = 500;

  private final TrialStore store;
  private final EligibilityEvaluator evaluator;
  private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

  public TrialMatchService(TrialStore store, EligibilityEvaluator evaluator) {
    this.store = store;
    this.evaluator = evaluator;
  }

  /**
   * Every stored trial that passes the filter, evaluated for the patient and ranked best first.
   * Ineligible trials are included (callers decide whether to show them).
   */
  public List<TrialMatch> match(PatientFacts patient, MatchFilter filter, LocalDate asOf) {
    return match(patient, filter, trial -> true, asOf);
  }

  /**
   * As {@link #match(PatientFacts, MatchFilter, LocalDate)}, considering only trials that also pass
   * {@code accept} (tested before the costlier distance and eligibility work), e.g. an exact FHIR
   * phase code.
   */
  public List<TrialMatch> match(
      PatientFacts patient, MatchFilter filter, Predicate<Trial> accept, LocalDate asOf) {
    List<StoredTrial> candidates =
        store.all().stream()
            .filter(stored -> passes(stored.trial(), filter) && accept.test(stored.trial()))
            .toList();
    // Evaluation is thread-safe and CPU-bound: large stores are evaluated on all cores.
    Stream<StoredTrial> stream =
        candidates.size() >= PARALLEL_THRESHOLD ? candidates.parallelStream() : candidates.stream();
    List<TrialMatch> out =
        new ArrayList<>(
            stream
                .map(stored -> evaluate(stored, patient, filter, asOf))
                .filter(Objects::nonNull)
                .toList());
    out.sort(RANKING);
    return out;
  }

  /** The trial evaluated for the patient, or null when no site lies within the radius. */
  private TrialMatch evaluate(
      StoredTrial stored, PatientFacts patient, MatchFilter filter, LocalDate asOf) {
    Site nearest = null;
    Double distance = null;
    if (filter.near() != null) {
      for (Site site : stored.trial().sites()) {
        if (site.geoPoint() != null) {
          double d = Geo.distanceKm(filter.near(), site.geoPoint());
          if (distance == null || d < distance) {
            distance = d;
            nearest = site;
          }
        }
      }
      if (filter.radiusKm() != null && (distance == null || distance > filter.radiusKm())) {
        return null;
      }
    }
    TrialEvaluation evaluation = evaluator.evaluate(compiled(stored), patient, asOf);
    return new TrialMatch(stored, evaluation, nearest, distance);
  }

  /**
   * Compiles every stored trial not yet compiled, on all cores; returns how many were compiled.
   * Called once in the background at startup so the first match does not pay for it.
   */
  public int compileAll() {
    List<StoredTrial> missing =
        store.all().stream()
            .filter(
                s -> {
                  Compiled c = compiled.get(s.nctId());
                  return c == null || c.versionId != s.versionId();
                })
            .toList();
    missing.parallelStream().forEach(this::compiled);
    return missing.size();
  }

  /** The compiled form of a stored trial, compiled at most once per version. */
  public CompiledTrial compiled(StoredTrial stored) {
    Compiled c = compiled.get(stored.nctId());
    if (c == null || c.versionId != stored.versionId()) {
      c = new Compiled(stored.versionId(), evaluator.compile(stored.trial()));
      compiled.put(stored.nctId(), c);
    }
    return c.trial;
  }

  private static boolean passes(Trial trial, MatchFilter filter) {
    if (!filter.statuses().isEmpty()
        && !filter.statuses().contains(trial.status().overallStatus())) {
      return false;
    }
    return filter.phases().isEmpty()
        || trial.design().phases().stream().anyMatch(filter.phases()::contains);
  }

  private static int rank(Verdict verdict) {
    return switch (verdict) {
      case ELIGIBLE -> 0;
      case POSSIBLY_ELIGIBLE -> 1;
      case INELIGIBLE -> 2;
    };
  }

  private record Compiled(long versionId, CompiledTrial trial) {}
}
