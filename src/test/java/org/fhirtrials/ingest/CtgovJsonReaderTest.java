package org.fhirtrials.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
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
import org.fhirtrials.testing.SharedData;
import org.junit.jupiter.api.Test;

class CtgovJsonReaderTest {
  private final CtgovJsonReader reader = new CtgovJsonReader();

  /** What one read produced. */
  record Result(List<Trial> trials, List<Rejection> rejections) {
    Trial only() {
      assertThat(rejections).isEmpty();
      assertThat(trials).hasSize(1);
      return trials.get(0);
    }

    Rejection onlyRejection() {
      assertThat(trials).isEmpty();
      assertThat(rejections).hasSize(1);
      return rejections.get(0);
    }
  }

  private Result read(InputStream in, String origin) throws IOException {
    List<Trial> trials = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    reader.read(in, origin, trials::add, rejections::add);
    return new Result(trials, rejections);
  }

  private Result readFixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/ctgov/" + name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return read(in, name);
    }
  }

  private Result readText(String json) throws IOException {
    return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "inline.json");
  }

  @Test
  void mapsEveryModuleOfACompleteStudy() throws IOException {
    Trial t = readFixture("complete-study.json").only();

    assertThat(t.nctId()).isEqualTo("NCT99999901");
    assertThat(t.orgStudyId()).isEqualTo("FT-001");
    assertThat(t.secondaryIds())
        .containsExactly(
            new SecondaryId("2024-000001-11", "EUDRACT_NUMBER", null, null),
            new SecondaryId(
                "R01CA000001", "NIH", null, "https://reporter.nih.gov/quickSearch/R01CA000001"),
            new SecondaryId("FT-LOCAL-7", "OTHER", "Example Cancer Centre", null));
    assertThat(t.acronym()).isEqualTo("EXAMPLE");
    assertThat(t.source())
        .isEqualTo(new Source(Source.Format.CTGOV_V2_JSON, "complete-study.json", null));

    assertThat(t.status())
        .isEqualTo(
            new StudyStatus(
                RecruitmentStatus.RECRUITING,
                null,
                PartialDate.actual("2025-03"),
                PartialDate.actual("2024-05-02"),
                PartialDate.estimated("2026-12"),
                PartialDate.estimated("2027"),
                PartialDate.actual("2024-04-01"),
                PartialDate.actual("2024-04-09"),
                PartialDate.actual("2025-03-10"),
                PartialDate.actual("2025-03-12")));

    assertThat(t.leadSponsor()).isEqualTo(new Organization("Example University", "OTHER"));
    assertThat(t.collaborators()).containsExactly(new Organization("Example Pharma", "INDUSTRY"));
    assertThat(t.responsibleParty())
        .isEqualTo(
            new ResponsibleParty(
                "PRINCIPAL_INVESTIGATOR",
                "Ada Example",
                "Professor",
                "Example University",
                null,
                null));
    assertThat(t.detailedDescription()).isEqualTo("Dose is 120 Gy *per* lobe.");
    assertThat(t.conditions()).containsExactly("Hepatocellular Carcinoma", "Liver Metastases");
    assertThat(t.keywords()).containsExactly("radioembolisation", "SIRT");
    assertThat(t.conditionMeshTerms())
        .containsExactly(new MeshTerm("D006528", "Carcinoma, Hepatocellular"));
    assertThat(t.interventionMeshTerms()).containsExactly(new MeshTerm("D000077157", "Sorafenib"));

    assertThat(t.design())
        .isEqualTo(
            new Design(
                "INTERVENTIONAL",
                List.of(Phase.PHASE1, Phase.PHASE2),
                "RANDOMIZED",
                "PARALLEL",
                "Two arms in parallel.",
                "TREATMENT",
                null,
                null,
                "DOUBLE",
                "Dosimetry is masked.",
                List.of("PARTICIPANT", "OUTCOMES_ASSESSOR"),
                60,
                true));

    assertThat(t.arms())
        .containsExactly(
            new Arm(
                "Arm A", "EXPERIMENTAL", "[90Y] microspheres", List.of("Device: 90Y microspheres")),
            new Arm("Arm B", "ACTIVE_COMPARATOR", null, List.of("Drug: Sorafenib")));
    assertThat(t.interventions())
        .containsExactly(
            new Intervention(
                "DEVICE",
                "90Y microspheres",
                "Single infusion",
                List.of("Arm A"),
                List.of("SIR-Spheres")),
            new Intervention("DRUG", "Sorafenib", null, List.of("Arm B"), List.of()));
    assertThat(t.outcomes())
        .containsExactly(
            new Outcome(Outcome.Kind.PRIMARY, "Objective response", "mRECIST", "6 months"),
            new Outcome(Outcome.Kind.SECONDARY, "Overall survival", null, "2 years"),
            new Outcome(Outcome.Kind.OTHER, "Quality of life", null, "1 year"));

    Eligibility e = t.eligibility();
    assertThat(e.sex()).isEqualTo(Eligibility.Sex.ALL);
    assertThat(e.genderBased()).isFalse();
    assertThat(e.minimumAge()).isEqualTo(Age.years(18));
    assertThat(e.maximumAge()).isEqualTo(new Age(new BigDecimal("6"), Age.Unit.MONTHS));
    assertThat(e.healthyVolunteers()).isFalse();
    assertThat(e.stdAges()).containsExactly("ADULT", "OLDER_ADULT");
    assertThat(e.criteria()).isEqualTo(new CriteriaSplitter().split(e.criteriaText()));

    assertThat(t.centralContacts())
        .containsExactly(
            new Contact("Trial Office", "CONTACT", "555-0100", "12", "trials@example.org"));
    assertThat(t.overallOfficials())
        .containsExactly(
            new Official("Ada Example, MD", "Example University", "PRINCIPAL_INVESTIGATOR"));
    assertThat(t.sites())
        .containsExactly(
            new Site(
                "Example University Hospital",
                RecruitmentStatus.RECRUITING,
                "Springfield",
                "Illinois",
                "62701",
                "United States",
                new GeoPoint(39.80172, -89.64371),
                List.of(
                    new Contact("Site Coordinator", "CONTACT", null, null, "site@example.org"))),
            new Site("Clinique Exemple", null, "Lyon", null, null, "France", null, List.of()));
    assertThat(t.references())
        .containsExactly(
            new Reference("12345678", "BACKGROUND", "Example A. Radioembolisation. 2020."));
    assertThat(t.seeAlsoLinks())
        .containsExactly(new Link("Study site", "https://example.org/study"));
    assertThat(t.oversight()).isEqualTo(new Oversight(false, true, true));
  }

  @Test
  void removesMarkdownEscapesFromText() throws IOException {
    Trial t = readFixture("complete-study.json").only();

    assertThat(t.briefTitle()).isEqualTo("[90Y] Radioembolisation for Liver Tumours");
    assertThat(t.officialTitle()).endsWith("[90Y] Microspheres in Patients With Tumours < 5 cm");
    assertThat(t.briefSummary())
        .isEqualTo("Patients with tumours <= 5 cm receive [90Y] microspheres.");
    assertThat(t.eligibility().criteriaText())
        .contains("* Platelets >= 75,000/mm^3", "* Bilirubin < 2 mg/dL", "* Prior [90Y] therapy")
        .doesNotContain("\\");
  }

  @Test
  void readsAPageAndIgnoresItsNextPageToken() throws IOException {
    Result r =
        readText(
            """
            {"studies": [
              {"protocolSection": {"identificationModule": {"nctId": "NCT99999981", "briefTitle": "A"}}},
              {"protocolSection": {"identificationModule": {"nctId": "NCT99999982", "briefTitle": "B"}}}
            ], "nextPageToken": "abc", "totalCount": 2}
            """);

    assertThat(r.rejections()).isEmpty();
    assertThat(r.trials()).extracting(Trial::nctId).containsExactly("NCT99999981", "NCT99999982");
  }

  @Test
  void readsATopLevelArrayOfStudies() throws IOException {
    Result r = readFixture("array-of-studies.json");

    assertThat(r.rejections()).isEmpty();
    assertThat(r.trials())
        .extracting(Trial::briefTitle)
        .containsExactly("First in array", "Second in array");
  }

  @Test
  void loadsTheGoodStudiesOfAPageAndReportsTheBadOne() throws IOException {
    Result r = readFixture("page-with-one-bad-study.json");

    assertThat(r.trials()).extracting(Trial::nctId).containsExactly("NCT99999911", "NCT99999913");
    assertThat(r.rejections()).hasSize(1);
    Rejection bad = r.rejections().get(0);
    assertThat(bad.origin()).isEqualTo("page-with-one-bad-study.json#studies[1]");
    assertThat(bad.nctId()).isEqualTo("NCT99999912");
    assertThat(bad.reason())
        .isEqualTo(
            "protocolSection.designModule.enrollmentInfo.count: expected an integer, found string"
                + " \"abc\"");
  }

  @Test
  void rejectsTruncatedJsonAfterLoadingTheStudiesBeforeTheBreak() throws IOException {
    Result r = readFixture("truncated-page.json");

    assertThat(r.trials()).extracting(Trial::nctId).containsExactly("NCT99999921", "NCT99999922");
    assertThat(r.rejections()).hasSize(1);
    Rejection broken = r.rejections().get(0);
    assertThat(broken.origin()).isEqualTo("truncated-page.json#studies[2]");
    assertThat(broken.reason())
        .startsWith("JSON ends too early (truncated file?) at line 5, column");
  }

  @Test
  void reportsWhereMalformedJsonBreaks() throws IOException {
    Result r = readText("{\"studies\": [\n  {\"protocolSection\": ]\n]}");

    assertThat(r.onlyRejection().reason()).startsWith("JSON syntax error at line 2, column 23");
  }

  @Test
  void rejectsJsonBeyondTheParserSafetyLimitsWithoutThrowing() throws IOException {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);

    Rejection r = readText(deep).onlyRejection();

    assertThat(r.origin()).startsWith("inline.json");
    assertThat(r.reason()).containsIgnoringCase("nesting depth");
  }

  @Test
  void reportsContentAfterTheEndOfTheDocument() throws IOException {
    Result r =
        readText(
            "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT99999947\","
                + "\"briefTitle\":\"t\"}}}\n{\"again\": 1}");

    assertThat(r.trials()).extracting(Trial::nctId).containsExactly("NCT99999947");
    assertThat(r.rejections())
        .containsExactly(
            new Rejection(
                "inline.json",
                null,
                "unexpected content after the end of the JSON document at line 2, column 1"));
  }

  @Test
  void rejectsAnEmptyFile() throws IOException {
    assertThat(readFixture("empty.json").onlyRejection())
        .isEqualTo(new Rejection("empty.json", null, "empty file"));
    assertThat(readText("  \n\t ").onlyRejection().reason()).isEqualTo("empty file");
  }

  @Test
  void rejectsAStudyWithConditionsThatAreNotAnArray() throws IOException {
    Rejection r = readFixture("conditions-not-an-array.json").onlyRejection();

    assertThat(r.origin()).isEqualTo("conditions-not-an-array.json");
    assertThat(r.nctId()).isEqualTo("NCT99999941");
    assertThat(r.reason())
        .isEqualTo(
            "protocolSection.conditionsModule.conditions: expected an array of strings, found"
                + " string \"x\"");
  }

  @Test
  void rejectsWrongTypesInsideArraysWithTheItemIndex() throws IOException {
    Rejection r =
        readText(
                """
                {"protocolSection": {
                  "identificationModule": {"nctId": "NCT99999942", "briefTitle": "t"},
                  "contactsLocationsModule": {"locations": [
                    {"facility": "A"}, {"facility": "B", "geoPoint": {"lat": "north", "lon": 1}}]}}}
                """)
            .onlyRejection();

    assertThat(r.reason())
        .isEqualTo(
            "protocolSection.contactsLocationsModule.locations[1].geoPoint.lat: expected a number,"
                + " found string \"north\"");
  }

  @Test
  void rejectsAnInvalidOrMissingNctId() throws IOException {
    Rejection invalid = readFixture("invalid-nct-id.json").onlyRejection();
    assertThat(invalid.nctId()).isNull();
    assertThat(invalid.reason())
        .contains("protocolSection.identificationModule.nctId", "\"NCT123\"", "NCT followed by 8");

    Rejection missing = readFixture("missing-nct-id.json").onlyRejection();
    assertThat(missing.reason()).isEqualTo("protocolSection.identificationModule.nctId is missing");
  }

  @Test
  void rejectsAnAgeItCannotParse() throws IOException {
    Rejection r = readFixture("unparseable-age.json").onlyRejection();

    assertThat(r.nctId()).isEqualTo("NCT99999951");
    assertThat(r.reason())
        .isEqualTo(
            "protocolSection.eligibilityModule.minimumAge: cannot read the age \"eighteen\""
                + " (expected e.g. \"18 Years\")");
  }

  @Test
  void rejectsStatusAndPhaseCodesTheModelDoesNotKnow() throws IOException {
    Rejection status = readFixture("unknown-overall-status.json").onlyRejection();
    assertThat(status.nctId()).isEqualTo("NCT99999961");
    assertThat(status.reason())
        .isEqualTo(
            "protocolSection.statusModule.overallStatus: unknown recruitment status"
                + " \"PAUSED_FOR_REVIEW\"");

    Rejection phase = readFixture("unknown-phase.json").onlyRejection();
    assertThat(phase.reason())
        .isEqualTo("protocolSection.designModule.phases[1]: unknown phase \"PHASE5\"");
  }

  @Test
  void rejectsADateThatIsNotIso() throws IOException {
    Rejection r =
        readText(
                """
                {"protocolSection": {
                  "identificationModule": {"nctId": "NCT99999943", "briefTitle": "t"},
                  "statusModule": {"startDateStruct": {"date": "March 2020", "type": "ACTUAL"}}}}
                """)
            .onlyRejection();

    assertThat(r.reason())
        .isEqualTo(
            "protocolSection.statusModule.startDateStruct.date: expected a date YYYY, YYYY-MM or"
                + " YYYY-MM-DD, found \"March 2020\"");
  }

  @Test
  void rejectsAnArrayItemThatIsNotAStudyAndGoesOn() throws IOException {
    Result r =
        readText(
            """
            [42, {"protocolSection": {"identificationModule": {"nctId": "NCT99999944", "briefTitle": "t"}}}]
            """);

    assertThat(r.trials()).extracting(Trial::nctId).containsExactly("NCT99999944");
    assertThat(r.rejections())
        .containsExactly(
            new Rejection("inline.json#[0]", null, "expected a study object, found number"));
  }

  @Test
  void rejectsJsonThatIsNotAStudyContainer() throws IOException {
    assertThat(readText("\"hello\"").onlyRejection().reason())
        .startsWith("expected a study object, a {\"studies\":[...]} page or an array of studies");
    assertThat(readText("{\"studies\": 3}").onlyRejection().reason())
        .isEqualTo("studies: expected an array of studies, found a number");
  }

  @Test
  void leavesAbsentModulesEmpty() throws IOException {
    Trial t =
        readText(
                """
                {"protocolSection": {"identificationModule": {"nctId": "NCT99999945", "briefTitle": "t",
                  "officialTitle": null}}}
                """)
            .only();

    assertThat(t.officialTitle()).isNull();
    assertThat(t.status()).isEqualTo(StudyStatus.EMPTY);
    assertThat(t.design()).isEqualTo(Design.EMPTY);
    assertThat(t.eligibility()).isEqualTo(Eligibility.EMPTY);
    assertThat(t.conditions()).isEmpty();
    assertThat(t.sites()).isEmpty();
    assertThat(t.oversight()).isNull();
  }

  @Test
  void streamsAPageWithoutReadingItWhole() throws IOException {
    int studies = 20_000;
    GeneratedPage page = new GeneratedPage(studies);
    AtomicLong bytesReadAtFirstStudy = new AtomicLong(-1);
    AtomicLong loaded = new AtomicLong();
    List<Rejection> rejections = new ArrayList<>();

    reader.read(
        page,
        "generated.json",
        t -> {
          bytesReadAtFirstStudy.compareAndSet(-1, page.bytesRead);
          loaded.incrementAndGet();
        },
        rejections::add);

    assertThat(rejections).isEmpty();
    assertThat(loaded.get()).isEqualTo(studies);
    // The first study reaches the sink after a buffer or two, not after the whole page (~2 MB).
    assertThat(bytesReadAtFirstStudy.get()).isLessThan(page.bytesRead / 20);
  }

  @Test
  void throwsIoExceptionOnlyWhenTheStreamFails() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk gone");
          }
        };

    assertThatThrownBy(() -> read(failing, "failing.json"))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("disk gone");
  }

  @Test
  void leavesTheCallersStreamOpen() throws IOException {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(
            "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT99999946\",\"briefTitle\":\"t\"}}}"
                .getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    read(in, "open.json").only();

    assertThat(closed[0]).isFalse();
  }

  // --- real records in shared/data/ctgov-v2 ---

  private static final String PALLAS = "mitre/NCT02513394.json";

  private Result readShared(String relative) throws IOException {
    Path file = SharedData.require("ctgov-v2").resolve(relative);
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, relative);
    }
  }

  @Test
  void importsEverySharedRecordWithoutRejections() throws IOException {
    Path dir = SharedData.require("ctgov-v2");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(23);

    ObjectMapper json = new ObjectMapper();
    for (Path file : files) {
      JsonNode tree = json.readTree(file.toFile());
      int expected = tree.has("studies") ? tree.get("studies").size() : 1;
      Result r = readShared(dir.relativize(file).toString());
      assertThat(r.rejections()).as(file.toString()).isEmpty();
      assertThat(r.trials()).as(file.toString()).hasSize(expected);
      assertThat(r.trials())
          .allSatisfy(t -> assertThat(t.nctId()).matches("NCT\\d{8}"))
          .allSatisfy(t -> assertThat(t.briefTitle()).isNotBlank());
    }
  }

  @Test
  void readsThePallasTrial() throws IOException {
    Trial t = readShared(PALLAS).only();

    assertThat(t.nctId()).isEqualTo("NCT02513394");
    assertThat(t.briefTitle()).isEqualTo("PALbociclib CoLlaborative Adjuvant Study");
    assertThat(t.acronym()).isEqualTo("PALLAS");
    assertThat(t.status().overallStatus()).isEqualTo(RecruitmentStatus.ACTIVE_NOT_RECRUITING);
    // startDateStruct has no type in this record: read as a plain (not estimated) date.
    assertThat(t.status().startDate()).isEqualTo(PartialDate.actual("2015-08"));
    assertThat(t.design().phases()).containsExactly(Phase.PHASE3);
    assertThat(t.design().enrollmentCount()).isEqualTo(5796);
    assertThat(t.design().enrollmentEstimated()).isFalse();
    assertThat(t.leadSponsor())
        .isEqualTo(new Organization("Alliance Foundation Trials, LLC.", "OTHER"));
    assertThat(t.collaborators()).hasSize(5).contains(new Organization("Pfizer", "INDUSTRY"));
    assertThat(t.arms()).extracting(Arm::label).containsExactly("Arm A", "Arm B");
    assertThat(t.outcomes())
        .filteredOn(o -> o.kind() == Outcome.Kind.PRIMARY)
        .extracting(Outcome::measure)
        .containsExactly("Invasive Disease Free Survival (iDFS)");
    assertThat(t.eligibility().minimumAge()).isEqualTo(Age.years(18));
    assertThat(t.eligibility().maximumAge()).isNull();
    assertThat(t.eligibility().sex()).isEqualTo(Eligibility.Sex.ALL);
    assertThat(t.sites()).hasSize(437);
    assertThat(t.sites().get(0).facility())
        .isEqualTo("University of South Alabama Mitchell Cancer Institute");
    assertThat(t.sites().get(0).geoPoint()).isEqualTo(new GeoPoint(30.69436, -88.04305));
    assertThat(t.sites().get(436).city()).isEqualTo("Truro");
    assertThat(t.source().origin()).isEqualTo(PALLAS);
  }

  @Test
  void readsDerivedMeshTermsAndUnescapesCriteria() throws IOException {
    Trial t = readShared("py_load/NCT04267848_complex.json").only();

    assertThat(t.conditionMeshTerms())
        .containsExactly(
            new MeshTerm("D002289", "Carcinoma, Non-Small-Cell Lung"),
            new MeshTerm("D008175", "Lung Neoplasms"));
    assertThat(t.interventionMeshTerms())
        .startsWith(
            new MeshTerm("D013048", "Specimen Handling"), new MeshTerm("D016190", "Carboplatin"));
    assertThat(t.status().primaryCompletionDate()).isEqualTo(PartialDate.estimated("2025-12-15"));
    assertThat(t.eligibility().criteriaText())
        .contains("pregnancy test done =< 7 days prior to registration")
        .contains("HCV ribonucleic acid [RNA] [qualitative] is detected")
        .doesNotContain("\\<", "\\[");
  }

  @Test
  void readsThePartialAactRecords() throws IOException {
    Trial gsk = readShared("aact/NCT00465816.json").only();
    assertThat(gsk.briefTitle()).isEqualTo("Primary Study to Demonstrate...");
    assertThat(gsk.orgStudyId()).isEqualTo("109063");
    assertThat(gsk.conditions()).isEmpty();
    assertThat(gsk.eligibility()).isEqualTo(Eligibility.EMPTY);
    assertThat(gsk.references()).extracting(Reference::pmid).containsExactly("22107850", null);
    assertThat(gsk.seeAlsoLinks())
        .containsExactly(
            new Link(
                "Researchers can use this site...", "https://www.clinicalstudydatarequest.com"));

    Trial wsu = readShared("aact/NCT03453554.json").only();
    assertThat(wsu.nctId()).isEqualTo("NCT03453554");
    assertThat(wsu.status()).isEqualTo(StudyStatus.EMPTY);
    assertThat(wsu.sites()).isEmpty();
  }

  /** A {@code {"studies":[...]}} page produced on the fly, counting the bytes handed out. */
  private static final class GeneratedPage extends InputStream {
    private final int studies;
    private int next;
    private byte[] chunk = "{\"studies\":[".getBytes(StandardCharsets.UTF_8);
    private int pos;
    long bytesRead;

    GeneratedPage(int studies) {
      this.studies = studies;
    }

    @Override
    public int read() {
      if (pos == chunk.length && !advance()) {
        return -1;
      }
      bytesRead++;
      return chunk[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos == chunk.length && !advance()) {
        return -1;
      }
      int n = Math.min(len, chunk.length - pos);
      System.arraycopy(chunk, pos, b, off, n);
      pos += n;
      bytesRead += n;
      return n;
    }

    private boolean advance() {
      if (next > studies) {
        return false;
      }
      String text;
      if (next == studies) {
        text = "],\"nextPageToken\":\"x\"}";
      } else {
        text =
            (next == 0 ? "" : ",")
                + String.format(
                    "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT%08d\","
                        + "\"briefTitle\":\"Generated study %d\"}}}",
                    next, next);
      }
      next++;
      chunk = text.getBytes(StandardCharsets.UTF_8);
      pos = 0;
      return true;
    }
  }
}
