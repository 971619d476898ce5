//! The portal frame around every page: the sidebar (latest articles and
//! the latest figures of the top-level units), the footer's contact links,
//! and the small text helpers pages need for absolute URLs (share links)
//! and image sizes. Computed from typed inputs; nothing reads the disk.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::chart;
use crate::data::{Figures, Period, UnitId};
use crate::model::{Owner, Site, Unit};
use crate::theme::Words;

/// Metrics shown as figure cards for a unit's latest period, in this
/// order; those the record lacks are left out.
const KEY_METRICS: &[&str] = &[
    "received",
    "on_time_rate",
    "online_rate",
    "satisfaction",
    "resolved",
];

/// At most this many cards per unit.
const CARDS: usize = 4;

/// How many articles the sidebar lists.
pub const SIDEBAR_ARTICLES: usize = 5;

/// A top-level unit's figure cards for its latest period.
#[derive(Clone, Debug, Serialize)]
pub struct Highlight {
    /// Unit id.
    pub id: String,
    /// The unit's full name.
    pub unit: String,
    /// The period's label, capitalised by the cards' caption.
    pub period: String,
    /// Period id (`2023-9M`).
    pub period_id: String,
    /// The cards as HTML (every text escaped).
    pub cards: String,
    /// Link to the unit's page, when the site has one (from the page).
    pub href: Option<String>,
}

/// The units whose figures the home page and sidebar show: in `site.yaml`
/// order, each unit that has records while none of its ancestors has any.
/// A province with its own records is shown alone; a site whose provinces
/// report nothing shows their cities instead.
pub fn top_units<'a>(site: &'a Site, figures: &Figures) -> Vec<&'a Unit> {
    let reporting: BTreeSet<&UnitId> = figures.records.keys().map(|(u, _)| u).collect();
    let has_reporting_ancestor = |u: &Unit| {
        let mut seen = BTreeSet::new();
        let mut cur = u.parent.as_ref();
        while let Some(p) = cur {
            // A cycle in `parent` is reported elsewhere; never loop on it.
            if !seen.insert(p) {
                return false;
            }
            if reporting.contains(p) {
                return true;
            }
            cur = site.units.get(p).and_then(|x| x.parent.as_ref());
        }
        false
    };
    site.config
        .units
        .iter()
        .filter(|u| reporting.contains(&u.id) && !has_reporting_ancestor(u))
        .collect()
}

/// A unit's latest period: the one ending last; of two ending on the same
/// day, the longer (the year rather than its last quarter).
pub fn latest_period(figures: &Figures, unit: &UnitId) -> Option<Period> {
    figures
        .records
        .keys()
        .filter(|(u, _)| u == unit)
        .map(|(_, p)| *p)
        .max_by(|a, b| {
            a.end()
                .cmp(&b.end())
                .then(b.start().cmp(&a.start()))
                .then(a.cmp(b))
        })
}

/// The figure cards of every top-level unit's latest period, the most
/// recent figures first (units of the same period in `site.yaml` order).
pub fn highlights(site: &Site, figures: &Figures, words: &Words) -> Vec<Highlight> {
    let style = words.style();
    let cx = chart::Context {
        catalogue: &site.catalogue,
        figures,
        units: &site.units,
        page_unit: None,
        page_period: None,
        words,
        style: &style,
    };
    let mut latest: Vec<(&Unit, Period)> = top_units(site, figures)
        .into_iter()
        .filter_map(|u| latest_period(figures, &u.id).map(|p| (u, p)))
        .collect();
    // Stable: units whose periods end together keep their order.
    latest.sort_by_key(|(_, p)| std::cmp::Reverse(p.end()));
    latest
        .into_iter()
        .filter_map(|(u, period)| {
            let record = figures.get(&u.id, &period)?;
            let metrics: Vec<String> = KEY_METRICS
                .iter()
                .filter(|k| record.get(k).is_some() && site.catalogue.get(k).is_some())
                .take(CARDS)
                .map(|k| k.to_string())
                .collect();
            if metrics.is_empty() {
                return None;
            }
            let cards = chart::kpis(&metrics, Some(&u.id.0), Some(&period.id()), &cx).ok()?;
            Some(Highlight {
                id: u.id.0.clone(),
                unit: u.name.clone(),
                period: words.period(&period),
                period_id: period.id(),
                cards,
                href: None,
            })
        })
        .collect()
}

/// The owner's contact details with the links they may have: an address
/// or number written as a placeholder ("(thư điện tử)", "0000 000 000")
/// is shown as text, never linked.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Contact {
    /// `mailto:` link of the email, when it is an address.
    pub email_href: Option<String>,
    /// `tel:` link of the phone, when it is a number.
    pub phone_href: Option<String>,
}

impl Contact {
    /// The links of an owner's email and phone.
    pub fn of(owner: &Owner) -> Contact {
        Contact {
            email_href: owner.email.as_deref().and_then(email_href),
            phone_href: owner.phone.as_deref().and_then(phone_href),
        }
    }
}

/// `mailto:` link for a plausible email address; `None` for anything else,
/// including addresses at reserved example domains (`example.gov.vn`,
/// `.test`, `.invalid`), which are placeholders.
pub fn email_href(text: &str) -> Option<String> {
    let text = text.trim();
    let (local, domain) = text.split_once('@')?;
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
    let reserved = labels.iter().any(|l| {
        matches!(
            l.to_ascii_lowercase().as_str(),
            "example" | "invalid" | "test" | "localhost"
        )
    });
    (local_ok && domain_ok && !reserved).then(|| format!("mailto:{text}"))
}

