use super::*;

/// Common English words that never belong in a Vietnamese sentence.
const ENGLISH: &[&str] = &[
    "the", "is", "are", "and", "not", "with", "from", "into", "this", "that", "cannot", "must",
    "should", "file", "page", "column", "row", "missing", "unknown", "expected", "found", "there",
    "write", "where", "which", "has", "have", "will", "would",
];

/// The English words of a Vietnamese text, outside backquotes (where
/// names, keys and values are shown as written) and the sample values.
fn english_words(vi: &str) -> Vec<String> {
    let prose: String = vi.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let prose: String = prose
        .split('«')
        .map(|s| s.split_once('»').map_or(s, |(_, after)| after))
        .collect::<Vec<_>>()
        .join(" ");
    prose
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

/// Every entry: its values all shown, in both languages.
fn every_entry() -> Vec<(String, Entry<'static>)> {
    let msgs: &'static [Msg] = Box::leak(Msg::samples().into_boxed_slice());
    let parts: &'static [Part] = Box::leak(Part::samples().into_boxed_slice());
    let hints: &'static [Hint] = Box::leak(Hint::samples().into_boxed_slice());
    let statuses: &'static [Status] = Box::leak(Status::samples().into_boxed_slice());
    let mut all: Vec<(String, Entry<'static>)> = Vec::new();
    all.extend(msgs.iter().map(|m| (format!("{m:?}"), m.entry())));
    all.extend(parts.iter().map(|m| (format!("{m:?}"), m.entry())));
    all.extend(hints.iter().map(|m| (format!("{m:?}"), m.entry())));
    all.extend(statuses.iter().map(|m| (format!("{m:?}"), m.entry())));
    all
}

#[test]
fn every_variant_renders_every_value_in_both_languages() {
    let mut bad = Vec::new();
    for (name, entry) in every_entry() {
        for lang in [Lang::En, Lang::Vi] {
            let pattern = if lang == Lang::En { entry.en } else { entry.vi };
            let slots = pattern.matches("{}").count();
            if slots != entry.values.len() {
                bad.push(format!("{name} {lang:?}: {slots} slots"));
            }
            let text = entry.text(lang);
            for v in &entry.values {
                if !text.contains(&v.text(lang)) {
                    bad.push(format!("{name} {lang:?} does not show {v:?}"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn no_vietnamese_wording_carries_an_english_sentence() {
    let mut bad = Vec::new();
    for (name, entry) in every_entry() {
        let vi = entry.text(Lang::Vi);
        let words = english_words(&vi);
        if !words.is_empty() {
            bad.push(format!("{name} → {vi:?}: {words:?}"));
        }
        assert!(!entry.vi.is_empty(), "{name}");
    }
    for place in [
        Place::Cell {
            sheet: "s".into(),
            cell: "D4".into(),
        },
        Place::Line {
            line: 2,
            column: "C".into(),
        },
        Place::Sheet("s".into()),
        Place::Csv,
    ] {
        assert!(english_words(&place.text(Lang::Vi)).is_empty(), "{place:?}");
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_message_has_a_code_and_parts_and_hints_none() {
    for m in Msg::samples() {
        let c = m.code();
        assert!(
            c.len() == 5 && (c.starts_with('E') || c.starts_with('W')),
            "{m:?} has code {c:?}"
        );
    }
    for p in Part::samples() {
        assert_eq!(p.entry().code, "", "{p:?}");
    }
    for h in Hint::samples() {
        assert_eq!(h.entry().code, "", "{h:?}");
    }
    for s in Status::samples() {
        assert_eq!(s.entry().code, "", "{s:?}");
    }
}

#[test]
fn every_code_belongs_to_one_kind() {
    let mut seen = std::collections::BTreeMap::new();
    for m in Msg::samples() {
        let first = m.entry().en.split(' ').next().unwrap_or("");
        seen.entry(m.code()).or_insert_with(Vec::new).push(first);
    }
    for (c, mut words) in seen {
        words.dedup();
        assert!(words.len() <= 2, "{c} is used for {words:?}");
    }
}

#[test]
fn nested_messages_are_shown_in_the_same_language() {
    let period = crate::msg!(Msg::NotAPeriod, "2023-Q5");
    let m = crate::msg!(Msg::BadPeriod, "2023-Q5", period);
    assert_eq!(
        m.text(Lang::Vi),
        "kỳ báo cáo `2023-Q5` không hợp lệ: `2023-Q5` không phải kỳ báo cáo"
    );
    assert_eq!(m.en(), "bad period `2023-Q5`: `2023-Q5` is not a period");
    assert_eq!(m.code(), "E0202");
}

#[test]
fn long_values_are_cut_and_the_wording_kept() {
    let date = crate::msg!(Msg::NotADate, "1".repeat(1_000));
    for lang in [Lang::En, Lang::Vi] {
        let text = date.text(lang);
        assert!(text.chars().count() < 300, "{text}");
        assert!(text.contains("1 … 1"), "{text}");
    }
    assert!(date.text(Lang::Vi).ends_with("` không phải ngày tháng"));
    assert_eq!(Msg::NoTitle.text(Lang::Vi), "bài viết chưa có tiêu đề");
}
