package org.fhirtrials.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.fhirtrials.eligibility.CriteriaSplitter;
import org.fhirtrials.model.Trial;

/**
 * Streams ClinicalTrials.gov API v2 JSON: a single study object, a {@code {"studies":[...]}} page
 * (as {@code /studies} returns it, with {@code nextPageToken}), or a top-level array of studies.
 * Each good study goes to {@code sink}; each bad one (wrong types, missing NCT id, truncated JSON)
 * goes to {@code rejects} with its origin and NCT id, and reading goes on where possible.
 *
 * <p>Memory is bounded by the largest single study: the page is read token by token and only one
 * study's tree is held at a time. Malformed JSON cannot be resynchronised, so a syntax error ends
 * the file: the studies before it are kept and one rejection says where the JSON breaks.
 */
public final class CtgovJsonReader {
  /** The field of a search page that holds the studies. */
  static final String STUDIES_FIELD = "studies";

  /** The field of a search page that names the next page; absent on the last page. */
  static final String NEXT_PAGE_TOKEN_FIELD = "nextPageToken";

  /** The field of a search page with the number of matching studies (when asked for). */
  static final String TOTAL_COUNT_FIELD = "totalCount";

  private static final int MAX_MESSAGE_CHARS = 200;

  private final JsonMapper mapper =
      JsonMapper.builder()
          // The caller owns the stream (e.g. a zip entry stream that must stay open).
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();
  private final CtgovStudyMapper studies;

  public CtgovJsonReader() {
    this(new CriteriaSplitter());
  }

  CtgovJsonReader(CriteriaSplitter splitter) {
    this.studies = new CtgovStudyMapper(splitter);
  }

  /**
   * Reads every study in {@code in}.
   *
   * @param origin file name (or {@code archive.zip!entry}) used in rejections and provenance
   * @throws IOException only when the stream itself fails; bad data is reported to {@code rejects}
   */
  public void read(InputStream in, String origin, Consumer<Trial> sink, Consumer<Rejection> rejects)
      throws IOException {
    try (JsonParser parser = mapper.createParser(in)) {
      new Session(parser, origin, sink, rejects, false).run();
    }
  }

  /**
   * What a {@code {"studies":[...]}} search page says besides its studies.
   *
   * @param nextPageToken the token of the next page; null on the last page
   * @param totalCount the number of studies the search matches, when the page tells it; else null
   */
  public record PageInfo(String nextPageToken, Long totalCount) {}

  /**
   * Reads one search page as the API returns it, strictly: each study goes to {@code sink} or
   * {@code rejects} as in {@link #read}, but a page that is not whole (a JSON syntax error, a
   * truncated body, not a {@code {"studies":[...]}} object) throws {@link MalformedPageException}
   * instead of being reported, since the page must be fetched again: the studies already handed to
   * {@code sink} are then incomplete and the next page token is unknown.
   *
   * @param origin recorded in each trial's {@link org.fhirtrials.model.Source} and in rejections
   * @throws MalformedPageException if the page is not a whole {@code {"studies":[...]}} object
   * @throws IOException when the stream fails
   */
  public PageInfo readPage(
      InputStream in, String origin, Consumer<Trial> sink, Consumer<Rejection> rejects)
      throws IOException {
    try (JsonParser parser = mapper.createParser(in)) {
      Session session = new Session(parser, origin, sink, rejects, true);
      session.run();
      return new PageInfo(session.nextPageToken, session.totalCount);
    }
  }

  /** The state of reading one file. */
  private final class Session {
    private final JsonParser parser;
    private final String origin;
    private final Consumer<Trial> sink;
    private final Consumer<Rejection> rejects;

    /** True for a search page read by {@link #readPage}: a page that is not whole throws. */
    private final boolean strict;

    private String nextPageToken;
    private Long totalCount;

    /** Where a syntax error would be reported: the file, or the study being read. */
    private String position;

    Session(
        JsonParser parser,
        String origin,
        Consumer<Trial> sink,
        Consumer<Rejection> rejects,
        boolean strict) {
      this.parser = parser;
      this.origin = origin;
      this.sink = sink;
      this.rejects = rejects;
      this.strict = strict;
      this.position = origin;
    }

