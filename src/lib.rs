//! baocao: a static-site generator for Vietnamese administrative-reform
//! news portals. Period data files and Markdown narrative in, a portal out.
//!
//! The pipeline runs one way: [`site::load`] → [`data::compute`] →
//! [`render::site_to`] → [`output::Staging`], all driven by [`build`].

// Diagnostics are returned only on the failure path, where their size costs
// nothing; boxing them would make every constructor noisier.
#![allow(clippy::result_large_err)]
#![warn(missing_docs)]

use crate::messages::{Hint, Msg, Status};

pub mod chart;
pub mod cli;
pub mod data;
pub mod date;
pub mod diagnostic;
pub mod fingerprint;
pub mod format;
pub mod fs;
pub mod html_guard;
pub mod import;
pub mod lint;
pub mod markdown;
pub mod messages;
pub mod model;
pub mod output;
pub mod parse_error;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod template;
pub mod text;
pub mod theme;
pub mod timings;
pub mod workbook;
pub mod xls;
pub mod yaml_depth;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use diagnostic::Diagnostic;

/// What to build and how.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Where to write; `None` renders in memory only (`check`).
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of `site.yaml`.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Warnings fail the build.
    pub strict: bool,
    /// Build the yearly summary site of this year (`build --year`).
    pub year: Option<i32>,
}

/// What a successful build did.
#[derive(Clone, Debug, Default)]
pub struct BuildReport {
    /// Warnings (errors fail the build).
    pub warnings: Vec<Diagnostic>,
    /// HTML pages rendered.
    pub pages: usize,
    /// Charts drawn.
    pub charts: usize,
    /// Files in the output, pages included.
    pub files: usize,
    /// Data records.
    pub records: usize,
    /// What was written; `None` for `check`.
    pub stats: Option<output::WriteStats>,
    /// Wall time.
    pub elapsed: Duration,
}

/// Normalises a base URL to end in `/`; it must be absolute.
fn base_url(url: &str) -> Result<String, Diagnostic> {
    let url = url.trim();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(Diagnostic::error(crate::msg!(Msg::BaseUrlNotAbsolute, url))
            .hint(Hint::WriteHttpsExampleGov));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// Loads, validates, computes and renders a site, then (unless checking)
/// updates the output folder. Nothing is written unless everything rendered.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    build_with(opts, &|_| {})
}

/// [`build`], telling `progress` which stage it is in (a status line
/// naming the stage).
pub fn build_with(
    opts: &BuildOptions,
    progress: &dyn Fn(Status),
) -> Result<BuildReport, Vec<Diagnostic>> {
    let start = Instant::now();
    // `BAOCAO_TIMINGS=1`: each stage's start on standard error, for
    // profiling a build (see README, Performance).
    timings::mark(&"start");
    let mark = timings::mark;
    let timed = |s: Status| {
        mark(&s);
        progress(s);
    };
    let progress: &dyn Fn(Status) = &timed;
    let Some(out) = &opts.output else {
        // `check`: render everything, keep nothing.
        return render_to(opts, progress, &|_, _| Ok(()));
    };
    output::check_output_dir(&opts.root, out).map_err(|d| vec![d])?;
    // Read before anything is loaded: a source saved during the build
    // makes the next build run.
    let inputs = fingerprint::inputs(opts);
    if let Some(report) = unchanged(out, inputs) {
        return Ok(BuildReport {
            elapsed: start.elapsed(),
            ..report
        });
    }
    // Pages go to the staging area as they are rendered; only a build
    // without errors moves them into place.
    let staging = output::Staging::begin(out);
    let mut report = render_to(opts, progress, &|path, bytes| staging.put(path, &bytes))?;
    progress(Status::StageWriting);
    let (stats, listing) = staging.commit_listed().map_err(|d| vec![d])?;
    report.stats = Some(stats);
    let stamp = match (inputs, listing) {
        (Some(inputs), Some(outputs)) if report.warnings.is_empty() => Some(fingerprint::Stamp {
            inputs,
            outputs,
            counts: [report.pages, report.charts, report.files, report.records],
        }),
        _ => None,
    };
    output::write_stamp(out, stamp.as_ref()).map_err(|d| vec![d])?;
    mark(&"done");
    report.elapsed = start.elapsed();
    Ok(report)
}

/// The report of a build with nothing to do: the inputs are those of the
/// last build, whose output is as it left it.
fn unchanged(out: &std::path::Path, inputs: Option<u64>) -> Option<BuildReport> {
    let stamp = output::read_stamp(out)?;
    if inputs? != stamp.inputs || fingerprint::outputs(out)? != stamp.outputs {
        return None;
    }
    let [pages, charts, files, records] = stamp.counts;
    Some(BuildReport {
        warnings: Vec::new(),
        pages,
        charts,
        files,
        records,
        stats: Some(output::WriteStats {
            written: 0,
            unchanged: files,
            removed: 0,
        }),
        elapsed: Duration::ZERO,
    })
}