/// `tel:` link for a phone number written with digits, spaces, dots,
/// dashes, brackets and a leading `+`; `None` for text or a number of
/// zeros (a placeholder).
pub fn phone_href(text: &str) -> Option<String> {
    let text = text.trim();
    let allowed = text
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " .-()".contains(c) || (c == '+' && i == 0));
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let plausible = (8..=15).contains(&digits.len()) && digits.chars().any(|c| c != '0');
    (allowed && plausible).then(|| {
        let plus = if text.starts_with('+') { "+" } else { "" };
        format!("tel:{plus}{digits}")
    })
}

/// Percent-encodes a URL for use as a query value (`?u=…`): everything
/// but unreserved characters.
pub fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The text of a summary as one line for a `meta description`.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Width and height in pixels of a PNG, GIF, JPEG or WebP image, read from
/// its header; `None` for other formats (SVG) or a damaged file.
pub fn image_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let le16 = |i: usize| -> Option<u32> {
        Some(u32::from(u16::from_le_bytes([
            *bytes.get(i)?,
            *bytes.get(i + 1)?,
        ])))
    };
    let be32 = |i: usize| -> Option<u32> {
        Some(u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?))
    };
    let le24 = |i: usize| -> Option<u32> {
        let b = bytes.get(i..i + 3)?;
        Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
    };
    let size = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        (be32(16)?, be32(20)?)
    } else if bytes.starts_with(b"GIF8") {
        (le16(6)?, le16(8)?)
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        match bytes.get(12..16)? {
            b"VP8 " => (le16(26)? & 0x3fff, le16(28)? & 0x3fff),
            b"VP8L" => {
                let b = bytes.get(21..25)?;
                let bits = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                ((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
            }
            b"VP8X" => (le24(24)? + 1, le24(27)? + 1),
            _ => return None,
        }
    } else if bytes.starts_with(&[0xff, 0xd8]) {
        jpeg_size(bytes)?
    } else {
        return None;
    };
    (size.0 > 0 && size.1 > 0).then_some(size)
}

/// A JPEG's size from its first start-of-frame segment.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xff {
            return None;
        }
        let marker = bytes[i + 1];
        if marker == 0xff {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
            let h = u32::from(u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]));
            let w = u32::from(u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]));
            return Some((w, h));
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_not_links() {
        assert_eq!(
            email_href("bbt@thu.gov.vn").as_deref(),
            Some("mailto:bbt@thu.gov.vn")
        );
        for not in [
            "(thư điện tử)",
            "bbt@thu.example.gov.vn",
            "a@b",
            "thư@tỉnh.vn",
            "a b@c.vn",
            "@c.vn",
            "x@c.v1",
            "bbt@ví-dụ",
        ] {
            assert_eq!(email_href(not), None, "{not}");
        }
        assert_eq!(
            phone_href("0200 000 000").as_deref(),
            Some("tel:0200000000")
        );
        assert_eq!(
            phone_href("+84 (296) 386.1234").as_deref(),
            Some("tel:+842963861234")
        );
        for not in [
            "(điện thoại)",
            "0000 000 000",
            "0000 000 000 (số điện thoại minh họa)",
            "123",
            "02 + 99 999 999",
        ] {
            assert_eq!(phone_href(not), None, "{not}");
        }
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            query_value("https://x.gov.vn/tin-tuc/a b?c=đ"),
            "https%3A%2F%2Fx.gov.vn%2Ftin-tuc%2Fa%20b%3Fc%3D%C4%91"
        );
    }

    #[test]
    fn image_sizes_from_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(800u32.to_be_bytes());
        png.extend(450u32.to_be_bytes());
        assert_eq!(image_size(&png), Some((800, 450)));
        let gif = b"GIF89a\x20\x03\xc2\x01";
        assert_eq!(image_size(gif), Some((800, 450)));
        // SOI, an APP0 segment of 4 bytes, then SOF0 with 450×800.
        let jpeg = [
            0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0x01, 0xc2, 0x03, 0x20, 3,
        ];
        assert_eq!(image_size(&jpeg), Some((800, 450)));
        assert_eq!(image_size(b"<svg/>"), None);
        assert_eq!(image_size(&[0xff, 0xd8, 0xff]), None);
    }

    #[test]
    fn latest_period_prefers_the_longer_of_two_ending_together() {
        use crate::data::Figure;
        let mut figures = Figures::default();
        let u = UnitId("x".into());
        for p in ["2022", "2023-Q4", "2023", "2023-9M"] {
            let period = Period::parse(p).unwrap();
            let figure = Figure {
                unit: u.clone(),
                period,
                source: None,
                values: Default::default(),
                derived: Default::default(),
                from_predecessors: Vec::new(),
                lacking: Default::default(),
                origin: crate::data::Origin {
                    path: "x.yaml".into(),
                    line: 1,
                    col: 1,
                    source_line: String::new(),
                },
            };
            figures.records.insert((u.clone(), period), figure);
        }
        assert_eq!(
            latest_period(&figures, &u).map(|p| p.id()).as_deref(),
            Some("2023")
        );
    }
}
