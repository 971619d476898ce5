//! Units: matched by name, short name or id, forgiving case, spacing,
//! diacritics and the "UBND" / "Ủy ban nhân dân" prefix.

use super::*;

pub(super) struct UnitIndex {
    /// Per unit, its keys at three levels of leniency.
    pub(super) units: Vec<(UnitId, [Vec<String>; 3])>,
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

/// Drops the agency prefix ("UBND", "Ủy ban nhân dân") and, for the most
/// lenient key, a level word ("phường", "huyện", …).
pub(super) fn name_keys(s: &str) -> [String; 3] {
    let (exact, folded) = name_words(s);
    let skip = if folded.first().is_some_and(|w| w == "ubnd") {
        1
    } else if folded.len() > 4 && folded[..4] == ["uy", "ban", "nhan", "dan"] {
        4
    } else {
        0
    };
    let exact = exact[skip.min(exact.len())..].join(" ");
    let folded: Vec<&str> = folded[skip.min(folded.len())..]
        .iter()
        .map(String::as_str)
        .collect();
    let level = [
        &["thi", "tran"][..],
        &["thi", "xa"],
        &["thanh", "pho"],
        &["phuong"],
        &["xa"],
        &["huyen"],
        &["quan"],
        &["tp"],
        &["tinh"],
    ]
    .iter()
    .find(|p| folded.len() > p.len() && folded.starts_with(p))
    .map_or(0, |p| p.len());
    [exact, folded.join(" "), folded[level..].join(" ")]
}

impl UnitIndex {
    pub(super) fn new(units: &BTreeMap<UnitId, Unit>) -> UnitIndex {
        let units = units
            .values()
            .map(|u| {
                let mut keys: [Vec<String>; 3] = Default::default();
                let id_words = u.id.0.replace('-', " ");
                for name in [Some(&u.name), u.short.as_ref(), Some(&id_words)]
                    .into_iter()
                    .flatten()
                {
                    for (tier, k) in name_keys(name).into_iter().enumerate() {
                        if !k.is_empty() {
                            keys[tier].push(k);
                        }
                    }
                }
                (u.id.clone(), keys)
            })
            .collect();
        UnitIndex { units }
    }

    /// The unit a row names; `Err` lists the units an ambiguous name fits.
    pub(super) fn find(&self, name: &str) -> Result<Option<UnitId>, Vec<UnitId>> {
        if let Some((id, _)) = self.units.iter().find(|(id, _)| id.0 == name.trim()) {
            return Ok(Some(id.clone()));
        }
        let keys = name_keys(name);
        for (tier, key) in keys.iter().enumerate() {
            if key.is_empty() {
                continue;
            }
            let hits: Vec<&UnitId> = self
                .units
                .iter()
                .filter(|(_, k)| k[tier].contains(key))
                .map(|(id, _)| id)
                .collect();
            match hits.len() {
                0 => continue,
                1 => return Ok(Some(hits[0].clone())),
                _ => return Err(hits.into_iter().cloned().collect()),
            }
        }
        Ok(None)
    }
}

/// The id and level to suggest for a unit missing from site.yaml.
pub(super) fn suggestion(name: &str) -> (String, String, &'static str) {
    let (exact_words, folded) = name_words(name);
    let skip = if folded.first().is_some_and(|w| w == "ubnd") {
        1
    } else if folded.len() > 4 && folded[..4] == ["uy", "ban", "nhan", "dan"] {
        4
    } else {
        0
    };
    // Keep the user's spelling, minus the agency prefix, with a capital.
    let words: Vec<&str> = name.split_whitespace().collect();
    let shown = if skip > 0 && words.len() == exact_words.len() {
        let rest = words[skip..].join(" ");
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => rest,
        }
    } else {
        name.trim().to_string()
    };
    let f = folded[skip.min(folded.len())..].join(" ");
    let level = if any_of(&f, &["phuong", "xa", "thi tran"]) && !f.starts_with("thi xa") {
        "commune"
    } else if f.starts_with("huyen") || f.starts_with("quan") || f.starts_with("thi xa") {
        "district"
    } else if f.starts_with("thanh pho") || f.starts_with("tp") {
        "city"
    } else if f.starts_with("tinh") {
        "province"
    } else if f.starts_with("trung tam") || f.starts_with("bo phan") {
        "center"
    } else {
        "commune"
    };
    (slugify(&shown), shown, level)
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
