//! Writing: one YAML file per period, through the serializer.

use super::*;
use crate::messages::{Hint, Lang, Msg, Part, Status};

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

/// The files to write, one per period, with their records: checked to be
/// neither links nor, without `--force`, files that exist.
pub(super) fn targets<'a>(
    opts: &ImportOptions,
    records: &'a [OutRecord],
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<(PathBuf, Vec<&'a OutRecord>)>, Vec<Diagnostic>> {
    let mut by_period: BTreeMap<Period, Vec<&OutRecord>> = BTreeMap::new();
    for rec in records {
        by_period.entry(rec.period).or_default().push(rec);
    }
    let targets: Vec<(PathBuf, Vec<&OutRecord>)> = by_period
        .into_iter()
        .map(|(p, recs)| (opts.out.join(file_name(&p)), recs))
        .collect();
    check_targets(opts, &targets, diags)?;
    Ok(targets)
}

/// Writes one YAML file per period: never through a link.
pub(super) fn write_files(
    opts: &ImportOptions,
    source: &str,
    lang: Lang,
    targets: Vec<(PathBuf, Vec<&OutRecord>)>,
    log: &mut Vec<Status>,
) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
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
        let text = yaml_text(source, lang, &recs);
        if let Err(e) = write_new(&path, text.as_bytes()) {
            return Err(vec![
                Diagnostic::error(crate::msg!(Msg::CannotWrite, path.display(), Part::io(&e)))
                    .file(&path)
                    .hint(Hint::CheckFolderWritable),
            ]);
        }
        log.push(crate::msg!(
            Status::Wrote,
            path.display(),
            Status::count(recs.len(), Status::OneRecord, Status::Records)
        ));
        written.push(path);
    }
    Ok(written)
}

/// "Tệp bieu.xlsx, trang tính Quý 2": the source of a table that is not
/// a report form, in the site's language.
pub(super) fn file_source(opts: &ImportOptions, table: &Table, lang: Lang) -> String {
    let shown_name = opts.file.file_name().map_or_else(
        || opts.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    // Published under each chart: written out, never cut like a message's value.
    let (file, sheet) = match lang {
        Lang::Vi => ("Tệp", "trang tính"),
        Lang::En => ("File", "sheet"),
    };
    match &table.name {
        Some(name) => format!("{file} {shown_name}, {sheet} {name}"),
        None => format!("{file} {shown_name}"),
    }
}

/// Adds the units to content/site.yaml, editing its text; says so in the
/// log. When its text cannot take them, nothing is written: the error
/// says why and the warnings give the lines to add.
pub(super) fn add_to_site_yaml(
    opts: &ImportOptions,
    added: &[Unit],
    log: &mut Vec<Status>,
) -> Result<PathBuf, Vec<Diagnostic>> {
    let path = opts.root.join("content/site.yaml");
    let rel = crate::fs::relative(&opts.root, &path);
    let refused = |why: Part| {
        let mut all = vec![
            Diagnostic::error(crate::msg!(Msg::CannotAddUnits, rel.display(), why))
                .file(&rel)
                .hint(Hint::DeclareUnitsYourself),
        ];
        all.extend(added.iter().map(|u| {
            Diagnostic::warning(crate::msg!(Msg::NotASiteUnit, u.name))
                .file(&opts.file)
                .hint(crate::msg!(Hint::ImportDeclareContentSite, flow_entry(u)))
        }));
        all
    };
    let text = std::fs::read_to_string(&path).map_err(|e| refused(Part::io(&e)))?;
    let new = site_yaml::add_units(&text, added).map_err(refused)?;
    write_new(&path, new.as_bytes()).map_err(|e| refused(Part::io(&e)))?;
    for u in added {
        let level = match u.level {
            crate::model::Level::Province => Status::LevelProvince,
            crate::model::Level::City => Status::LevelCity,
            crate::model::Level::District => Status::LevelDistrict,
            crate::model::Level::Commune => Status::LevelCommune,
            crate::model::Level::Center => Status::LevelCenter,
        };
        log.push(match &u.parent {
            Some(p) => crate::msg!(
                Status::UnitAddedUnder,
                rel.display(),
                u.id,
                u.name,
                level,
                p
            ),
            None => crate::msg!(Status::UnitAdded, rel.display(), u.id, u.name, level),
        });
    }
    Ok(path)
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

/// The YAML file of one period's records, headed by a comment naming the
/// source, in the site's language.
fn yaml_text(source: &str, lang: Lang, recs: &[&OutRecord]) -> String {
    let by = match lang {
        Lang::Vi => "Nhập bằng `baocao import`.",
        Lang::En => "Imported by `baocao import`.",
    };
    let mut text = format!("# {}. {by}\n", comment_text(source).trim_end_matches('.'));
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
