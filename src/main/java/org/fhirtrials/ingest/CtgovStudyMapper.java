package org.fhirtrials.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fhirtrials.eligibility.CriteriaSplitter;
import org.fhirtrials.model.Age;
import org.fhirtrials.model.Arm;
import org.fhirtrials.model.Contact;
import org.fhirtrials.model.Design;
import org.fhirtrials.model.Eligibility;
import org.fhirtrials.model.GeoPoint;
import org.fhirtrials.model.Intervention;
import org.fhirtrials.model.Link;
import org.fhirtrials.model.MeshTerm;
import org.fhirtrials.model.Official;
import org.fhirtrials.model.Organization;
import org.fhirtrials.model.Outcome;
import org.fhirtrials.model.Oversight;
import org.fhirtrials.model.PartialDate;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.model.Reference;
import org.fhirtrials.model.ResponsibleParty;
import org.fhirtrials.model.SecondaryId;
import org.fhirtrials.model.Site;
import org.fhirtrials.model.Source;
import org.fhirtrials.model.StudyStatus;
import org.fhirtrials.model.Trial;
import org.fhirtrials.model.TrialBuilder;

/**
 * Maps one ClinicalTrials.gov API v2 study (the JSON tree of a {@code Study} object) to a {@link
 * Trial}. Only the protocol section and the derived MeSH terms are read; results, documents and
 * annotations are ignored. Unknown fields are ignored, so newer API versions still load.
 *
 * <p>The mapper never guesses: a value of the wrong JSON type, a date that is not ISO, an age it
 * cannot parse or a status/phase/sex code the model does not know rejects the whole study with a
 * {@link RecordException} naming the JSON path, rather than dropping or inventing the value.
 */
final class CtgovStudyMapper {
  private static final Pattern NCT_ID = Pattern.compile("NCT\\d{8}");
  private static final String DATE_TYPE_ESTIMATED = "ESTIMATED";
  private static final String DATE_TYPE_ACTUAL = "ACTUAL";
  private static final String ENROLLMENT_ACTUAL = "ACTUAL";
  private static final String ENROLLMENT_ESTIMATED = "ESTIMATED";

  private final CriteriaSplitter splitter;

  CtgovStudyMapper(CriteriaSplitter splitter) {
    this.splitter = splitter;
  }

