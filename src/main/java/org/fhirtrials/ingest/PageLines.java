package org.fhirtrials.ingest;

import java.util.ArrayList;
import java.util.List;

/** The lines of a seed page, with look-ups by header line. Line ends normalised to "\n". */
final class PageLines {
  private final List<String> lines;

  PageLines(String text) {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    List<String> out = new ArrayList<>();
    for (String line : normalised.split("\n", -1)) {
      out.add(line.stripTrailing());
    }
    this.lines = List.copyOf(out);
  }

  int size() {
    return lines.size();
  }

  String line(int index) {
    return index >= 0 && index < lines.size() ? lines.get(index) : null;
  }

  /** Index of the first line equal to {@code header} (trimmed) at or after {@code from}; -1. */
  int find(String header, int from) {
    for (int i = Math.max(0, from); i < lines.size(); i++) {
      if (lines.get(i).strip().equals(header)) {
        return i;
      }
    }
    return -1;
  }

  int find(String header) {
    return find(header, 0);
  }

  /** Index of the first line starting with {@code prefix} (after indentation); -1. */
  int findStarting(String prefix, int from) {
    for (int i = Math.max(0, from); i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  /** Lines [from, to) joined with "\n", as on the page. */
  String text(int from, int to) {
    if (from < 0 || to <= from) {
      return "";
    }
    return String.join("\n", lines.subList(from, Math.min(to, lines.size())));
  }

  /** Non-blank lines [from, to), trimmed. */
  List<String> nonBlank(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = Math.max(0, from); i < Math.min(to, lines.size()); i++) {
      if (!lines.get(i).isBlank()) {
        out.add(lines.get(i).strip());
      }
    }
    return out;
  }

  /** Blank-line separated paragraphs [from, to), each trimmed, lines joined with "\n". */
  List<String> paragraphs(int from, int to) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = Math.max(0, from); i < Math.min(to, lines.size()); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        flush(current, out);
      } else {
        if (current.length() > 0) {
          current.append('\n');
        }
        current.append(line.strip());
      }
    }
    flush(current, out);
    return out;
  }

  private static void flush(StringBuilder current, List<String> out) {
    if (current.length() > 0) {
      out.add(current.toString());
      current.setLength(0);
    }
  }

  /**
   * The end of the section starting at header line {@code start}: the next line (after it) that is
   * one of {@code headers}, else the page end.
   */
  int sectionEnd(int start, List<String> headers) {
    for (int i = start + 1; i < lines.size(); i++) {
      if (headers.contains(lines.get(i).strip())) {
        return i;
      }
    }
    return lines.size();
  }
}
