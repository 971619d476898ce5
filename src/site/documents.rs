//! Articles and pages: Markdown files with YAML front matter.

use crate::messages::{Hint, Msg, Part};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Unit, Unpublished, unknown_unit};
use crate::data::{Period, UnitId, period};
use crate::date::DateTime;
use crate::diagnostic::Diagnostic;
use crate::fs::{files_under, read_text, relative};
use crate::model::{Document, FrontMatter};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFront {
    title: Option<String>,
    date: Option<yaml_serde::Value>,
    unit: Option<String>,
    period: Option<yaml_serde::Value>,
    summary: Option<String>,
    author: Option<String>,
    category: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    image: Option<String>,
    image_alt: Option<String>,
    image_caption: Option<String>,
    slug: Option<String>,
    #[serde(default)]
    draft: bool,
    source: Option<String>,
    lint: Option<bool>,
}

/// Loads every `.md` file below `dir`: the documents to publish are
/// returned; the paths of those that failed go to `failed`, and those
/// whose body could still be read also to `unpublished`, to be checked.
pub fn load_all(
    root: &Path,
    dir: &Path,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
    (failed, unpublished): (&mut BTreeSet<PathBuf>, &mut Vec<Unpublished>),
) -> Vec<Document> {
    use rayon::prelude::*;
    let paths: Vec<PathBuf> = files_under(dir)
        .into_iter()
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("md"))
        .collect();
    // Read and parsed in parallel, gathered in file order: the same
    // documents and messages in the same order as one by one.
    let read_one = |path: &PathBuf| {
        let rel_root = relative(root, path);
        let mut mine = Vec::new();
        let outcome = match read_text(root, path) {
            Ok(text) => {
                let rel = crate::fs::posix(&relative(dir, path));
                read(&rel_root, rel, text, units, &mut mine)
            }
            Err(d) => {
                mine.push(d);
                Read::Unusable
            }
        };
        (rel_root, outcome, mine)
    };
    let all: Vec<_> = paths.par_iter().map(read_one).collect();
    let mut out = Vec::new();
    for (rel_root, outcome, mine) in all {
        diags.extend(mine);
        match outcome {
            Read::Good(doc) => out.push(doc),
            Read::Unpublished(u) => {
                failed.insert(rel_root);
                unpublished.push(u);
            }
            Read::Unusable => {
                failed.insert(rel_root);
            }
        }
    }
    out
}

/// How a file starts, shown after the hint's words.
const FRONT_EXAMPLE: &str = "\n---\ntitle: \"…\"\ndate: 2023-10-26T07:00:00+07:00\n---";

/// One file, read.
#[derive(Debug)]
pub enum Read {
    /// Its front matter is valid: the document.
    Good(Document),
    /// Its front matter has errors (reported); its body is still there to
    /// check.
    Unpublished(Unpublished),
    /// Not even its body can be told apart (reported).
    Unusable,
}

