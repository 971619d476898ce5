//! A stable-Rust fuzz harness: seed inputs from `content/` and
//! `tests/fixtures/` are mutated by a seeded PRNG (byte flips, interesting
//! tokens, deep nesting, huge numbers, splices between files) and fed to
//! every parser of user input in-process. A case fails when it panics or
//! takes longer than [`CASE_LIMIT`].
//!
//! Under `cargo test` each target runs for a couple of seconds. For a long
//! run, one target after another:
//!
//! ```sh
//! BAOCAO_FUZZ_SECS=600 cargo test --release --test fuzz -- --test-threads=1 --nocapture
//! ```
//!
//! `BAOCAO_FUZZ_SEED` sets the seed (the default is fixed, so plain
//! `cargo test` is deterministic); `BAOCAO_FUZZ_CASE=<target>:<case seed>`
//! replays one reported case. A failure prints the target, the case seed
//! and the input, and writes the input to `target/fuzz-crashes/`. A crash
//! that kills the process (a stack overflow or an allocation abort) cannot
//! be caught: rerun with the same seed and `BAOCAO_FUZZ_TRACE=1`, which
//! writes each input to `target/fuzz-crashes/<target>.inflight` before
//! running it.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use baocao::data::catalogue::parse_yaml;
use baocao::data::formula::Expr;
use baocao::data::{Catalogue, Period};
use baocao::diagnostic::Diagnostic;
use baocao::messages::{Hint, Lang};
use baocao::site::{self, SiteConfig, parsers};

/// The longest one case may take (an unoptimised build, sharing the
/// machine with the other tests, gets more).
const CASE_LIMIT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 5 });

/// Inputs are kept below this size, so a case stays a parser's work and
/// not the mutator's.
const MAX_INPUT: usize = 300_000;

/// Inputs that hit a known problem in code outside the parsers this
/// harness guards; each entry names the target, the issue, and a test of
/// the input. Such inputs are counted and skipped, not reported.
type Known = (&'static str, &'static str, fn(&[u8]) -> bool);
const KNOWN_ISSUES: &[Known] = &[];

// ---------------------------------------------------------------------------
// A tiny deterministic PRNG.

#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------
// Mutations.

const TOKENS: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "..",
    "../",
    "\0",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "---\n",
    "---",
    "-",
    "- ",
    ":",
    ": ",
    "#",
    "\"",
    "'",
    "|",
    ">",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "? ",
    ",",
    ";",
    "=",
    "==",
    "<=",
    "?",
    "×",
    "÷",
    "−",
    "*",
    "/",
    "+",
    "%",
    "\\",
    "\\u",
    "`",
    "```",
    "~~~",
    "|---|",
    "<",
    "<script>",
    "&amp;",
    "&#0;",
    "[x](",
    "](",
    "![",
    "[^1]",
    "* ",
    "1. ",
    "> ",
    "    ",
    "  \n",
    "99999999999999999999999999",
    "1e308",
    "-1",
    "0",
    "0.0",
    ".",
    "1.5",
    "-0",
    "NaN",
    "inf",
    "1,5",
    "1.000.000",
    "2023",
    "2023-Q5",
    "2023-Q3",
    "2023-9M",
    "2022-H1",
    "2023-13",
    "quý 3",
    "0000",
    "-2023",
    "9999999999-Q1",
    "2023-10-26T07:00:00+07:00",
    "ế",
    "đ",
    "Đơn vị",
    "\u{feff}",
    "\u{202e}",
    "\u{200b}",
    "🙂",
    "\u{303}",
    "\u{ffff}",
    "\u{85}",
    "\u{2028}",
    "\u{7f}",
    "\u{1b}[31m",
    "null",
    "~",
    "true",
    "yes",
    "received",
    "resolved",
    "received?",
    "data.",
    "page.",
    "prev.",
    "{{ data.received | num }}",
    "{{ metric(key=\"received\") }}",
    "{{ kpis() }}",
    "{{ table(metrics=[\"received\"]) }}",
    "{{ chart(kind=\"bar\", metrics=[\"received\"]) }}",
    "{{ chart(kind=\"trend\", metric=\"received\") }}",
    "{{ compare(key=\"received\") }}",
    "{% if true %}",
    "{% endif %}",
    "{% for x in [1, 2] %}",
    "{% endfor %}",
    "{% raw %}",
    "{% endraw %}",
    "{% set x = 1 %}",
    "| pct",
    "| num",
    "| date(format=\"%d\")",
    "unit: ",
    "period: ",
    "metrics:",
    "title: ",
    "tags: ",
    "date: ",
    "summary: ",
    "slug: ",
];

