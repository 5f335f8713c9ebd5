package org.fhirtrials.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.fhirtrials.model.Trial;

/**
 * The storage form of a {@link Trial}: JSON by Jackson's record support, so the model stays free of
 * annotations. Record components are written in declaration order and nulls are left out, so equal
 * trials give byte-equal JSON and {@link #hash} can stand for equality. A JSON property the model
 * no longer has (a component was removed) fails the read rather than being dropped silently.
 */
public final class TrialJson {
  private static final String HASH_ALGORITHM = "SHA-256";

  private final ObjectWriter writer;
  private final ObjectReader reader;

  public TrialJson() {
    ObjectMapper mapper =
        JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Age values are BigDecimal: keep "18.0" distinct from "18" as the model does.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    this.writer = mapper.writerFor(Trial.class);
    this.reader = mapper.readerFor(Trial.class);
  }

  /** The trial as JSON bytes (UTF-8). */
  public byte[] write(Trial trial) {
    try {
      return writer.writeValueAsBytes(trial);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + trial.nctId() + ": " + e, e);
    }
  }

  /** Reads a trial written by {@link #write} (or its JSONB rendering, whose key order differs). */
  public Trial read(Reader json, String nctId) {
    return read(nctId, () -> reader.readValue(json));
  }

  /** Reads a trial from JSON bytes (UTF-8), as {@link #write} wrote them. */
  public Trial read(byte[] json, String nctId) {
    return read(nctId, () -> reader.readValue(json));
  }

  /** Reads a trial from a JSON string. */
  public Trial read(String json, String nctId) {
    return read(nctId, () -> reader.readValue(json));
  }

  private interface Read {
    Trial run() throws IOException;
  }

  /** One read, an unreadable record named by its trial. */
  private static Trial read(String nctId, Read read) {
    try {
      return read.run();
    } catch (IOException e) {
      throw new UncheckedIOException("stored trial " + nctId + " is unreadable: " + e, e);
    }
  }

  /** The SHA-256 of the serialised form: equal trials, equal hashes. */
  public static byte[] hash(byte[] json) {
    try {
      return MessageDigest.getInstance(HASH_ALGORITHM).digest(json);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(HASH_ALGORITHM + " is missing from this JVM", e);
    }
  }
}
