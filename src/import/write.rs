//! Writing: one YAML file per period, through the serializer.

use super::*;
use crate::messages::{Hint, Msg, Part};

/// A YAML double-quoted string.
pub(super) fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for a YAML comment: one line, whatever the sheet or file name
/// holds (a line break would start YAML of its own).
pub(super) fn comment_text(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// `2023-Q3.yaml`; a range's `..` becomes `_`, so names suit every file system.
pub(super) fn file_name(period: &Period) -> String {
    format!("{}.yaml", period.id().replace("..", "_"))
}

/// Writes one YAML file per period: never through a link, nor over a file without `--force`.
pub(super) fn write_files(
    opts: &ImportOptions,
    table: &Table,
    records: &[OutRecord],
    log: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let source = source_line(opts, table);
    let mut by_period: BTreeMap<Period, Vec<&OutRecord>> = BTreeMap::new();
    for rec in records {
        by_period.entry(rec.period).or_default().push(rec);
    }
    let targets: Vec<(PathBuf, &Vec<&OutRecord>)> = by_period
        .iter()
        .map(|(p, recs)| (opts.out.join(file_name(p)), recs))
        .collect();
    check_targets(opts, &targets, diags)?;
    if let Err(e) = std::fs::create_dir_all(&opts.out) {
        return Err(vec![
            Diagnostic::error(crate::msg!(
                Msg::CannotCreate,
                opts.out.display(),
                Part::io(&e)
            ))
            .file(&opts.out)
            .hint(Hint::CheckOutFolderUsually),
        ]);
    }
    let mut written = Vec::new();
    for (path, recs) in targets {
        let text = yaml_text(&source, recs);
        if let Err(e) = write_new(&path, text.as_bytes()) {
            return Err(vec![
                Diagnostic::error(crate::msg!(Msg::CannotWrite, path.display(), Part::io(&e)))
                    .file(&path)
                    .hint(Hint::CheckFolderWritable),
            ]);
        }
        log.push(format!(
            "wrote {} ({})",
            path.display(),
            diagnostic::count(recs.len(), "record", "records")
        ));
        written.push(path);
    }
    Ok(written)
}

/// "Nhập từ tệp bieu.xlsx, trang tính Quý 2": the source written for
/// records whose row gives none.
fn source_line(opts: &ImportOptions, table: &Table) -> String {
    let shown_name = opts.file.file_name().map_or_else(
        || opts.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    // The source line is published under each chart: in the site's language.
    let vietnamese = crate::messages::Lang::for_site(&opts.root) == crate::messages::Lang::Vi;
    match (&table.name, vietnamese) {
        (Some(sheet), true) => format!("Nhập từ tệp {shown_name}, trang tính {sheet}"),
        (None, true) => format!("Nhập từ tệp {shown_name}"),
        (Some(sheet), false) => format!("Imported from {shown_name}, sheet {sheet}"),
        (None, false) => format!("Imported from {shown_name}"),
    }
}

/// Refuses to write when a target is a link or, without `--force`, exists;
/// the refusals then come sorted with the problems found before.
fn check_targets<T>(
    opts: &ImportOptions,
    targets: &[(PathBuf, T)],
    diags: &mut Vec<Diagnostic>,
) -> Result<(), Vec<Diagnostic>> {
    // A link is never written through, even with --force: a link in --out
    // would put the file wherever it points, outside the site.
    let links: Vec<Diagnostic> = targets
        .iter()
        .filter(|(path, _)| {
            std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        })
        .map(|(path, _)| {
            Diagnostic::error(crate::msg!(Msg::ImportThroughSymlink, path.display()))
                .file(path)
                .hint(Hint::DeleteLinkUseOut)
        })
        .collect();
    let refused = if !links.is_empty() {
        links
    } else if !opts.force {
        targets
            .iter()
            .filter(|(path, _)| std::fs::symlink_metadata(path).is_ok())
            .map(|(path, _)| {
                Diagnostic::error(crate::msg!(Msg::NotOverwritten, path.display()))
                    .file(path)
                    .hint(Hint::UseForceOverwriteOut)
            })
            .collect()
    } else {
        Vec::new()
    };
    if refused.is_empty() {
        return Ok(());
    }
    let mut all = refused;
    all.append(diags);
    diagnostic::sort(&mut all);
    Err(all)
}

/// The YAML file of one period's records, headed by a comment naming the source.
fn yaml_text(source: &str, recs: &[&OutRecord]) -> String {
    let mut text = format!("# {} by `baocao import`.\n", comment_text(source));
    for rec in recs {
        let _ = writeln!(text, "- unit: {}", rec.unit);
        let _ = writeln!(text, "  period: {}", yaml_string(&rec.period.id()));
        let _ = writeln!(
            text,
            "  source: {}",
            yaml_string(rec.source.as_deref().unwrap_or(source))
        );
        let _ = writeln!(text, "  metrics:");
        for (key, v) in &rec.values {
            let _ = writeln!(text, "    {key}: {}", number_text(*v));
        }
    }
    text
}

/// Writes `path` without following a link: the text goes to a new file
/// beside it (created only if nothing is there, so never through a link),
/// which then replaces `path` itself.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let name = path
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy().into_owned());
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut f| f.write_all(bytes));
    let done = written.and_then(|()| std::fs::rename(&temp, path));
    if done.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    done
}