const OPENERS: &[(&str, &str)] = &[
    ("[", "]"),
    ("{", "}"),
    ("(", ")"),
    ("- ", ""),
    ("-", ""),
    ("{a: ", "}"),
    ("[a, ", "]"),
    ("  ", ""),
    ("> ", ""),
    ("* ", ""),
    ("{{ (", ") }}"),
    ("{% if true %}", "{% endif %}"),
    ("[", "](x)"),
    ("<div>", "</div>"),
    ("\"", "\""),
    ("\n- ", ""),
];

const DEPTHS: &[usize] = &[2, 10, 63, 64, 65, 100, 1_000, 10_000, 100_000];

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, corpus: &[Vec<u8>]) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(10) {
            0 => {
                if !input.is_empty() {
                    let i = rng.below(input.len());
                    input[i] ^= 1 << rng.below(8);
                }
            }
            1 => {
                if !input.is_empty() {
                    let i = rng.below(input.len());
                    input[i] = *rng.pick(b"\0\r\n\t []{}(),:-#\"'|>&*!?%0123456789.\x7f\xff");
                }
            }
            2..=4 => {
                let t = rng.pick(TOKENS).as_bytes().to_vec();
                let at = snap_to_line(rng, input, at);
                input.splice(at..at, t);
            }
            5 => {
                let end = (at + rng.below(64)).min(input.len());
                input.drain(at..end);
            }
            6 => {
                // Repeat a range, sometimes many times.
                let end = (at + 1 + rng.below(32)).min(input.len());
                let piece = input[at.min(end)..end].to_vec();
                let times = *rng.pick(&[2, 3, 10, 100, 1_000]);
                let rep = piece.repeat(times);
                input.splice(end..end, rep);
            }
            7 => {
                let (open, close) = *rng.pick(OPENERS);
                let depth = *rng.pick(DEPTHS);
                let mut deep = open.repeat(depth).into_bytes();
                if rng.chance(60) {
                    deep.extend_from_slice(b"x");
                    deep.extend(close.repeat(depth).into_bytes());
                }
                input.splice(at..at, deep);
            }
            8 => {
                // Splice in a piece of another corpus file.
                let other = rng.pick(corpus);
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let to = (from + 1 + rng.below(200)).min(other.len());
                    input.splice(at..at, other[from..to].iter().copied());
                }
            }
            _ => {
                // A number made huge, negative or odd.
                if let Some(i) = (at..input.len()).find(|&i| input[i].is_ascii_digit()) {
                    let j = (i..input.len())
                        .find(|&j| !input[j].is_ascii_digit())
                        .unwrap_or(input.len());
                    let n = rng.pick(&[
                        "99999999999999999999999999999999999999",
                        "1e309",
                        "-0",
                        "0",
                        "-1",
                        "4294967296",
                        "18446744073709551616",
                        "1.7976931348623157e308",
                        "0.000000000000000000001",
                        "٣",
                    ]);
                    input.splice(i..j, n.bytes());
                }
            }
        }
        if input.len() > MAX_INPUT {
            input.truncate(MAX_INPUT);
        }
    }
    if rng.chance(3) {
        // Line endings of another system.
        let text = String::from_utf8_lossy(input).into_owned();
        let eol = if rng.chance(50) { "\r" } else { "\r\n" };
        *input = text.replace('\n', eol).into_bytes();
    }
}

