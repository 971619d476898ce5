//! Text as baocao compares and prints it: one folding of Vietnamese text
//! to ASCII words, one URL slug, one header normalisation and one plain
//! number. Every module uses these, so two spellings of a name always
//! compare the same way.

use unicode_normalization::UnicodeNormalization;

/// Lower-case ASCII words, diacritics and punctuation dropped:
/// "Trực tiếp, dịch vụ bưu chính" → "truc tiep dich vu buu chinh".
/// Decomposed input (e + ̂ + ́ from some exports) folds like composed.
pub fn fold(s: &str) -> String {
    // One pass, no intermediate strings (headings and tags are folded
    // thousands of times a build): what `deunicode` gives each character
    // is read as it comes; anything not a letter or digit ends a word.
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    };
    // As `deunicode` reads a text: the ASCII before the first other
    // character (or DEL) as it is, everything from there transliterated
    // (where ASCII control characters become nothing).
    let mut transliterating = false;
    for c in s.nfc() {
        transliterating |= c >= '\u{7f}';
        if !transliterating {
            push(c, &mut out);
        } else {
            // No transliteration: a gap, as `deunicode`'s `[?]` would be.
            for a in deunicode::deunicode_char(c).unwrap_or(" ").chars() {
                push(a, &mut out);
            }
        }
    }
    out
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

    /// `fold` as first written, in steps: the one-pass version must agree.
    fn fold_in_steps(s: &str) -> String {
        let nfc: String = s.nfc().collect();
        deunicode::deunicode(&nfc)
            .to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn one_pass_folding_agrees_with_the_steps() {
        let samples = [
            "Trực tiếp, dịch vụ bưu chính",
            "Tin tức",
            "Thành phố Hồ Chí Minh — 2025/26",
            "e\u{0302}\u{0301} decomposed",
            "ĐẢNG ỦY Xã Ân Phú",
            "  spaces\tand\nlines  ",
            "Æther ŒUVRE ß ﬁ",
            "北京 東京 서울",
            "emoji 🎉 done",
            "C++ / C# & F#",
            "½ ² ③",
            "",
            "---",
            "a\u{0}b",
            "Ωmega ΣΣ Ж",
        ];
        for s in samples {
            assert_eq!(fold(s), fold_in_steps(s), "{s:?}");
        }
        // Every character of the planes in use, one at a time and among letters.
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            let s = format!("a{c}b {c}");
            assert_eq!(fold(&s), fold_in_steps(&s), "{:04X}", c as u32);
        }
    }

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
