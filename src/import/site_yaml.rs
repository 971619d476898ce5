//! Adding units to `content/site.yaml` by editing its text: the new
//! entries are lines inserted at the end of the `units:` list, written as
//! the list's own entries are (flow `- { id: … }` or block `- id: …`, at
//! their indentation), so every other byte — comments included — stays
//! as the user wrote it. The result is read back with the YAML parser and
//! must give the same settings with the units added.

use super::*;
use crate::messages::Part;
use crate::model::SiteConfig;

/// How the entries of the list are written.
#[derive(Debug, PartialEq)]
enum Style {
    /// `- { id: a, name: "A", level: commune }`, with or without spaces
    /// inside the braces.
    Flow { spaced: bool },
    /// `- id: a` and the other keys below it, at column `keys`.
    Block { keys: usize },
}

/// Where and how to insert.
struct Plan {
    /// Byte offset the new lines go at (the start of a line).
    at: usize,
    /// The dash's column.
    indent: usize,
    style: Style,
    /// Text to put before the entries: a line break the file's last line
    /// lacks, or the `units:` key itself when the file has none.
    before: String,
    /// The `units: []` line to write as `units:`: (start, end) of `[]`.
    empty_brackets: Option<(usize, usize)>,
}

/// The text of `site.yaml` with `units` added, read back to check it.
pub(super) fn add_units(text: &str, units: &[Unit]) -> Result<String, Part> {
    let plan = plan(text)?;
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines = String::new();
    for u in units {
        lines.push_str(&entry(u, &plan, eol));
    }
    let mut out = String::with_capacity(text.len() + lines.len() + 16);
    match plan.empty_brackets {
        Some((a, b)) => {
            // `units: []` → `units:`, the rest of that line kept.
            let head = text[..a].trim_end_matches(' ');
            out.push_str(head);
            let tail = &text[b..plan.at];
            if tail.trim_start().starts_with('#') {
                out.push(' ');
            }
            out.push_str(tail.trim_start_matches(' '));
        }
        None => out.push_str(&text[..plan.at]),
    }
    out.push_str(&plan.before);
    out.push_str(&lines);
    out.push_str(&text[plan.at..]);
    read_back(text, &out, units)?;
    Ok(out)
}

/// One entry, in the list's style, ending with a line break.
fn entry(u: &Unit, plan: &Plan, eol: &str) -> String {
    let pad = " ".repeat(plan.indent);
    let mut fields = vec![("id", u.id.0.clone()), ("name", yaml_string(&u.name))];
    if let Some(p) = &u.parent {
        fields.push(("parent", p.0.clone()));
    }
    fields.push(("level", level_key(u.level).to_string()));
    match plan.style {
        Style::Flow { spaced } => {
            let inner = fields
                .iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect::<Vec<_>>()
                .join(", ");
            if spaced {
                format!("{pad}- {{ {inner} }}{eol}")
            } else {
                format!("{pad}- {{{inner}}}{eol}")
            }
        }
        Style::Block { keys } => {
            let mut out = String::new();
            for (i, (k, v)) in fields.iter().enumerate() {
                if i == 0 {
                    let gap = " ".repeat(keys.saturating_sub(plan.indent + 1).max(1));
                    out.push_str(&format!("{pad}-{gap}{k}: {v}{eol}"));
                } else {
                    out.push_str(&format!("{}{k}: {v}{eol}", " ".repeat(keys)));
                }
            }
            out
        }
    }
}

/// A line of the file: its start, its text without the line break, its
/// indentation.
struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    indent: usize,
}

impl Line<'_> {
    /// Blank or a comment: transparent to the structure.
    fn is_filler(&self) -> bool {
        let t = self.text.trim();
        t.is_empty() || t.starts_with('#')
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let body = piece.trim_end_matches(['\n', '\r']);
        out.push(Line {
            start,
            end,
            text: body,
            indent: body.len() - body.trim_start_matches(' ').len(),
        });
        start = end;
    }
    out
}

/// The value after `key:` on a line, without a trailing comment.
fn value_after_colon(rest: &str) -> &str {
    let mut cut = rest.len();
    let bytes = rest.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') {
            cut = i;
            break;
        }
    }
    rest[..cut].trim()
}

