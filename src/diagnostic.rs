//! Errors and warnings as values: every problem carries its file, line,
//! column, the offending source line and a hint, and all of a build's
//! problems are rendered together by one function.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthStr;

use crate::messages::{Hint, Lang, Msg, Place, Word};

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Stops the build.
    Error,
    /// Reported; stops the build only under `--strict`.
    Warning,
}

/// One problem found in a site, with enough context to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: Msg,
    /// Where in a spreadsheet, shown after the message.
    pub place: Option<Place>,
    /// The file, relative to the site root where possible.
    pub path: Option<PathBuf>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub col: Option<usize>,
    /// Width of the fault in characters (carets drawn under it).
    pub len: usize,
    /// The source line the fault is on; a long one only around the fault.
    pub source_line: Option<String>,
    /// Characters of the source line cut before `source_line` (`…` stands
    /// for them), so that `col` - `source_offset` is the column in it.
    pub source_offset: usize,
    /// How to fix it, in plain words.
    pub hint: Option<Hint>,
}

impl Diagnostic {
    /// A new error with a message.
    pub fn error(message: Msg) -> Self {
        Self::new(Severity::Error, message)
    }

    /// A new warning with a message.
    pub fn warning(message: Msg) -> Self {
        Self::new(Severity::Warning, message)
    }

    fn new(severity: Severity, message: Msg) -> Self {
        Diagnostic {
            severity,
            message,
            place: None,
            path: None,
            line: None,
            col: None,
            len: 1,
            source_line: None,
            source_offset: 0,
            hint: None,
        }
    }

    /// Names the file.
    pub fn file(mut self, path: impl AsRef<Path>) -> Self {
        self.path = Some(path.as_ref().to_path_buf());
        self
    }

    /// Places the fault at a 1-based line and column of `source`, whose line
    /// is then shown under the message.
    pub fn at(mut self, source: &str, line: usize, col: usize) -> Self {
        self.line = Some(line.max(1));
        self.col = Some(col.max(1));
        // A long line is kept only around the fault: a file of one huge
        // line can have thousands of diagnostics.
        self.source_offset = 0;
        self.source_line = source.lines().nth(line.saturating_sub(1)).map(|l| {
            let l = l.trim_end_matches('\r');
            let (shown, shown_col) = shown_window(l, col.max(1));
            self.source_offset = col.max(1) - shown_col;
            shown
        });
        self
    }

