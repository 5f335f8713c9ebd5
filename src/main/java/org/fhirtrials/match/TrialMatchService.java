package org.fhirtrials.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.fhirtrials.eligibility.evaluate.CompiledTrial;
import org.fhirtrials.eligibility.evaluate.EligibilityEvaluator;
import org.fhirtrials.eligibility.evaluate.EligibilityEvaluator.Standing;
import org.fhirtrials.eligibility.evaluate.Memo;
import org.fhirtrials.eligibility.evaluate.TrialEvaluation;
import org.fhirtrials.eligibility.evaluate.Verdict;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.Trial;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.store.StoredTrial;
import org.fhirtrials.store.TrialStore;

/**
 * Ranks the stored trials for one patient: the one service behind {@code ResearchStudy/$match} and
 * the CDS Hooks patient-view service.
 *
 * <p>Trials are compiled once per stored version and kept, in their {@link
 * CompiledTrial#rankingOnly ranking form}, in a snapshot that is rebuilt only when the store
 * changed (notified by the store, or a changed {@link TrialStore#revision()}). A match runs in two
 * phases: every candidate is ranked by verdict and score from memoized check outcomes (a check
 * shared by many trials is evaluated once per match, {@link EligibilityEvaluator#rank}); only the
 * trials returned are then read, compiled again in full and evaluated, with per-criterion results
 * and evidence.
 */
public final class TrialMatchService {
  /** Up to this many trials per page the best are kept sorted while ranking, not sorted after. */
  private static final int SMALL_PAGE = 100;

  private final TrialStore store;
  private final EligibilityEvaluator evaluator;
  private final boolean notified;
  private final AtomicBoolean stale = new AtomicBoolean(true);
  private volatile Snapshot snapshot = new Snapshot(new Entry[0], TrialStore.NO_REVISION);

  public TrialMatchService(TrialStore store, EligibilityEvaluator evaluator) {
    this.store = store;
    this.evaluator = evaluator;
    this.notified = store.onChange(s -> stale.set(true));
  }

