//! Text as baocao compares and prints it: one folding of Vietnamese text
//! to ASCII words, one URL slug, one header normalisation and one plain
//! number. Every module uses these, so two spellings of a name always
//! compare the same way.

use unicode_normalization::UnicodeNormalization;

/// Lower-case ASCII words, diacritics and punctuation dropped:
/// "Trực tiếp, dịch vụ bưu chính" → "truc tiep dich vu buu chinh".
/// Decomposed input (e + ̂ + ́ from some exports) folds like composed.
pub fn fold(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    deunicode::deunicode(&nfc)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A URL slug: the folded words joined by `-` (`Tin tức` → `tin-tuc`).
pub fn slugify(text: &str) -> String {
    fold(text).replace(' ', "-")
}

/// Header text as compared: composed (NFC), lower case, single spaces;
/// diacritics kept, since labels differ by them.
pub fn normalize_header(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A number as data files and templates write it: integers without `.0`,
/// other numbers in their shortest form.
pub fn plain_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else if n.abs() >= 1e15 {
        // `1e300` as written, not three hundred digits.
        format!("{n:e}")
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_slugs_and_numbers() {
        assert_eq!(
            fold("Trực tiếp, dịch vụ bưu chính"),
            "truc tiep dich vu buu chinh"
        );
        assert_eq!(fold("Tie\u{0302}\u{0301}p nhận"), fold("Tiếp nhận"));
        assert_eq!(slugify("Tin tức & Sự kiện"), "tin-tuc-su-kien");
        assert_eq!(slugify("Đường 30/4"), "duong-30-4");
        assert_eq!(slugify("---"), "");
        assert_eq!(normalize_header("  Tiếp   Nhận "), "tiếp nhận");
        assert_eq!(plain_number(6580.0), "6580");
        assert_eq!(plain_number(93.1), "93.1");
    }
}
