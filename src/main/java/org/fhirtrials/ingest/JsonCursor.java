package org.fhirtrials.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Type-checked, path-aware reads from one JSON tree. A field that is absent or JSON {@code null}
 * reads as absent (null, an empty list, or an absent cursor); a field of the wrong JSON type throws
 * {@link BadField} naming its JSON path and what was expected, so the caller can reject the record
 * with a reason a person can act on. Strings pass through {@link RegistryText#clean}.
 */
final class JsonCursor {
  private final JsonNode node;

  /*
   * The path is built only when an error message needs it: a study has hundreds of fields (a site
   * list alone up to thousands), and almost none is ever reported. A root has rootPath; any other
   * cursor has its parent and either a field name or an array index.
   */
  private final JsonCursor parent;
  private final String field;
  private final int index;
  private final String rootPath;

  private JsonCursor(JsonNode node, JsonCursor parent, String field, int index, String rootPath) {
    this.node = node;
    this.parent = parent;
    this.field = field;
    this.index = index;
    this.rootPath = rootPath;
  }

  /** A cursor on a root object; {@code path} is what error messages call it ("" for the root). */
  static JsonCursor root(JsonNode node, String path) {
    return new JsonCursor(Objects.requireNonNull(node, "node"), null, null, -1, path);
  }

  /** The JSON path of this node, e.g. {@code protocolSection.designModule}. */
  String path() {
    if (parent == null) {
      return rootPath;
    }
    String base = parent.path();
    if (field == null) {
      return base + "[" + index + "]";
    }
    return base.isEmpty() ? field : base + "." + field;
  }

  /** False when the field this cursor stands for is absent or null. */
  boolean present() {
    return !node.isMissingNode() && !node.isNull();
  }

  /** The object in {@code field}; an absent cursor when the field is absent or null. */
  JsonCursor object(String field) {
    JsonCursor child = child(field);
    child.requireObjectIfPresent();
    return child;
  }

  /** The string in {@code field}, cleaned; null when absent, null or blank. */
  String text(String field) {
    return child(field).asText();
  }

  /** The integer in {@code field}; null when absent or null. */
  Integer integer(String field) {
    JsonCursor c = child(field);
    if (!c.present()) {
      return null;
    }
    if (!c.node.isIntegralNumber() || !c.node.canConvertToInt()) {
      throw c.expected("an integer");
    }
    return c.node.intValue();
  }

  /** The number in {@code field}; null when absent or null. */
  Double number(String field) {
    JsonCursor c = child(field);
    if (!c.present()) {
      return null;
    }
    if (!c.node.isNumber()) {
      throw c.expected("a number");
    }
    return c.node.doubleValue();
  }

  /** The boolean in {@code field}; null when absent or null. */
  Boolean bool(String field) {
    JsonCursor c = child(field);
    if (!c.present()) {
      return null;
    }
    if (!c.node.isBoolean()) {
      throw c.expected("true or false");
    }
    return c.node.booleanValue();
  }

  /** The strings in the array {@code field}, cleaned; null and blank items are skipped. */
  List<String> texts(String field) {
    return array(field, "an array of strings", JsonCursor::asText);
  }

  /**
   * The strings in the array {@code field}, each mapped by {@code mapper} with a cursor on the item
   * (so errors name {@code field[i]}); null and blank items are skipped.
   */
  <T> List<T> texts(String field, Function<JsonCursor, T> mapper) {
    return array(
        field, "an array of strings", item -> item.text() == null ? null : mapper.apply(item));
  }

  /** This node's string, cleaned; null when absent, null or blank. */
  String text() {
    return asText();
  }

  /** The objects in the array {@code field}, each mapped by {@code mapper}; null items skipped. */
  <T> List<T> objects(String field, Function<JsonCursor, T> mapper) {
    return array(
        field,
        "an array of objects",
        item -> {
          item.requireObjectIfPresent();
          return mapper.apply(item);
        });
  }

  /** An exception saying this node's value is not what the schema allows. */
  BadField invalid(String what) {
    return new BadField(path() + ": " + what);
  }

  /** An exception saying the required {@code field} is absent. */
  BadField missing(String field) {
    String path = path();
    return new BadField((path.isEmpty() ? field : path + "." + field) + " is missing");
  }

  /** An exception saying the value of {@code field} (a path relative to this node) is wrong. */
  BadField invalid(String field, String what) {
    String path = path();
    return new BadField((path.isEmpty() ? field : path + "." + field) + ": " + what);
  }

  private <T> List<T> array(String field, String expected, Function<JsonCursor, T> item) {
    JsonCursor c = child(field);
    if (!c.present()) {
      return List.of();
    }
    if (!c.node.isArray()) {
      throw c.expected(expected);
    }
    List<T> out = new ArrayList<>(c.node.size());
    for (int i = 0; i < c.node.size(); i++) {
      JsonCursor element = new JsonCursor(c.node.get(i), c, null, i, null);
      if (element.present()) {
        T value = item.apply(element);
        if (value != null) {
          out.add(value);
        }
      }
    }
    return out;
  }

  private JsonCursor child(String field) {
    JsonNode value = node.isObject() ? node.get(field) : null;
    return new JsonCursor(value == null ? MissingNode.getInstance() : value, this, field, -1, null);
  }

  private String asText() {
    if (!present()) {
      return null;
    }
    if (!node.isTextual()) {
      throw expected("a string");
    }
    return RegistryText.clean(node.textValue());
  }

  private void requireObjectIfPresent() {
    if (present() && !node.isObject()) {
      throw expected("an object");
    }
  }

  private BadField expected(String what) {
    return new BadField(path() + ": expected " + what + ", found " + describe(node));
  }

  private static String describe(JsonNode value) {
    String shown = value.toString();
    if (shown.length() > 40) {
      shown = shown.substring(0, 40) + "...";
    }
    return switch (value.getNodeType()) {
      case STRING -> "string " + shown;
      case NUMBER -> "number " + shown;
      case BOOLEAN -> "boolean " + shown;
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** A value of the wrong type or form; the message starts with its JSON path. */
  static final class BadField extends RuntimeException {
    BadField(String message) {
      super(message);
    }
  }
}
