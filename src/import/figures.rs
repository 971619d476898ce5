//! Figures in cells: numbers as they are, text as Vietnamese sheets write
//! it.

use super::*;

pub(super) enum Figure {
    Absent,
    Value(f64),
    Bad,
    /// A whole-number figure whose separators are not thousands groups.
    NotWhole,
}

/// Reads a figure: numbers as they are, and text as Vietnamese sheets
/// write it — "10.551" (thousands), "93,1" (decimal comma), "-" (none) —
/// by the rule every reader shares (`data::number`).
pub(super) fn figure(cell: &Cell, count: bool) -> Figure {
    let text = match cell {
        Cell::Empty => return Figure::Absent,
        Cell::Number(n) => return Figure::Value(*n),
        Cell::Text(t) => t,
    };
    // Spaces inside are thousands separators, read by the shared rule.
    let trim = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
            .to_string()
    };
    let t = trim(text);
    let t = trim(t.strip_suffix('%').unwrap_or(&t));
    let t = t.as_str();
    if t.is_empty() || matches!(t, "-" | "–" | "—" | "…" | "...") {
        return Figure::Absent;
    }
    match crate::data::number::parse(t, count) {
        Ok(n) => Figure::Value(n),
        Err(crate::data::number::Problem::NotWhole) => Figure::NotWhole,
        Err(crate::data::number::Problem::NotANumber) => Figure::Bad,
    }
}

pub(super) fn is_numeric(cell: &Cell) -> bool {
    matches!(figure(cell, true), Figure::Value(_))
}