    /// Places the fault at a byte offset of `source`.
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, col) = line_col(source, offset);
        self.at(source, line, col)
    }

    /// Places the fault on the first line of `source` for which `pred` holds,
    /// at the first occurrence of `needle` on it (or the line's first
    /// non-blank character). Used where a parser gives no positions.
    pub fn find(self, source: &str, needle: &str, pred: impl Fn(&str) -> bool) -> Self {
        match source.lines().enumerate().find(|(_, l)| pred(l)) {
            Some((i, l)) => {
                let byte = l
                    .find(needle)
                    .filter(|_| !needle.is_empty())
                    .unwrap_or_else(|| l.len() - l.trim_start().len());
                let col = l[..byte].chars().count() + 1;
                let len = needle.chars().count().max(1);
                self.at(source, i + 1, col).len(len)
            }
            None => self,
        }
    }

    /// Sets the width of the fault in characters.
    pub fn len(mut self, len: usize) -> Self {
        self.len = len.max(1);
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: Hint) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Names the sheet and cell the fault is in.
    pub fn place(mut self, place: Place) -> Self {
        self.place = Some(place);
        self
    }

    /// The message as shown, its place in a spreadsheet after it.
    pub fn text(&self, lang: Lang) -> String {
        let mut text = self.message.text(lang);
        if let Some(place) = &self.place {
            text.push_str(&place.text(lang));
        }
        text
    }

    /// The hint as shown, if there is one.
    pub fn hint_text(&self, lang: Lang) -> Option<String> {
        self.hint.as_ref().map(|h| h.text(lang))
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic's code (`E0203`), from the message catalogue.
    pub fn code(&self) -> &'static str {
        self.message.code()
    }

    /// The diagnostic as the terminal and the browser overlay show it:
    /// `error[E0203]: what`, `--> file:line:col`, the line, carets, hint.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let word = lang.word(match self.severity {
            Severity::Error => Word::Error,
            Severity::Warning => Word::Warning,
        });
        let message = visible(&self.text(lang));
        // A warning's code is a W code: an E code on a warning would say
        // the build failed when it did not.
        let code = match self.severity {
            Severity::Warning => self.code().replacen('E', "W", 1),
            Severity::Error => self.code().to_string(),
        };
        let _ = writeln!(out, "{word}[{code}]: {message}");
        let gutter = self.line.map_or(1, |l| l.to_string().len());
        let pad = " ".repeat(gutter);
        if let Some(path) = &self.path {
            let _ = write!(out, "{pad}--> {}", path.display());
            if let Some(line) = self.line {
                let _ = write!(out, ":{line}:{}", self.col.unwrap_or(1));
            }
            out.push('\n');
        }
        if let (Some(line), Some(src)) = (self.line, &self.source_line) {
            let col = self
                .col
                .unwrap_or(1)
                .saturating_sub(self.source_offset)
                .max(1);
            let (src, col) = shown_window(src, col);
            let src = visible(&src);
            let src = src.as_str();
            let before: String = src.chars().take(col - 1).collect();
            let fault: String = src.chars().skip(col - 1).take(self.len).collect();
            let indent = " ".repeat(UnicodeWidthStr::width(before.as_str()));
            let carets = "^".repeat(UnicodeWidthStr::width(fault.as_str()).max(1));
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{line} | {src}");
            let _ = writeln!(out, "{pad} | {indent}{carets}");
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(
                out,
                "{pad} = {}: {}",
                lang.word(Word::Hint),
                hint.text(lang)
            );
        }
        out
    }

    fn sort_key(&self) -> (u8, Option<&PathBuf>, usize, usize, Severity, &Msg) {
        // Settings, catalogue and data come before the articles that use
        // them: an error in a data file often causes the article errors
        // below it, and should be read (and fixed) first.
        let stage = match self.path.as_ref().map(|p| p.to_string_lossy()) {
            None => 0,
            Some(p) if p.ends_with("site.yaml") => 1,
            Some(p) if p.ends_with("metrics.yaml") => 2,
            Some(p) if p.starts_with("content/data") => 3,
            Some(_) => 4,
        };
        (
            stage,
            self.path.as_ref(),
            self.line.unwrap_or(0),
            self.col.unwrap_or(0),
            self.severity,
            &self.message,
        )
    }
}

/// Text with control characters shown as visible symbols (NUL as ␀),
/// so a message never carries bytes that a terminal would act on. One
/// character for one, so carets stay aligned.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// The widest source line shown under a message, in characters.
pub const MAX_SHOWN: usize = 500;

/// A long source line cut to [`MAX_SHOWN`] characters around the fault,
/// `…` marking the cuts, and the fault's column in what is shown.
fn shown_window(src: &str, col: usize) -> (String, usize) {
    // A line cut already (`…` at both ends) is not cut again.
    if src.len() <= MAX_SHOWN + 2 || src.chars().nth(MAX_SHOWN + 2).is_none() {
        return (src.to_string(), col);
    }
    // Characters are counted only up to the window's end: a file can hold
    // thousands of faults on one huge line.
    let mut start = col.saturating_sub(MAX_SHOWN / 3 + 1);
    let mut rest = &src[byte_of_char(src, start)..];
    let mut after = rest.chars().take(MAX_SHOWN + 1).count();
    if after < MAX_SHOWN {
        // Near the end (or past it): the last MAX_SHOWN characters.
        let total = src.chars().count();
        start = total - MAX_SHOWN;
        rest = &src[byte_of_char(src, start)..];
        after = MAX_SHOWN;
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(rest.chars().take(MAX_SHOWN));
    if after > MAX_SHOWN {
        out.push('…');
    }
    let col = col.min(start + MAX_SHOWN + 1);
    (out, col - start + usize::from(start > 0))
}

/// The byte offset of the `n`th character (0-based) of `s`, or its length.
fn byte_of_char(s: &str, n: usize) -> usize {
    // Every byte but a UTF-8 continuation byte starts a character; whole
    // chunks are counted first (this loop vectorises).
    let starts = |c: &[u8]| c.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    let mut seen = 0;
    let mut offset = 0;
    for chunk in s.as_bytes().chunks(4096) {
        let here = starts(chunk);
        if seen + here > n {
            for (i, &b) in chunk.iter().enumerate() {
                if b & 0xC0 != 0x80 {
                    if seen == n {
                        return offset + i;
                    }
                    seen += 1;
                }
            }
        }
        seen += here;
        offset += chunk.len();
    }
    s.len()
}

/// Sorts diagnostics by stage, file, line and column so reports are
/// deterministic and causes come before their effects; drops repeats.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
}

