package dev.unitaudit.model;

/**
 * How repeated and empty assignments of one setting combine (unit-semantics.md §4). The parser
 * keeps every assignment; the kind decides which of them are in effect.
 */
public enum SettingKind {
  /** Boolean: an invalid or empty value is ignored with a warning; the last valid one wins. */
  BOOLEAN,
  /** A word from a fixed set (possibly also boolean spellings): as {@link #BOOLEAN}. */
  ENUM,
  /** A time span: as {@link #BOOLEAN}. */
  TIME_SPAN,
  /** A number or other scalar that warns and keeps the earlier value when empty or invalid. */
  NUMBER,
  /** A string: the last assignment wins; an empty one sets the empty string (User= = root). */
  STRING,
  /** A list: assignments add up; an empty assignment resets the list. */
  LIST,
  /** Dependencies (Wants=, After=, OnFailure=…): they add up and can never be reset. */
  DEPENDENCY,
  /** Condition*=: an empty assignment clears every condition of every kind. */
  CONDITION,
  /** Assert*=: an empty assignment clears every assertion. */
  ASSERT
}
