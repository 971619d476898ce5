//! Chart text: widths measured with the bundled Noto Sans, which the theme
//! ships as a web font for chart text, and text escaped for SVG.
//!
//! The two faces are parsed once per process; the advances of the
//! characters charts use (Latin, Vietnamese, punctuation) are looked up
//! once into a table, so measuring a label is a sum over its characters.
//! A label shortened with "…" is measured from the running sums of its
//! characters, not once per shorter prefix.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, GlyphId};

/// Text is measured at `size × FONT_SCALE` ab_glyph pixels. ab_glyph scales
/// a font by ascent + descent (1.362 em for Noto Sans), browsers by the em;
/// [`WIDTH_FACTOR`] turns the one into the other.
const FONT_SCALE: f64 = 1.24;
/// ab_glyph's widths at [`FONT_SCALE`] are this much too small for a
/// browser's; and readers' fonts differ a little from Noto Sans, hence a
/// margin.
const WIDTH_FACTOR: f64 = 1.362 / 1.24 * 1.05;

/// Code points whose glyph and advance are kept in a table: Latin with
/// its extensions, Latin Extended Additional (Vietnamese: ạ, ế, ữ…), and
/// general punctuation (–, —, …). Others are looked up in the font.
const TABLED: [(u32, u32); 3] = [(0, 0x250), (0x1E00, 0x1F00), (0x2000, 0x2070)];

/// One parsed face and its table of common characters.
struct Face {
    font: FontRef<'static>,
    /// Ascent − descent, in font units: ab_glyph's pixel scale.
    height: f32,
    /// Glyph and unscaled advance of each [`TABLED`] code point.
    table: Vec<(GlyphId, f32)>,
    /// Whether the file has a `kern` table: ab_glyph kerns by it alone
    /// (Noto Sans has none, it kerns in `GPOS`), so without it every
    /// kerning is 0 and is not looked up.
    kerned: bool,
}

/// Whether an OpenType file lists a `kern` table in its table directory.
fn has_kern_table(bytes: &[u8]) -> bool {
    let tables = bytes
        .get(4..6)
        .map_or(0, |n| usize::from(u16::from_be_bytes([n[0], n[1]])));
    (0..tables).any(|i| bytes.get(12 + 16 * i..16 + 16 * i) == Some(b"kern".as_slice()))
}

impl Face {
    fn new(bytes: &'static [u8]) -> Option<Face> {
        let font = FontRef::try_from_slice(bytes).ok()?;
        let table = TABLED
            .iter()
            .flat_map(|(a, b)| *a..*b)
            .map(|cp| {
                let id = char::from_u32(cp).map_or(GlyphId(0), |c| font.glyph_id(c));
                (id, font.h_advance_unscaled(id))
            })
            .collect();
        Some(Face {
            height: font.height_unscaled(),
            font,
            table,
            kerned: has_kern_table(bytes),
        })
    }

    /// A character's glyph and unscaled advance.
    fn glyph(&self, c: char) -> (GlyphId, f32) {
        let cp = u32::from(c);
        let mut base = 0;
        for (a, b) in TABLED {
            if (a..b).contains(&cp) {
                return self.table[(base + cp - a) as usize];
            }
            base += b - a;
        }
        let id = self.font.glyph_id(c);
        (id, self.font.h_advance_unscaled(id))
    }

    /// ab_glyph's horizontal pixels per font unit at a text size.
    fn scale(&self, size: f64) -> f32 {
        (size * FONT_SCALE) as f32 / self.height
    }

    /// The kerning between two glyphs, unscaled.
    fn kern(&self, first: GlyphId, second: GlyphId) -> f32 {
        if self.kerned {
            self.font.kern_unscaled(first, second)
        } else {
            0.0
        }
    }

    /// The pen's advance over `text`: each glyph's advance, then its
    /// kerning with the glyph before, in that order (f32 sums, so a
    /// prefix's width is a running sum's value).
    fn advance(&self, text: &str, scale: f32) -> f32 {
        let mut x = 0f32;
        let mut prev = None;
        for c in text.chars() {
            let (id, adv) = self.glyph(c);
            x += scale * adv;
            if let Some(p) = prev {
                x += scale * self.kern(p, id);
            }
            prev = Some(id);
        }
        x
    }
}

static FACES: OnceLock<[Option<Face>; 2]> = OnceLock::new();

/// The regular or bold face; `None` only if the embedded file were broken
/// (a test checks it is not): widths are then estimated.
fn face(bold: bool) -> Option<&'static Face> {
    let faces = FACES.get_or_init(|| {
        [
            Face::new(include_bytes!("fonts/NotoSans-Regular.ttf")),
            Face::new(include_bytes!("fonts/NotoSans-Bold.ttf")),
        ]
    });
    faces[usize::from(bold)].as_ref()
}