/// Splits and types the front matter of one file: the document, or `None`
/// when its front matter has errors (reported).
pub fn parse(
    path: &Path,
    rel: String,
    text: String,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Document> {
    match read(path, rel, text, units, diags) {
        Read::Good(doc) => Some(doc),
        Read::Unpublished(_) | Read::Unusable => None,
    }
}

/// Splits and types the front matter of one file. A front matter with
/// errors still gives its body, with the fields that were valid, so the
/// body's own errors are reported in the same run.
pub fn read(
    path: &Path,
    rel: String,
    text: String,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Read {
    let text = crate::fs::normalize_newlines(text);
    let src = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let Some((yaml_start, yaml_end, body_start, close_line)) = split(path, src, diags) else {
        return Read::Unusable;
    };
    let (front, checked) = match read_front(path, src, &src[yaml_start..yaml_end], diags) {
        Some(raw) => typed_front(raw, path, src, units, diags),
        // Nothing of it is known: the body is compiled, not rendered.
        None => (FrontMatter::default(), Checked::default()),
    };
    let summary_line = src
        .lines()
        .position(|l| l.starts_with("summary:"))
        .map_or(2, |i| i + 1);
    // The summary's text starts after `summary:`, blanks and a quote.
    let summary_col = src.lines().nth(summary_line - 1).map_or(0, |l| {
        let value = l.trim_start_matches("summary:").trim_start();
        let value = value.strip_prefix(['"', '\'']).unwrap_or(value);
        l.chars().count() - value.chars().count()
    });
    let body = src[body_start.min(src.len())..].to_string();
    let doc = Document {
        path: path.to_path_buf(),
        rel,
        text: src.to_string(),
        front,
        body,
        body_line: close_line + 1,
        summary_line,
        summary_col,
    };
    if checked.valid {
        Read::Good(doc)
    } else {
        Read::Unpublished(Unpublished {
            doc,
            renders: checked.scope_valid,
        })
    }
}

/// What the checks of a front matter found.
#[derive(Clone, Copy, Debug, Default)]
struct Checked {
    /// Every field is valid.
    valid: bool,
    /// `unit` and `period`, which choose the body's figures, are valid.
    scope_valid: bool,
}

/// Where the front matter and the body lie in `src`: the YAML's start and
/// end, the body's start and the line of the closing `---`.
fn split(
    path: &Path,
    src: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<(usize, usize, usize, usize)> {
    // Invisible control characters (NUL, …) pasted from PDF or Word would
    // reach the pages; YAML refuses them too.
    // Such a character is one byte below 0x20, which no longer UTF-8
    // character contains: the bytes are searched, not the characters.
    if let Some(offset) = src
        .bytes()
        .position(|b| b < b' ' && !matches!(b, b'\t' | b'\n'))
    {
        let c = src[offset..].chars().next().unwrap_or('\0');
        diags.push(
            Diagnostic::error(crate::msg!(
                Msg::ControlCharacter,
                format!("{:04X}", u32::from(c))
            ))
            .file(path)
            .at_offset(src, offset)
            .hint(Hint::DeleteInvisibleCharacterOften),
        );
        return None;
    }
    let first = src.lines().next().unwrap_or("");
    if first.trim_end() != "---" {
        diags.push(
            Diagnostic::error(Msg::NoFrontMatter)
                .file(path)
                .at(src, 1, 1)
                .hint(crate::msg!(Hint::StartFileFrontMatter, FRONT_EXAMPLE)),
        );
        return None;
    }
    // Find the closing `---` line.
    let mut offset = first.len() + 1;
    let mut end = None;
    for (i, line) in src[offset.min(src.len())..]
        .split_inclusive('\n')
        .enumerate()
    {
        if line.trim_end() == "---" {
            end = Some((offset, offset + line.len(), i + 2));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_start, close_line)) = end else {
        diags.push(
            Diagnostic::error(Msg::FrontMatterNotClosed)
                .file(path)
                .at(src, 1, 1)
                .hint(Hint::EndFrontMatterLine),
        );
        return None;
    };
    Some((first.len() + 1, yaml_end, body_start, close_line))
}

/// The front matter's YAML, read after its depth is checked.
fn read_front(path: &Path, src: &str, yaml: &str, diags: &mut Vec<Diagnostic>) -> Option<RawFront> {
    // Front-matter positions are lines of the file: the YAML starts on line 2.
    let shifted = |line: usize| line + 1;
    if let Some((line, col)) = crate::yaml_depth::yaml_too_deep(yaml) {
        let message = crate::msg!(
            Msg::CannotReadFrontMatter,
            crate::msg!(Part::NestedTooDeep, crate::yaml_depth::MAX_YAML_DEPTH)
        );
        diags.push(
            crate::data::catalogue::yaml_depth_error(message, src, shifted(line), col).file(path),
        );
        return None;
    }
    match yaml_serde::from_str::<Option<RawFront>>(yaml) {
        Ok(Some(r)) => Some(r),
        Ok(None) => {
            diags.push(
                Diagnostic::error(Msg::FrontMatterEmpty)
                    .file(path)
                    .at(src, 2, 1)
                    .hint(Hint::GiveLeastTitle),
            );
            None
        }
        Err(e) => {
            let mut message = e.to_string();
            message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            let said = crate::parse_error::yaml(&message);
            let mut d = Diagnostic::error(crate::msg!(Msg::CannotReadFrontMatter, said)).file(path);
            if let Some(loc) = e.location() {
                d = d.at(src, shifted(loc.line()), loc.column());
            }
            // serde's own words, read at the edge as in `parse_error`.
            let hint = if message.contains("unknown field") {
                Hint::FieldsTitleDateUnit
            } else {
                Hint::FrontMatterYamlField
            };
            diags.push(d.hint(hint));
            None
        }
    }
}

/// The front matter typed: a title, a date, a known unit, a period and a
/// valid slug, each problem located on its line. The fields in error are
/// left empty.
fn typed_front(
    raw: RawFront,
    path: &Path,
    src: &str,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> (FrontMatter, Checked) {
    let find = |field: &str, needle: &str, d: Diagnostic| -> Diagnostic {
        d.file(path)
            .find(src, needle, |l| l.starts_with(&format!("{field}:")))
    };
    let mut ok = true;
    let mut scope_ok = true;
    let mut front = FrontMatter {
        title: raw.title.clone().unwrap_or_default(),
        summary: raw.summary,
        author: raw.author,
        category: raw.category,
        tags: raw.tags,
        image: raw.image,
        image_alt: raw.image_alt,
        image_caption: raw.image_caption,
        slug: raw.slug,
        draft: raw.draft,
        source: raw.source,
        lint_off: raw.lint == Some(false),
        ..FrontMatter::default()
    };
    if front.title.trim().is_empty() {
        diags.push(
            Diagnostic::error(Msg::NoTitle)
                .file(path)
                .at(src, 1, 1)
                .hint(Hint::AddTitleFrontMatter),
        );
        ok = false;
    }
    if let Some(date) = &raw.date {
        let text = scalar(date);
        match DateTime::parse(&text) {
            Some(dt) => front.date = Some(dt),
            None => {
                diags.push(
                    find(
                        "date",
                        &text,
                        Diagnostic::error(crate::msg!(Msg::NotADate, text)),
                    )
                    .hint(Hint::WriteDate),
                );
                ok = false;
            }
        }
    }
    if let Some(unit) = &raw.unit {
        let id = UnitId(unit.clone());
        if units.contains_key(&id) {
            front.unit = Some(id);
        } else {
            let (msg, hint) = unknown_unit(unit, units);
            diags.push(find("unit", unit, Diagnostic::error(msg)).hint(hint));
            ok = false;
            scope_ok = false;
        }
    }
    if let Some(p) = &raw.period {
        let text = scalar(p);
        match Period::parse(&text) {
            Ok(p) => front.period = Some(p),
            Err(why) => {
                let (why, hint) = period::explain(&text, why);
                diags.push(
                    find(
                        "period",
                        &text,
                        Diagnostic::error(crate::msg!(Msg::BadPeriod, text, why)),
                    )
                    .hint(hint),
                );
                ok = false;
                scope_ok = false;
            }
        }
    }
    if let Some(slug) = &front.slug {
        // At least one letter or digit: `slug: "---"` would make an empty
        // part of the URL, as a file named `---.md` would.
        if !slug.chars().any(|c| c.is_ascii_alphanumeric())
            || !slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            diags.push(
                find(
                    "slug",
                    slug,
                    Diagnostic::error(crate::msg!(Msg::BadSlug, slug)),
                )
                .hint(Hint::SlugUsesLowerCase),
            );
            ok = false;
            front.slug = None;
        }
    }
    let checked = Checked {
        valid: ok,
        scope_valid: scope_ok,
    };
    (front, checked)
}

fn scalar(v: &yaml_serde::Value) -> String {
    match v {
        yaml_serde::Value::String(s) => s.clone(),
        yaml_serde::Value::Number(n) => n.to_string(),
        yaml_serde::Value::Bool(b) => b.to_string(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> (Option<Document>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let doc = parse(
            Path::new("a.md"),
            "a.md".into(),
            text.to_string(),
            &BTreeMap::new(),
            &mut diags,
        );
        (doc, diags)
    }

    #[test]
    fn splits_front_matter_and_body() {
        let (doc, diags) = parse_str(
            "---\ntitle: \"Tin\"\ndate: 2023-10-26T07:00:00+07:00\nperiod: 2023\ntags: [a, b]\n---\nBody {{ x }}\n",
        );
        assert!(diags.is_empty(), "{diags:#?}");
        let doc = doc.unwrap();
        assert_eq!(doc.body, "Body {{ x }}\n");
        assert_eq!(doc.body_line, 7);
        assert_eq!(doc.front.period, Some(Period::Year(2023)));
        assert_eq!(doc.front.date.unwrap().hour, 7);
    }

    #[test]
    fn bad_date_and_misspelt_field_are_located() {
        let (doc, diags) = parse_str("---\ntitle: T\ndate: 26/10/2023\n---\n");
        assert!(doc.is_none());
        assert_eq!(diags[0].line, Some(3));
        assert!(diags[0].message.en().contains("`26/10/2023` is not a date"));
        let (_, diags) = parse_str("---\ntitle: T\nauthr: X\n---\n");
        assert_eq!(diags[0].line, Some(3), "{diags:#?}");
        assert!(diags[0].message.en().contains("there is no field `authr`"));
    }

    #[test]
    fn a_front_matter_with_errors_keeps_its_body_and_valid_fields() {
        let read_str = |text: &str| {
            let mut diags = Vec::new();
            let read = read(
                Path::new("a.md"),
                "a.md".into(),
                text.to_string(),
                &BTreeMap::new(),
                &mut diags,
            );
            (read, diags)
        };
        // A bad date: the body renders with the period as written.
        let (r, diags) =
            read_str("---\ntitle: T\ndate: 26/10/2023\nperiod: quý III/2023\n---\nBody {{ x }}\n");
        assert_eq!(diags.len(), 1, "{diags:?}");
        let Read::Unpublished(u) = r else {
            panic!("{r:?}")
        };
        assert!(u.renders);
        assert_eq!(u.doc.front.period, Some(Period::Quarter(2023, 3)));
        assert_eq!((u.doc.front.title.as_str(), u.doc.front.date), ("T", None));
        assert_eq!(
            (u.doc.body.as_str(), u.doc.body_line),
            ("Body {{ x }}\n", 6)
        );
        // A bad period or an unknown unit: the body is only compiled.
        for front in ["period: Q3/2023", "unit: x"] {
            let (r, _) = read_str(&format!("---\ntitle: T\n{front}\n---\nBody\n"));
            assert!(
                matches!(r, Read::Unpublished(Unpublished { renders: false, .. })),
                "{front}"
            );
        }
        // Unreadable YAML: nothing of it is known.
        let (r, _) = read_str("---\ntitle: T\nautr: X\n---\nBody\n");
        assert!(
            matches!(&r, Read::Unpublished(u) if !u.renders && u.doc.body == "Body\n"),
            "{r:?}"
        );
        // No front matter at all: no body to check either.
        assert!(matches!(read_str("# Tin\n").0, Read::Unusable));
    }

    #[test]
    fn deep_flow_nesting_fails_fast_with_a_short_report() {
        let deep = format!(
            "---\ntitle: T\ntags: {}a{}\n---\nBody\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let start = std::time::Instant::now();
        let (doc, diags) = parse_str(&deep);
        assert!(start.elapsed().as_secs() < 2, "{:?}", start.elapsed());
        assert!(doc.is_none());
        assert_eq!(
            diags[0].message.en(),
            "cannot read the front matter: nesting deeper than 64 levels"
        );
        assert_eq!((diags[0].line, diags[0].col), (Some(3), Some(6 + 64)));
        let text = diags[0].render(crate::messages::Lang::En);
        assert!(text.len() < 2_000, "{text}");
        // Block nesting and `- - -` count too; 20 levels are fine.
        let dashes = format!("---\ntitle: T\ntags:\n{}x\n---\n", "- ".repeat(100));
        assert!(
            parse_str(&dashes).1[0]
                .message
                .en()
                .contains("nesting deeper")
        );
        let fine = format!(
            "---\ntitle: T\ntags: {}a{}\n---\n",
            "[".repeat(20),
            "]".repeat(20)
        );
        assert!(!parse_str(&fine).1[0].message.en().contains("nesting"));
    }

    #[test]
    fn control_characters_are_refused_where_they_are() {
        let (doc, diags) = parse_str("---\ntitle: T\n---\nBody\nab\0c\n");
        assert!(doc.is_none());
        assert_eq!(
            diags[0].message.en(),
            "the file contains the control character U+0000"
        );
        assert_eq!((diags[0].line, diags[0].col), (Some(5), Some(3)));
        let (_, diags) = parse_str("---\ntitle: \"\u{1b}[31m\"\n---\n");
        assert!(diags[0].message.en().ends_with("U+001B"), "{diags:?}");
        // Tabs and line breaks are text.
        let (doc, diags) = parse_str("---\ntitle: T\n---\n\tBody\r\n");
        assert!(diags.is_empty() && doc.is_some(), "{diags:?}");
    }

    #[test]
    fn old_mac_and_windows_line_endings_are_read() {
        for eol in ["\r", "\r\n"] {
            let text = ["---", "title: Tin", "date: 2023-10-26", "---", "Body", ""].join(eol);
            let (doc, diags) = parse_str(&text);
            assert!(diags.is_empty(), "{diags:?}");
            let doc = doc.unwrap();
            assert_eq!(
                (doc.front.title.as_str(), doc.body.as_str()),
                ("Tin", "Body\n")
            );
            assert_eq!(doc.body_line, 5);
        }
    }

    #[test]
    fn missing_front_matter_is_an_error() {
        assert!(
            parse_str("# Tin\n").1[0]
                .message
                .en()
                .contains("no front matter")
        );
        assert!(
            parse_str("---\ntitle: T\n").1[0]
                .message
                .en()
                .contains("not closed")
        );
    }
}
