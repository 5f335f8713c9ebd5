package org.fhirtrials.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fhirtrials.eligibility.ListMarker.Style;

/**
 * Decides which candidate markers really start items, and how items nest, from the numbering.
 *
 * <p>For each candidate, in order:
 *
 * <ol>
 *   <li>It <b>continues</b> an open list when it has that list's style and next number (bullets:
 *       same bullet at about the same indentation). The innermost list is tried first, so when a
 *       number fits both a sub-list and its parent ("10." after sub-item "9." while the parent also
 *       expects 10) the sub-list wins; a number that fits only an outer list closes the inner ones.
 *   <li>A first number ("1", "i", "a", "①") in the style of an open <b>sub</b>-list restarts that
 *       sub-list as a new group under the same parent ("blood routine: ① ... ④ ...; liver function:
 *       ① ..."); a lead-in like "liver function:" at the end of the previous item is cut off it and
 *       kept as the group's label.
 *   <li>A first number (or a bullet) <b>opens a sub-list</b> under the current item. A run-on
 *       ("inline") marker only does so when its successor ("2", "ii", "②") follows later, so a
 *       stray "(1)" in prose does not make a list.
 *   <li>Anything else is text of the current item. Before any list is open only a marker at the
 *       start of a line opens one, whatever its number (a list may start at "2.").
 * </ol>
 */
final class ListTree {
  private static final int MAX_DEPTH = 4;

  /** "...; liver function:" at the end of an item: the label of the next group of sub-items. */
  private static final Pattern GROUP_LABEL =
      Pattern.compile("(?s)^(.*[;.])\\s*([^;.:\\n]{1,60}:)\\s*$");

  private ListTree() {}

  /** An accepted item. */
  static final class Node {
    final ListMarker marker;
    final Node parent;
    final List<Node> children = new ArrayList<>();
    final String groupLabel;

    /** End of this item's own text; -1 until the next item is found. */
    int contentEnd;

    Node(ListMarker marker, Node parent, String groupLabel, int contentEnd) {
      this.marker = marker;
      this.parent = parent;
      this.groupLabel = groupLabel;
      this.contentEnd = contentEnd;
    }

    int contentStart() {
      return marker.end();
    }
  }

  /** An open list: its style and the last number seen. */
  private static final class OpenList {
    final Style style;
    final String bullet;
    final int indent;
    final Node owner;
    int last;
    boolean letters;
    String groupLabel;

    OpenList(ListMarker first, Node owner) {
      this.style = first.style();
      this.bullet = first.bullet();
      this.indent = first.indent();
      this.owner = owner;
      this.last = first.value();
    }
  }

  /** The top-level items of a section ending at {@code to}, from its candidate markers. */
  static List<Node> build(String text, int to, List<ListMarker> candidates) {
    List<Node> roots = new ArrayList<>();
    List<OpenList> stack = new ArrayList<>();
    Node current = null;
    for (int c = 0; c < candidates.size(); c++) {
      ListMarker m = candidates.get(c);
      if (stack.isEmpty()) {
        if (m.startsLine()) {
          stack.add(new OpenList(m, null));
          current = add(roots, null, m, null, current, to);
        }
        continue;
      }
      int level = continued(stack, m);
      if (level >= 0) {
        truncate(stack, level + 1);
        OpenList list = stack.get(level);
        list.last = list.letters && m.style() == Style.ROMAN ? m.letterValue() : m.value();
        current = add(roots, list.owner, m, list.groupLabel, current, to);
        continue;
      }
      int restart = restartedSubList(stack, m);
      if (restart >= 0) {
        truncate(stack, restart + 1);
        OpenList list = stack.get(restart);
        list.last = m.value();
        list.groupLabel = cutGroupLabel(text, current, m);
        current = add(roots, list.owner, m, list.groupLabel, current, to);
        continue;
      }
      boolean opens = m.isBullet() || m.isFirst();
      if (opens
          && stack.size() < MAX_DEPTH
          && (m.startsLine() || hasSuccessor(candidates, c))
          && !sameBulletShallower(stack, m)) {
        OpenList list = new OpenList(m, current);
        if (m.style() == Style.LETTER) {
          list.letters = true;
        }
        stack.add(list);
        current = add(roots, current, m, null, current, to);
      }
    }
    if (current != null && current.contentEnd < 0) {
      current.contentEnd = to;
    }
    return roots;
  }

  private static Node add(
      List<Node> roots, Node parent, ListMarker m, String groupLabel, Node previous, int to) {
    if (previous != null && previous.contentEnd < 0) {
      previous.contentEnd = m.start();
    }
    Node node = new Node(m, parent, groupLabel, -1);
    (parent == null ? roots : parent.children).add(node);
    return node;
  }

  /** The level of the innermost open list that {@code m} continues, or -1. */
  private static int continued(List<OpenList> stack, ListMarker m) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (continues(stack.get(i), m)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean continues(OpenList list, ListMarker m) {
    if (m.startsLine() && list.indent >= 0 && Math.abs(m.indent() - list.indent) > 1) {
      return false;
    }
    if (list.style == Style.BULLET) {
      return m.isBullet() && m.bullet().equals(list.bullet);
    }
    if (list.letters || list.style == Style.LETTER) {
      return (m.style() == Style.LETTER && m.value() == list.last + 1)
          || (m.style() == Style.ROMAN && m.letterValue() == list.last + 1);
    }
    return m.style() == list.style && m.value() == list.last + 1;
  }

  /** The level of an open sub-list (not the top list) that {@code m} restarts, or -1. */
  private static int restartedSubList(List<OpenList> stack, ListMarker m) {
    if (m.isBullet() || m.value() != 1) {
      return -1;
    }
    for (int i = stack.size() - 1; i >= 1; i--) {
      if (stack.get(i).style == m.style()) {
        return i;
      }
    }
    return -1;
  }

  /** A bullet at a shallower indentation than an open list of the same bullet is not a sub-list. */
  private static boolean sameBulletShallower(List<OpenList> stack, ListMarker m) {
    if (!m.isBullet() || !m.startsLine()) {
      return false;
    }
    OpenList inner = stack.get(stack.size() - 1);
    return inner.indent >= 0 && m.indent() < inner.indent - 1;
  }

  private static boolean hasSuccessor(List<ListMarker> candidates, int index) {
    ListMarker m = candidates.get(index);
    for (int i = index + 1; i < candidates.size(); i++) {
      ListMarker next = candidates.get(i);
      if (next.style() == m.style() && next.value() == m.value() + 1) {
        return true;
      }
      if (m.style() == Style.LETTER
          && next.style() == Style.ROMAN
          && next.letterValue() == m.value() + 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * When a sub-list restarts, a short lead-in ending with ":" at the end of the previous item
   * ("hemoglobin < 90g/L; liver function:") labels the new group: it is cut off that item and
   * returned. Null when there is none.
   */
  private static String cutGroupLabel(String text, Node previous, ListMarker restart) {
    if (previous == null) {
      return null;
    }
    String tail = text.substring(previous.contentStart(), restart.start());
    Matcher matcher = GROUP_LABEL.matcher(tail);
    if (!matcher.matches()) {
      return null;
    }
    previous.contentEnd = previous.contentStart() + matcher.end(1);
    return matcher.group(2).strip();
  }

  private static void truncate(List<OpenList> stack, int size) {
    while (stack.size() > size) {
      stack.remove(stack.size() - 1);
    }
  }
}