  /**
   * The best {@code limit} candidate trials for the patient, best first, each evaluated in full.
   *
   * @param matches the trials returned
   * @param total how many candidate trials there are in all (those returned and those not)
   */
  public record Page(List<TrialMatch> matches, int total) {}

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
      PatientFacts patient, MatchFilter filter, Predicate<TrialTraits> accept, LocalDate asOf) {
    return match(patient, filter, accept, asOf, Integer.MAX_VALUE, true).matches();
  }

  /**
   * The best {@code limit} trials that pass the filter and {@code accept}, ranked best first
   * (eligible, then possibly eligible, then ineligible; then by score, distance and NCT id) and
   * evaluated in full. Ineligible trials are candidates only when {@code includeIneligible}.
   */
  public Page match(
      PatientFacts patient,
      MatchFilter filter,
      Predicate<TrialTraits> accept,
      LocalDate asOf,
      int limit,
      boolean includeIneligible) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }
    Memo memo = evaluator.memo(patient, asOf);
    // a small page is kept sorted as the candidates stream by; a large one is sorted at the end
    Best best = limit <= SMALL_PAGE ? new Best(limit) : null;
    List<Candidate> candidates = new ArrayList<>();
    int total = 0;
    for (Entry e : current().entries) {
      if (!passes(e.traits, filter) || !accept.test(e.traits)) {
        continue;
      }
      TrialTraits.Nearest nearest = null;
      if (filter.near() != null) {
        nearest = e.traits.nearestSite(filter.near());
        if (filter.radiusKm() != null && (nearest == null || nearest.km() > filter.radiusKm())) {
          continue;
        }
      }
      Standing standing = evaluator.rank(e.ranking, memo);
      if (includeIneligible || standing.verdict() != Verdict.INELIGIBLE) {
        total++;
        Candidate c = new Candidate(e, standing, nearest);
        if (best != null) {
          best.offer(c);
        } else {
          candidates.add(c);
        }
      }
    }
    List<Candidate> page;
    if (best != null) {
      page = best.sorted();
    } else {
      candidates.sort(TrialMatchService::compare);
      page = candidates.subList(0, Math.min(limit, candidates.size()));
    }
    // the page's trials only are read (in one go) and compiled again in full
    Map<String, StoredTrial> read = new HashMap<>();
    for (StoredTrial s : store.getAll(page.stream().map(c -> c.entry.nctId).toList())) {
      read.put(s.nctId(), s);
    }
    List<TrialMatch> out = new ArrayList<>(page.size());
    for (Candidate c : page) {
      StoredTrial stored = read.get(c.entry.nctId);
      if (stored == null) {
        continue; // removed since the snapshot was taken
      }
      stored = stored.decoded();
      Trial trial = stored.trial();
      TrialEvaluation evaluation = evaluator.evaluate(evaluator.compile(trial), patient, asOf);
      Site nearest = c.nearest == null ? null : site(trial, c.nearest.site());
      out.add(
          new TrialMatch(
              stored,
              evaluation,
              nearest,
              nearest == null ? null : Double.valueOf(c.nearest.km())));
    }
    return new Page(out, total);
  }

  /** The best candidates seen so far, at most {@code limit}, kept sorted best first. */
  private static final class Best {
    private final Candidate[] top;
    private int size;

    Best(int limit) {
      top = new Candidate[limit];
    }

    void offer(Candidate c) {
      if (size == top.length && (size == 0 || compare(c, top[size - 1]) >= 0)) {
        return; // not better than the worst kept: the common case
      }
      int i = size == top.length ? size - 1 : size++;
      while (i > 0 && compare(c, top[i - 1]) < 0) {
        top[i] = top[i - 1];
        i--;
      }
      top[i] = c;
    }

    List<Candidate> sorted() {
      return Arrays.asList(Arrays.copyOf(top, size));
    }
  }

  /** Best first: verdict, then higher score, then nearer (no distance last), then NCT id. */
  private static int compare(Candidate a, Candidate b) {
    int c = Integer.compare(rank(a.standing.verdict()), rank(b.standing.verdict()));
    if (c != 0) {
      return c;
    }
    c = Double.compare(b.standing.score(), a.standing.score());
    if (c != 0) {
      return c;
    }
    c = Double.compare(a.sortDistance(), b.sortDistance());
    if (c != 0) {
      return c;
    }
    return a.entry.nctId.compareTo(b.entry.nctId);
  }

  /**
   * Compiles every stored trial not yet compiled, on all cores; returns how many were compiled.
   * Called once in the background at startup so the first match does not pay for it.
   */
  public int compileAll() {
    return refresh(true);
  }

  /** The snapshot, rebuilt first when the store has changed since it was taken. */
  private Snapshot current() {
    Snapshot s = snapshot;
    if (fresh(s)) {
      return s;
    }
    refresh(false);
    return snapshot;
  }

  /** True when no save happened since the snapshot was taken (as far as the store can tell). */
  private boolean fresh(Snapshot s) {
    return !stale.get()
        && (notified || (s.revision != TrialStore.NO_REVISION && store.revision() == s.revision));
  }

  /**
   * Re-reads the store and compiles what changed (reusing the compiled form of unchanged versions);
   * returns how many trials were compiled.
   */
  private synchronized int refresh(boolean parallel) {
    Snapshot old = snapshot;
    if (fresh(old)) {
      return 0;
    }
    long revision = notified ? TrialStore.NO_REVISION : store.revision();
    stale.set(false); // a save from now on makes the new snapshot stale again
    Map<String, Entry> previous = new HashMap<>(old.entries.length * 2);
    for (Entry e : old.entries) {
      previous.put(e.nctId, e);
    }
    List<StoredTrial> all = store.all();
    Entry[] entries = new Entry[all.size()];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < entries.length; i++) {
      StoredTrial s = all.get(i);
      Entry e = previous.get(s.nctId());
      if (e != null && e.versionId == s.versionId()) {
        entries[i] = e;
      } else {
        missing.add(i);
      }
    }
    (parallel ? missing.parallelStream() : missing.stream())
        .forEach(
            i -> {
              StoredTrial s = all.get(i);
              Trial trial = s.trial();
              entries[i] =
                  new Entry(
                      s.nctId(),
                      s.versionId(),
                      evaluator.compile(trial).rankingOnly(),
                      TrialTraits.of(trial));
            });
    snapshot = new Snapshot(entries, revision);
    return missing.size();
  }

  private static boolean passes(TrialTraits trial, MatchFilter filter) {
    if (!filter.statuses().isEmpty() && !filter.statuses().contains(trial.status())) {
      return false;
    }
    return filter.phases().isEmpty() || trial.phases().stream().anyMatch(filter.phases()::contains);
  }

  /** The site the traits found nearest, or null when the read version has fewer sites. */
  private static Site site(Trial trial, int index) {
    return index < trial.sites().size() ? trial.sites().get(index) : null;
  }

  private static int rank(Verdict verdict) {
    return switch (verdict) {
      case ELIGIBLE -> 0;
      case POSSIBLY_ELIGIBLE -> 1;
      case INELIGIBLE -> 2;
    };
  }

  /**
   * A stored trial version, its criteria compiled for ranking and what a match filters it on: not
   * the trial itself, which a store that reads whole records (PostgreSQL) would have the snapshot
   * keep for every trial.
   */
  private record Entry(String nctId, long versionId, CompiledTrial ranking, TrialTraits traits) {}

  /** The compiled trials, ordered by NCT id, as of one store revision. */
  private record Snapshot(Entry[] entries, long revision) {}

  /** A ranked trial; {@code nearest} is null without a location or a site with coordinates. */
  private record Candidate(Entry entry, Standing standing, TrialTraits.Nearest nearest) {
    double sortDistance() {
      return nearest == null ? Double.MAX_VALUE : nearest.km();
    }
  }
}
