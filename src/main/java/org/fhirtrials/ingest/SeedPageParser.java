package org.fhirtrials.ingest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fhirtrials.model.Source;
import org.fhirtrials.model.Trial;
import org.fhirtrials.model.TrialBuilder;

/**
 * Parses the plain-text trial pages in {@code shared/seeds} (three site layouts) into the domain
 * model: site A "MedPath" ({@link MedPathLayout}), site B "Clinical Trial Details — Administrative
 * data" ({@link AdminDataLayout}) and site C, sectioned with ClinicalTrials.gov markdown escapes
 * ({@link SectionedLayout}). Free text has its markdown escapes removed; the criteria are split by
 * {@link org.fhirtrials.eligibility.CriteriaSplitter}.
 */
public final class SeedPageParser {
  private static final List<SeedLayout> LAYOUTS =
      List.of(new MedPathLayout(), new AdminDataLayout(), new SectionedLayout());

  private static final Pattern ANY_NCT = Pattern.compile("NCT\\d{8}");

  /**
   * @throws RecordException when the page's layout is unknown or it has no NCT id
   */
  public Trial parse(String text, String origin) {
    if (text == null || text.isBlank()) {
      throw new RecordException(null, origin + ": empty seed page");
    }
    PageLines page = new PageLines(text);
    SeedLayout layout = LAYOUTS.stream().filter(l -> l.recognizes(page)).findFirst().orElse(null);
    if (layout == null) {
      throw new RecordException(
          firstNctId(text),
          origin
              + ": unknown seed page layout (expected a MedPath page, a 'Clinical Trial Details"
              + " — Administrative data' page or a sectioned page with 'NCT ID:' and 'Basic"
              + " Information')");
    }
    String nctId = layout.nctId(page);
    if (nctId == null) {
      throw new RecordException(null, origin + ": no NCT id on this " + layout.name() + " page");
    }
    TrialBuilder trial = Trial.builder(nctId);
    try {
      layout.read(page, trial);
    } catch (RuntimeException e) {
      throw new RecordException(
          nctId, origin + ": cannot read " + layout.name() + " page: " + e.getMessage(), e);
    }
    trial.source(new Source(Source.Format.SEED_TEXT, origin, layout.name()));
    Trial built = trial.build();
    if (built.briefTitle() == null) {
      // the model requires a title; a page without one is known by its NCT id
      built = built.toBuilder().briefTitle(nctId).build();
    }
    return built;
  }

  /** An NCT id anywhere in the text, for the error report of an unknown layout; else null. */
  private static String firstNctId(String text) {
    Matcher m = ANY_NCT.matcher(text);
    return m.find() ? m.group() : null;
  }
}