/// Where the entries go, and how they are written.
fn plan(text: &str) -> Result<Plan, Part> {
    let all = lines(text);
    // The top level's indentation: that of its first key.
    let top = all
        .iter()
        .find(|l| !l.is_filler() && !l.text.starts_with("---") && !l.text.starts_with('%'))
        .map_or(0, |l| {
            let t = l.text.trim_start_matches('\u{feff}');
            t.len() - t.trim_start_matches(' ').len()
        });
    let is_key = |l: &Line<'_>| {
        let t = l.text.trim_start_matches('\u{feff}');
        l.indent == top
            && t[top.min(t.len())..]
                .strip_prefix("units")
                .is_some_and(|r| r.trim_start().starts_with(':'))
    };
    let Some(k) = all.iter().position(is_key) else {
        // No `units:` at all: the key and its list at the end.
        let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let mut before = String::new();
        if !text.is_empty() && !text.ends_with('\n') {
            before.push_str(eol);
        }
        before.push_str(&" ".repeat(top));
        before.push_str("units:");
        before.push_str(eol);
        return Ok(Plan {
            at: text.len(),
            indent: top + 2,
            style: Style::Block { keys: top + 4 },
            before,
            empty_brackets: None,
        });
    };
    let key = &all[k];
    let colon = key.text.find(':').unwrap_or(key.text.len());
    let value = value_after_colon(&key.text[colon + 1..]);
    let mut empty_brackets = None;
    match value {
        "" => {}
        "[]" => {
            let a = key.start + colon + 1 + key.text[colon + 1..].find("[]").unwrap_or(0);
            empty_brackets = Some((a, a + 2));
        }
        v if v.starts_with('[') => return Err(Part::UnitsInBrackets),
        _ => return Err(Part::UnitsNotAList),
    }
    // The entries: lines under the key, the first a `-` at or past the key's column.
    let mut last = k;
    let mut first_item: Option<usize> = None;
    for (i, l) in all.iter().enumerate().skip(k + 1) {
        if l.is_filler() {
            continue;
        }
        let t = l.text.trim_start();
        let dash = t == "-" || t.starts_with("- ");
        if l.text.starts_with("---") || l.text.starts_with("...") {
            break;
        }
        match first_item {
            None if dash && l.indent >= top && empty_brackets.is_none() => first_item = Some(i),
            None => break,
            Some(f) => {
                let item = all[f].indent;
                if !(l.indent > item || (l.indent == item && dash)) {
                    break;
                }
            }
        }
        last = i;
    }
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let at_end = all[last].end;
    let before = if all[last].text.len() == all[last].end - all[last].start {
        // The last line has no line break: give it one.
        eol.to_string()
    } else {
        String::new()
    };
    let Some(f) = first_item else {
        return Ok(Plan {
            at: at_end,
            indent: top + 2,
            style: Style::Block { keys: top + 4 },
            before,
            empty_brackets,
        });
    };
    let item = &all[f];
    let after_dash = &item.text[item.indent + 1..];
    let gap = after_dash.len() - after_dash.trim_start().len();
    let style = if after_dash.trim_start().starts_with('{') {
        Style::Flow {
            spaced: after_dash.trim_start()[1..].starts_with(' '),
        }
    } else if after_dash.trim().is_empty() {
        // `-` alone, the keys on the next lines.
        let keys = all[f + 1..]
            .iter()
            .find(|l| !l.is_filler())
            .map_or(item.indent + 2, |l| l.indent);
        Style::Block { keys }
    } else {
        Style::Block {
            keys: item.indent + 1 + gap,
        }
    };
    Ok(Plan {
        at: at_end,
        indent: item.indent,
        style,
        before,
        empty_brackets,
    })
}