  /**
   * @param study the study's JSON tree
   * @param origin file origin, recorded in {@link Trial#source()}
   * @throws RecordException when the study cannot be mapped; carries the NCT id when readable
   */
  Trial map(JsonNode study, String origin) {
    if (!study.isObject()) {
      throw new RecordException(
          null,
          "expected a study object, found " + study.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    JsonCursor root = JsonCursor.root(study, "");
    String nctId = null;
    try {
      JsonCursor protocol = root.object("protocolSection");
      if (!protocol.present()) {
        throw root.missing("protocolSection");
      }
      nctId = readNctId(protocol.object("identificationModule"));
      return build(nctId, protocol, root.object("derivedSection"), origin);
    } catch (JsonCursor.BadField e) {
      throw new RecordException(nctId, e.getMessage(), e);
    }
  }

  private static String readNctId(JsonCursor identification) {
    String nctId = identification.text("nctId");
    if (nctId == null) {
      throw identification.missing("nctId");
    }
    if (!NCT_ID.matcher(nctId).matches()) {
      throw identification.invalid(
          "nctId", "\"" + nctId + "\" is not a ClinicalTrials.gov id (NCT followed by 8 digits)");
    }
    return nctId;
  }

  private Trial build(String nctId, JsonCursor protocol, JsonCursor derived, String origin) {
    TrialBuilder b = Trial.builder(nctId);
    identification(b, protocol.object("identificationModule"));
    b.status(status(protocol.object("statusModule")));
    sponsors(b, protocol.object("sponsorCollaboratorsModule"));
    JsonCursor description = protocol.object("descriptionModule");
    b.briefSummary(description.text("briefSummary"));
    b.detailedDescription(description.text("detailedDescription"));
    JsonCursor conditions = protocol.object("conditionsModule");
    b.conditions(conditions.texts("conditions"));
    b.keywords(conditions.texts("keywords"));
    b.conditionMeshTerms(meshes(derived.object("conditionBrowseModule")));
    b.interventionMeshTerms(meshes(derived.object("interventionBrowseModule")));
    b.design(design(protocol.object("designModule")));
    JsonCursor arms = protocol.object("armsInterventionsModule");
    b.arms(arms.objects("armGroups", CtgovStudyMapper::arm));
    b.interventions(arms.objects("interventions", CtgovStudyMapper::intervention));
    b.outcomes(outcomes(protocol.object("outcomesModule")));
    b.eligibility(eligibility(protocol.object("eligibilityModule")));
    contactsAndLocations(b, protocol.object("contactsLocationsModule"));
    JsonCursor references = protocol.object("referencesModule");
    b.references(references.objects("references", CtgovStudyMapper::reference));
    b.seeAlsoLinks(
        references.objects("seeAlsoLinks", c -> new Link(c.text("label"), c.text("url"))));
    b.oversight(oversight(protocol.object("oversightModule")));
    b.source(new Source(Source.Format.CTGOV_V2_JSON, origin, null));
    return b.build();
  }

  private static void identification(TrialBuilder b, JsonCursor id) {
    String briefTitle = id.text("briefTitle");
    if (briefTitle == null) {
      // ClinicalTrials.gov requires a brief title; the model promises one to every consumer.
      throw id.missing("briefTitle");
    }
    b.briefTitle(briefTitle);
    b.officialTitle(id.text("officialTitle"));
    b.acronym(id.text("acronym"));
    b.orgStudyId(id.object("orgStudyIdInfo").text("id"));
    b.secondaryIds(
        id.objects(
            "secondaryIdInfos",
            c -> new SecondaryId(c.text("id"), c.text("type"), c.text("domain"), c.text("link"))));
  }

  private static StudyStatus status(JsonCursor s) {
    if (!s.present()) {
      return null;
    }
    return new StudyStatus(
        recruitmentStatus(s, "overallStatus"),
        s.text("whyStopped"),
        plainDate(s, "statusVerifiedDate"),
        dateStruct(s.object("startDateStruct")),
        dateStruct(s.object("primaryCompletionDateStruct")),
        dateStruct(s.object("completionDateStruct")),
        plainDate(s, "studyFirstSubmitDate"),
        dateStruct(s.object("studyFirstPostDateStruct")),
        plainDate(s, "lastUpdateSubmitDate"),
        dateStruct(s.object("lastUpdatePostDateStruct")));
  }

  private static RecruitmentStatus recruitmentStatus(JsonCursor c, String field) {
    return coded(c, field, RecruitmentStatus::parse, "recruitment status");
  }

  /** A registry code the model holds as an enum; an unknown code rejects the study. */
  private static <T> T coded(
      JsonCursor c, String field, Function<String, Optional<T>> parse, String what) {
    String code = c.text(field);
    if (code == null) {
      return null;
    }
    return parse
        .apply(code)
        .orElseThrow(() -> c.invalid(field, "unknown " + what + " \"" + code + "\""));
  }

  private static PartialDate plainDate(JsonCursor c, String field) {
    String value = c.text(field);
    return value == null ? null : partialDate(c, field, value, false);
  }

  /**
   * A {@code {date, type}} struct. A struct without a type is taken as not estimated: older records
   * carry no type, and {@link PartialDate} has no "unknown" state (lossy).
   */
  private static PartialDate dateStruct(JsonCursor struct) {
    String value = struct.text("date");
    if (value == null) {
      return null;
    }
    String type = struct.text("type");
    boolean estimated;
    if (type == null || type.equals(DATE_TYPE_ACTUAL)) {
      estimated = false;
    } else if (type.equals(DATE_TYPE_ESTIMATED)) {
      estimated = true;
    } else {
      throw struct.invalid(
          "type",
          "expected "
              + DATE_TYPE_ACTUAL
              + " or "
              + DATE_TYPE_ESTIMATED
              + ", found \""
              + type
              + "\"");
    }
    return partialDate(struct, "date", value, estimated);
  }

  private static PartialDate partialDate(
      JsonCursor c, String field, String value, boolean estimated) {
    try {
      return new PartialDate(value, estimated);
    } catch (IllegalArgumentException e) {
      throw c.invalid(
          field, "expected a date YYYY, YYYY-MM or YYYY-MM-DD, found \"" + value + "\"");
    }
  }

  private static void sponsors(TrialBuilder b, JsonCursor s) {
    b.leadSponsor(organization(s.object("leadSponsor")));
    b.collaborators(s.objects("collaborators", CtgovStudyMapper::organization));
    JsonCursor rp = s.object("responsibleParty");
    if (rp.present()) {
      b.responsibleParty(
          new ResponsibleParty(
              rp.text("type"),
              rp.text("investigatorFullName"),
              rp.text("investigatorTitle"),
              rp.text("investigatorAffiliation"),
              rp.text("oldNameTitle"),
              rp.text("oldOrganization")));
    }
  }

  private static Organization organization(JsonCursor c) {
    return c.present() ? new Organization(c.text("name"), c.text("class")) : null;
  }

  private static List<MeshTerm> meshes(JsonCursor browse) {
    return browse.objects("meshes", c -> new MeshTerm(c.text("id"), c.text("term")));
  }

  private static Design design(JsonCursor d) {
    if (!d.present()) {
      return null;
    }
    JsonCursor info = d.object("designInfo");
    JsonCursor masking = info.object("maskingInfo");
    JsonCursor enrollment = d.object("enrollmentInfo");
    Integer count = enrollment.integer("count");
    if (count != null && count < 0) {
      throw enrollment.invalid("count", "expected a non-negative integer, found " + count);
    }
    List<Phase> phases =
        d.texts(
            "phases",
            c ->
                Phase.parse(c.text())
                    .orElseThrow(() -> c.invalid("unknown phase \"" + c.text() + "\"")));
    return new Design(
        d.text("studyType"),
        phases,
        info.text("allocation"),
        info.text("interventionModel"),
        info.text("interventionModelDescription"),
        info.text("primaryPurpose"),
        info.text("observationalModel"),
        info.text("timePerspective"),
        masking.text("masking"),
        masking.text("maskingDescription"),
        masking.texts("whoMasked"),
        count,
        enrollmentEstimated(enrollment));
  }

  private static Boolean enrollmentEstimated(JsonCursor enrollment) {
    String type = enrollment.text("type");
    if (type == null) {
      return null;
    }
    return switch (type) {
      case ENROLLMENT_ESTIMATED -> true;
      case ENROLLMENT_ACTUAL -> false;
      default ->
          throw enrollment.invalid(
              "type: expected "
                  + ENROLLMENT_ACTUAL
                  + " or "
                  + ENROLLMENT_ESTIMATED
                  + ", found \""
                  + type
                  + "\"");
    };
  }

  private static Arm arm(JsonCursor c) {
    return new Arm(
        c.text("label"), c.text("type"), c.text("description"), c.texts("interventionNames"));
  }

  private static Intervention intervention(JsonCursor c) {
    return new Intervention(
        c.text("type"),
        c.text("name"),
        c.text("description"),
        c.texts("armGroupLabels"),
        c.texts("otherNames"));
  }

  private static List<Outcome> outcomes(JsonCursor o) {
    List<Outcome> out = new ArrayList<>();
    out.addAll(o.objects("primaryOutcomes", c -> outcome(Outcome.Kind.PRIMARY, c)));
    out.addAll(o.objects("secondaryOutcomes", c -> outcome(Outcome.Kind.SECONDARY, c)));
    out.addAll(o.objects("otherOutcomes", c -> outcome(Outcome.Kind.OTHER, c)));
    return out;
  }

  private static Outcome outcome(Outcome.Kind kind, JsonCursor c) {
    return new Outcome(kind, c.text("measure"), c.text("description"), c.text("timeFrame"));
  }

  private Eligibility eligibility(JsonCursor e) {
    if (!e.present()) {
      return null;
    }
    String criteriaText = e.text("eligibilityCriteria");
    return new Eligibility(
        criteriaText,
        criteriaText == null ? List.of() : splitter.split(criteriaText),
        coded(e, "sex", CtgovStudyMapper::sex, "sex"),
        e.bool("genderBased"),
        e.text("genderDescription"),
        age(e, "minimumAge"),
        age(e, "maximumAge"),
        e.bool("healthyVolunteers"),
        e.texts("stdAges"),
        e.text("studyPopulation"),
        e.text("samplingMethod"));
  }

  private static Optional<Eligibility.Sex> sex(String code) {
    try {
      return Optional.of(Eligibility.Sex.valueOf(code.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Age age(JsonCursor e, String field) {
    String text = e.text(field);
    if (text == null) {
      return null;
    }
    return Age.parse(text)
        .orElseThrow(
            () ->
                e.invalid(
                    field, "cannot read the age \"" + text + "\" (expected e.g. \"18 Years\")"));
  }

  private static void contactsAndLocations(TrialBuilder b, JsonCursor c) {
    b.centralContacts(c.objects("centralContacts", CtgovStudyMapper::contact));
    b.overallOfficials(
        c.objects(
            "overallOfficials",
            o -> new Official(o.text("name"), o.text("affiliation"), o.text("role"))));
    b.sites(c.objects("locations", CtgovStudyMapper::site));
  }

  private static Contact contact(JsonCursor c) {
    return new Contact(
        c.text("name"),
        RepeatedValues.share(c.text("role")),
        c.text("phone"),
        c.text("phoneExt"),
        c.text("email"));
  }

  private static Site site(JsonCursor c) {
    // the values sites of many studies repeat are held once
    return new Site(
        RepeatedValues.share(c.text("facility")),
        recruitmentStatus(c, "status"),
        RepeatedValues.share(c.text("city")),
        RepeatedValues.share(c.text("state")),
        RepeatedValues.share(c.text("zip")),
        RepeatedValues.share(c.text("country")),
        geoPoint(c.object("geoPoint")),
        c.objects("contacts", CtgovStudyMapper::contact));
  }

  private static GeoPoint geoPoint(JsonCursor g) {
    if (!g.present()) {
      return null;
    }
    Double lat = g.number("lat");
    Double lon = g.number("lon");
    if (lat == null || lon == null) {
      throw g.invalid("expected both lat and lon");
    }
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      throw g.invalid("coordinates out of range: lat " + lat + ", lon " + lon);
    }
    return new GeoPoint(lat, lon);
  }

  private static Reference reference(JsonCursor c) {
    return new Reference(c.text("pmid"), c.text("type"), c.text("citation"));
  }

  private static Oversight oversight(JsonCursor o) {
    if (!o.present()) {
      return null;
    }
    return new Oversight(
        o.bool("isFdaRegulatedDrug"), o.bool("isFdaRegulatedDevice"), o.bool("oversightHasDmc"));
  }
}