/// Renders all diagnostics followed by a count line.
pub fn render_all(diags: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&d.render(lang));
        out.push('\n');
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let parts: Vec<String> = [
        (errors, Word::Error, Word::Errors),
        (warnings, Word::Warning, Word::Warnings),
    ]
    .iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, one, many)| count(*n, lang.word(*one), lang.word(*many)))
    .collect();
    if !parts.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            parts.join(&format!(" {} ", lang.word(Word::And)))
        );
    }
    out
}

/// "1 error", "3 errors".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The nearest candidate within a small edit distance, for "did you mean".
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let len = word.chars().count();
    let limit = (len / 3).clamp(1, 3);
    candidates
        .into_iter()
        // Lengths further apart than the limit are further apart in edits
        // too: a 300 KB spreadsheet header is never measured letter by letter.
        .map(|c| (c.to_lowercase(), c))
        .filter(|(lower, _)| lower.chars().count().abs_diff(len) <= limit)
        .map(|(lower, c)| (edit_distance(&word, &lower), c))
        .filter(|(d, _)| *d <= limit)
        // Ties go to the alphabetically first candidate, for determinism.
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_source_and_carets_by_character_width() {
        let src = "unit: thuan-an\nperiod: 2023-9M\nmetrics:\n  đã_nhận: 5\n";
        let d = Diagnostic::error(crate::msg!(Msg::UnknownMetricKey, "đã_nhận"))
            .file("content/data/x.yaml")
            .find(src, "đã_nhận", |l| l.contains("đã_nhận:"))
            .hint(crate::msg!(Hint::DidYouMean, "received"));
        let text = d.render(Lang::En);
        assert!(text.contains("--> content/data/x.yaml:4:3"), "{text}");
        assert!(text.contains("4 |   đã_nhận: 5"), "{text}");
        assert!(text.contains("  |   ^^^^^^^\n"), "{text}");
        assert!(text.contains("= hint: did you mean `received`?"), "{text}");
        assert!(
            text.starts_with("error[E0203]: unknown metric key"),
            "{text}"
        );
        let vi = d.render(Lang::Vi);
        assert!(
            vi.starts_with("lỗi[E0203]: không có mã chỉ tiêu `đã_nhận` trong danh mục"),
            "{vi}"
        );
        assert!(vi.contains("= gợi ý: có phải là `received`?"), "{vi}");
    }

    #[test]
    fn long_source_lines_are_cut_around_the_fault() {
        let line = format!("tags: {}x{}", "[".repeat(100_000), "]".repeat(100_000));
        let d = Diagnostic::error(Msg::NoTitle)
            .file("a.md")
            .at(&line, 1, 100_000);
        // Only the shown part is kept.
        assert!(d.source_line.as_ref().unwrap().chars().count() <= MAX_SHOWN + 2);
        let text = d.render(Lang::En);
        assert!(text.contains("--> a.md:1:100000"), "{text}");
        assert!(text.len() < 2_000, "{} bytes", text.len());
        let shown = text.lines().nth(3).unwrap();
        assert!(
            shown.starts_with("1 | …[[[") && shown.ends_with("]]]…"),
            "{shown}"
        );
        assert_eq!(shown.chars().count(), "1 | ".len() + MAX_SHOWN + 2);
        // The carets stay under the fault.
        let carets = text.lines().nth(4).unwrap();
        let at = carets.chars().position(|c| c == '^').unwrap();
        assert_eq!(shown.chars().nth(at), Some('['));
        assert_eq!(shown.chars().nth(at + 7), Some('x'));
        // Near either end only one side is cut; short lines are whole.
        let start = Diagnostic::error(Msg::NoTitle)
            .at(&line, 1, 1)
            .render(Lang::En);
        assert!(start.contains("1 | tags: [[[") && start.contains("[…\n"));
        let end = Diagnostic::error(Msg::NoTitle)
            .at(&line, 1, 200_007)
            .render(Lang::En);
        assert!(end.contains("1 | …]]]"), "{end}");
        assert!(end.lines().nth(2).unwrap().ends_with(']'), "{end}");
        assert!(end.lines().nth(3).unwrap().ends_with('^'), "{end}");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\nđc x", 6), (2, 3));
    }

    #[test]
    fn nearest_suggests_within_small_distance_only() {
        let keys = ["received", "resolved", "pending"];
        assert_eq!(nearest("recieved", keys), Some("received"));
        assert_eq!(nearest("xyz", keys), None);
    }
}
