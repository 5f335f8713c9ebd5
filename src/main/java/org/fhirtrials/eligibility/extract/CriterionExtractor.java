package org.fhirtrials.eligibility.extract;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fhirtrials.eligibility.extract.ConceptCatalog.Def;
import org.fhirtrials.eligibility.extract.ConceptCatalog.Kind;
import org.fhirtrials.eligibility.extract.ExtractedCriterion.Logic;
import org.fhirtrials.model.Criterion;

/**
 * Turns one criterion's text into structured, coded constraints (rule-based; precompiled patterns;
 * stateless and thread-safe).
 *
 * <p>Reading order: find concept mentions (longest match wins), give each mention the text up to
 * the next mention or clause boundary as its scope, read thresholds (comparator, number, UCUM unit
 * or ULN multiple, ranges, sex-specific pairs) from the scope, or presence/absence for conditions
 * and therapies, then decide computability and build FHIRPath.
 *
 * <p>Clinical safety: a comparator the source lost ({@link Criterion#comparatorLost()}, or a bare
 * "=") is never turned into ≥ or ≤; a concept without a verified code, a qualified condition
 * ("uncontrolled", "severe"), a conditional criterion ("if ...") and mixed and/or logic are kept
 * but marked not computable.
 */
public final class CriterionExtractor {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE;
  private static final String NUM = "\\d+(?:[.,]\\d+)*";

  /** "less than or equal to", "equal to or greater than" and ASCII spellings come first. */
  private static final String CMP =
      "\\bat\\s*(?:/|or)\\s*(?:above|below)\\b"
          + "|\\b(?:less|lower|fewer|smaller)\\s+than\\s+or\\s+equal(?:\\s+to)?\\b"
          + "|\\b(?:greater|more|higher)\\s+than\\s+or\\s+equal(?:\\s+to)?\\b"
          + "|\\bequal\\s+(?:to\\s+)?or\\s+(?:less|lower|smaller)\\s+than\\b"
          + "|\\bequal\\s+(?:to\\s+)?or\\s+(?:greater|more|higher)\\s+than\\b"
          + "|>/=|=/>|</=|=/<|>_|<_|\\bolder\\s+than\\b|\\byounger\\s+than\\b"
          + "|≥|≤|>=|<=|=>|=<|≧|≦|>|<|=|⩾|⩽|＞|＜"
          + "|\\bat\\s+least\\b|\\bnot\\s+(?:less|lower)\\s+than\\b|\\bno\\s+(?:less|lower)\\s+than\\b"
          + "|\\bnot\\s+(?:more|greater|higher)\\s+than\\b|\\bno\\s+(?:more|greater|higher)\\s+than\\b"
          + "|\\bnot\\s+exceed(?:ing)?\\b|\\bup\\s+to\\b|\\bmore\\s+than\\b|\\bgreater\\s+than\\b"
          + "|\\bhigher\\s+than\\b|\\bover\\b|\\babove\\b|\\bexceed(?:s|ing)?\\b|\\bless\\s+than\\b"
          + "|\\blower\\s+than\\b|\\bbelow\\b|\\bunder\\b";

  /** lead-in words (no digits, no clause end), comparator, number. */
  private static final String LEAD_CMP_NUM =
      "[^\\d;]{0,%d}?\\s*(?<cmp>" + CMP + ")?\\s*(?<num>" + NUM + ")";

  private static final Pattern CHAINED_CMP_NUM =
      Pattern.compile(
          "\\s*(?:,\\s*)?(?:and|/|,|or)?\\s*(?<cmp>" + CMP + ")\\s*(?<num>" + NUM + ")", FLAGS);
  private static final Pattern RANGE_TAIL =
      Pattern.compile(
          "\\s*(?:-|–|—|~|to|through)\\s*(?<cmp>" + CMP + ")?\\s*(?<num>" + NUM + ")", FLAGS);

  /** "outside the range of 100-160 mmHg": the value is below the first or above the second. */
  private static final Pattern OUTSIDE = Pattern.compile("\\boutside\\b", FLAGS);

  /** "between 18 and 65": the second number of a range introduced by "between". */
  private static final Pattern AND_TAIL =
      Pattern.compile(
          "\\s*(?:and|&|-|–|—|to)\\s*(?<cmp>" + CMP + ")?\\s*(?<num>" + NUM + ")", FLAGS);

  /** "between", "between the ages of", "between, and including,": a range follows. */
  private static final Pattern BETWEEN =
      Pattern.compile(
          "\\bbetween(?:\\s*,\\s*and\\s+including\\s*,)?(?:\\s+the)?(?:\\s+ages?(?:\\s+of)?)?\\s*$",
          FLAGS);

  private static final Pattern OF_ONLY = Pattern.compile("\\s*(?:of\\s*)?[:]?\\s*", FLAGS);

  private static final Pattern POST_LE =
      Pattern.compile("\\s*(?:or|and)\\s+(?:less|lower|below|fewer|under)\\b", FLAGS);
  private static final Pattern POST_GE =
      Pattern.compile(
          "\\s*(?:or|and)\\s+(?:more|higher|above|greater|over|older)\\b|\\s*\\+(?!\\d)", FLAGS);
  private static final Pattern SEX_MARK =
      Pattern.compile(
          "\\s*\\(?\\s*(?:in\\s+|for\\s+)?(?<sex>males?|men|females?|women)\\b\\s*\\)?", FLAGS);
  private static final Pattern TRAILING_PAREN = Pattern.compile("\\s*\\([^()\\d≥≤<>=]{1,80}\\)");
  private static final Pattern BOUNDARY =
      Pattern.compile(
          ";|。|[①②③④⑤⑥⑦⑧⑨⑩]|\\(\\d{1,2}\\)\\s|\\.\\s+(?=[A-Z\\d(])|\\.$|\\b(?:i|ii|iii|iv|v|vi)\\.\\s");
  private static final Pattern CONNECTOR_ONLY =
      Pattern.compile(
          "[\\s,/]*(?:and\\s*/\\s*or|and|or|&)?[\\s,/]*(?:\\([^()]*\\))?[\\s,/]*", FLAGS);
  private static final Pattern CARVE_OUT =
      Pattern.compile(
          "\\b(?:except(?:\\s+for)?|excluding|other\\s+than|apart\\s+from)\\b[^;.]*$", FLAGS);

