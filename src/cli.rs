//! The command line (SPEC §9): parses arguments, runs the pipeline, prints
//! diagnostics, and decides the exit code.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use clap::{Parser, Subcommand};

use crate::diagnostic::{self, count};
use crate::messages::Lang;
use crate::{BuildOptions, BuildReport, build_with};

/// baocao — figures once, articles that agree with them.
#[derive(Parser, Debug)]
#[command(
    name = "baocao",
    version,
    about = "Static-site generator for administrative-reform news portals"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Render the site into the output folder.
    Build {
        /// The site folder (holding content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder [default: ROOT/output].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Override base_url of site.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Include articles marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Treat warnings (failed consistency checks, skipped columns) as errors.
        #[arg(long)]
        strict: bool,
        /// No progress bar: only diagnostics and the summary line.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Load, validate and render in memory; write nothing.
    Check {
        /// The site folder (holding content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include drafts.
        #[arg(long)]
        drafts: bool,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// No progress bar.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Preview the site on this computer; pages reload when files change.
    Serve {
        /// The site folder (holding content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on (127.0.0.1: only this computer).
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Include drafts (on by default when previewing).
        #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
        drafts: bool,
    },
    /// Create a new site with a small example.
    New {
        /// The folder to create (must be new or empty).
        dir: PathBuf,
    },
    /// Turn a spreadsheet (.xlsx or .csv, incl. form II.06a/VPCP/KSTT) into data files.
    Import {
        /// The spreadsheet.
        file: PathBuf,
        /// The sheet to read [default: the first with a table].
        #[arg(long)]
        sheet: Option<String>,
        /// Where the YAML files go.
        #[arg(long, default_value = "content/data")]
        out: PathBuf,
        /// Overwrite files that exist.
        #[arg(long)]
        force: bool,
        /// The site folder (its site.yaml names the units).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            strict,
            quiet,
        } => {
            let output = Some(output.unwrap_or_else(|| root.join("output")));
            finish(
                &BuildOptions {
                    root,
                    output,
                    base_url,
                    drafts,
                    strict,
                },
                "built",
                quiet,
            )
        }
        Command::Check {
            root,
            drafts,
            strict,
            quiet,
        } => finish(
            &BuildOptions {
                root,
                output: None,
                base_url: None,
                drafts,
                strict,
            },
            "checked",
            quiet,
        ),
        Command::Serve {
            root,
            port,
            bind,
            drafts,
        } => crate::serve::run(&crate::serve::ServeOptions {
            root,
            bind,
            port,
            drafts,
        }),
        Command::Import {
            file,
            sheet,
            out,
            force,
            root,
        } => {
            let lang = Lang::for_site(&root);
            match crate::import::run(&crate::import::ImportOptions {
                root,
                file,
                sheet,
                out,
                force,
            }) {
                Ok(report) => {
                    for line in &report.log {
                        println!("{line}");
                    }
                    if !report.warnings.is_empty() {
                        eprint!("{}", diagnostic::render_all(&report.warnings, lang));
                    }
                    match lang {
                        Lang::Vi => println!("đã nhập vào {} tệp", report.written.len()),
                        Lang::En => println!(
                            "imported into {}",
                            count(report.written.len(), "file", "files")
                        ),
                    }
                    0
                }
                Err(diags) => {
                    eprint!("{}", diagnostic::render_all(&diags, lang));
                    1
                }
            }
        }
        Command::New { dir } => match crate::scaffold::create(&dir) {
            Ok(files) => {
                for f in files {
                    println!("  {}", dir.join(f).display());
                }
                println!(
                    "created a new site in {}: preview it with `baocao serve --root {}`",
                    dir.display(),
                    crate::scaffold::shell_word(&dir)
                );
                0
            }
            Err(d) => {
                eprint!("{}", diagnostic::render_all(&[d], Lang::for_site(&dir)));
                1
            }
        },
    }
}

/// A progress bar for builds that take more than a second, on a terminal.
struct Progress {
    bar: indicatif::ProgressBar,
    done: Arc<AtomicBool>,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let bar = indicatif::ProgressBar::hidden();
        let done = Arc::new(AtomicBool::new(false));
        if !quiet && std::io::stderr().is_terminal() {
            let (bar, done) = (bar.clone(), Arc::clone(&done));
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_secs(1));
                if !done.load(Ordering::SeqCst) {
                    bar.set_length(4);
                    if let Ok(style) = indicatif::ProgressStyle::with_template(
                        "{bar:30} {pos}/{len} {msg} {elapsed}",
                    ) {
                        bar.set_style(style);
                    }
                    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(100));
                }
            });
        }
        Progress { bar, done }
    }

    fn stage(&self, name: &str) {
        self.bar.inc(1);
        self.bar.set_message(name.to_string());
    }

    fn finish(&self) {
        self.done.store(true, Ordering::SeqCst);
        self.bar.finish_and_clear();
    }
}

fn finish(opts: &BuildOptions, verb: &str, quiet: bool) -> i32 {
    let lang = Lang::for_site(&opts.root);
    let progress = Progress::new(quiet);
    let result = build_with(opts, &|stage| progress.stage(stage));
    progress.finish();
    match result {
        Ok(report) => {
            if !report.warnings.is_empty() {
                eprint!("{}", diagnostic::render_all(&report.warnings, lang));
            }
            println!("{}", summary(&report, verb, opts, lang));
            0
        }
        Err(diags) => {
            eprint!("{}", diagnostic::render_all(&diags, lang));
            eprintln!("{}", lang.word(crate::messages::Word::NothingWritten));
            1
        }
    }
}

/// The one line a build prints: what it made, from what, how long, in
/// the site's language.
fn summary(report: &BuildReport, verb: &str, opts: &BuildOptions, lang: Lang) -> String {
    let out = opts
        .output
        .as_ref()
        .map_or(String::new(), |o| o.display().to_string());
    let secs = report.elapsed.as_secs_f64();
    if lang == Lang::Vi {
        let written = report.stats.map_or_else(String::new, |s| {
            format!(
                " → {out} (ghi {}, giữ nguyên {}, xóa {})",
                s.written, s.unchanged, s.removed
            )
        });
        let verb = if verb == "checked" {
            "đã kiểm tra"
        } else {
            "đã dựng"
        };
        return format!(
            "{verb} {} trang, {} biểu đồ và {} tệp từ {} bản ghi, {} cảnh báo, trong {} giây{written}",
            report.pages,
            report.charts,
            report.files,
            report.records,
            report.warnings.len(),
            crate::format::num(secs, Some(2))
        );
    }
    let written = report.stats.map_or_else(String::new, |s| {
        format!(
            " → {out} ({} written, {} unchanged, {} removed)",
            s.written, s.unchanged, s.removed
        )
    });
    format!(
        "{verb} {}, {} and {} from {} with {} in {secs:.2} s{written}",
        count(report.pages, "page", "pages"),
        count(report.charts, "chart", "charts"),
        count(report.files, "file", "files"),
        count(report.records, "record", "records"),
        count(report.warnings.len(), "warning", "warnings"),
    )
}
