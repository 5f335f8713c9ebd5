package org.fhirtrials.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.api.Test;

/** {@link CtgovJsonReader#readPage}: one API search page, read strictly. */
class CtgovJsonReaderPageTest {
  private static final String STUDY_1 =
      "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT99999961\",\"briefTitle\":\"a\"}}}";
  private static final String STUDY_2 =
      "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT99999962\",\"briefTitle\":\"b\"}}}";

  private final CtgovJsonReader reader = new CtgovJsonReader();
  private final List<Trial> trials = new ArrayList<>();
  private final List<Rejection> rejections = new ArrayList<>();

  private CtgovJsonReader.PageInfo read(String json) throws IOException {
    return reader.readPage(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        "https://example.org/api/v2/studies",
        trials::add,
        rejections::add);
  }

  @Test
  void readsTheStudiesTheNextPageTokenAndTheTotalCount() throws IOException {
    CtgovJsonReader.PageInfo info =
        read(
            "{\"totalCount\": 1234, \"studies\": ["
                + STUDY_1
                + ","
                + STUDY_2
                + "], \"nextPageToken\": \"NF0g5JGBlPIp\"}");

    assertThat(info.nextPageToken()).isEqualTo("NF0g5JGBlPIp");
    assertThat(info.totalCount()).isEqualTo(1234L);
    assertThat(trials).extracting(Trial::nctId).containsExactly("NCT99999961", "NCT99999962");
    assertThat(trials.get(0).source().origin()).isEqualTo("https://example.org/api/v2/studies");
    assertThat(rejections).isEmpty();
  }

  @Test
  void readsTheTokenWhereverItStandsAndNoneOnTheLastPage() throws IOException {
    assertThat(read("{\"nextPageToken\": \"abc\", \"studies\": [" + STUDY_1 + "]}").nextPageToken())
        .isEqualTo("abc");
    CtgovJsonReader.PageInfo last = read("{\"studies\": [" + STUDY_2 + "]}");
    assertThat(last.nextPageToken()).isNull();
    assertThat(last.totalCount()).isNull();
  }

  @Test
  void aBadStudyIsRejectedAndThePageStillReads() throws IOException {
    CtgovJsonReader.PageInfo info =
        read(
            "{\"studies\": [" + STUDY_1 + ", {\"protocolSection\": 3}], \"nextPageToken\": \"t\"}");

    assertThat(trials).extracting(Trial::nctId).containsExactly("NCT99999961");
    assertThat(rejections).hasSize(1);
    assertThat(info.nextPageToken()).isEqualTo("t");
  }

  @Test
  void aPageCutOffMidwayThrowsInsteadOfBeingReported() {
    String whole = "{\"studies\": [" + STUDY_1 + "," + STUDY_2 + "], \"nextPageToken\": \"t\"}";

    assertThatThrownBy(() -> read(whole.substring(0, whole.length() - 30)))
        .isInstanceOf(MalformedPageException.class)
        .hasMessageContaining("JSON ends too early");
    assertThat(rejections).isEmpty();
  }

  @Test
  void somethingOtherThanAPageThrows() {
    assertThatThrownBy(() -> read(STUDY_1))
        .isInstanceOf(MalformedPageException.class)
        .hasMessageContaining("without studies");
    assertThatThrownBy(() -> read("[" + STUDY_1 + "]"))
        .isInstanceOf(MalformedPageException.class)
        .hasMessageContaining("found an array");
    assertThatThrownBy(() -> read("")).isInstanceOf(MalformedPageException.class);
    assertThatThrownBy(() -> read("<html>Service Unavailable</html>"))
        .isInstanceOf(MalformedPageException.class);
  }
}
