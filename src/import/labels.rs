//! Labels compared without case, spacing, punctuation or diacritics, since
//! every export spells them its own way.

use super::*;

/// A header label folded, without the column numbers some forms print in
/// it ("Trực tuyến (4)").
pub(super) fn label_fold(s: &str) -> String {
    fold(s)
        .split(' ')
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the folded text holds the folded phrase as whole words.
pub(super) fn has(folded: &str, phrase: &str) -> bool {
    format!(" {folded} ").contains(&format!(" {phrase} "))
}

pub(super) fn any_of(folded: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has(folded, p))
}
