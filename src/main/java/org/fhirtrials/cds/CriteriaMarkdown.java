package org.fhirtrials.cds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fhirtrials.eligibility.evaluate.CriterionResult;
import org.fhirtrials.eligibility.evaluate.Outcome;
import org.fhirtrials.eligibility.evaluate.TrialEvaluation;
import org.fhirtrials.match.TrialMatch;
import org.fhirtrials.model.Site;

/**
 * The markdown {@code detail} of a trial card: criteria met, not met and unknown (each unknown with
 * the data that would settle it), then the nearest site. "Met" is in the patient's favour: an
 * inclusion met or an exclusion that does not apply. Registry text is escaped so it renders as
 * text, never as markup.
 */
final class CriteriaMarkdown {
  static final String MET_HEADING = "Criteria met";
  static final String NOT_MET_HEADING = "Criteria not met";
  static final String UNKNOWN_HEADING = "Unknown: to verify";

  /** Criterion texts are cut to this length in the card (the full text is on the trial page). */
  static final int MAX_CRITERION_CHARS = 240;

  private CriteriaMarkdown() {}

  static String detail(TrialMatch match) {
    TrialEvaluation evaluation = match.evaluation();
    List<CriterionResult> met = new ArrayList<>();
    List<CriterionResult> notMet = new ArrayList<>();
    List<CriterionResult> unknown = new ArrayList<>();
    for (CriterionResult c : evaluation.criteria()) {
      if (c.outcome() == Outcome.UNKNOWN) {
        unknown.add(c);
      } else if (favourable(c)) {
        met.add(c);
      } else {
        notMet.add(c);
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("**")
        .append(verdictText(evaluation))
        .append("** for ")
        .append(escape(match.trial().nctId()))
        .append(".\n\n");
    section(md, MET_HEADING, met, false);
    section(md, NOT_MET_HEADING, notMet, false);
    section(md, UNKNOWN_HEADING, unknown, true);
    Site site = match.nearestSite();
    if (site != null && match.distanceKm() != null) {
      md.append("**Nearest site:** ")
          .append(escape(place(site)))
          .append(String.format(Locale.ROOT, " (%.0f km)", match.distanceKm()))
          .append("\n");
    }
    return md.toString().strip();
  }

  /** In the patient's favour: an inclusion met, or an exclusion that does not apply. */
  static boolean favourable(CriterionResult c) {
    return c.outcome() == (c.exclusion() ? Outcome.NOT_MET : Outcome.MET);
  }

  private static String verdictText(TrialEvaluation e) {
    return switch (e.verdict()) {
      case ELIGIBLE -> "Eligible by the coded criteria";
      case POSSIBLY_ELIGIBLE -> "Possibly eligible";
      case INELIGIBLE -> "Not eligible";
    };
  }

  private static void section(
      StringBuilder md, String heading, List<CriterionResult> rows, boolean withReason) {
    if (rows.isEmpty()) {
      return;
    }
    md.append("**").append(heading).append(" (").append(rows.size()).append(")**\n\n");
    for (CriterionResult c : rows) {
      md.append("- ")
          .append(c.exclusion() ? "Exclusion" : "Inclusion")
          .append(" `")
          .append(c.criterion().id().replace("`", ""))
          .append("`: ")
          .append(escape(shorten(c.criterion().text())));
      if (withReason) {
        String reason = c.reason();
        if (reason != null && !reason.isBlank()) {
          md.append(" — *needs:* ").append(escape(reason));
        }
      }
      md.append("\n");
    }
    md.append("\n");
  }

  private static String place(Site site) {
    List<String> parts = new ArrayList<>();
    for (String s : new String[] {site.facility(), site.city(), site.state(), site.country()}) {
      if (s != null && !s.isBlank()) {
        parts.add(s.strip());
      }
    }
    return String.join(", ", parts);
  }

  static String shorten(String text) {
    String t = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return Summaries.truncate(t, MAX_CRITERION_CHARS);
  }

  /**
   * Characters that start inline markup anywhere in a line (emphasis, code, links, strikethrough).
   * Line-start markup (#, >, +, 1.) cannot occur: registry text never starts a line here.
   */
  private static final String INLINE_MARKUP = "\\`*_[]~";

  /** Escapes markdown and HTML metacharacters so registry text renders literally. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (char ch : s.toCharArray()) {
      if (INLINE_MARKUP.indexOf(ch) >= 0) {
        out.append('\\').append(ch);
      } else if (ch == '<') {
        out.append("&lt;");
      } else if (ch == '&') {
        out.append("&amp;");
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
