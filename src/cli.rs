//! The command line (SPEC §9): parses arguments, runs the pipeline, prints
//! diagnostics, and decides the exit code.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::diagnostic::{self, count};
use crate::{BuildOptions, build};

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
    },
}

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    let (opts, verb) = match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            strict,
        } => {
            let output = Some(output.unwrap_or_else(|| root.join("output")));
            (
                BuildOptions {
                    root,
                    output,
                    base_url,
                    drafts,
                    strict,
                },
                "built",
            )
        }
        Command::Check {
            root,
            drafts,
            strict,
        } => (
            BuildOptions {
                root,
                output: None,
                base_url: None,
                drafts,
                strict,
            },
            "checked",
        ),
    };
    match build(&opts) {
        Ok(report) => {
            if !report.warnings.is_empty() {
                eprint!("{}", diagnostic::render_all(&report.warnings));
            }
            let written = report.stats.map_or_else(String::new, |s| {
                format!(
                    " → {} ({} written, {} unchanged, {} removed)",
                    opts.output
                        .as_ref()
                        .map_or(String::new(), |o| o.display().to_string()),
                    s.written,
                    s.unchanged,
                    s.removed
                )
            });
            println!(
                "{verb} {}, {} from {} and {} in {:.2} s{written}",
                count(report.pages, "page", "pages"),
                count(report.files, "file", "files"),
                count(report.records, "record", "records"),
                count(report.warnings.len(), "warning", "warnings"),
                report.elapsed.as_secs_f64()
            );
            0
        }
        Err(diags) => {
            eprint!("{}", diagnostic::render_all(&diags));
            eprintln!("nothing was written: fix the errors above and run the command again");
            1
        }
    }
}
