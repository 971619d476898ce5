//! Units: matched by name, short name or id, forgiving case, spacing,
//! diacritics and the "UBND" / "Ủy ban nhân dân" prefix.

use super::*;
use crate::model::Level;

/// A key a unit is matched by, with the level word of its name.
pub(super) type Key = (String, Option<&'static str>);

pub(super) struct UnitIndex {
    /// Per unit, its keys at three levels of leniency.
    pub(super) units: Vec<(UnitId, [Vec<Key>; 3])>,
    /// Per unit (in the same order), its first and last day, if declared.
    lifetimes: Vec<(Option<Date>, Option<Date>)>,
}

/// Why a name gives no unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Miss {
    /// It fits several units that existed in the period.
    Several(Vec<UnitId>),
    /// It fits only units that did not exist throughout the period: one
    /// dissolved before its end, or formed after its start.
    NotThen(Vec<UnitId>),
}

/// Words of a name, lower case, with and without diacritics.
pub(super) fn name_words(s: &str) -> (Vec<String>, Vec<String>) {
    let nfc: String = s.nfc().collect::<String>().to_lowercase();
    let exact: Vec<String> = nfc
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let folded = exact.iter().map(|w| fold(w).replace(' ', "")).collect();
    (exact, folded)
}

/// How many words of an agency prefix ("UBND", "Ủy ban nhân dân") the
/// folded words start with, leaving at least one word.
fn agency_prefix(folded: &[String]) -> usize {
    if folded.len() > 1 && folded[0] == "ubnd" {
        1
    } else if folded.len() > 4 && folded[..4] == ["uy", "ban", "nhan", "dan"] {
        4
    } else {
        0
    }
}

/// The words a unit's name starts with to say its level, folded; the
/// word as site.yaml writes it; the level. Abbreviations ("P.", "TX.")
/// stand for the word.
const LEVEL_WORDS: &[(&[&str], &str, Level)] = &[
    (&["thi", "tran"], "Thị trấn", Level::Commune),
    (&["thi", "xa"], "Thị xã", Level::District),
    (&["thanh", "pho"], "Thành phố", Level::City),
    (&["phuong"], "Phường", Level::Commune),
    (&["xa"], "Xã", Level::Commune),
    (&["huyen"], "Huyện", Level::District),
    (&["quan"], "Quận", Level::District),
    (&["tinh"], "Tỉnh", Level::Province),
    (&["tt"], "Thị trấn", Level::Commune),
    (&["tx"], "Thị xã", Level::District),
    (&["tp"], "Thành phố", Level::City),
    (&["p"], "Phường", Level::Commune),
    (&["x"], "Xã", Level::Commune),
    (&["h"], "Huyện", Level::District),
    (&["q"], "Quận", Level::District),
];

/// The level word a name starts with (after the agency prefix), with
/// how many folded words it takes; `None` when it starts with none.
fn level_word(folded: &[String]) -> Option<(usize, &'static str, Level)> {
    LEVEL_WORDS
        .iter()
        .find(|(words, ..)| {
            folded.len() > words.len() && folded.iter().zip(words.iter()).all(|(f, w)| f == w)
        })
        .map(|(words, spelt, level)| (words.len(), *spelt, *level))
}

/// Drops the agency prefix ("UBND", "Ủy ban nhân dân") and, for the most
/// lenient key, a level word ("phường", "huyện", "P.", …).
pub(super) fn name_keys(s: &str) -> [String; 3] {
    let (exact, folded) = name_words(s);
    let skip = agency_prefix(&folded);
    let exact = exact[skip.min(exact.len())..].join(" ");
    let folded: Vec<String> = folded[skip.min(folded.len())..].to_vec();
    let level = level_word(&folded).map_or(0, |(n, ..)| n);
    [exact, folded.join(" "), folded[level..].join(" ")]
}

/// The level word of a name, as site.yaml writes it: names of two
/// levels ("Phường An Hòa", "Xã An Hòa") are two units, even where the
/// rest of their names is the same.
pub(super) fn level_kind(s: &str) -> Option<&'static str> {
    let (_, folded) = name_words(s);
    let skip = agency_prefix(&folded);
    level_word(&folded[skip.min(folded.len())..]).map(|(_, spelt, _)| spelt)
}