/// Half the time, moves an insertion point to a line start (where YAML
/// keys and Markdown blocks begin).
fn snap_to_line(rng: &mut Rng, input: &[u8], at: usize) -> usize {
    if rng.chance(50) {
        input[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    } else {
        at
    }
}

// ---------------------------------------------------------------------------
// The driver.

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `content/` and `tests/fixtures/` whose name ends with
/// one of `exts`.
fn corpus(exts: &[&str]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for dir in ["content", "tests/fixtures"] {
        for entry in walkdir::WalkDir::new(manifest().join(dir))
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().to_string();
            if entry.file_type().is_file() && exts.iter().any(|e| name.ends_with(e)) {
                out.push(std::fs::read(entry.path()).unwrap());
            }
        }
    }
    assert!(!out.is_empty(), "no seed files for {exts:?}");
    out
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| env_u64_str(&v))
}

/// The case being run: when it started, its seed and its input.
type Running = Arc<Mutex<Option<(Instant, u64, Vec<u8>)>>>;

/// What one target did.
struct Summary {
    cases: u64,
    skipped: u64,
    slowest: Duration,
    /// The case seed of the slowest case.
    slowest_case: u64,
}

/// Runs `case` on mutated inputs for the time budget; `make` turns a case
/// seed into an input.
fn fuzz(
    target: &'static str,
    default_secs: f64,
    make: impl Fn(&mut Rng) -> Vec<u8>,
    case: impl Fn(&[u8]),
) -> Summary {
    let seed = env_u64("BAOCAO_FUZZ_SEED").unwrap_or(0x00BA_0CA0);
    let secs = std::env::var("BAOCAO_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(default_secs);
    let trace = std::env::var_os("BAOCAO_FUZZ_TRACE").is_some();
    let crashes = manifest().join("target/fuzz-crashes");
    // One case to replay?
    let replay = std::env::var("BAOCAO_FUZZ_CASE").ok().and_then(|v| {
        let (t, s) = v.split_once(':')?;
        (t == target).then(|| env_u64_str(s)).flatten()
    });
    if std::env::var("BAOCAO_FUZZ_CASE").is_ok() && replay.is_none() {
        return Summary {
            cases: 0,
            skipped: 0,
            slowest: Duration::ZERO,
            slowest_case: 0,
        };
    }

    // A watchdog reports a case that hangs, which cannot be interrupted.
    let current: Running = Arc::new(Mutex::new(None));
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watchdog = {
        let current = Arc::clone(&current);
        let done = Arc::clone(&done);
        let crashes = crashes.clone();
        std::thread::spawn(move || {
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                let guard = current.lock().unwrap_or_else(|e| e.into_inner());
                if let Some((start, case_seed, input)) = guard.as_ref() {
                    if start.elapsed() > CASE_LIMIT * 4 {
                        let file = save(&crashes, target, *case_seed, input);
                        eprintln!(
                            "fuzz {target}: case {case_seed:#x} hangs (> {:?}); input in {}\n{}",
                            CASE_LIMIT * 4,
                            file.display(),
                            shown(input)
                        );
                        std::process::exit(101);
                    }
                }
            }
        })
    };

    let started = Instant::now();
    let mut rng = Rng(seed);
    let mut summary = Summary {
        cases: 0,
        skipped: 0,
        slowest: Duration::ZERO,
        slowest_case: 0,
    };
    // Short runs stop at the first failure; long runs go on and report
    // each distinct one (by where it panicked) once.
    let keep_going = std::env::var_os("BAOCAO_FUZZ_SECS").is_some() && replay.is_none();
    let mut failures: Vec<(String, String)> = Vec::new();
    install_quiet_hook();
    loop {
        let case_seed = match replay {
            Some(s) if summary.cases == 0 => s,
            Some(_) => break,
            None if started.elapsed().as_secs_f64() >= secs => break,
            None => rng.next(),
        };
        let input = make(&mut Rng(case_seed));
        summary.cases += 1;
        if let Some((_, why, _)) = KNOWN_ISSUES
            .iter()
            .find(|(t, _, test)| *t == target && test(&input))
        {
            if replay.is_some() {
                eprintln!("fuzz {target}: a known issue: {why}");
            }
            summary.skipped += 1;
            continue;
        }
        if trace {
            std::fs::create_dir_all(&crashes).unwrap();
            std::fs::write(crashes.join(format!("{target}.inflight")), &input).unwrap();
        }
        *current.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((Instant::now(), case_seed, input.clone()));
        let start = Instant::now();
        IN_CASE.with(|f| f.set(true));
        let outcome = catch_unwind(AssertUnwindSafe(|| case(&input)));
        IN_CASE.with(|f| f.set(false));
        let took = start.elapsed();
        *current.lock().unwrap_or_else(|e| e.into_inner()) = None;
        if took > summary.slowest {
            summary.slowest = took;
            summary.slowest_case = case_seed;
        }
        let (key, problem) = match outcome {
            Err(e) => {
                let place = LAST_PANIC.with(|l| l.take());
                let what = e
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| e.downcast_ref::<&str>().copied())
                    .unwrap_or("?")
                    .to_string();
                let key = if place.is_empty() {
                    what.chars().take(60).collect()
                } else {
                    place.clone()
                };
                (key, Some(format!("panicked at {place}: {what}")))
            }
            Ok(()) if took > CASE_LIMIT => (
                "slow".to_string(),
                Some(format!("took {took:?} (limit {CASE_LIMIT:?})")),
            ),
            Ok(()) => (String::new(), None),
        };
        if let Some(problem) = problem {
            if failures.iter().any(|(k, _)| *k == key) {
                continue;
            }
            let file = save(&crashes, target, case_seed, &input);
            let report = format!(
                "fuzz {target}: case {case_seed:#x} (seed {seed:#x}) {problem}\n\
                 replay: BAOCAO_FUZZ_CASE={target}:{case_seed:#x} cargo test --test fuzz\n\
                 input ({} bytes, in {}):\n{}",
                input.len(),
                file.display(),
                shown(&input)
            );
            if keep_going {
                eprintln!("{report}\n");
            }
            failures.push((key, report));
            if !keep_going || failures.len() >= 20 {
                break;
            }
        }
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = watchdog.join();
    eprintln!(
        "fuzz {target}: seed {seed:#x}, {} cases ({} known issues skipped) in {:.1} s, slowest {:?} (case {:#x})",
        summary.cases,
        summary.skipped,
        started.elapsed().as_secs_f64(),
        summary.slowest,
        summary.slowest_case
    );
    if !failures.is_empty() {
        let all: Vec<&str> = failures.iter().map(|(_, r)| r.as_str()).collect();
        panic!("{} distinct failures:\n{}", all.len(), all.join("\n\n"));
    }
    summary
}

