//! The command line (SPEC §9): parses arguments, runs the pipeline, prints
//! diagnostics, and decides the exit code. Every line it prints — status
//! lines, `--help`, mistakes in the arguments — is in the site's language
//! (`language:` of site.yaml, `BAOCAO_LANG` overriding): the clap command
//! is built with the texts of [`Status`] before the arguments are parsed.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::diagnostic::{self, Diagnostic};
use crate::messages::{Hint, Lang, Msg, Status, Text};
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
        /// Build the yearly summary site of one year: its summary as the home
        /// page, only that year's articles, records, unit pages and downloads.
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
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
        /// Where the YAML files go [default: ROOT/content/data].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Overwrite files that exist.
        #[arg(long)]
        force: bool,
        /// Do not add units missing from site.yaml: report them and skip their rows.
        #[arg(long)]
        no_new_units: bool,
        /// The site folder (its site.yaml names the units).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = lang_of(&args);
    let cli = match command(lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return command_line_error(&e, &args, lang),
    };
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            strict,
            year,
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
                    year,
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
                year: None,
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
            no_new_units,
            root,
        } => {
            let lang = Lang::for_site(&root);
            let out = out.unwrap_or_else(|| root.join("content/data"));
            match crate::import::run(&crate::import::ImportOptions {
                root,
                file,
                sheet,
                out,
                force,
                no_new_units,
            }) {
                Ok(report) => {
                    for line in &report.log {
                        println!("{}", line.text(lang));
                    }
                    if !report.warnings.is_empty() {
                        eprint!("{}", diagnostic::render_all(&report.warnings, lang));
                    }
                    let files = Status::count(report.written.len(), Status::OneFile, Status::Files);
                    println!("{}", crate::msg!(Status::ImportedInto, files).text(lang));
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
                let lang = Lang::for_site(&dir);
                for f in files {
                    println!("  {}", dir.join(f).display());
                }
                let serve = format!("baocao serve --root {}", crate::scaffold::shell_word(&dir));
                println!(
                    "{}",
                    crate::msg!(Status::Created, dir.display(), serve).text(lang)
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

/// The language of the site the arguments name (`--root`, or the folder
/// of `new`), before they are parsed: `--help` and mistakes in the
/// arguments are shown in it.
fn lang_of(args: &[OsString]) -> Lang {
    let mut root = PathBuf::from(".");
    let mut iter = args.iter().skip(1);
    while let Some(a) = iter.next() {
        let a = a.to_string_lossy();
        if a == "--root" {
            if let Some(r) = iter.next() {
                root = PathBuf::from(r);
            }
        } else if let Some(r) = a.strip_prefix("--root=") {
            root = PathBuf::from(r);
        }
    }
    Lang::for_site(&root)
}

/// The subcommands, in the order `--help` lists them.
const SUBCOMMANDS: &[&str] = &["build", "check", "serve", "new", "import"];

/// What a subcommand does, for `--help`.
fn about(sub: &str) -> Option<Status> {
    Some(match sub {
        "build" => Status::HelpBuild,
        "check" => Status::HelpCheck,
        "serve" => Status::HelpServe,
        "new" => Status::HelpNew,
        "import" => Status::HelpImport,
        _ => return None,
    })
}

/// What an argument of a subcommand is, for `--help`, and the name of its
/// value.
fn arg_help(sub: &str, id: &str) -> Option<(Status, Option<Status>)> {
    let dir = Some(Status::ValueDir);
    Some(match (sub, id) {
        ("import", "root") => (Status::HelpImportRoot, dir),
        (_, "root") => (Status::HelpRoot, dir),
        ("build", "output") => (Status::HelpOutput, dir),
        ("build", "base_url") => (Status::HelpBaseUrl, Some(Status::ValueUrl)),
        ("build", "year") => (Status::HelpYear, Some(Status::ValueYear)),
        ("serve", "drafts") => (Status::HelpServeDrafts, Some(Status::ValueBool)),
        (_, "drafts") => (Status::HelpDrafts, None),
        (_, "strict") => (Status::HelpStrict, None),
        (_, "quiet") => (Status::HelpQuiet, None),
        ("serve", "port") => (Status::HelpPort, Some(Status::ValuePort)),
        ("serve", "bind") => (Status::HelpBind, Some(Status::ValueAddress)),
        ("new", "dir") => (Status::HelpNewDir, dir),
        ("import", "file") => (Status::HelpImportFile, Some(Status::ValueFile)),
        ("import", "sheet") => (Status::HelpSheet, Some(Status::ValueName)),
        ("import", "out") => (Status::HelpOut, dir),
        ("import", "force") => (Status::HelpForce, None),
        ("import", "no_new_units") => (Status::HelpNoNewUnits, None),
        _ => return None,
    })
}

/// The clap command with its texts in `lang`: about lines, argument
/// helps, headings, usage lines, the help and version flags.
pub fn command(lang: Lang) -> clap::Command {
    let t = |s: Status| s.text(lang);
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t(Status::HelpUsage)
    );
    let options = t(Status::HelpOptions);
    let mut cmd = Cli::command()
        .bin_name("baocao")
        .about(t(Status::HelpAbout))
        .help_template(template.clone())
        .subcommand_help_heading(t(Status::HelpCommands))
        .subcommand_value_name(t(Status::HelpCommandWord))
        .override_usage(format!(
            "baocao [{}] <{}>",
            t(Status::HelpOptionsWord),
            t(Status::HelpCommandWord)
        ))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true)
                .display_order(usize::MAX)
                .help(t(Status::HelpHelp))
                .help_heading(options.clone()),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(usize::MAX)
                .help(t(Status::HelpVersion))
                .help_heading(options.clone()),
        );
    for &sub in SUBCOMMANDS {
        let template = template.clone();
        cmd = cmd.mut_subcommand(sub, |s| localised(s, sub, lang, template));
    }
    cmd.build();
    // clap makes the `help` command while building.
    let usage = format!("baocao help [{}]", t(Status::HelpCommandWord));
    cmd.mut_subcommand("help", |s| {
        let ids: Vec<String> = s.get_arguments().map(|a| a.get_id().to_string()).collect();
        let mut s = s
            .about(t(Status::HelpHelpCommand))
            .help_template(template)
            .override_usage(usage)
            .subcommand_help_heading(t(Status::HelpCommands))
            .mut_subcommand("help", |h| h.about(t(Status::HelpHelpCommand)));
        for id in ids {
            s = s.mut_arg(id, |a| {
                a.help(t(Status::HelpHelpCommandArg))
                    .value_name(t(Status::HelpCommandWord))
                    .help_heading(t(Status::HelpArguments))
            });
        }
        s
    })
}

/// A subcommand with its texts in `lang`.
fn localised(s: clap::Command, sub: &str, lang: Lang, template: String) -> clap::Command {
    let t = |s: Status| s.text(lang);
    let ids: Vec<String> = s.get_arguments().map(|a| a.get_id().to_string()).collect();
    let mut usage = format!("baocao {sub}");
    if s.get_arguments().any(|a| !a.is_positional()) {
        usage.push_str(&format!(" [{}]", t(Status::HelpOptionsWord)));
    }
    let mut s = s.help_template(template);
    if let Some(about) = about(sub) {
        s = s.about(t(about));
    }
    for id in ids {
        let Some((help, value)) = arg_help(sub, &id) else {
            continue;
        };
        s = s.mut_arg(&id, |a| {
            let mut help = t(help);
            let takes_values = a.get_action().takes_values();
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if takes_values && !defaults.is_empty() {
                help.push(' ');
                help.push_str(&crate::msg!(Status::HelpDefault, defaults.join(", ")).text(lang));
            }
            let heading = if a.is_positional() {
                t(Status::HelpArguments)
            } else {
                t(Status::HelpOptions)
            };
            let mut a = a
                .help(help)
                .help_heading(heading)
                .hide_default_value(takes_values)
                .hide_possible_values(takes_values);
            if let Some(v) = value {
                a = a.value_name(t(v));
            }
            a
        });
        if let Some((_, Some(v))) = arg_help(sub, &id).filter(|_| {
            s.get_arguments()
                .any(|a| a.get_id() == id.as_str() && a.is_positional())
        }) {
            usage.push_str(&format!(" <{}>", t(v)));
        }
    }
    s.override_usage(usage)
}

/// A mistake in the arguments, as a diagnostic in `lang`; `--help` and
/// `--version` are printed. Returns the exit code: 0 for those, 2 for
/// a mistake, as clap does.
fn command_line_error(e: &clap::Error, args: &[OsString], lang: Lang) -> i32 {
    use clap::error::{ContextKind, ErrorKind};
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return 0;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            let _ = e.print();
            return 2;
        }
        _ => {}
    }
    let get = |k: ContextKind| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let words: Vec<String> = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let command = match words.iter().find(|w| SUBCOMMANDS.contains(&w.as_str())) {
        Some(sub) => format!("baocao {sub}"),
        None => "baocao".to_string(),
    };
    let see = |suggested: String| {
        if suggested.is_empty() {
            crate::msg!(Hint::SeeHelp, command)
        } else {
            crate::msg!(Hint::DidYouMeanSeeHelp, suggested, command)
        }
    };
    let d = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let suggested = get(ContextKind::SuggestedSubcommand);
            let hint = if suggested.is_empty() {
                crate::msg!(Hint::CommandsAre, SUBCOMMANDS.join(", "))
            } else {
                crate::msg!(Hint::DidYouMeanSeeHelp, suggested, "baocao")
            };
            Diagnostic::error(crate::msg!(
                Msg::UnknownCommand,
                get(ContextKind::InvalidSubcommand)
            ))
            .hint(hint)
        }
        ErrorKind::UnknownArgument => Diagnostic::error(crate::msg!(
            Msg::UnknownOption,
            get(ContextKind::InvalidArg),
            command
        ))
        .hint(see(get(ContextKind::SuggestedArg))),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let (arg, value) = (get(ContextKind::InvalidArg), get(ContextKind::InvalidValue));
            let message = if value.is_empty() {
                crate::msg!(Msg::OptionNeedsValue, arg)
            } else {
                crate::msg!(Msg::BadOptionValue, value, arg)
            };
            Diagnostic::error(message).hint(see(String::new()))
        }
        ErrorKind::MissingRequiredArgument => Diagnostic::error(crate::msg!(
            Msg::MissingArgument,
            command,
            get(ContextKind::InvalidArg)
        ))
        .hint(see(String::new())),
        _ => Diagnostic::error(crate::msg!(Msg::BadCommandLine, words.join(" ")))
            .hint(see(String::new())),
    };
    eprint!("{}", diagnostic::render_all(&[d], lang));
    2
}