/// The name and level a unit missing from site.yaml gets from the name a
/// form gives it: "UBND phường An Thạnh" → "Phường An Thạnh", a commune;
/// "P. An Thạnh" the same. `None` when the name starts with no level word
/// (a field of work, a department, a typo of an id), which is never added.
pub(super) fn unit_from_name(name: &str) -> Option<(String, Level)> {
    let name: String = name.nfc().collect();
    // The words with their places, to keep the rest as written.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in name.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, name.len()));
    }
    let folded: Vec<String> = words
        .iter()
        .map(|&(a, b)| fold(&name[a..b]).replace(' ', ""))
        .collect();
    let skip = agency_prefix(&folded);
    let rest_from = |n: usize| {
        words
            .get(skip + n)
            .map(|&(a, _)| name[a..].trim().to_string())
            .unwrap_or_default()
    };
    if let Some((n, spelt, level)) = level_word(&folded[skip..]) {
        // A one-letter abbreviation needs its dot: "P. An Thạnh", not "H Mông".
        let (_, end) = words[skip + n - 1];
        let dotted = name[end..].starts_with('.');
        if folded[skip + n - 1].len() > 1 || dotted {
            let rest = rest_from(n);
            return (!rest.is_empty()).then(|| (format!("{spelt} {rest}"), level));
        }
    }
    let centre = folded[skip..].starts_with(&["trung".to_string(), "tam".to_string()])
        || folded[skip..].starts_with(&["bo".to_string(), "phan".to_string()]);
    if centre && folded.len() > skip + 2 {
        return Some((capitalised(&rest_from(0)), Level::Center));
    }
    None
}

/// The text with a capital first letter.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl UnitIndex {
    pub(super) fn new(units: &BTreeMap<UnitId, Unit>) -> UnitIndex {
        let mut index = UnitIndex {
            units: Vec::new(),
            lifetimes: Vec::new(),
        };
        for u in units.values() {
            index.push(u);
        }
        index
    }

    /// Adds a unit: one declared, or one the import adds.
    pub(super) fn push(&mut self, u: &Unit) {
        let mut keys: [Vec<Key>; 3] = Default::default();
        let id_words = u.id.0.replace('-', " ");
        // An id or short name without a level word has the name's.
        let own = level_kind(&u.name);
        for name in [Some(&u.name), u.short.as_ref(), Some(&id_words)]
            .into_iter()
            .flatten()
        {
            let kind = level_kind(name).or(own);
            for (tier, k) in name_keys(name).into_iter().enumerate() {
                if !k.is_empty() {
                    keys[tier].push((k, kind));
                }
            }
        }
        self.units.push((u.id.clone(), keys));
        self.lifetimes.push((u.since, u.until));
    }

    /// The unit a row names; `Err` lists the units an ambiguous name fits.
    /// Without its level word a name matches only a name of the same
    /// level word, or of none: "Xã An Hòa" is not "Phường An Hòa".
    pub(super) fn find(&self, name: &str) -> Result<Option<UnitId>, Vec<UnitId>> {
        self.find_in(name, None).map_err(|m| match m {
            Miss::Several(ids) | Miss::NotThen(ids) => ids,
        })
    }

    /// The unit a row of `period` names, among the units that existed
    /// throughout it (SPEC §2 "Units change"): after a reorganisation a
    /// new ward may have an old one's name, and the period decides. A
    /// name that fits only units of other times is [`Miss::NotThen`],
    /// never a new unit. Without a period, every unit counts.
    pub(super) fn find_in(
        &self,
        name: &str,
        period: Option<&Period>,
    ) -> Result<Option<UnitId>, Miss> {
        let alive = |i: usize| {
            let (since, until) = self.lifetimes[i];
            period.is_none_or(|p| {
                since.is_none_or(|s| p.start() >= s) && until.is_none_or(|u| p.end() <= u)
            })
        };
        if let Some(i) = self.units.iter().position(|(id, _)| id.0 == name.trim()) {
            let id = self.units[i].0.clone();
            return if alive(i) {
                Ok(Some(id))
            } else {
                Err(Miss::NotThen(vec![id]))
            };
        }
        let keys = name_keys(name);
        let kind = level_kind(name);
        // The units of other times the strictest matching key names.
        let mut not_then: Vec<UnitId> = Vec::new();
        for (tier, key) in keys.iter().enumerate() {
            if key.is_empty() {
                continue;
            }
            let fits = |k: &Key| {
                k.0 == *key && (tier < 2 || kind.is_none() || k.1.is_none() || k.1 == kind)
            };
            let hits: Vec<usize> = (0..self.units.len())
                .filter(|&i| self.units[i].1[tier].iter().any(fits))
                .collect();
            let living: Vec<UnitId> = hits
                .iter()
                .filter(|&&i| alive(i))
                .map(|&i| self.units[i].0.clone())
                .collect();
            match living.len() {
                0 => {
                    if not_then.is_empty() {
                        not_then = hits.iter().map(|&i| self.units[i].0.clone()).collect();
                    }
                }
                1 => return Ok(living.into_iter().next()),
                _ => return Err(Miss::Several(living)),
            }
        }
        if not_then.is_empty() {
            Ok(None)
        } else {
            Err(Miss::NotThen(not_then))
        }
    }
}

