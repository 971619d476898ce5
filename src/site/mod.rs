//! Loading: reads a site folder into typed values. Everything that touches
//! the disk on the way in is here; nothing here formats or renders.

use crate::messages::{Hint, Msg};
mod documents;
mod records;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::data::{Catalogue, Record, UnitId};
use crate::diagnostic::{self, Diagnostic};
use crate::fs::{files_under, io_error, links_under, posix, read_text, relative};
pub use crate::model::{
    Document, FrontMatter, Language, Level, MenuItem, Owner, Settings, Site, SiteConfig, Unit,
    Unpublished, unknown_unit,
};
use crate::theme::Theme;

/// The parsers of single sources, for the fuzz harness (`tests/fuzz.rs`):
/// front matter and body, YAML, CSV and XLSX data files.
#[doc(hidden)]
pub mod parsers {
    pub use super::documents::parse as document;
    pub use super::records::{csv, xlsx, yaml};
}

/// Loads `content/site.yaml` and `content/metrics.yaml`. Only a missing or
/// unreadable `site.yaml` is returned as `Err`.
pub fn load_settings(root: &Path) -> Result<Settings, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let content = root.join("content");
    let site_yaml = content.join("site.yaml");
    let rel_site = relative(root, &site_yaml);
    if !site_yaml.is_file() {
        return Err(vec![
            Diagnostic::error(crate::msg!(Msg::NoSiteYaml, root.display()))
                .hint(Hint::RunBaocaoSiteFolder),
        ]);
    }
    let text = read_text(root, &site_yaml).map_err(|d| vec![d])?;
    let config: SiteConfig =
        crate::data::catalogue::parse_yaml(&text, &rel_site, Hint::SiteSettingsTitleBase)
            .map_err(|d| vec![d])?;
    let units = check_units(&config, &text, &rel_site, &mut diags);
    if config.per_page == 0 {
        diags.push(
            Diagnostic::error(Msg::PerPageZero)
                .file(&rel_site)
                .find(&text, "0", |l| l.trim_start().starts_with("per_page:"))
                .hint(Hint::WriteNumberArticlesPer),
        );
    }
    let mut catalogue = Catalogue::builtin();
    let metrics_yaml = content.join("metrics.yaml");
    if metrics_yaml.is_file() {
        match read_text(root, &metrics_yaml) {
            Ok(t) => diags.extend(catalogue.merge(&t, &relative(root, &metrics_yaml))),
            Err(d) => diags.push(d),
        }
    }
    Ok(Settings {
        config,
        config_text: text,
        units,
        catalogue,
        diagnostics: diags,
    })
}

/// Loads a site folder. Problems in single files are returned beside the
/// site (without the broken parts) so later stages can report theirs too;
/// only a missing or unreadable `site.yaml` stops here.
pub fn load(root: &Path) -> Result<(Site, Vec<Diagnostic>), Vec<Diagnostic>> {
    let Settings {
        config,
        config_text: text,
        units,
        catalogue,
        diagnostics: mut diags,
    } = load_settings(root)?;
    let content = root.join("content");
    let rel_site = relative(root, &content.join("site.yaml"));

    for link in links_under(&content) {
        diags.push(
            Diagnostic::warning(crate::msg!(
                Msg::SymlinkSkipped,
                relative(root, &link).display()
            ))
            .hint(Hint::CopyFileFolderInto),
        );
    }
    let records = records(root, &catalogue, &units, &mut diags);
    crate::timings::mark(&"records loaded");
    let mut failed = BTreeSet::new();
    let mut unpublished = Vec::new();
    let articles = documents::load_all(
        root,
        &content.join("articles"),
        &units,
        &mut diags,
        (&mut failed, &mut unpublished),
    );
    crate::timings::mark(&"articles loaded");
    let pages = documents::load_all(
        root,
        &content.join("pages"),
        &units,
        &mut diags,
        (&mut failed, &mut unpublished),
    );

    let mut static_files = BTreeMap::new();
    let static_dir = content.join("static");
    for path in files_under(&static_dir) {
        let name = posix(&relative(&static_dir, &path));
        // `\` is a folder separator on Windows servers: such a name would
        // be published somewhere else than written.
        if name.contains('\\') {
            diags.push(
                Diagnostic::error(crate::msg!(
                    Msg::BackslashInName,
                    relative(root, &path).display()
                ))
                .file(relative(root, &path))
                .hint(Hint::RenameFileLettersDigits),
            );
            continue;
        }
        match std::fs::read(&path) {
            Ok(b) => {
                static_files.insert(posix(&relative(&static_dir, &path)), b);
            }
            Err(e) => diags.push(io_error(&relative(root, &path), &e)),
        }
    }

    let theme = match Theme::load(root, &config.theme) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d.file(&rel_site).find(&text, &config.theme, |l| {
                l.trim_start().starts_with("theme:")
            }));
            Theme::builtin()
        }
    };

    let site = Site {
        root: root.to_path_buf(),
        config,
        config_text: text,
        units,
        catalogue,
        records,
        articles,
        pages,
        failed,
        unpublished,
        static_files,
        theme,
    };
    Ok((site, diags))
}

