package org.fhirtrials.fhir;

import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.fhirtrials.fhir.StudyFacts.Concept;
import org.fhirtrials.fhir.StudyFacts.Token;
import org.fhirtrials.mapping.FhirUrls;

/** FHIR search matching rules for string and token parameters (FHIR R5 §3.2.1.5). */
final class SearchMatch {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Spellings of the ClinicalTrials.gov identifier system treated as one (DESIGN §2). */
  private static final List<String> NCT_SYSTEMS =
      List.of(
          FhirUrls.NCT_SYSTEM,
          FhirUrls.NCT_SYSTEM + "/",
          FhirUrls.NCT_SYSTEM_LEGACY,
          "http://clinicaltrials.gov");

  private SearchMatch() {}

  /**
   * String semantics: by default the value starts with the parameter after case and accent folding;
   * {@code :contains} matches anywhere; {@code :exact} compares exactly.
   */
  static boolean string(StringParam param, String value) {
    if (value == null) {
      return false;
    }
    if (param.isExact()) {
      return value.equals(param.getValue());
    }
    String v = fold(value);
    String p = fold(param.getValue());
    return param.isContains() ? v.contains(p) : v.startsWith(p);
  }

  /** Case and accent folding with whitespace collapsed, for string search. */
  static String fold(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    String plain = MARKS.matcher(decomposed).replaceAll("");
    return SPACES.matcher(plain.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /**
   * Token semantics on a plain coded value: {@code code} matches any system, {@code system|code}
   * that system, {@code |code} no system, {@code system|} any code of the system.
   */
  static boolean token(TokenParam param, Token value) {
    if (value == null || value.code() == null) {
      return false;
    }
    String system = param.getSystem();
    String code = param.getValue();
    boolean codeMatches = code == null || code.isEmpty() || code.equals(value.code());
    if (system == null) {
      return codeMatches;
    }
    if (system.isEmpty()) {
      return codeMatches && (value.system() == null || value.system().isEmpty());
    }
    return codeMatches && sameSystem(system, value.system());
  }

  /**
   * Token semantics on a concept: any coding matches as {@link #token(TokenParam, Token)}; {@code
   * :text} matches when the concept's text or a coding display, after folding, starts with the
   * value at the beginning of any word ({@code carcinoma} finds "Hepatocellular Carcinoma"); a bare
   * value with no coding match also matches a text equal to it after folding (conditions are often
   * text only).
   */
  static boolean concept(TokenParam param, Concept concept) {
    if (param.getModifier() == ca.uhn.fhir.rest.param.TokenParamModifier.TEXT) {
      String wanted = fold(param.getValue());
      return concept.texts().stream().anyMatch(t -> wordStartsWith(fold(t), wanted));
    }
    if (concept.codings().stream().anyMatch(c -> token(param, c))) {
      return true;
    }
    if (param.getSystem() == null && param.getValue() != null) {
      String wanted = fold(param.getValue());
      return concept.texts().stream().anyMatch(t -> fold(t).equals(wanted));
    }
    return false;
  }

  private static boolean wordStartsWith(String folded, String wanted) {
    if (wanted.isEmpty()) {
      return false;
    }
    for (int i = folded.indexOf(wanted); i >= 0; i = folded.indexOf(wanted, i + 1)) {
      if (i == 0 || !Character.isLetterOrDigit(folded.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameSystem(String a, String b) {
    if (b == null) {
      return false;
    }
    if (NCT_SYSTEMS.contains(a) && NCT_SYSTEMS.contains(b)) {
      return true;
    }
    return Objects.equals(a, b);
  }
}