/// The id, name and level to suggest for a unit missing from site.yaml.
pub(super) fn suggestion(name: &str) -> (String, String, &'static str) {
    let (shown, level) = match unit_from_name(name) {
        Some((shown, level)) => (shown, level),
        None => (name.trim().to_string(), Level::Commune),
    };
    (slugify(&shown), shown, level_key(level))
}

/// The level as site.yaml writes it.
pub(super) fn level_key(level: Level) -> &'static str {
    match level {
        Level::Province => "province",
        Level::City => "city",
        Level::District => "district",
        Level::Commune => "commune",
        Level::Center => "center",
    }
}

/// Strips list markers a form puts before names: "1.", "a)", "-", "I.".
pub(super) fn clean_name(s: &str) -> String {
    let t = s.trim();
    let mut rest = t;
    if let Some((head, tail)) = t.split_once(char::is_whitespace) {
        let h = head.trim_end_matches(['.', ')', ':']);
        let marker = matches!(head, "-" | "+" | "•" | "*" | "–")
            || ((head.ends_with('.') || head.ends_with(')'))
                && !h.is_empty()
                && (h.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    // "a." and "b)" number rows; "P." and "X." abbreviate
                    // Phường and Xã, so an upper-case letter needs ")".
                    || (h.len() == 1 && h.bytes().all(|b| b.is_ascii_lowercase()))
                    || (h.len() == 1 && head.ends_with(')') && h.bytes().all(|b| b.is_ascii_uppercase()))
                    || (h != "X" && h.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))));
        if marker {
            rest = tail.trim_start();
        }
    }
    rest.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn is_total_label(text: &str) -> bool {
    let f = label_fold(text);
    matches!(
        f.as_str(),
        "tong cong"
            | "tong"
            | "cong"
            | "tong so"
            | "toan tinh"
            | "toan huyen"
            | "toan thanh pho"
            | "toan thi xa"
    ) || f.starts_with("tong cong")
}

/// Headings of groups and their subtotals: "I", "A", "Cấp huyện", "Xã, phường, thị trấn".
pub(super) fn is_group_label(name: &str, stt: &str) -> bool {
    let s = stt.trim().trim_end_matches('.');
    let roman = !s.is_empty() && s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
    let letter = s.len() == 1 && s.bytes().all(|b| b.is_ascii_uppercase());
    let f = label_fold(name);
    roman
        || letter
        || f.starts_with("cap ")
        || f.starts_with("khoi ")
        || matches!(
            f.as_str(),
            "xa phuong thi tran"
                | "huyen thi xa thanh pho"
                | "huyen quan thi xa thanh pho"
                | "so ban nganh"
                | "cac so ban nganh"
        )
}

/// Notes and signatures below the table.
pub(super) fn is_end_of_table(texts: &[String]) -> bool {
    const STOP: &[&str] = &[
        "ghi chu",
        "chu thich",
        "luu y",
        "nguoi lap",
        "nguoi duyet",
        "nguoi kiem tra",
        "thu truong",
        "noi nhan",
        "xac nhan",
        "ky ten",
        "lanh dao",
        "kt chu tich",
        "tm uy ban",
        "tm ubnd",
        "chu tich",
        "pho chu tich",
        "giam doc",
        "pho giam doc",
        "truong phong",
        "can bo lap",
    ];
    texts.iter().any(|t| {
        let f = fold(t);
        STOP.iter().any(|s| f.starts_with(s))
            || (has(&f, "ngay") && has(&f, "thang") && has(&f, "nam"))
    })
}