/// Reads every data file under `content/data/` of the site at `root`, as
/// [`load`] reads them: `serve` reads them again when one is edited.
pub fn records(
    root: &Path,
    catalogue: &Catalogue,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Record> {
    let mut records = Vec::new();
    for path in files_under(&root.join("content").join("data")) {
        let rel = relative(root, &path);
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("yaml" | "yml") => match read_text(root, &path) {
                Ok(t) => records.extend(records::yaml(&t, &rel, catalogue, units, diags)),
                Err(d) => diags.push(d),
            },
            Some("csv") => match read_text(root, &path) {
                Ok(t) => records.extend(records::csv(&t, &rel, catalogue, units, diags)),
                Err(d) => diags.push(d),
            },
            Some("xlsx") => match std::fs::read(&path) {
                Ok(b) => records.extend(records::xlsx(b, &rel, catalogue, units, diags)),
                Err(e) => diags.push(io_error(&rel, &e)),
            },
            // A spreadsheet build cannot read is data the officer meant to
            // publish: say so. Notes and READMEs may sit beside the data.
            Some("xls" | "xlsm" | "xlsb" | "ods") => diags.push(
                Diagnostic::warning(crate::msg!(Msg::NotADataFile, rel.display()))
                    .file(&rel)
                    .hint(Hint::ConvertBaocaoImportFile),
            ),
            _ => {}
        }
    }

    records
}

/// Reads one article or page again, as [`load`] reads it: `dir` is the
/// folder it was found under (`content/articles`). `None` when it cannot be
/// read or its front matter has errors (reported in `diags`). `serve` reads
/// an edited article with it.
pub fn document(
    root: &Path,
    dir: &Path,
    path: &Path,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let text = match read_text(root, path) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let rel = posix(&relative(dir, path));
    documents::parse(&relative(root, path), rel, text, units, diags)
}

fn check_units(
    config: &SiteConfig,
    text: &str,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<UnitId, Unit> {
    let mut units = BTreeMap::new();
    let at = |d: Diagnostic, needle: &str| {
        d.file(path)
            .find(text, needle, |l| l.contains(needle) && l.contains("id:"))
    };
    for u in &config.units {
        let valid = !u.id.0.is_empty()
            && u.id
                .0
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            diags.push(
                at(
                    Diagnostic::error(crate::msg!(Msg::BadUnitId, u.id)),
                    &u.id.0,
                )
                .hint(Hint::UnitIdsUseLower),
            );
        } else if units.insert(u.id.clone(), u.clone()).is_some() {
            diags.push(
                at(
                    Diagnostic::error(crate::msg!(Msg::UnitDeclaredTwice, u.id)),
                    &u.id.0,
                )
                .hint(Hint::GiveEachUnitOwn),
            );
        }
    }
    for u in &config.units {
        if let Some(parent) = &u.parent {
            if !units.contains_key(parent) {
                let mut d = Diagnostic::error(crate::msg!(Msg::ParentNotAUnit, parent, u.id))
                    .file(path)
                    .find(text, &parent.0, |l| {
                        l.contains("parent") && l.contains(parent.0.as_str())
                    });
                if let Some(s) = diagnostic::nearest(&parent.0, units.keys().map(|k| k.0.as_str()))
                {
                    d = d.hint(crate::msg!(Hint::DidYouMean, s));
                }
                diags.push(d);
            }
        }
    }
    check_succession(&units, text, path, diags);
    units
}