thread_local! {
    /// Whether this thread is running a case: its panics are expected.
    static IN_CASE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Where the last case's panic happened.
    static LAST_PANIC: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Panics inside a case are recorded with their place instead of printed
/// (a long run would print thousands); any other panic prints as usual.
fn install_quiet_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_CASE.with(std::cell::Cell::get) {
                let place = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                LAST_PANIC.with(|l| *l.borrow_mut() = place);
            } else {
                default(info);
            }
        }));
    });
}

fn env_u64_str(s: &str) -> Option<u64> {
    let s = s.trim();
    s.strip_prefix("0x")
        .map_or_else(|| s.parse().ok(), |h| u64::from_str_radix(h, 16).ok())
}

fn save(dir: &Path, target: &str, case_seed: u64, input: &[u8]) -> PathBuf {
    let _ = std::fs::create_dir_all(dir);
    let file = dir.join(format!("{target}-{case_seed:016x}.bin"));
    let _ = std::fs::write(&file, input);
    file
}

/// The input for a failure message: escaped, and cut when long.
fn shown(input: &[u8]) -> String {
    let text = String::from_utf8_lossy(input);
    let escaped: String = text.escape_debug().collect();
    if escaped.chars().count() > 2_000 {
        let head: String = escaped.chars().take(1_000).collect();
        let tail: String = {
            let v: Vec<char> = escaped.chars().collect();
            v[v.len() - 1_000..].iter().collect()
        };
        format!("{head} … {tail}")
    } else {
        escaped
    }
}

/// The default budget per target under plain `cargo test`.
const SHORT: f64 = 2.0;

