package org.fhirtrials.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fhirtrials.eligibility.CriteriaSections.Section;
import org.fhirtrials.eligibility.ListTree.Node;
import org.fhirtrials.model.Criterion;

/**
 * Splits an eligibility criteria text (ClinicalTrials.gov "Inclusion Criteria: ... Exclusion
 * Criteria: ..." markdown, or the text of a seed page) into individual {@link Criterion} items.
 *
 * <p>Sections come from the "Inclusion Criteria" / "Exclusion Criteria" headers ({@link
 * CriteriaSections}); text before any header is inclusion. Inside a section, list markers (numbers
 * "1." "1)" "(1)", circled "①", roman "i.", letters "a.", bullets "•" "*" "-") are found ({@link
 * ListMarkers}) and nested by their numbering ({@link ListTree}). Each item keeps its text
 * verbatim, only the marker and surrounding white space removed. An item with sub-items appears
 * with its lead-in (the text before its first sub-item) and each sub-item gets {@code parentText} =
 * that lead-in. Ids are {@code inc-N} / {@code exc-N} with N the position in the section (1-based,
 * whatever the printed numbering), then {@code .M} per nesting level. Text before the first marker,
 * or a section with no markers at all, becomes one item per paragraph (or per line when the text
 * has no blank lines).
 */
public final class CriteriaSplitter {
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

  /** The trailing "blood routine:" of a lead-in, replaced by the label of a later group. */
  private static final Pattern TRAILING_GROUP_LABEL =
      Pattern.compile("(?<=[:;.,])\\s*[^:;.\\n]{1,60}:$");

  /** The criteria in source order; empty for a null or blank text. */
  public List<Criterion> split(String criteriaText) {
    List<Criterion> out = new ArrayList<>();
    if (criteriaText == null || criteriaText.isBlank()) {
      return out;
    }
    String text = criteriaText.replace("\r\n", "\n").replace('\r', '\n');
    int inclusionCount = 0;
    int exclusionCount = 0;
    for (Section section : CriteriaSections.find(text)) {
      int before = section.exclusion() ? exclusionCount : inclusionCount;
      int after = splitSection(text, section, before, out);
      if (section.exclusion()) {
        exclusionCount = after;
      } else {
        inclusionCount = after;
      }
    }
    return List.copyOf(out);
  }

  /** Appends the section's items, numbered after {@code count}; returns the new count. */
  private static int splitSection(String text, Section section, int count, List<Criterion> out) {
    List<Node> roots =
        ListTree.build(text, section.end(), ListMarkers.find(text, section.start(), section.end()));
    int firstItem = roots.isEmpty() ? section.end() : roots.get(0).marker.start();
    String prefix = section.exclusion() ? "exc-" : "inc-";
    for (String paragraph : paragraphs(text.substring(section.start(), firstItem))) {
      count++;
      out.add(criterion(prefix + count, section.exclusion(), paragraph, null));
    }
    for (Node root : roots) {
      count++;
      emit(text, root, prefix + count, section.exclusion(), null, out);
    }
    return count;
  }

  private static void emit(
      String text,
      Node node,
      String id,
      boolean exclusion,
      String parentText,
      List<Criterion> out) {
    String own =
        node.children.isEmpty()
            ? text.substring(node.contentStart(), node.contentEnd).strip()
            : leadIn(text, node);
    if (!own.isEmpty()) {
      out.add(criterion(id, exclusion, own, parentText));
    }
    int index = 0;
    for (Node child : node.children) {
      index++;
      emit(text, child, id + "." + index, exclusion, childParentText(own, child.groupLabel), out);
    }
  }

  private static String leadIn(String text, Node node) {
    return text.substring(node.contentStart(), node.children.get(0).marker.start()).strip();
  }

  /**
   * The parent text of a sub-item: the parent's lead-in; for a later group of sub-items ("liver
   * function: ① ...") the lead-in with its own trailing group label replaced by the group's.
   */
  private static String childParentText(String leadIn, String groupLabel) {
    if (groupLabel == null) {
      return leadIn.isEmpty() ? null : leadIn;
    }
    Matcher trailing = TRAILING_GROUP_LABEL.matcher(leadIn);
    String base = trailing.find() ? leadIn.substring(0, trailing.start()).strip() : leadIn;
    return base.isEmpty() ? groupLabel : base + " " + groupLabel;
  }

  private static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    if (text.isBlank()) {
      return out;
    }
    String[] parts = BLANK_LINE.matcher(text).find() ? BLANK_LINE.split(text) : text.split("\\n");
    for (String part : parts) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static Criterion criterion(String id, boolean exclusion, String text, String parentText) {
    return new Criterion(id, exclusion, text, parentText, ComparatorLoss.detect(text));
  }
}