/// Lifetimes and succession (SPEC §2 "Units change"): every predecessor is
/// a unit merged into one successor only, ends before its successor
/// begins, and no chain of merges comes back to where it started.
fn check_succession(
    units: &BTreeMap<UnitId, Unit>,
    text: &str,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) {
    let at = |d: Diagnostic, id: &UnitId| {
        d.file(path).find(text, &id.0, |l| {
            l.contains(id.0.as_str()) && l.contains("id:")
        })
    };
    let mut successor: BTreeMap<&UnitId, &UnitId> = BTreeMap::new();
    for u in units.values() {
        if let (Some(s), Some(e)) = (u.since, u.until) {
            if e < s {
                diags.push(at(
                    Diagnostic::error(crate::msg!(Msg::LifetimeReversed, u.id, e, s)),
                    &u.id,
                ));
            }
        }
        // Districts ended on 1 July 2025: a unit formed since is not one.
        let formed_after = u
            .since
            .is_some_and(|s| s >= crate::date::Date::new(2025, 7, 1).expect("a date"));
        if formed_after
            && matches!(
                u.level,
                crate::model::Level::District | crate::model::Level::City
            )
        {
            let level = if u.level == crate::model::Level::District {
                "district"
            } else {
                "city"
            };
            diags.push(at(
                Diagnostic::error(crate::msg!(Msg::LevelAfterReorganisation, u.id, level)),
                &u.id,
            ));
        }
        if !u.merged_from.is_empty() && u.since.is_none() {
            diags.push(at(
                Diagnostic::error(crate::msg!(Msg::MergedWithoutSince, u.id)),
                &u.id,
            ));
        }
        for p in &u.merged_from {
            let Some(pred) = units.get(p) else {
                diags.push(
                    Diagnostic::error(crate::msg!(Msg::MergedFromNotAUnit, p, u.id))
                        .file(path)
                        .find(text, &p.0, |l| {
                            l.contains("merged_from") || l.trim_start().starts_with('-')
                        }),
                );
                continue;
            };
            if let Some(first) = successor.insert(p, &u.id) {
                diags.push(at(
                    Diagnostic::error(crate::msg!(Msg::MergedIntoTwo, p, first, u.id)),
                    p,
                ));
            }
            let overlaps = match (u.since, pred.until) {
                (Some(s), Some(e)) => e >= s,
                // A predecessor without `until` would live on beside it.
                (Some(_), None) => true,
                _ => false,
            };
            if overlaps {
                diags.push(at(
                    Diagnostic::error(crate::msg!(
                        Msg::MergeOverlap,
                        p,
                        pred.lifetime(),
                        u.id,
                        u.lifetime()
                    )),
                    p,
                ));
            }
        }
    }
    // A cycle: following successors from a unit comes back to it.
    let mut reported = BTreeSet::new();
    for start in successor.keys() {
        let mut chain = vec![*start];
        let mut at_unit = *start;
        while let Some(next) = successor.get(at_unit) {
            if next == start {
                if chain.iter().all(|c| !reported.contains(*c)) {
                    reported.extend(chain.iter().copied());
                    let names: Vec<String> = chain
                        .iter()
                        .chain(std::iter::once(start))
                        .map(|c| format!("`{c}`"))
                        .collect();
                    diags.push(at(
                        Diagnostic::error(crate::msg!(Msg::MergeCycle, names.join(" → "))),
                        start,
                    ));
                }
                break;
            }
            if chain.contains(next) {
                break;
            }
            chain.push(next);
            at_unit = next;
        }
    }
}