fn mutated(corpus: &[Vec<u8>]) -> impl Fn(&mut Rng) -> Vec<u8> + '_ {
    move |rng| {
        let mut input = rng.pick(corpus).clone();
        mutate(rng, &mut input, corpus);
        input
    }
}

/// Settings of the good fixture: units and catalogue for the data parsers.
fn settings() -> site::Settings {
    site::load_settings(&manifest().join("tests/fixtures/good")).unwrap_or_else(|d| panic!("{d:?}"))
}

/// Renders every diagnostic in both languages: messages are part of what
/// a user sees, and a value in them can be any text of the input.
fn render(diags: &[Diagnostic]) {
    for d in diags {
        let en = d.render(Lang::En);
        let _ = d.render(Lang::Vi);
        assert!(
            en.len() < 20_000,
            "a {} byte report:\n{}",
            en.len(),
            en.chars().take(2_000).collect::<String>()
        );
    }
}

// ---------------------------------------------------------------------------
// Targets.

/// YAML and CSV data files, then the computed figures and checks.
#[test]
fn fuzz_data_files() {
    let settings = settings();
    let seeds = [corpus(&[".yaml", ".yml"]), corpus(&[".csv"])].concat();
    fuzz("data_files", SHORT, mutated(&seeds), |input| {
        let text = String::from_utf8_lossy(input);
        let mut diags = Vec::new();
        let path = Path::new("content/data/x.yaml");
        let mut records = parsers::yaml(
            &text,
            path,
            &settings.catalogue,
            &settings.units,
            &mut diags,
        );
        records.extend(parsers::csv(
            &text,
            Path::new("content/data/x.csv"),
            &settings.catalogue,
            &settings.units,
            &mut diags,
        ));
        compute_and_render(records, diags, &settings);
    });
}

/// Computes the figures of parsed records and renders every diagnostic.
fn compute_and_render(
    records: Vec<baocao::data::Record>,
    mut diags: Vec<Diagnostic>,
    settings: &site::Settings,
) {
    let (_, more) = baocao::data::compute(records, &settings.catalogue);
    diags.extend(more);
    render(&diags);
}

/// Reads workbook bytes as a data file, computes and renders what comes.
fn read_workbook(input: &[u8], settings: &site::Settings) {
    let mut diags = Vec::new();
    let records = parsers::xlsx(
        input.to_vec(),
        Path::new("content/data/x.xlsx"),
        &settings.catalogue,
        &settings.units,
        &mut diags,
    );
    compute_and_render(records, diags, settings);
}

/// Workbook bytes: a valid workbook is unzipped, one of its XML parts
/// (sheet, shared strings, workbook, relationships) mutated like any text,
/// sometimes the zip bytes themselves, and the result read. The guarded
/// reader must turn every such file into a located error, never an abort.
#[test]
fn fuzz_xlsx_bytes() {
    use std::io::{Read, Write};
    let settings = settings();
    let seeds = [corpus(&[".csv"]), corpus(&[".yaml"])].concat();
    let make = |rng: &mut Rng| {
        let grid = rng.pick(&seeds).clone();
        let book = workbook(
            rng,
            &String::from_utf8_lossy(&grid[..grid.len().min(4_000)]),
        );
        let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(book.clone())) else {
            return book;
        };
        let mut parts = Vec::new();
        for i in 0..zip.len() {
            let Ok(mut f) = zip.by_index(i) else {
                return book;
            };
            let mut bytes = Vec::new();
            if f.read_to_end(&mut bytes).is_err() {
                return book;
            }
            let Ok(name) = f.name().map(|n| n.to_string()) else {
                return book;
            };
            parts.push((name, bytes));
        }
        let xml: Vec<usize> = (0..parts.len())
            .filter(|&i| parts[i].0.ends_with(".xml") || parts[i].0.ends_with(".rels"))
            .collect();
        if let Some(&i) = xml.get(rng.below(xml.len().max(1))) {
            let xml_seeds: Vec<Vec<u8>> = parts.iter().map(|(_, b)| b.clone()).collect();
            mutate(rng, &mut parts[i].1, &xml_seeds);
        }
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in &parts {
            if out.start_file(name.as_str(), options).is_err() || out.write_all(bytes).is_err() {
                return book;
            }
        }
        let mut bytes = out.finish().map(|c| c.into_inner()).unwrap_or(book);
        // Now and then, the zip itself.
        if rng.chance(10) && !bytes.is_empty() {
            let at = rng.below(bytes.len());
            bytes[at] ^= 1 << rng.below(8);
        }
        bytes
    };
    fuzz("xlsx_bytes", SHORT, make, |input| {
        read_workbook(input, &settings);
    });
}