/// Viewbox units from ab_glyph's pixels: whole pixels, then the browser's
/// scale and the margin, rounded up.
fn units(pixels: f32) -> i32 {
    (f64::from((pixels as i32).unsigned_abs()) * WIDTH_FACTOR).ceil() as i32
}

/// Width of a text in viewBox units, as a browser draws it (with margin).
pub fn measure(text: &str, size: f64, bold: bool) -> i32 {
    match face(bold) {
        Some(f) => units(f.advance(text, f.scale(size))),
        None => (text.chars().count() as f64 * size * 0.55 * WIDTH_FACTOR).ceil() as i32,
    }
}

/// Shortens a label to a width with "…", for the rare unit name that does
/// not fit on one line.
pub fn fit(label: &str, size: f64, bold: bool, width: i32) -> String {
    if measure(label, size, bold) <= width {
        return label.to_string();
    }
    let chars: Vec<char> = label.chars().collect();
    let Some(f) = face(bold) else {
        for n in (1..chars.len()).rev() {
            let s: String = chars[..n].iter().collect::<String>() + "…";
            if measure(&s, size, bold) <= width {
                return s;
            }
        }
        return "…".into();
    };
    // The pen after each prefix, as `advance` sums it; a prefix with "…"
    // adds the ellipsis and its kerning with the prefix's last glyph.
    let scale = f.scale(size);
    let (ellipsis, ellipsis_adv) = f.glyph('…');
    let mut pens = Vec::with_capacity(chars.len());
    let mut x = 0f32;
    let mut prev = None;
    for c in &chars {
        let (id, adv) = f.glyph(*c);
        x += scale * adv;
        if let Some(p) = prev {
            x += scale * f.kern(p, id);
        }
        prev = Some(id);
        pens.push((x, id));
    }
    for n in (1..chars.len()).rev() {
        let (pen, last) = pens[n - 1];
        let w = pen + scale * ellipsis_adv + scale * f.kern(last, ellipsis);
        if units(w) <= width {
            return chars[..n].iter().collect::<String>() + "…";
        }
    }
    "…".into()
}

/// Appends text to SVG, escaped for element content and attribute values.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_parse() {
        assert!(face(false).is_some() && face(true).is_some());
    }

    /// Skipping kerning changes nothing: the faces have no `kern` table,
    /// and ab_glyph finds no kerning in them.
    #[test]
    fn no_kern_table_no_kerning() {
        for bold in [false, true] {
            let f = face(bold).unwrap();
            assert!(!f.kerned);
            let text = "AVAWATa Tây Yên ĐỒNG “Vĩ” 1.234,5% — …";
            for a in text.chars() {
                for b in text.chars() {
                    let (a, b) = (f.glyph(a).0, f.glyph(b).0);
                    assert_eq!(f.font.kern_unscaled(a, b), 0.0);
                }
            }
        }
        let mut table = vec![0u8; 12 + 32];
        table[5] = 2;
        table[28..32].copy_from_slice(b"kern");
        assert!(has_kern_table(&table));
        assert!(!has_kern_table(&table[..20]));
    }

    /// The table and the font agree: the same glyph and advance for every
    /// tabled character, and for one outside the table.
    #[test]
    fn the_table_is_the_font() {
        for bold in [false, true] {
            let f = face(bold).unwrap();
            for c in ['A', 'ế', 'Đ', '…', '–', '%', '€', '中'] {
                let id = f.font.glyph_id(c);
                assert_eq!(f.glyph(c), (id, f.font.h_advance_unscaled(id)), "{c}");
            }
        }
    }

    /// A shortened label is what measuring every prefix with "…" would give.
    #[test]
    fn fit_is_the_longest_prefix_that_fits() {
        let slow = |label: &str, size: f64, bold: bool, width: i32| -> String {
            if measure(label, size, bold) <= width {
                return label.to_string();
            }
            let chars: Vec<char> = label.chars().collect();
            for n in (1..chars.len()).rev() {
                let s: String = chars[..n].iter().collect::<String>() + "…";
                if measure(&s, size, bold) <= width {
                    return s;
                }
            }
            "…".into()
        };
        let label = "Trung tâm Phục vụ hành chính công tỉnh Bình Dương (cơ sở 2)";
        for bold in [false, true] {
            for size in [15.0, 18.0, 20.0] {
                for width in (0..500).step_by(7) {
                    assert_eq!(
                        fit(label, size, bold, width),
                        slow(label, size, bold, width),
                        "{size} {bold} {width}"
                    );
                }
            }
        }
        assert_eq!(fit("", 15.0, false, 0), "");
        assert_eq!(fit("ab", 15.0, false, 0), "…");
    }

    #[test]
    fn escaped() {
        let mut s = String::new();
        escape_into(&mut s, "a<b>&\"c\" 'd'");
        assert_eq!(s, "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;");
    }
}