/// Reads both texts with the YAML parser: the new one must give the same
/// settings, its units those of the old one followed by `units`.
fn read_back(old: &str, new: &str, units: &[Unit]) -> Result<(), Part> {
    let parse = |t: &str| {
        yaml_serde::from_str::<SiteConfig>(t.trim_start_matches('\u{feff}'))
            .map_err(|e| crate::msg!(Part::UnitsEditUnreadable, e))
    };
    let (before, after) = (parse(old)?, parse(new)?);
    let json = |c: &SiteConfig| serde_json::to_value(c).unwrap_or_default();
    let mut expected = before.clone();
    expected.units.extend(units.iter().cloned());
    if json(&expected) != json(&after) {
        return Err(Part::UnitsReadBackDiffer);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    fn unit(id: &str, name: &str, parent: Option<&str>) -> Unit {
        Unit {
            id: UnitId(id.into()),
            name: name.into(),
            short: None,
            parent: parent.map(|p| UnitId(p.into())),
            level: Level::Commune,
            since: None,
            until: None,
            merged_from: Vec::new(),
        }
    }

    const HEAD: &str = "# Cài đặt\ntitle: \"T\"\nbase_url: \"https://x.gov.vn/\"\n";

    /// The new text, checked to hold the old one's lines in order with
    /// only whole lines inserted.
    fn added(text: &str, units: &[Unit]) -> String {
        let out = add_units(text, units).unwrap_or_else(|e| panic!("{}\n{text}", e.en()));
        let mut old = text.lines().peekable();
        for line in out.lines() {
            if old.peek() == Some(&line) {
                old.next();
            }
        }
        assert!(old.next().is_none(), "lines changed:\n{text}\n→\n{out}");
        out
    }

    #[test]
    fn block_entries_go_after_the_last_entry_at_its_indentation() {
        let text = format!(
            "{HEAD}units:\n  - id: huyen-mau\n    name: \"Huyện Mẫu\"  # tên\n    level: district\n\n# cuối tệp\nmenu: []\n"
        );
        let out = added(&text, &[unit("xa-a", "Xã A", Some("huyen-mau"))]);
        assert!(
            out.contains("    level: district\n  - id: xa-a\n    name: \"Xã A\"\n    parent: huyen-mau\n    level: commune\n\n# cuối tệp\nmenu: []\n"),
            "{out}"
        );
    }

    #[test]
    fn flow_entries_stay_flow_and_compact_lists_stay_compact() {
        let text = format!("{HEAD}units:\n- {{id: a, name: \"A\", level: commune}}\n");
        let out = added(&text, &[unit("b", "B", None)]);
        assert!(
            out.ends_with(
                "- {id: a, name: \"A\", level: commune}\n- {id: b, name: \"B\", level: commune}\n"
            ),
            "{out}"
        );
        let text = format!("{HEAD}units:\n    - {{ id: a, name: \"A\", level: commune }}");
        let out = added(&text, &[unit("b", "B", None)]);
        assert!(
            out.ends_with("commune }\n    - { id: b, name: \"B\", level: commune }\n"),
            "{out}"
        );
    }

    #[test]
    fn a_file_without_units_gets_the_key_and_crlf_files_keep_crlf() {
        let out = added(HEAD, &[unit("b", "B", None)]);
        assert!(
            out.ends_with("units:\n  - id: b\n    name: \"B\"\n    level: commune\n"),
            "{out}"
        );
        let crlf = "title: \"T\"\r\nbase_url: \"https://x.gov.vn/\"\r\nunits:\r\n  - id: a\r\n    name: \"A\"\r\n    level: commune\r\n";
        let out = added(crlf, &[unit("b", "B", None)]);
        assert!(
            out.ends_with(
                "level: commune\r\n  - id: b\r\n    name: \"B\"\r\n    level: commune\r\n"
            ),
            "{out:?}"
        );
        let empty = format!("{HEAD}units: [] # chưa có\nmenu: []\n");
        let out = add_units(&empty, &[unit("b", "B", None)]).unwrap();
        assert!(out.contains("units: # chưa có\n  - id: b\n"), "{out}");
        let bom = format!("\u{feff}{HEAD}units:\n  - {{ id: a, name: A, level: commune }}\n");
        let out = added(&bom, &[unit("b", "B", None)]);
        assert!(out.starts_with('\u{feff}'), "{out}");
        assert!(
            out.ends_with("commune }\n  - { id: b, name: \"B\", level: commune }\n"),
            "{out}"
        );
        let bare = format!("{HEAD}units:\nmenu: []\n");
        let out = added(&bare, &[unit("b", "B", None)]);
        assert!(
            out.contains("units:\n  - id: b\n    name: \"B\"\n    level: commune\nmenu: []\n"),
            "{out}"
        );
    }

    #[test]
    fn lists_in_brackets_are_refused_and_names_are_quoted() {
        let text = format!("{HEAD}units: [{{ id: a, name: A, level: commune }}]\n");
        assert_eq!(
            add_units(&text, &[unit("b", "B", None)]).unwrap_err(),
            Part::UnitsInBrackets
        );
        let text = format!("{HEAD}units:\n  - id: a\n    name: A\n    level: commune\n");
        let out = added(&text, &[unit("b", "Xã \"B\": #1", None)]);
        let config: SiteConfig = yaml_serde::from_str(&out).unwrap();
        assert_eq!(config.units[1].name, "Xã \"B\": #1");
    }
}