  /** the concept is the object of a treatment ("treatment for liver cancer", "anti-HBV"). */
  private static final Pattern TREATMENT_OBJECT =
      Pattern.compile(
          "(?:\\b(?:treatment|therapy|therapies|treated|indications?|drugs?)\\s+(?:for|of|against)\\s+"
              + "(?:the\\s+)?|\\banti-?)$",
          FLAGS);

  private static final Pattern NEGATION_BEFORE =
      Pattern.compile(
          "(?:\\b(?:no|not|without|never|free\\s+of|absence\\s+of|negative\\s+for)\\b[^;:,.]{0,30}"
              + "|\\bnon[-\\s]?)$",
          FLAGS);
  private static final Pattern NEGATIVE_AFTER =
      Pattern.compile("^[^;.]{0,200}?\\b(?:must\\s+be|is|are|be)\\s+negative\\b", FLAGS);
  private static final Pattern QUALIFIER =
      Pattern.compile(
          "\\b(?:uncontroll\\w*|co-?infect\\w*|severe|clinically\\s+significant|refractory|moderate|poorly"
              + "\\s+controlled|symptomatic|requiring|unstable|invasive|suspected)\\b",
          FLAGS);
  private static final Pattern ACTIVE = Pattern.compile("\\bactive\\b", FLAGS);
  private static final Pattern CONDITIONAL =
      Pattern.compile("\\bif\\b|\\bwilling\\b|\\bin\\s+case\\s+of\\b|\\bplanning\\b", FLAGS);

  /** "Patients with HBV infection: ..." in an inclusion introduces a rule for a subgroup. */
  private static final Pattern SUBJECTS_WITH =
      Pattern.compile("\\b(?:patients|subjects|participants)\\s+with\\b[^;:.]{0,40}$", FLAGS);

  private static final Pattern OR_WORD = Pattern.compile("\\bor\\b", FLAGS);
  private static final Pattern WINDOW =
      Pattern.compile(
          "\\bwithin\\s+(?:the\\s+)?(?:last\\s+|past\\s+|previous\\s+)?(?<n1>\\d+|one|two|three|four|five|six|twelve)"
              + "\\s+(?<u1>days?|weeks?|months?|years?)"
              + "|\\b(?<n2>\\d+|one|two|three|four|five|six|twelve)\\s+(?<u2>days?|weeks?|months?|years?)"
              + "\\s+(?:before|prior\\s+to|preceding)",
          FLAGS);
  private static final Pattern EVER =
      Pattern.compile(
          "\\b(?:in\\s+the\\s+past|previous(?:ly)?|prior|history\\s+of|have\\s+(?:received|undergone|had)"
              + "|has\\s+(?:received|undergone|had)|ever)\\b",
          FLAGS);
  private static final Pattern CHILD_PUGH_CLASS =
      Pattern.compile(
          "(?i:class\\w*|grade)[\\s:]*(?:(?i:of|grade|class)\\s+)?([ABC])\\b"
              + "((?:\\s*(?:/|(?i:or|and)|,)\\s*(?:(?i:class|grade)\\s+)?[ABC]\\b)*)");
  private static final Pattern LETTER = Pattern.compile("[ABC]\\b");

  /** "Child-Pugh A", "Child-Pugh B or C", "Child-Pugh score C", "(Child-Pugh stage C)". */
  private static final Pattern CHILD_PUGH_LETTERS =
      Pattern.compile(
          "^\\s*(?:(?i:score|stage|grade|liver\\s+score)\\s*)?(?:(?i:of|in)\\s+|[:=]\\s*)?"
              + "([ABC])(?![\\w'’])((?:\\s*(?:/|(?i:or|and)|,)\\s*[ABC](?![\\w'’]))*)");

  /** "C class by Child-Pugh", "class B according to Child-Pugh": the class before the name. */
  private static final Pattern CLASS_BEFORE_CHILD_PUGH =
      Pattern.compile(
          "\\b([ABC])\\s+(?i:class|grade)\\s+(?i:by|of|according\\s+to|per)\\s+(?i:the\\s+)?$");

  private static final Pattern STAGE_RANGE =
      Pattern.compile(
          "\\b(?<lo>IV|I{1,3})(?<loSub>[abc])?\\s*(?:-|–|to)\\s*(?<hi>IV|I{1,3})(?<hiSub>[abc])?\\b");
  private static final Pattern STAGE_SINGLE =
      Pattern.compile("\\b(?:stage\\s+)(?<st>IV|I{1,3}|[0ABCD])(?<sub>[abc])?\\b", FLAGS);
  private static final Pattern VP =
      Pattern.compile("\\bVp\\s*([1-4])(?:\\s*[-–/]\\s*(?:Vp\\s*)?([1-4]))?", FLAGS);
  private static final List<String> CNLC_STAGES =
      List.of("Ia", "Ib", "IIa", "IIb", "IIIa", "IIIb", "IV");
  private static final Pattern BLANKS = Pattern.compile("\\s+");
  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
  private static final int LEAD = 45;
  private static final int LONG_LEAD = 70;
  private static final Pattern[] LEAD_PATTERNS = {
    Pattern.compile(String.format(LEAD_CMP_NUM, LEAD), FLAGS),
    Pattern.compile(String.format(LEAD_CMP_NUM, LONG_LEAD), FLAGS)
  };

  /** A concept found in the text. */
  private record Mention(Def def, int start, int end) {}

  /** Thresholds read from a scope. */
  private record Reading(
      int start,
      List<Threshold> thresholds,
      String unit,
      Reference reference,
      Sex sex,
      boolean equalsSign,
      int end,
      boolean unknownUnit) {

    Reading(
        int start,
        List<Threshold> thresholds,
        String unit,
        Reference reference,
        Sex sex,
        boolean equalsSign,
        int end) {
      this(start, thresholds, unit, reference, sex, equalsSign, end, false);
    }

    Reading withUnknownUnit() {
      return new Reading(start, thresholds, unit, reference, sex, equalsSign, end, true);
    }
  }