    void run() throws IOException {
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          broken("empty file");
          return;
        }
        if (strict && first != JsonToken.START_OBJECT) {
          throw new MalformedPageException(
              origin + ": expected a {\"studies\":[...]} page, found " + describe(first));
        }
        switch (first) {
          case START_OBJECT -> readTopObject();
          case START_ARRAY -> readStudyArray("");
          default ->
              reject(
                  origin,
                  null,
                  "expected a study object, a {\"studies\":[...]} page or an array of studies,"
                      + " found "
                      + describe(first)
                      + at(parser.currentTokenLocation()));
        }
        position = origin;
        if (parser.nextToken() != null) {
          broken(
              "unexpected content after the end of the JSON document"
                  + at(parser.currentTokenLocation()));
        }
      } catch (JsonProcessingException e) {
        // Syntax errors, and documents beyond Jackson's safety limits (nesting depth, number or
        // string length): both are bad data, not I/O failures.
        if (strict) {
          throw new MalformedPageException(position + ": " + syntaxError(e), e);
        }
        reject(position, null, syntaxError(e));
      }
    }

    /** A document-level problem: reported when reading files, thrown when reading a page. */
    private void broken(String reason) throws MalformedPageException {
      if (strict) {
        throw new MalformedPageException(origin + ": " + reason);
      }
      reject(origin, null, reason);
    }

    /**
     * An object is either a page (it has a {@code studies} array) or a single study. Fields are
     * collected until {@code studies} shows up; a page's other fields are small scalars.
     */
    private void readTopObject() throws IOException {
      ObjectNode study = mapper.createObjectNode();
      boolean page = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals(STUDIES_FIELD)) {
          page = true;
          if (value == JsonToken.START_ARRAY) {
            readStudyArray(STUDIES_FIELD);
          } else {
            broken(STUDIES_FIELD + ": expected an array of studies, found " + describe(value));
            parser.skipChildren();
          }
        } else if (page) {
          pageField(name, parser.readValueAsTree()); // nextPageToken, totalCount...
        } else {
          study.set(name, parser.readValueAsTree());
        }
      }
      if (page) {
        // Fields before "studies" were collected as if the object were a study.
        study.properties().forEach(e -> pageField(e.getKey(), e.getValue()));
      } else if (strict) {
        throw new MalformedPageException(
            origin + ": expected a {\"studies\":[...]} page, found an object without studies");
      } else {
        mapStudy(study, origin);
      }
    }

    private void pageField(String name, JsonNode value) {
      if (name.equals(NEXT_PAGE_TOKEN_FIELD) && value != null && value.isTextual()) {
        nextPageToken = value.asText().isEmpty() ? null : value.asText();
      } else if (name.equals(TOTAL_COUNT_FIELD) && value != null && value.canConvertToLong()) {
        totalCount = value.asLong();
      }
    }

    /** Reads the array the parser is positioned on, one study tree at a time. */
    private void readStudyArray(String field) throws IOException {
      int index = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
        String studyOrigin = origin + "#" + field + "[" + index + "]";
        position = studyOrigin;
        JsonNode tree = parser.readValueAsTree();
        mapStudy(tree == null ? NullNode.getInstance() : tree, studyOrigin);
        index++;
      }
      position = origin;
    }

    private void mapStudy(JsonNode tree, String studyOrigin) {
      Trial trial;
      try {
        trial = studies.map(tree, origin);
      } catch (RecordException e) {
        reject(studyOrigin, e.nctId(), e.getMessage());
        return;
      } catch (RuntimeException e) {
        // A defect in a mapping helper must not stop the rest of the file from loading.
        reject(studyOrigin, null, "could not map the study: " + e);
        return;
      }
      sink.accept(trial);
    }

    private void reject(String where, String nctId, String reason) {
      rejects.accept(new Rejection(where, nctId, reason));
    }
  }

  private static String syntaxError(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message != null) {
      // Jackson appends the source location on new lines; the location is reported separately.
      int newline = message.indexOf('\n');
      message = newline < 0 ? message : message.substring(0, newline);
      if (message.length() > MAX_MESSAGE_CHARS) {
        message = message.substring(0, MAX_MESSAGE_CHARS) + "...";
      }
    }
    String kind =
        e instanceof JsonEOFException
            ? "JSON ends too early (truncated file?)"
            : "JSON syntax error";
    return kind + at(e.getLocation()) + ": " + message;
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }
}