/// Workbooks written with rust_xlsxwriter from mutated CSV grids: cell
/// texts and numbers and sheet names vary, the zip structure does not (a
/// crafted zip can make the reader allocate gigabytes and abort the test
/// process; that is guarded in records.rs).
#[test]
fn fuzz_xlsx() {
    let settings = settings();
    let seeds = [corpus(&[".csv"]), corpus(&[".yaml"])].concat();
    let make = |rng: &mut Rng| {
        let mut grid = rng.pick(&seeds).clone();
        mutate(rng, &mut grid, &seeds);
        grid.truncate(20_000);
        workbook(rng, &String::from_utf8_lossy(&grid))
    };
    fuzz("xlsx", SHORT, make, |input| {
        read_workbook(input, &settings);
    });
}

fn workbook(rng: &mut Rng, grid: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for s in 0..1 + rng.below(3) {
        let sheet = book.add_worksheet();
        let name: String = if rng.chance(70) {
            format!("{}", 2020 + s)
        } else {
            grid.chars()
                .skip(rng.below(40))
                .take(1 + rng.below(40))
                .collect()
        };
        let _ = sheet.set_name(name);
        for (r, line) in grid.lines().take(200).enumerate() {
            for (c, cell) in line.split(',').take(60).enumerate() {
                let (r, c) = (r as u32 + u32::from(rng.chance(1)) * 1_000, c as u16);
                let _ = match cell.trim().parse::<f64>() {
                    Ok(n) if !rng.chance(10) => sheet.write_number(r, c, n),
                    _ if rng.chance(2) => sheet.write_boolean(r, c, true),
                    _ if rng.chance(2) => sheet.write_formula(r, c, "=1/0"),
                    _ => sheet.write_string(r, c, cell),
                };
            }
        }
    }
    book.save_to_buffer().unwrap_or_default()
}

/// Front matter and the split of articles and pages.
#[test]
fn fuzz_front_matter() {
    let settings = settings();
    let seeds = corpus(&[".md"]);
    fuzz("front_matter", SHORT, mutated(&seeds), |input| {
        let mut diags = Vec::new();
        let doc = parsers::document(
            Path::new("content/articles/x.md"),
            "x.md".to_string(),
            String::from_utf8_lossy(input).into_owned(),
            &settings.units,
            &mut diags,
        );
        render(&diags);
        if let Some(doc) = doc {
            assert!(!doc.body.contains('\0'));
        }
    });
}