/// Loads, validates, computes and renders a site into memory (`serve`
/// builds with [`prepare`] and [`render::site_then`] instead, to keep what
/// the build made).
pub fn render_in_memory(
    opts: &BuildOptions,
    progress: &dyn Fn(Status),
) -> Result<(render::Rendered, BuildReport), Vec<Diagnostic>> {
    let memory = render::Memory::default();
    let report = render_to(opts, progress, &|path: &str, bytes| memory.put(path, bytes))?;
    let rendered = render::Rendered {
        files: memory.into_files(),
        pages: report.pages,
        charts: report.charts,
    };
    Ok((rendered, report))
}

/// A site loaded, its figures computed and its prose linted: what
/// rendering starts from.
pub struct Prepared {
    /// The loaded site.
    pub site: model::Site,
    /// Its figures.
    pub figures: data::Figures,
    /// What loading, computing and the lint found (errors among them fail
    /// the build after rendering, which reports its own problems too).
    pub diags: Vec<Diagnostic>,
    /// The render settings.
    pub options: render::Options,
    /// When loading started.
    pub start: Instant,
}

/// Loads, validates and computes a site, and lints its prose; `Err` only
/// when nothing can be rendered (no `site.yaml`, no base URL).
pub fn prepare(
    opts: &BuildOptions,
    progress: &dyn Fn(Status),
) -> Result<Prepared, Vec<Diagnostic>> {
    let start = Instant::now();
    progress(Status::StageLoading);
    let (site, mut diags) = site::load(&opts.root).map_err(|mut all| {
        diagnostic::sort(&mut all);
        all
    })?;
    progress(Status::StageComputing);
    let (figures, data_diags) =
        data::compute_with_units(site.records.clone(), &site.catalogue, &site.units);
    diags.extend(data_diags);
    // Figures typed by hand in the prose (SPEC §6): warnings.
    diags.extend(lint::site(&site, &figures, opts.drafts));
    let base = match &opts.base_url {
        Some(url) => base_url(url),
        None => base_url(&site.config.base_url).map_err(|d| d.file("content/site.yaml")),
    }
    .map_err(|d| vec![d])?;
    let options = render::Options {
        base_url: base,
        drafts: opts.drafts,
        year: opts.year,
        record_reads: false,
    };
    Ok(Prepared {
        site,
        figures,
        diags,
        options,
        start,
    })
}

/// Loads, validates, computes and renders a site, each file into `sink`.
/// On `Err`, what went to the sink must be discarded.
fn render_to(
    opts: &BuildOptions,
    progress: &dyn Fn(Status),
    sink: &render::Sink<'_>,
) -> Result<BuildReport, Vec<Diagnostic>> {
    let Prepared {
        site,
        figures,
        mut diags,
        options,
        start,
    } = prepare(opts, progress)?;
    let records = site.records.len();
    let fail = |all: Vec<Diagnostic>| {
        let mut all = strictly(all, opts.strict);
        diagnostic::sort(&mut all);
        all
    };
    // Render even when loading found errors, so one run reports the
    // problems of every stage; nothing is written either way.
    progress(Status::StageRendering);
    let counts = match render::site_to(&site, &figures, &options, sink) {
        Ok(c) if !diags.iter().any(|d| d.is_error() || opts.strict) => c,
        Ok(_) => return Err(fail(diags)),
        Err(more) => {
            diags.extend(more);
            return Err(fail(diags));
        }
    };
    drop_later((site, figures));
    diagnostic::sort(&mut diags);
    Ok(BuildReport {
        warnings: diags,
        pages: counts.pages,
        charts: counts.charts,
        files: counts.files,
        records,
        stats: None,
        elapsed: start.elapsed(),
    })
}

/// Frees `value` on a thread of its own: a loaded site is hundreds of
/// thousands of allocations, and the build need not wait for them to be
/// freed (when the program ends first, the system takes the memory back).
pub fn drop_later<T: Send + 'static>(value: T) {
    // Without a thread to be had, the closure and the value in it are
    // freed here.
    let _ = std::thread::Builder::new()
        .name("drop".into())
        .spawn(move || drop(value));
}

/// Under `--strict`, warnings count as errors.
fn strictly(diags: Vec<Diagnostic>, strict: bool) -> Vec<Diagnostic> {
    if !strict {
        return diags;
    }
    diags
        .into_iter()
        .map(|mut d| {
            d.severity = diagnostic::Severity::Error;
            d
        })
        .collect()
}