/// A progress bar for builds that take more than a second, on a terminal.
struct Progress {
    bar: indicatif::ProgressBar,
    done: Arc<AtomicBool>,
    lang: Lang,
}

impl Progress {
    fn new(quiet: bool, lang: Lang) -> Progress {
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
        Progress { bar, done, lang }
    }

    fn stage(&self, stage: Status) {
        self.bar.inc(1);
        self.bar.set_message(stage.text(self.lang));
    }

    fn finish(&self) {
        self.done.store(true, Ordering::SeqCst);
        self.bar.finish_and_clear();
    }
}

fn finish(opts: &BuildOptions, verb: &str, quiet: bool) -> i32 {
    let lang = Lang::for_site(&opts.root);
    let progress = Progress::new(quiet, lang);
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
    let counts = [
        Status::count(report.pages, Status::OnePage, Status::Pages),
        Status::count(report.charts, Status::OneChart, Status::Charts),
        Status::count(report.files, Status::OneFile, Status::Files),
        Status::count(report.records, Status::OneRecord, Status::Records),
        Status::count(report.warnings.len(), Status::OneWarning, Status::Warnings),
    ]
    .map(Text::from);
    let [pages, charts, files, records, warnings] = counts;
    let seconds = Text::decimal(report.elapsed.as_secs_f64(), 2);
    let line = if verb == "checked" {
        Status::Checked(pages, charts, files, records, warnings, seconds)
    } else {
        Status::Built(pages, charts, files, records, warnings, seconds)
    };
    let mut text = line.text(lang);
    if let Some(s) = report.stats {
        let out = opts
            .output
            .as_ref()
            .map_or(String::new(), |o| o.display().to_string());
        let written = crate::msg!(Status::WrittenTo, out, s.written, s.unchanged, s.removed);
        text.push_str(&written.text(lang));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new option needs its help in both languages here, or `--help`
    /// would show its English doc comment on a Vietnamese site.
    #[test]
    fn every_command_and_argument_has_its_texts() {
        let cmd = Cli::command();
        let mut missing = Vec::new();
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            if !SUBCOMMANDS.contains(&name) || about(name).is_none() {
                missing.push(name.to_string());
            }
            for arg in sub.get_arguments() {
                if arg_help(name, arg.get_id().as_str()).is_none() {
                    missing.push(format!("{name} {}", arg.get_id()));
                }
            }
        }
        assert_eq!(
            cmd.get_subcommands().count(),
            SUBCOMMANDS.len(),
            "{SUBCOMMANDS:?}"
        );
        assert!(missing.is_empty(), "no help texts for {missing:?}");
    }
}
