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
      new Session(parser, origin, sink, rejects).run();
    }
  }

  /** The state of reading one file. */
  private final class Session {
    private final JsonParser parser;
    private final String origin;
    private final Consumer<Trial> sink;
    private final Consumer<Rejection> rejects;

    /** Where a syntax error would be reported: the file, or the study being read. */
    private String position;

    Session(JsonParser parser, String origin, Consumer<Trial> sink, Consumer<Rejection> rejects) {
      this.parser = parser;
      this.origin = origin;
      this.sink = sink;
      this.rejects = rejects;
      this.position = origin;
    }

    void run() throws IOException {
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          reject(origin, null, "empty file");
          return;
        }
        switch (first) {
          case START_OBJECT -> readTopObject();
          case START_ARRAY -> readStudyArray("");
          default ->
              reject(
                  origin,
                  null,
                  "expected a study object, a {\"studies\":[...]} page or an array of studies, found "
                      + describe(first)
                      + at(parser.currentTokenLocation()));
        }
        position = origin;
        if (parser.nextToken() != null) {
          reject(
              origin,
              null,
              "unexpected content after the end of the JSON document"
                  + at(parser.currentTokenLocation()));
        }
      } catch (JsonProcessingException e) {
        // Syntax errors, and documents beyond Jackson's safety limits (nesting depth, number or
        // string length): both are bad data, not I/O failures.
        reject(position, null, syntaxError(e));
      }
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
            reject(
                origin,
                null,
                STUDIES_FIELD + ": expected an array of studies, found " + describe(value));
            parser.skipChildren();
          }
        } else if (page) {
          parser.skipChildren(); // nextPageToken, totalCount...
        } else {
          study.set(name, parser.readValueAsTree());
        }
      }
      if (!page) {
        mapStudy(study, origin);
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