  /**
   * Extractions by what they depend on (everything of a criterion but its id), shared by every
   * extractor: a trial's criteria are extracted once for its R4 and R5 resources, the search index
   * and {@code $match}, and a phrasing that recurs across trials ("Pregnant or breastfeeding") once
   * for all of them. Bounded; proven equal to a fresh extraction by {@code CriterionMemoTest}.
   */
  private static final Cache<Criterion, ExtractedCriterion> MEMO =
      Caffeine.newBuilder().maximumSize(200_000).build();

  /** Extracts the constraints of one criterion. Never throws for any text. */
  public ExtractedCriterion extract(Criterion criterion) {
    Criterion key =
        new Criterion(
            "",
            criterion.exclusion(),
            criterion.text(),
            criterion.parentText(),
            criterion.comparatorLost());
    ExtractedCriterion shared = MEMO.get(key, this::extractFresh);
    return new ExtractedCriterion(
        criterion,
        shared.constraints(),
        shared.logic(),
        shared.computable(),
        shared.reason(),
        shared.fhirPath());
  }

  /** {@link #extract} without the memo. */
  ExtractedCriterion extractFresh(Criterion criterion) {
    NormalizedText nt = NormalizedText.of(criterion.text());
    String text = nt.text;
    List<Mention> mentions = mentions(text);
    List<Integer> boundaries = boundaries(text);
    boolean anyThreshold = false;
    List<Constraint> out = new ArrayList<>();
    List<Mention> pending = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      int nextMention = i + 1 < mentions.size() ? mentions.get(i + 1).start : text.length();
      int scopeEnd = Math.min(nextMention, nextBoundary(boundaries, m.end, text.length()));
      String scope = text.substring(m.end, Math.max(m.end, scopeEnd));
      switch (m.def.kind()) {
        case QUANTITY, SCORE, AGE -> {
          List<Reading> readings = readings(m, text, scope);
          if (readings.isEmpty()) {
            if (m.def.kind() != Kind.AGE
                && CONNECTOR_ONLY.matcher(text.substring(m.end, nextMention)).matches()) {
              pending.add(m); // "ALT and AST ≤ 5 × ULN": shares the next mention's threshold
            } else {
              // a value stated but not read ends the coordination: "ALT, AST, TBIL, or DBIL 3
              // times higher than normal" does not take a later threshold
              if (DIGIT.matcher(scope).find()) {
                for (Mention p : pending) {
                  out.add(bare(p, nt, "no threshold stated"));
                }
                pending.clear();
              }
              if (m.def.kind() != Kind.AGE && !insideParentheses(text, m.start)) {
                out.add(bare(m, nt, "no threshold stated"));
              }
            }
            continue;
          }
          anyThreshold = true;
          for (Mention p : pending) {
            for (Reading r : readings) {
              out.add(measured(criterion, p, r, nt, text));
            }
          }
          pending.clear();
          for (Reading r : readings) {
            out.add(measured(criterion, m, r, nt, text));
          }
        }
        case CHILD_PUGH -> {
          String cpScope =
              text.substring(
                  m.end, Math.min(text.length(), nextBoundary(boundaries, m.end, text.length())));
          out.add(childPugh(criterion, m, text, cpScope, nt));
        }
        case CONDITION, PREGNANCY, PRESENCE_UNCODED -> {
          Constraint c = presence(criterion, m, text, nt);
          if (c != null) {
            out.add(c);
          }
        }
        case STAGE -> out.add(stage(m, scope, nt));
        case TUMOUR_BURDEN -> {
          List<Reading> readings = readThresholds(scope, m.end, LONG_LEAD);
          Reading r = readings.isEmpty() ? null : readings.get(0);
          out.add(
              constraint(
                  m,
                  nt,
                  r == null ? List.of() : r.thresholds(),
                  r == null ? null : r.unit(),
                  Reference.ABSOLUTE,
                  List.of(),
                  null,
                  null,
                  false,
                  r == null ? m.end : r.end(),
                  "tumour burden needs imaging volumetry; no coded data"));
        }
      }
    }
    // thresholdless lab mentions are noise when the criterion states other thresholds
    if (anyThreshold) {
      out.removeIf(c -> c.thresholds().isEmpty() && isMeasured(c));
    }
    return assemble(criterion, dedupe(out), text, nt);
  }

  // ------------------------------------------------------------------ mentions and scopes

  private static List<Mention> mentions(String text) {
    List<Mention> all = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    for (Def def : ConceptCatalog.ALL) {
      if (!ConceptCatalog.mayMention(def, lower)) {
        continue;
      }
      Matcher m = def.pattern().matcher(text);
      while (m.find()) {
        int end = m.end();
        Matcher paren = TRAILING_PAREN.matcher(text);
        paren.region(end, text.length());
        if (paren.lookingAt()) {
          end = paren.end();
        }
        all.add(new Mention(def, m.start(), end));
      }
    }
    all.sort(
        Comparator.comparingInt(Mention::start)
            .thenComparing(Comparator.comparingInt((Mention x) -> x.end - x.start).reversed()));
    List<Mention> kept = new ArrayList<>();
    int covered = -1;
    for (Mention m : all) {
      if (m.start >= covered) {
        kept.add(m);
        covered = Math.max(m.end, m.start + 1);
      }
    }
    return kept;
  }

  private static List<Integer> boundaries(String text) {
    List<Integer> b = new ArrayList<>();
    Matcher m = BOUNDARY.matcher(text);
    while (m.find()) {
      b.add(m.start());
    }
    return b;
  }

  private static int nextBoundary(List<Integer> boundaries, int from, int fallback) {
    for (int b : boundaries) {
      if (b >= from) {
        return b;
      }
    }
    return fallback;
  }

  private static boolean insideParentheses(String text, int at) {
    int open = text.lastIndexOf('(', at);
    return open >= 0 && text.lastIndexOf(')', at) < open;
  }

  // ------------------------------------------------------------------ thresholds

  /** "ECOG 0, 1 or 2", "ECOG PS: 0,1": contiguous grades listed after lead-in words. */
  private static final Pattern SCORE_LIST =
      Pattern.compile(
          "[^\\d;<>≤≥=]{0,45}?(?:=\\s*)?\\b(?<first>[0-5])(?<more>(?:\\s*,\\s*[0-5](?![.,]?\\d))*"
              + "(?:\\s*,?\\s*(?:or|and)\\s+[0-5]|\\s*,\\s*[0-5])(?![.,]?\\d))",
          FLAGS);

  private static final Pattern DIGIT = Pattern.compile("\\d");

  /** "under age 18", "over the age of 60": the comparator stands before the word "age". */
  private static final Pattern CMP_BEFORE_AGE =
      Pattern.compile(
          "\\b(?<cmp>under|over|above|below|younger\\s+than|older\\s+than|less\\s+than|greater\\s+than"
              + "|more\\s+than)\\s+(?:the\\s+)?$",
          FLAGS);

  private static final Pattern OF_BEFORE_NUMBER = Pattern.compile("^\\s*(?:of\\s+)?(?=\\d)", FLAGS);

  private static final Set<String> TIME_UNITS = Set.of("a", "mo", "wk", "d");

  /** Quantities whose value is a percentage. */
  private static final Set<String> PERCENT_VALUED = Set.of("lvef", "hba1c");

  /** The readings of a quantity, score or age mention. */
  private static List<Reading> readings(Mention m, String text, String scope) {
    if (m.def.kind() == Kind.SCORE) {
      Reading list = scoreList(scope, m.end);
      if (list != null) {
        return List.of(list);
      }
    }
    boolean betweenBefore =
        m.def.kind() == Kind.AGE
            && BETWEEN.matcher(text.substring(Math.max(0, m.start - 40), m.start)).find();
    List<Reading> readings = readThresholds(scope, m.end, LEAD, betweenBefore);
    if (readings.isEmpty() && m.def.kind() == Kind.AGE) {
      Matcher before = CMP_BEFORE_AGE.matcher(text.substring(Math.max(0, m.start - 20), m.start));
      Matcher of = OF_BEFORE_NUMBER.matcher(scope);
      if (before.find() && of.lookingAt()) {
        String rewritten = before.group("cmp") + " " + scope.substring(of.end());
        int shift = rewritten.length() - (scope.length() - of.end());
        List<Reading> shifted = new ArrayList<>();
        for (Reading r : readThresholds(rewritten, m.end + of.end() - shift, LEAD)) {
          shifted.add(r);
        }
        readings = shifted;
      }
    }
    if (m.def.kind() == Kind.QUANTITY) {
      // "creatinine ... for < 1 year of age": a duration or an age is not a lab value; "increase
      // in creatinine of 15%", "direct bilirubin < 35%": a percentage of a concentration or count
      // is a change or a fraction, not its level
      readings =
          readings.stream()
              .filter(r -> r.unit() == null || !TIME_UNITS.contains(r.unit()))
              .filter(r -> !"%".equals(r.unit()) || PERCENT_VALUED.contains(m.def.key()))
              .toList();
    }
    return readings;
  }

  /** Contiguous listed grades as a range ("0, 1 or 2" → ≥ 0 and ≤ 2); null when not a list. */
  private static Reading scoreList(String scope, int offset) {
    Matcher m = SCORE_LIST.matcher(scope);
    if (!m.lookingAt()) {
      return null;
    }
    List<Integer> grades = new ArrayList<>();
    grades.add(Integer.parseInt(m.group("first")));
    Matcher d = DIGIT.matcher(m.group("more"));
    while (d.find()) {
      grades.add(Integer.parseInt(d.group()));
    }
    int lo = grades.stream().mapToInt(Integer::intValue).min().orElseThrow();
    int hi = grades.stream().mapToInt(Integer::intValue).max().orElseThrow();
    if (hi - lo + 1 != grades.size() || new LinkedHashSet<>(grades).size() != grades.size()) {
      return null; // "0 or 2" is not a range; left as text
    }
    return new Reading(
        -1,
        List.of(
            new Threshold(org.fhirtrials.eligibility.extract.Comparator.GE, BigDecimal.valueOf(lo)),
            new Threshold(
                org.fhirtrials.eligibility.extract.Comparator.LE, BigDecimal.valueOf(hi))),
        null,
        Reference.ABSOLUTE,
        null,
        false,
        offset + m.end());
  }

  private static List<Reading> readThresholds(String scope, int offset, int lead) {
    return readThresholds(scope, offset, lead, false);
  }

  /**
   * @param betweenBefore the text before the scope ends with "between" ("between age 18 and 55")
   */
  private static List<Reading> readThresholds(
      String scope, int offset, int lead, boolean betweenBefore) {
    Matcher m = LEAD_PATTERNS[lead == LEAD ? 0 : 1].matcher(scope);
    if (!m.lookingAt()) {
      return List.of();
    }
    boolean between =
        m.group("cmp") == null
            && (BETWEEN.matcher(scope.substring(0, m.start("num"))).find()
                || (betweenBefore
                    && OF_ONLY.matcher(scope.substring(0, m.start("num"))).matches()));
    List<Reading> readings = new ArrayList<>();
    String cmpText = m.group("cmp");
    BigDecimal num = number(m.group("num"));
    int pos = m.end();
    Units.Match unit = Units.at(scope, pos);
    if (unit != null) {
      pos = unit.end();
    }
    // "< 1m", "1000ml": a unit is written but not understood
    boolean unknownUnit = unit == null && pos < scope.length() && isAsciiLetter(scope.charAt(pos));
    List<Threshold> thresholds = new ArrayList<>();
    boolean equals = "=".equals(cmpText);
    Matcher range = (between ? AND_TAIL : RANGE_TAIL).matcher(scope).region(pos, scope.length());
    Matcher le = POST_LE.matcher(scope).region(pos, scope.length());
    Matcher ge = POST_GE.matcher(scope).region(pos, scope.length());
    if (cmpText != null) {
      thresholds.add(new Threshold(comparator(cmpText), num));
    } else if (le.lookingAt()) {
      thresholds.add(new Threshold(org.fhirtrials.eligibility.extract.Comparator.LE, num));
      pos = le.end();
    } else if (ge.lookingAt()) {
      thresholds.add(new Threshold(org.fhirtrials.eligibility.extract.Comparator.GE, num));
      pos = ge.end();
    }
    Reading mixedUpper = null;
    if ((cmpText == null || comparator(cmpText).isLowerBound()) && thresholds.size() <= 1) {
      if (range.lookingAt()) {
        if (thresholds.isEmpty()) {
          thresholds.add(new Threshold(org.fhirtrials.eligibility.extract.Comparator.GE, num));
        }
        String c2 = range.group("cmp");
        Threshold upper =
            new Threshold(
                c2 == null ? org.fhirtrials.eligibility.extract.Comparator.LE : comparator(c2),
                number(range.group("num")));
        pos = range.end();
        Units.Match u2 = Units.at(scope, pos);
        if (u2 != null && unit != null && !u2.ucum().equals(unit.ucum())) {
          // "≥ 28 days to < 18 years": each bound keeps its own unit
          mixedUpper =
              reading(
                  offset + range.start("num"), List.of(upper), u2, null, false, offset + u2.end());
          pos = u2.end();
        } else {
          thresholds.add(upper);
          if (u2 != null) {
            unit = unit == null ? u2 : unit;
            pos = u2.end();
          }
        }
      }
    }
    if (thresholds.isEmpty()) {
      return List.of(); // a bare number ("28 days as a cycle") is not a threshold
    }
    Sex sex = null;
    Matcher sexMark = SEX_MARK.matcher(scope).region(pos, scope.length());
    if (sexMark.lookingAt()) {
      sex = sex(sexMark.group("sex"));
      pos = sexMark.end();
    }
    // chained second bound: "≥ 18 and ≤ 75", "≥ 450 ms (males)/≥ 470 ms (females)"
    Matcher chain = CHAINED_CMP_NUM.matcher(scope).region(pos, scope.length());
    Reading second = null;
    if (chain.lookingAt()) {
      int p2 = chain.end();
      Units.Match u2 = Units.at(scope, p2);
      if (u2 != null) {
        p2 = u2.end();
      }
      Matcher sex2 = SEX_MARK.matcher(scope).region(p2, scope.length());
      Sex s2 = null;
      if (sex2.lookingAt()) {
        s2 = sex(sex2.group("sex"));
        p2 = sex2.end();
      }
      var c2 = comparator(chain.group("cmp"));
      boolean sameUnit = (u2 == null || unit == null || u2.ucum().equals(unit.ucum()));
      if (sex != null && s2 != null && s2 != sex && sameUnit) {
        second =
            reading(
                offset + chain.start("cmp"),
                List.of(new Threshold(c2, number(chain.group("num")))),
                u2 != null ? u2 : unit,
                s2,
                equals || "=".equals(chain.group("cmp")),
                offset + p2);
      } else if (sex == null
          && s2 == null
          && sameUnit
          && thresholds.size() == 1
          && c2 != org.fhirtrials.eligibility.extract.Comparator.EQ
          && !equals
          && thresholds.get(0).comparator().isLowerBound() != c2.isLowerBound()
          && (OR_WORD.matcher(chain.group()).find()
              || disjoint(thresholds.get(0), new Threshold(c2, number(chain.group("num")))))) {
        // "age < 20 or > 35", "< 18 and > 62 years": alternatives, never one range (which no
        // value meets); each bound is its own requirement, the unit stated once applies to both
        Units.Match shared = u2 != null ? u2 : unit;
        unit = unit == null ? u2 : unit;
        second =
            reading(
                offset + chain.start("cmp"),
                List.of(new Threshold(c2, number(chain.group("num")))),
                shared,
                null,
                false,
                offset + p2);
      } else if (sex == null
          && s2 == null
          && sameUnit
          && thresholds.size() == 1
          && (thresholds.get(0).comparator().isLowerBound() != c2.isLowerBound()
              || equals
              || c2 == org.fhirtrials.eligibility.extract.Comparator.EQ)) {
        thresholds.add(new Threshold(c2, number(chain.group("num"))));
        equals |= "=".equals(chain.group("cmp"));
        unit = unit == null ? u2 : unit;
        pos = p2;
      }
    }
    Reading main = reading(-1, thresholds, unit, sex, equals, offset + pos);
    if (cmpText == null
        && thresholds.size() == 2
        && OUTSIDE.matcher(scope.substring(0, m.start("num"))).find()) {
      // outside a range: two alternatives (< low, > high), never the range itself
      Units.Match u = unit;
      return List.of(
          reading(
              -1,
              List.of(
                  new Threshold(
                      org.fhirtrials.eligibility.extract.Comparator.LT, thresholds.get(0).value())),
              u,
              sex,
              equals,
              offset + pos),
          reading(
              -1,
              List.of(
                  new Threshold(
                      org.fhirtrials.eligibility.extract.Comparator.GT, thresholds.get(1).value())),
              u,
              sex,
              equals,
              offset + pos));
    }
    readings.add(unknownUnit && unit == null ? main.withUnknownUnit() : main);
    if (mixedUpper != null) {
      readings.add(mixedUpper);
    }
    if (second != null) {
      readings.add(second);
    }
    return readings;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** True when no value meets both bounds ("< 20" and "> 35"). */
  private static boolean disjoint(Threshold a, Threshold b) {
    Threshold lower = a.comparator().isLowerBound() ? a : b;
    Threshold upper = a.comparator().isLowerBound() ? b : a;
    int cmp = lower.value().compareTo(upper.value());
    boolean inclusive =
        lower.comparator() == org.fhirtrials.eligibility.extract.Comparator.GE
            && upper.comparator() == org.fhirtrials.eligibility.extract.Comparator.LE;
    return inclusive ? cmp > 0 : cmp >= 0;
  }

  private static Reading reading(
      int start, List<Threshold> thresholds, Units.Match unit, Sex sex, boolean equals, int end) {
    String u = unit == null ? null : unit.ucum();
    Reference ref = Reference.ABSOLUTE;
    if (Units.ULN.equals(u)) {
      ref = Reference.ULN_MULTIPLE;
      u = null;
    } else if (Units.LLN.equals(u)) {
      ref = Reference.LLN_MULTIPLE;
      u = null;
    }
    return new Reading(start, List.copyOf(thresholds), u, ref, sex, equals, end);
  }

  private static org.fhirtrials.eligibility.extract.Comparator comparator(String raw) {
    String s = BLANKS.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll(" ");
    if (s.startsWith("at")) { // "at or above", "at/above": the bound itself is included
      return s.endsWith("below")
          ? org.fhirtrials.eligibility.extract.Comparator.LE
          : org.fhirtrials.eligibility.extract.Comparator.GE;
    }
    if (s.contains("equal")) { // "less than or equal to", "equal to or greater than"
      return s.matches(".*\\b(?:less|lower|fewer|smaller)\\b.*")
          ? org.fhirtrials.eligibility.extract.Comparator.LE
          : org.fhirtrials.eligibility.extract.Comparator.GE;
    }
    return switch (s) {
      case "≥",
          ">=",
          "=>",
          "≧",
          "⩾",
          "at least",
          "not less than",
          "no less than",
          "not lower than",
          "no lower than",
          ">/=",
          "=/>",
          ">_" ->
          org.fhirtrials.eligibility.extract.Comparator.GE;
      case "≤",
          "<=",
          "=<",
          "≦",
          "⩽",
          "not more than",
          "no more than",
          "not greater than",
          "no greater than",
          "not higher than",
          "no higher than",
          "not exceed",
          "not exceeding",
          "up to",
          "</=",
          "=/<",
          "<_" ->
          org.fhirtrials.eligibility.extract.Comparator.LE;
      case ">",
          "more than",
          "greater than",
          "higher than",
          "over",
          "above",
          "exceed",
          "exceeds",
          "exceeding",
          "older than",
          "＞" ->
          org.fhirtrials.eligibility.extract.Comparator.GT;
      case "<", "less than", "lower than", "below", "under", "younger than", "＜" ->
          org.fhirtrials.eligibility.extract.Comparator.LT;
      default -> org.fhirtrials.eligibility.extract.Comparator.EQ;
    };
  }

  private static BigDecimal number(String raw) {
    // "2,500" and "12,000" are thousands; "1,5" is a decimal comma
    String s = THOUSANDS.matcher(raw).matches() ? raw.replace(",", "") : raw.replace(',', '.');
    int firstDot = s.indexOf('.');
    if (firstDot >= 0 && s.indexOf('.', firstDot + 1) >= 0) {
      s = s.substring(0, s.indexOf('.', firstDot + 1));
    }
    return new BigDecimal(s);
  }

  private static Sex sex(String raw) {
    String s = raw.toLowerCase(Locale.ROOT);
    return s.startsWith("f") || s.startsWith("w") ? Sex.FEMALE : Sex.MALE;
  }

  // ------------------------------------------------------------------ constraint builders

  private Constraint measured(
      Criterion criterion, Mention m, Reading r, NormalizedText nt, String text) {
    Def def = m.def;
    String unit = r.unit();
    if (def.kind() == Kind.AGE) {
      // an age in weeks or days stays in its unit (and is not computed: years and months only)
      unit = r.unknownUnit() ? null : unit == null || !TIME_UNITS.contains(unit) ? "a" : unit;
    } else if (def.kind() == Kind.SCORE) {
      unit = null;
    }
    String reason = null;
    if (criterion.comparatorLost()) {
      reason =
          "comparator lost in the source text (a ≥ or ≤ rendered as '='); threshold not trusted";
    } else if (r.equalsSign()) {
      reason = "'=' as a threshold comparator is ambiguous";
    } else if (def.kind() != Kind.AGE && def.concept() == null) {
      reason = "no verified code for " + def.name();
    } else if (r.unknownUnit()) {
      reason = "unit not understood";
    } else if (def.kind() == Kind.AGE && !unit.equals("a") && !unit.equals("mo")) {
      reason = "age in " + (unit.equals("wk") ? "weeks" : "days") + " is not computed";
    } else if (def.kind() == Kind.AGE && !integers(r.thresholds())) {
      reason = "age threshold is not a whole number";
    } else if (def.kind() == Kind.QUANTITY
        && r.reference() == Reference.ABSOLUTE
        && unit == null
        && !"inr".equals(def.key())) {
      reason = "no unit stated for " + def.name();
    } else if (def.kind() == Kind.QUANTITY && !unitFits(def, unit, r.reference())) {
      reason = "unit " + unit + " does not fit " + def.name();
    }
    Mention at = r.start() >= 0 ? new Mention(m.def, r.start(), m.end) : m;
    return constraint(
        at,
        nt,
        r.thresholds(),
        unit,
        r.reference(),
        List.of(),
        r.sex(),
        def.kind() == Kind.AGE ? null : labWindow(criterion, text),
        false,
        r.end(),
        reason);
  }

  private static boolean unitFits(Def def, String unit, Reference ref) {
    if (ref != Reference.ABSOLUTE || unit == null) {
      return true;
    }
    return switch (def.key()) {
      case "anc", "platelets", "leukocytes" ->
          unit.equals("10*9/L") || unit.equals("10*3/uL") || unit.equals("/uL");
      case "hemoglobin", "albumin" -> unit.equals("g/L") || unit.equals("g/dL");
      case "bilirubin", "creatinine" -> unit.equals("mg/dL") || unit.equals("umol/L");
      case "alt", "ast", "alp" -> unit.equals("U/L");
      case "egfr" -> unit.equals("mL/min/{1.73_m2}") || unit.equals("mL/min");
      case "crcl" -> unit.equals("mL/min");
      case "hbv-dna" -> unit.equals("[IU]/mL");
      case "lvef" -> unit.equals("%");
      case "qtcf" -> unit.equals("ms");
      case "sbp", "dbp" -> unit.equals("mm[Hg]");
      default -> true;
    };
  }

  private static boolean integers(List<Threshold> thresholds) {
    return thresholds.stream().allMatch(t -> t.value().stripTrailingZeros().scale() <= 0);
  }

  private Constraint bare(Mention m, NormalizedText nt, String reason) {
    return constraint(
        m, nt, List.of(), null, Reference.ABSOLUTE, List.of(), null, null, false, m.end, reason);
  }

  private Constraint childPugh(
      Criterion criterion, Mention m, String text, String scope, NormalizedText nt) {
    Set<String> classes = new LinkedHashSet<>();
    Matcher cls = CHILD_PUGH_CLASS.matcher(scope);
    int end = m.end;
    Matcher letters = CHILD_PUGH_LETTERS.matcher(scope);
    Matcher before =
        CLASS_BEFORE_CHILD_PUGH.matcher(text.substring(Math.max(0, m.start - 40), m.start));
    if (cls.find() && cls.start() < 40) {
      classes.add(cls.group(1));
      Matcher more = LETTER.matcher(cls.group(2));
      while (more.find()) {
        classes.add(more.group());
      }
      end = m.end + cls.end();
    } else if (letters.lookingAt()) {
      classes.add(letters.group(1));
      Matcher more = LETTER.matcher(letters.group(2));
      while (more.find()) {
        classes.add(more.group());
      }
      end = m.end + letters.end();
    } else if (before.find()) {
      classes.add(before.group(1));
    }
    List<Reading> readings = readThresholds(scope, m.end, LONG_LEAD);
    List<Threshold> points = List.of();
    boolean equals = false;
    if (!readings.isEmpty()) {
      Reading r = readings.get(0);
      points = r.thresholds();
      equals = r.equalsSign();
      end = Math.max(end, r.end());
    }
    String reason =
        criterion.comparatorLost()
            ? "comparator lost in the source text"
            : equals
                ? "'=' as a threshold comparator is ambiguous"
                : "no verified code for Child-Pugh score/class";
    return constraint(
        m,
        nt,
        points,
        points.isEmpty() ? null : "{score}",
        Reference.ABSOLUTE,
        List.copyOf(classes),
        null,
        null,
        false,
        end,
        reason);
  }

  private Constraint stage(Mention m, String scope, NormalizedText nt) {
    List<String> values = new ArrayList<>();
    int end = m.end;
    if ("vp".equals(m.def.key())) {
      Matcher vp = VP.matcher(scope);
      if (vp.lookingAt()) {
        int lo = Integer.parseInt(vp.group(1));
        int hi = vp.group(2) == null ? lo : Integer.parseInt(vp.group(2));
        for (int i = lo; i <= Math.max(lo, hi); i++) {
          values.add("Vp" + i);
        }
        end = m.end + vp.end();
      }
    } else {
      Matcher range = STAGE_RANGE.matcher(scope);
      Matcher single = STAGE_SINGLE.matcher(scope);
      if (range.find() && range.start() < 40) {
        String lo = range.group("lo") + (range.group("loSub") == null ? "a" : range.group("loSub"));
        String hi = range.group("hi") + (range.group("hiSub") == null ? "" : range.group("hiSub"));
        int a = CNLC_STAGES.indexOf(lo);
        int b = hi.equals("IV") ? CNLC_STAGES.size() - 1 : CNLC_STAGES.indexOf(hi);
        if (a >= 0 && b >= a) {
          values.addAll(CNLC_STAGES.subList(a, b + 1));
        }
        end = m.end + range.end();
      } else if (single.find() && single.start() < 30) {
        values.add(single.group("st") + (single.group("sub") == null ? "" : single.group("sub")));
        end = m.end + single.end();
      }
    }
    return constraint(
        m,
        nt,
        List.of(),
        null,
        Reference.ABSOLUTE,
        values,
        null,
        null,
        false,
        end,
        "no verified code for " + m.def.name());
  }

  private Constraint presence(Criterion criterion, Mention m, String text, NormalizedText nt) {
    Def def = m.def;
    int clauseStart = clauseStart(text, m.start);
    String before = text.substring(clauseStart, m.start);
    if (CARVE_OUT.matcher(before).find()) {
      return null; // "except HBV and HCV", "other than liver cancer": carved out, not required
    }
    if (TREATMENT_OBJECT.matcher(before).find()) {
      return null;
    }
    if ("hcc".equals(def.key()) && criterion.exclusion()) {
      return null; // the trial's own disease in an exclusion is always qualified ("invasive HCC")
    }
    int clauseEnd = text.length();
    Matcher b = BOUNDARY.matcher(text);
    b.region(m.end, text.length());
    if (b.find()) {
      clauseEnd = b.start();
    }
    String after = text.substring(m.end, clauseEnd);
    String near = before.length() > 40 ? before.substring(before.length() - 40) : before;
    boolean absent = NEGATION_BEFORE.matcher(before).find() || NEGATIVE_AFTER.matcher(after).find();
    String reason = null;
    if (def.concept() == null) {
      reason = "no verified code for " + def.name();
    } else if (!criterion.exclusion()
        && (CONDITIONAL.matcher(text).find()
            || (criterion.parentText() != null
                && CONDITIONAL.matcher(criterion.parentText()).find())
            || (def.kind() == Kind.CONDITION
                && !"hcc".equals(def.key())
                && SUBJECTS_WITH.matcher(before).find()))) {
      reason = "conditional criterion (applies only to some patients)";
    } else if (QUALIFIER.matcher(near).find()) {
      reason = "qualified (" + firstMatch(QUALIFIER, near) + "); coded data cannot show this";
    } else if (def.kind() == Kind.PREGNANCY && CONDITIONAL.matcher(near + after).find()) {
      reason = "intention, not a status";
    }
    boolean active = ACTIVE.matcher(near).find();
    TimeWindow window = def.kind() == Kind.PREGNANCY ? null : window(text);
    return constraint(
        m,
        nt,
        List.of(),
        null,
        Reference.ABSOLUTE,
        active ? List.of("active") : List.of(),
        null,
        window,
        absent,
        m.end,
        reason);
  }

  private static int clauseStart(String text, int at) {
    int start = 0;
    Matcher b = BOUNDARY.matcher(text);
    while (b.find() && b.start() < at) {
      start = b.end();
    }
    return Math.min(start, at);
  }

  private static String firstMatch(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group().toLowerCase(Locale.ROOT) : "";
  }

  private static TimeWindow window(String text) {
    Matcher w = WINDOW.matcher(text);
    if (w.find()) {
      return windowOf(w);
    }
    Matcher e = EVER.matcher(text);
    return e.find() ? new TimeWindow(0, null, e.group()) : null;
  }

  private static final Pattern LAB_TIMING =
      Pattern.compile(
          "\\b(?:tests?|laborator\\w*|obtained|measured|performed|values?)\\b[^;]{0,40}$", FLAGS);

  /**
   * A window for a measurement only when the text ties it to the test ("obtained within 28 days").
   */
  private static TimeWindow labWindow(Criterion criterion, String text) {
    for (String s : new String[] {text, criterion.parentText()}) {
      if (s == null) {
        continue;
      }
      Matcher w = WINDOW.matcher(s);
      while (w.find()) {
        String before = s.substring(Math.max(0, w.start() - 60), w.start());
        if (LAB_TIMING.matcher(before).find()) {
          return windowOf(w);
        }
      }
    }
    return null;
  }

  private static TimeWindow windowOf(Matcher w) {
    String n = w.group("n1") != null ? w.group("n1") : w.group("n2");
    String u = w.group("u1") != null ? w.group("u1") : w.group("u2");
    String lower = u.toLowerCase(Locale.ROOT);
    String unit = lower.endsWith("s") ? lower : lower + "s";
    return new TimeWindow(count(n), unit, w.group());
  }

  private static int count(String n) {
    return switch (n.toLowerCase(Locale.ROOT)) {
      case "one" -> 1;
      case "two" -> 2;
      case "three" -> 3;
      case "four" -> 4;
      case "five" -> 5;
      case "six" -> 6;
      case "twelve" -> 12;
      default -> Integer.parseInt(n);
    };
  }

  private Constraint constraint(
      Mention m,
      NormalizedText nt,
      List<Threshold> thresholds,
      String unit,
      Reference reference,
      List<String> values,
      Sex sex,
      TimeWindow window,
      boolean absent,
      int end,
      String reason) {
    return new Constraint(
        m.def.category(),
        m.def.concept(),
        m.def.name(),
        thresholds,
        unit,
        reference,
        values,
        sex,
        window,
        absent,
        nt.source(m.start),
        nt.source(end),
        reason == null,
        reason,
        null);
  }

  private static boolean isMeasured(Constraint c) {
    return c.category() == Category.LAB || c.category() == Category.VITAL;
  }

  private static List<Constraint> dedupe(List<Constraint> constraints) {
    List<Constraint> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Constraint c : constraints) {
      String key =
          c.name()
              + '|'
              + c.absent()
              + '|'
              + c.thresholds()
              + '|'
              + c.sex()
              + '|'
              + c.reference()
              + '|'
              + c.allowedValues();
      if (seen.add(key)) {
        out.add(c);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ assembly

  private ExtractedCriterion assemble(
      Criterion criterion, List<Constraint> constraints, String text, NormalizedText nt) {
    if (constraints.isEmpty()) {
      return new ExtractedCriterion(
          criterion,
          List.of(),
          defaultLogic(criterion),
          false,
          "no computable concept found",
          null);
    }
    Logic logic = defaultLogic(criterion);
    String mixed = null;
    if (!criterion.exclusion() && constraints.size() > 1) {
      int ors = 0;
      for (int i = 1; i < constraints.size(); i++) {
        int from = Math.min(constraints.get(i - 1).end(), constraints.get(i).start());
        String gap = criterion.text().substring(from, constraints.get(i).start());
        if (OR_WORD.matcher(gap).find() && gap.indexOf(';') < 0) {
          ors++;
        }
      }
      if (ors == constraints.size() - 1) {
        logic = Logic.ANY_OF;
      } else if (ors > 0) {
        mixed = "mixed 'and'/'or' between requirements";
      }
    }
    boolean allOf = logic == Logic.ALL_OF;
    List<Constraint> built = new ArrayList<>();
    List<String> expressions = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Constraint c : constraints) {
      if (c.computable()) {
        Def def = defOf(c);
        Constraint withPath = c.withFhirPath(FhirPathBuilder.build(c, def, allOf));
        built.add(withPath);
        expressions.add(withPath.fhirPath());
      } else {
        built.add(c);
        expressions.add("{}"); // unknown: FHIRPath's three-valued and/or keep the result honest
        reasons.add(c.name() + ": " + c.reason());
      }
    }
    boolean allComputable = reasons.isEmpty() && mixed == null;
    boolean anyComputable = expressions.stream().anyMatch(e -> !e.equals("{}"));
    String reason =
        mixed != null
            ? mixed
            : allComputable ? null : String.join("; ", new LinkedHashSet<>(reasons));
    String path = mixed == null && anyComputable ? FhirPathBuilder.join(expressions, allOf) : null;
    return new ExtractedCriterion(criterion, built, logic, allComputable, reason, path);
  }

  private static Logic defaultLogic(Criterion criterion) {
    return criterion.exclusion() ? Logic.ANY_OF : Logic.ALL_OF;
  }

  private static Def defOf(Constraint c) {
    for (Def d : ConceptCatalog.ALL) {
      if (d.name().equals(c.name())) {
        return d;
      }
    }
    throw new IllegalStateException("unknown concept " + c.name());
  }
}