/// Formulas and checks, periods, the metric catalogue and site settings.
#[test]
fn fuzz_formulas_periods_settings() {
    let formulas: Vec<Vec<u8>> = [
        "(resolved_early + resolved_on_time) / resolved * 100",
        "resolved_early + resolved_on_time + resolved_late <= resolved",
        "received_online / received × 100",
        "-(2 - 5) ÷ 3",
        "received_postal? + 1 == received",
        "2023-Q3",
        "2023-9M",
        "2022-H1",
        "2023",
        "2023-10",
        "2020-2023",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    let yaml = corpus(&["metrics.yaml", "site.yaml"]);
    let seeds = [formulas, yaml].concat();
    let values = |k: &str| (k.len() % 3 != 0).then_some(k.len() as f64 * 7.5);
    fuzz(
        "formulas_periods_settings",
        SHORT,
        mutated(&seeds),
        |input| {
            let text = String::from_utf8_lossy(input);
            for line in std::iter::once(text.as_ref()).chain(text.lines().take(50)) {
                if let Ok(e) = Expr::parse(line) {
                    let _ = (
                        e.eval(&values),
                        e.check(&values, 0.5),
                        e.vars(),
                        e.required(),
                    );
                }
                if let Ok(p) = Period::parse(line.trim()) {
                    let _ = (p.id(), p.label(), p.short_label(), p.start(), p.end());
                    let _ = (p.same_period(), p.previous(), p.year());
                    assert_eq!(Period::parse(&p.id()), Ok(p), "{line}");
                }
            }
            let mut cat = Catalogue::builtin();
            let diags = cat.merge(&text, Path::new("content/metrics.yaml"));
            render(&diags);
            if let Err(d) = parse_yaml::<SiteConfig>(
                &text,
                Path::new("content/site.yaml"),
                Hint::SiteSettingsTitleBase,
            ) {
                render(&[d]);
            }
        },
    );
}

/// The Markdown-plus-template body of an article, rendered with the good
/// fixture's site (its data, charts and theme).
#[test]
fn fuzz_article_body() {
    // The fixture and the bundled example: each seed renders with the site
    // whose units it names.
    let sites: Vec<_> = [manifest().join("tests/fixtures/good"), manifest()]
        .iter()
        .map(|root| {
            let (site, _) = site::load(root).unwrap_or_else(|d| panic!("{d:?}"));
            let (figures, _) = baocao::data::compute(site.records.clone(), &site.catalogue);
            (site, figures)
        })
        .collect();
    let mut units = sites[1].0.units.clone();
    units.extend(sites[0].0.units.clone());
    let options = baocao::render::Options {
        base_url: "https://example.gov.vn/".into(),
        drafts: false,
        year: None,
        record_reads: false,
    };
    let seeds = corpus(&[".md"]);
    let make = |rng: &mut Rng| {
        // Mostly the body: a front matter that fails stops before it.
        let text = rng.pick(&seeds).clone();
        let text = String::from_utf8_lossy(&text).into_owned();
        let (front, body) = match text.match_indices("\n---\n").next() {
            Some((i, _)) if rng.chance(90) => text.split_at(i + 5),
            _ => ("", text.as_str()),
        };
        let mut body = body.as_bytes().to_vec();
        mutate(rng, &mut body, &seeds);
        [front.as_bytes(), &body].concat()
    };
    let rendered = std::sync::atomic::AtomicU64::new(0);
    let summary = fuzz("article_body", SHORT, make, |input| {
        let mut diags = Vec::new();
        let doc = parsers::document(
            Path::new("content/articles/tin-tuc/fuzz.md"),
            "tin-tuc/fuzz.md".to_string(),
            String::from_utf8_lossy(input).into_owned(),
            &units,
            &mut diags,
        );
        let Some(mut doc) = doc else {
            render(&diags);
            return;
        };
        let (site, figures) = sites
            .iter()
            .find(|(s, _)| {
                doc.front
                    .unit
                    .as_ref()
                    .is_none_or(|u| s.units.contains_key(u))
            })
            .unwrap_or(&sites[0]);
        // The lint of typed figures reads the same text and must finish.
        let words = site.theme.words("vi");
        let _ = baocao::lint::Lint::new(&site.catalogue, &words).document(&doc, figures);
        // Beside the site's articles and pages (the menu links to them); a
        // seed without a date is a page.
        let mut one = site.clone();
        if doc.front.date.is_some() {
            one.articles.push(doc);
        } else {
            doc.path = "content/pages/fuzz.md".into();
            doc.rel = "fuzz.md".into();
            one.pages.push(doc);
        }
        match baocao::render::site(&one, figures, &options) {
            Ok(_) => {
                rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Err(diags) => {
                if std::env::var_os("BAOCAO_FUZZ_DEBUG").is_some() {
                    eprintln!("{}", diags[0].render(Lang::En));
                }
                render(&diags)
            }
        }
    });
    eprintln!(
        "fuzz article_body: {} of {} cases rendered without an error",
        rendered.into_inner(),
        summary.cases
    );
}

/// A case seed always makes the same input, so reports replay.
#[test]
fn fuzz_harness_is_deterministic() {
    let seeds = corpus(&[".md"]);
    let make = mutated(&seeds);
    assert_eq!(make(&mut Rng(42)), make(&mut Rng(42)));
    assert_ne!(make(&mut Rng(42)), make(&mut Rng(43)));
}
