//! Spreadsheet import (`baocao import`): a plain table (unit, period, one
//! column per metric) or the one-stop report form "Biểu số II.06a/VPCP/KSTT"
//! with its title rows and three-level merged header → YAML period data
//! files, one per period, that `baocao build` reads.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::data::unit::Unit;
use crate::data::{Catalogue, MetricKey, MetricUnit, Period, UnitId};
use crate::date::{Date, days_in_month};
use crate::diagnostic::{self, Diagnostic};
use crate::format::slugify;
use crate::site::load_settings;
use crate::workbook::column_letters;

/// Options of `baocao import`.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The site folder (holding content/site.yaml).
    pub root: PathBuf,
    /// The spreadsheet: .xlsx, .xls or .csv.
    pub file: PathBuf,
    /// The sheet to read; by default the first one holding a table.
    pub sheet: Option<String>,
    /// Where the YAML files go (usually content/data/).
    pub out: PathBuf,
    /// Overwrite files that exist.
    pub force: bool,
}

/// What an import did, for the terminal.
#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    /// The files written.
    pub written: Vec<PathBuf>,
    /// What became of each column and row, in reading order.
    pub log: Vec<String>,
    /// Problems that did not stop the import.
    pub warnings: Vec<Diagnostic>,
}

/// Turns a spreadsheet into YAML period data files.
pub fn run(opts: &ImportOptions) -> Result<ImportReport, Vec<Diagnostic>> {
    let settings = load_settings(&opts.root)?;
    let mut log = Vec::new();
    let mut diags = Vec::new();
    let tables = read_tables(opts, &mut diags)?;
    let (table, header) = select(opts, tables, &settings.catalogue, &mut log)?;
    let ctx = Ctx {
        file: &opts.file,
        table: &table,
        catalogue: &settings.catalogue,
    };
    let records = import_table(&ctx, &header, &settings.units, &mut log, &mut diags);
    if records.is_empty() || diags.iter().any(Diagnostic::is_error) {
        diagnostic::sort(&mut diags);
        return Err(diags);
    }
    let written = write_files(opts, &table, &records, &mut log, &mut diags)?;
    diagnostic::sort(&mut diags);
    Ok(ImportReport {
        written,
        log,
        warnings: diags,
    })
}

// ---------------------------------------------------------------------------
// Reading: every input becomes a grid of cells with its merged regions.

/// A cell as read: spreadsheets keep numbers apart from text, CSV does not.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

static EMPTY: Cell = Cell::Empty;

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) => number_text(*n),
        }
    }

    fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
}

/// A merged region, rows and columns inclusive, relative to the grid.
#[derive(Clone, Copy, Debug)]
struct Region {
    r1: usize,
    c1: usize,
    r2: usize,
    c2: usize,
}

/// One sheet (or the CSV file) as a grid.
struct Table {
    /// Sheet name; `None` for CSV.
    name: Option<String>,
    rows: Vec<Vec<Cell>>,
    /// The row number a user sees (spreadsheet row, CSV line), per row.
    row_numbers: Vec<usize>,
    /// Columns before the first one read, so cell names match Excel's.
    col0: usize,
    merges: Vec<Region>,
    /// The CSV text, to show the offending line.
    source: Option<String>,
}

impl Table {
    fn cell(&self, r: usize, c: usize) -> &Cell {
        self.rows
            .get(r)
            .and_then(|row| row.get(c))
            .unwrap_or(&EMPTY)
    }

    fn text(&self, r: usize, c: usize) -> String {
        self.cell(r, c).text()
    }

    fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    fn row_number(&self, r: usize) -> usize {
        self.row_numbers.get(r).copied().unwrap_or(r + 1)
    }

    fn col_name(&self, c: usize) -> String {
        column_letters(self.col0 + c + 1)
    }

    fn cell_name(&self, r: usize, c: usize) -> String {
        format!("{}{}", self.col_name(c), self.row_number(r))
    }

    /// "sheet `X`" or "the CSV file", for messages.
    fn what(&self) -> String {
        match &self.name {
            Some(n) => format!("sheet `{n}`"),
            None => "the CSV file".to_string(),
        }
    }

    /// The text of a cell, or of the merged region it lies in when the
    /// region starts on the same row (a label spread over STT and name).
    fn label_text(&self, r: usize, c: usize) -> String {
        let own = self.text(r, c);
        if !own.is_empty() {
            return own;
        }
        self.merges
            .iter()
            .find(|m| m.r1 == r && m.c1 <= c && c <= m.c2 && r <= m.r2)
            .map(|m| self.text(m.r1, m.c1))
            .unwrap_or_default()
    }
}

/// Where a diagnostic points.
struct Ctx<'a> {
    file: &'a Path,
    table: &'a Table,
    catalogue: &'a Catalogue,
}

impl Ctx<'_> {
    fn at(&self, d: Diagnostic, r: usize, c: usize) -> Diagnostic {
        let line = self.table.row_number(r);
        let col = self.table.col0 + c + 1;
        let mut d = d.file(self.file);
        match (&self.table.name, &self.table.source) {
            (Some(sheet), _) => {
                d.message = format!(
                    "{} (sheet `{sheet}`, cell {})",
                    d.message,
                    self.table.cell_name(r, c)
                );
                d.line = Some(line);
                d.col = Some(col);
                d
            }
            (None, Some(text)) => {
                let mut d = d.at(text, line, 1);
                d.message = format!(
                    "{} (line {line}, column {})",
                    d.message,
                    self.table.col_name(c)
                );
                d
            }
            (None, None) => d,
        }
    }

    fn whole(&self, d: Diagnostic) -> Diagnostic {
        let mut d = d.file(self.file);
        d.message = format!("{} ({})", d.message, self.table.what());
        d
    }
}

fn file_error(file: &Path, message: String, hint: &str) -> Vec<Diagnostic> {
    vec![Diagnostic::error(message).file(file).hint(hint)]
}

fn read_tables(
    opts: &ImportOptions,
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<Table>, Vec<Diagnostic>> {
    let file = &opts.file;
    let bytes = std::fs::read(file).map_err(|e| {
        file_error(
            file,
            format!("cannot read {}: {e}", file.display()),
            "check the path of the spreadsheet (relative paths start at the current folder)",
        )
    })?;
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    // The content decides, not the name: one-stop systems name CSV files .xls
    // and some staff rename workbooks.
    if bytes.starts_with(b"PK\x03\x04") {
        return read_workbook(opts, WorkbookKind::Xlsx, bytes);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return read_workbook(opts, WorkbookKind::Xls, bytes);
    }
    let looks_html = bytes
        .iter()
        .take(512)
        .map(|b| b.to_ascii_lowercase())
        .collect::<Vec<u8>>()
        .windows(5)
        .any(|w| w == b"<html" || w == b"<tabl");
    if matches!(ext.as_str(), "xlsx" | "xlsm" | "xls") || looks_html {
        return Err(file_error(
            file,
            format!("{} is not an Excel workbook", file.display()),
            if looks_html {
                "this file is a web page saved with an Excel name: open it in Excel and save it as .xlsx (Excel Workbook)"
            } else {
                "open it in Excel and save it as .xlsx (Excel Workbook), or export it as CSV UTF-8"
            },
        ));
    }
    if opts.sheet.is_some() {
        diags.push(
            Diagnostic::warning(format!(
                "{} is a CSV file: --sheet is ignored",
                file.display()
            ))
            .file(file),
        );
    }
    let text = csv_text(file, &bytes)?;
    read_csv(file, text).map(|t| vec![t])
}

/// CSV as text: UTF-8 (with or without a byte-order mark) or UTF-16, which
/// Excel writes for "Unicode Text".
fn csv_text(file: &Path, bytes: &[u8]) -> Result<String, Vec<Diagnostic>> {
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|p| match (p, be) {
                ([a, b], true) => u16::from_be_bytes([*a, *b]),
                ([a, b], false) => u16::from_le_bytes([*a, *b]),
                _ => 0xFFFD,
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    let text = if bytes.starts_with(&[0xFF, 0xFE]) {
        utf16(false)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        utf16(true)
    } else {
        crate::fs::read_text(Path::new(""), file).map_err(|d| vec![d])?
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    })
}

/// The separator used most outside quotes: Excel in a Vietnamese locale
/// writes `;`, "Unicode Text" writes tabs, everything else `,`.
fn csv_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.lines().take(60).flat_map(str::chars) {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], usize::from(i == 0)))
        .unwrap_or(0);
    [b',', b';', b'\t'][best]
}

fn read_csv(file: &Path, text: String) -> Result<Table, Vec<Diagnostic>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(csv_delimiter(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut row_numbers = Vec::new();
    for result in reader.records() {
        match result {
            Ok(rec) => {
                row_numbers.push(rec.position().map_or(rows.len() + 1, |p| p.line() as usize));
                rows.push(
                    rec.iter()
                        .map(|f| {
                            if f.trim().is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(f.to_string())
                            }
                        })
                        .collect(),
                );
            }
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                return Err(vec![
                    Diagnostic::error(format!("cannot read {} as CSV: {e}", file.display()))
                        .file(file)
                        .at(&text, line, 1)
                        .hint("a field holding the separator must be wrapped in \"…\"; or save the sheet as .xlsx and import that"),
                ]);
            }
        }
    }
    Ok(Table {
        name: None,
        rows,
        row_numbers,
        col0: 0,
        merges: Vec::new(),
        source: Some(text),
    })
}

#[derive(Clone, Copy)]
enum WorkbookKind {
    Xlsx,
    Xls,
}

/// A sheet as a workbook reader gives it: name, cells, merged regions.
type RawSheet = (
    String,
    Result<calamine::Range<calamine::Data>, String>,
    Vec<calamine::Dimensions>,
);

fn read_workbook(
    opts: &ImportOptions,
    kind: WorkbookKind,
    bytes: Vec<u8>,
) -> Result<Vec<Table>, Vec<Diagnostic>> {
    use calamine::Reader;
    let file = &opts.file;
    let cannot = |e: String| {
        file_error(
            file,
            format!("cannot read {} as an Excel workbook: {e}", file.display()),
            "open it in Excel and save it as .xlsx (Excel Workbook), or export the sheet as CSV UTF-8",
        )
    };
    let cursor = std::io::Cursor::new(bytes);
    // The two readers share no trait for merged cells, so each branch reads
    // its sheets in full and the rest of the import sees only grids.
    let mut sheets: Vec<RawSheet> = Vec::new();
    match kind {
        WorkbookKind::Xlsx => {
            let mut book =
                crate::workbook::open(cursor.into_inner(), file).map_err(|e| match e {
                    crate::workbook::OpenError::Limit(d) => vec![d],
                    crate::workbook::OpenError::Unreadable(e) => cannot(e),
                })?;
            let names = wanted_sheets(opts, book.sheet_names())?;
            for name in names {
                let range = match book.range(&name, file) {
                    Ok(r) => Ok(r),
                    Err(crate::workbook::SheetError::Limit(d)) => return Err(vec![d]),
                    Err(crate::workbook::SheetError::Unreadable(e)) => Err(e),
                };
                let merges = book.merges(&name);
                sheets.push((name, range, merges));
            }
        }
        WorkbookKind::Xls => {
            let mut book = calamine::Xls::new(cursor).map_err(|e| cannot(e.to_string()))?;
            let names = wanted_sheets(opts, book.sheet_names())?;
            for name in names {
                let range = book.worksheet_range(&name).map_err(|e| e.to_string());
                let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
                sheets.push((name, range, merges));
            }
        }
    }
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    for (name, range, merges) in sheets {
        match range {
            Ok(range) => tables.push(sheet_table(name, &range, &merges)),
            Err(e) => errors.push(
                Diagnostic::error(format!(
                    "cannot read sheet `{name}` of {}: {e}",
                    file.display()
                ))
                .file(file)
                .hint("open the workbook in Excel and save it again as .xlsx"),
            ),
        }
    }
    if tables.is_empty() {
        if errors.is_empty() {
            errors = file_error(
                file,
                format!("{} holds no sheet", file.display()),
                "export the report again from the one-stop system",
            );
        }
        return Err(errors);
    }
    Ok(tables)
}

/// The sheets to look at: the one `--sheet` names, or all of them.
fn wanted_sheets(opts: &ImportOptions, names: Vec<String>) -> Result<Vec<String>, Vec<Diagnostic>> {
    let Some(wanted) = &opts.sheet else {
        return Ok(names);
    };
    if names.iter().any(|n| n == wanted) {
        return Ok(vec![wanted.clone()]);
    }
    // Sheet names are typed by hand on the command line: forgive case and
    // spaces, not more.
    let loose = |s: &str| crate::data::catalogue::normalize_header(s);
    if let Some(n) = names.iter().find(|n| loose(n) == loose(wanted)) {
        return Ok(vec![n.clone()]);
    }
    let list = names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut hint = format!("the sheets of this workbook are: {list}");
    if let Some(s) = diagnostic::nearest(wanted, names.iter().map(String::as_str)) {
        hint = format!("did you mean `{s}`? {hint}");
    }
    Err(vec![
        Diagnostic::error(format!("{} has no sheet `{wanted}`", opts.file.display()))
            .file(&opts.file)
            .hint(hint),
    ])
}

fn sheet_table(
    name: String,
    range: &calamine::Range<calamine::Data>,
    merges: &[calamine::Dimensions],
) -> Table {
    use calamine::Data;
    let (r0, c0) = range
        .start()
        .map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let rows: Vec<Vec<Cell>> = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|d| match d {
                    Data::Empty => Cell::Empty,
                    Data::String(s) if s.trim().is_empty() => Cell::Empty,
                    Data::String(s) => Cell::Text(s.clone()),
                    Data::Float(f) if f.is_finite() => Cell::Number(*f),
                    Data::Float(_) => Cell::Text("NaN".into()),
                    Data::Int(i) => Cell::Number(*i as f64),
                    Data::Bool(b) => Cell::Text(b.to_string()),
                    // Dates are kept as the text a user sees, so a "Từ ngày"
                    // line typed as date cells still reads as a period.
                    Data::DateTime(dt) if dt.is_datetime() => {
                        let (y, m, day, ..) = dt.to_ymd_hms_milli();
                        Cell::Text(format!("{day}/{m}/{y}"))
                    }
                    Data::DateTime(dt) => Cell::Text(dt.as_f64().to_string()),
                    Data::DateTimeIso(s) => match s.get(..10).and_then(Date::parse) {
                        Some(d) => Cell::Text(format!("{}/{}/{}", d.day, d.month, d.year)),
                        None => Cell::Text(s.clone()),
                    },
                    Data::DurationIso(s) => Cell::Text(s.clone()),
                    Data::Error(e) => Cell::Text(e.to_string()),
                })
                .collect()
        })
        .collect();
    let row_numbers = (0..rows.len()).map(|r| r0 + r + 1).collect();
    let merges = merges
        .iter()
        .filter_map(|m| {
            let (r1, c1) = (m.start.0 as usize, m.start.1 as usize);
            let (r2, c2) = (m.end.0 as usize, m.end.1 as usize);
            // A region starting above or left of the data holds no value here.
            (r1 >= r0 && c1 >= c0 && r2 >= r1 && c2 >= c1).then(|| Region {
                r1: r1 - r0,
                c1: c1 - c0,
                r2: r2 - r0,
                c2: c2 - c0,
            })
        })
        .collect();
    Table {
        name: Some(name),
        rows,
        row_numbers,
        col0: c0,
        merges,
        source: None,
    }
}

/// Picks the table to import: the named sheet, or the first sheet with a
/// header baocao recognises.
fn select(
    opts: &ImportOptions,
    tables: Vec<Table>,
    catalogue: &Catalogue,
    log: &mut Vec<String>,
) -> Result<(Table, Header), Vec<Diagnostic>> {
    let mut found: Option<(Table, Header)> = None;
    let mut others = Vec::new();
    let mut failures = Vec::new();
    for table in tables {
        let ctx = Ctx {
            file: &opts.file,
            table: &table,
            catalogue,
        };
        match find_header(&ctx) {
            Ok(h) if found.is_none() => found = Some((table, h)),
            Ok(_) => others.extend(table.name.clone()),
            Err(d) => failures.push(d),
        }
    }
    let Some((table, header)) = found else {
        if failures.len() == 1 {
            return Err(failures);
        }
        return Err(vec![
            Diagnostic::error(format!(
                "no sheet of {} holds a table with a recognisable header",
                opts.file.display()
            ))
            .file(&opts.file)
            .hint(HEADER_HINT),
        ]);
    };
    match &table.name {
        Some(name) => log.push(format!("reading {}, sheet \"{name}\"", opts.file.display())),
        None => log.push(format!("reading {}", opts.file.display())),
    }
    if !others.is_empty() {
        let list = others
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ");
        log.push(format!(
            "the sheets {list} hold tables too: import them with --sheet NAME"
        ));
    }
    Ok((table, header))
}

const HEADER_HINT: &str = "the header names a unit column (Đơn vị, or \"Lĩnh vực, công việc giải quyết theo cấp\" in form II.06a), optionally a period column (Kỳ báo cáo), and columns of figures named by the catalogue's labels or aliases (Tiếp nhận, Đã giải quyết, Trước hạn, …)";

// ---------------------------------------------------------------------------
// Text folding: compare labels and names without case, spacing, punctuation
// or diacritics, since every export spells them its own way.

/// Lower-case ASCII words: "Trực tiếp, dịch vụ bưu chính" → "truc tiep dich vu buu chinh".
fn fold(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    deunicode::deunicode(&nfc)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A header label folded, without the column numbers some forms print in
/// it ("Trực tuyến (4)").
fn label_fold(s: &str) -> String {
    fold(s)
        .split(' ')
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the folded text holds the folded phrase as whole words.
fn has(folded: &str, phrase: &str) -> bool {
    format!(" {folded} ").contains(&format!(" {phrase} "))
}

fn any_of(folded: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has(folded, p))
}

/// Integers without `.0`; other numbers in their shortest form.
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

// ---------------------------------------------------------------------------
// Figures.

enum Figure {
    Absent,
    Value(f64),
    Bad,
    /// A whole-number figure whose separators are not thousands groups.
    NotWhole,
}

/// Reads a figure: numbers as they are, and text as Vietnamese sheets
/// write it — "10.551" (thousands), "93,1" (decimal comma), "-" (none) —
/// by the rule every reader shares (`data::number`).
fn figure(cell: &Cell, count: bool) -> Figure {
    let text = match cell {
        Cell::Empty => return Figure::Absent,
        Cell::Number(n) => return Figure::Value(*n),
        Cell::Text(t) => t,
    };
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let t = t.strip_suffix('%').unwrap_or(&t);
    if t.is_empty() || matches!(t, "-" | "–" | "—" | "…" | "...") {
        return Figure::Absent;
    }
    match crate::data::number::parse(t, count) {
        Ok(n) => Figure::Value(n),
        Err(crate::data::number::Problem::NotWhole) => Figure::NotWhole,
        Err(crate::data::number::Problem::NotANumber) => Figure::Bad,
    }
}

fn is_numeric(cell: &Cell) -> bool {
    matches!(figure(cell, true), Figure::Value(_))
}

// ---------------------------------------------------------------------------
// The header: where it is, how deep, and what each column holds.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Received,
    Resolved,
    Pending,
}

/// How a metric column relates to the form's received columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Via {
    Plain,
    /// A part of the dossiers received in the period (online, direct, postal).
    InPeriodPart,
    /// Direct and postal in one column.
    MergedDirectPostal,
}

#[derive(Clone, Debug)]
enum Role {
    Unit,
    Period,
    Source,
    RowNumber,
    Metric(MetricKey, MetricUnit, Via),
    /// The form's "Tổng số" received: in-period plus carried over.
    ReceivedWithCarry,
    /// A "Tổng số" under the received group, resolved once every column is known.
    ReceivedTotal,
    Ignored(String),
}

#[derive(Clone, Debug)]
struct Column {
    col: usize,
    path: Vec<String>,
    role: Role,
}

impl Column {
    fn label(&self) -> String {
        self.path.join(" / ")
    }

    fn carries_figures(&self) -> bool {
        matches!(
            self.role,
            Role::Metric(..) | Role::ReceivedWithCarry | Role::Ignored(_)
        )
    }
}

struct Header {
    /// First and last header row.
    start: usize,
    end: usize,
    numbering: Option<usize>,
    columns: Vec<Column>,
}

impl Header {
    fn units(&self) -> impl Iterator<Item = usize> + '_ {
        self.columns
            .iter()
            .filter(|c| matches!(c.role, Role::Unit))
            .map(|c| c.col)
    }

    fn role_col(&self, f: impl Fn(&Role) -> bool) -> Option<usize> {
        self.columns.iter().find(|c| f(&c.role)).map(|c| c.col)
    }

    /// Columns left of the first figure column hold the row's labels.
    fn label_area(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| c.carries_figures())
            .map(|c| c.col)
            .min()
            .unwrap_or(usize::MAX)
    }
}

fn is_unit_label(text: &str) -> bool {
    let f = label_fold(text);
    const NAMES: &[&str] = &[
        "unit",
        "don vi",
        "ten don vi",
        "ma don vi",
        "co quan",
        "ten co quan",
        "co quan don vi",
        "ten co quan don vi",
        "don vi linh vuc",
        "don vi giai quyet",
        "dia phuong",
        "ten dia phuong",
        "don vi hanh chinh",
        "linh vuc cong viec giai quyet theo cap",
    ];
    NAMES.contains(&f.as_str()) || (has(&f, "linh vuc") && has(&f, "theo cap"))
}

fn is_period_label(f: &str) -> bool {
    matches!(f, "period" | "ky" | "ky bao cao" | "thoi gian bao cao")
}

fn is_source_label(f: &str) -> bool {
    matches!(f, "source" | "nguon" | "nguon so lieu")
}

fn is_row_number_label(f: &str) -> bool {
    matches!(f, "stt" | "tt" | "so tt" | "so thu tu")
}

fn group_of(label: &str) -> Option<Group> {
    let f = label_fold(label);
    if any_of(
        &f,
        &[
            "dang giai quyet",
            "chua giai quyet",
            "dang xu ly",
            "chua tra ket qua",
        ],
    ) {
        Some(Group::Pending)
    } else if any_of(
        &f,
        &[
            "da giai quyet",
            "giai quyet xong",
            "da tra ket qua",
            "da xu ly",
        ],
    ) {
        Some(Group::Resolved)
    } else if any_of(
        &f,
        &["tiep nhan", "nhan giai quyet", "da nhan", "ho so nhan"],
    ) {
        Some(Group::Received)
    } else {
        None
    }
}

fn metric(catalogue: &Catalogue, key: &str, via: Via) -> Role {
    match catalogue.get(key) {
        Some(def) => Role::Metric(def.key.clone(), def.unit, via),
        None => Role::Ignored(format!("the catalogue has no metric `{key}`")),
    }
}

/// What a column holds, from its whole header path: leaf labels such as
/// "Tổng số" or "Quá hạn" repeat under each group.
fn classify(path: &[String], catalogue: &Catalogue) -> Role {
    let Some(leaf) = path.last() else {
        return Role::Ignored("no header".into());
    };
    let lf = label_fold(leaf);
    if path.iter().any(|l| is_unit_label(l)) {
        return Role::Unit;
    }
    if is_period_label(&lf) {
        return Role::Period;
    }
    if is_source_label(&lf) {
        return Role::Source;
    }
    if is_row_number_label(&lf) {
        return Role::RowNumber;
    }
    if path.len() == 1 {
        if let Some(def) = catalogue.by_header(leaf) {
            return Role::Metric(def.key.clone(), def.unit, Via::Plain);
        }
    }
    let ancestors = &path[..path.len() - 1];
    let group = ancestors.iter().rev().find_map(|a| group_of(a));
    if let Some(role) = by_rules(&lf, group, catalogue) {
        return role;
    }
    if let Some(def) = catalogue
        .by_header(leaf)
        .or_else(|| catalogue.by_header(&path.join(" ")))
    {
        return Role::Metric(def.key.clone(), def.unit, Via::Plain);
    }
    Role::Ignored("no metric of the catalogue has this name".into())
}

fn by_rules(lf: &str, group: Option<Group>, catalogue: &Catalogue) -> Option<Role> {
    let m = |key: &str, via: Via| Some(metric(catalogue, key, via));
    let part = if group == Some(Group::Received) {
        Via::InPeriodPart
    } else {
        Via::Plain
    };
    let total = matches!(lf, "tong so" | "tong" | "tong cong" | "cong");
    if matches!(group, None | Some(Group::Received)) {
        if any_of(
            lf,
            &[
                "tu ky truoc",
                "ky truoc chuyen qua",
                "ky truoc chuyen sang",
                "ton ky truoc",
                "ton truoc",
            ],
        ) {
            return m("carried_over", Via::Plain);
        }
        if has(lf, "truc tuyen") {
            return m("received_online", part);
        }
        if has(lf, "truc tiep") && any_of(lf, &["buu chinh", "bcci"]) {
            return m("received_direct", Via::MergedDirectPostal);
        }
        if has(lf, "truc tiep") {
            return m("received_direct", part);
        }
        if any_of(lf, &["buu chinh", "bcci"]) {
            return m("received_postal", part);
        }
    }
    match group {
        Some(Group::Received) if total => Some(Role::ReceivedTotal),
        Some(Group::Received)
            if matches!(
                lf,
                "trong ky"
                    | "moi tiep nhan"
                    | "so moi tiep nhan"
                    | "tiep nhan moi"
                    | "tiep nhan trong ky"
            ) =>
        {
            m("received", Via::Plain)
        }
        Some(Group::Resolved) if total => m("resolved", Via::Plain),
        Some(Group::Resolved) => {
            if any_of(lf, &["truoc han", "som han"]) || lf == "som" {
                m("resolved_early", Via::Plain)
            } else if any_of(lf, &["dung han", "dung thoi han"]) || lf == "dung" {
                m("resolved_on_time", Via::Plain)
            } else if any_of(lf, &["qua han", "tre han", "cham"]) || lf == "tre" {
                m("resolved_late", Via::Plain)
            } else {
                None
            }
        }
        Some(Group::Pending) if total => m("pending", Via::Plain),
        Some(Group::Pending) | None
            if any_of(lf, &["trong han", "chua den han", "chua qua han"]) =>
        {
            Some(Role::Ignored(
                "the catalogue has no metric for dossiers pending within their deadline".into(),
            ))
        }
        Some(Group::Pending) if any_of(lf, &["qua han", "tre han"]) => {
            m("pending_overdue", Via::Plain)
        }
        None if total => Some(Role::Ignored(
            "a total without a group above it is ambiguous".into(),
        )),
        _ => None,
    }
}

/// A row of column numbers under the header: "(1)", "(2)", … or 1, 2, 3, …
fn is_numbering_row(table: &Table, r: usize) -> bool {
    let Some(row) = table.rows.get(r) else {
        return false;
    };
    let cells: Vec<String> = row
        .iter()
        .filter(|c| !c.is_blank())
        .map(Cell::text)
        .collect();
    if cells.len() < 3 {
        return false;
    }
    let paren = |t: &str| {
        t.strip_prefix('(')
            .and_then(|rest| rest.split_once(')'))
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let letter = |t: &str| t.len() == 1 && t.bytes().all(|b| b.is_ascii_uppercase());
    let ints: Vec<u64> = cells.iter().filter_map(|t| t.parse::<u64>().ok()).collect();
    let parens = cells.iter().filter(|t| paren(t)).count();
    let all_tokens = cells
        .iter()
        .all(|t| paren(t) || letter(t) || t.parse::<u64>().is_ok());
    let consecutive = ints.len() >= 3 && ints.windows(2).all(|w| w[1] == w[0] + 1) && ints[0] <= 2;
    all_tokens && (parens >= 3 || consecutive)
}

/// Finds the header: the first row naming a unit column, extended down over
/// the rows of a multi-level header.
fn find_header(ctx: &Ctx<'_>) -> Result<Header, Diagnostic> {
    let table = ctx.table;
    let mut last_problem = None;
    for start in 0..table.rows.len() {
        let unit_cols: Vec<usize> = (0..table.rows[start].len())
            .filter(|&c| is_unit_label(&table.text(start, c)))
            .collect();
        let Some(&unit_col) = unit_cols.first() else {
            continue;
        };
        let header = build_header(ctx, start, unit_col);
        if header
            .columns
            .iter()
            .any(|c| matches!(c.role, Role::Metric(..) | Role::ReceivedWithCarry))
        {
            return Ok(header);
        }
        last_problem = Some(ctx.at(
            Diagnostic::error(
                "the header names a unit column but no column of figures the catalogue knows",
            ),
            start,
            unit_col,
        ));
    }
    // Without a unit label, a row with two or more metric names is taken as
    // the header and its first column of names as the unit column.
    if last_problem.is_none() {
        for start in 0..table.rows.len() {
            let metrics: Vec<usize> = (0..table.rows[start].len())
                .filter(|&c| {
                    let t = table.text(start, c);
                    !t.is_empty()
                        && (ctx.catalogue.by_header(&t).is_some() || group_of(&t).is_some())
                })
                .collect();
            if metrics.len() < 2 {
                continue;
            }
            let first_metric = metrics[0];
            let unit_col = (0..first_metric).find(|&c| {
                let f = label_fold(&table.text(start, c));
                !f.is_empty()
                    && !is_row_number_label(&f)
                    && !is_period_label(&f)
                    && !is_source_label(&f)
            });
            if let Some(unit_col) = unit_col {
                let mut header = build_header(ctx, start, unit_col);
                for c in &mut header.columns {
                    if c.col == unit_col {
                        c.role = Role::Unit;
                    }
                }
                if header
                    .columns
                    .iter()
                    .any(|c| matches!(c.role, Role::Metric(..)))
                {
                    return Ok(header);
                }
            }
            break;
        }
    }
    Err(last_problem
        .unwrap_or_else(|| {
            ctx.whole(Diagnostic::error(format!(
                "no recognisable header in {}",
                ctx.file.display()
            )))
        })
        .hint(HEADER_HINT))
}

/// Deepest header of the form: three levels, leave room for one more.
const MAX_HEADER_ROWS: usize = 5;

fn build_header(ctx: &Ctx<'_>, start: usize, unit_col: usize) -> Header {
    let table = ctx.table;
    let width = table.width();
    let mut end = start;
    let mut numbering = None;
    // The unit label is merged down over the whole header in the form.
    for m in &table.merges {
        if m.r1 == start && m.c1 <= unit_col && unit_col <= m.c2 && m.r2 < start + MAX_HEADER_ROWS {
            end = end.max(m.r2);
        }
    }
    loop {
        let r = end + 1;
        if r >= table.rows.len() || r >= start + MAX_HEADER_ROWS {
            break;
        }
        if is_numbering_row(table, r) {
            numbering = Some(r);
            break;
        }
        let row = &table.rows[r];
        let filled: Vec<usize> = (0..row.len()).filter(|&c| !row[c].is_blank()).collect();
        // A lower header row has labels only over the figures: a row with
        // a name in the label columns, or with numbers, is data.
        let continues = !filled.is_empty()
            && filled.iter().all(|&c| c > unit_col && !is_numeric(&row[c]))
            && filled
                .iter()
                .any(|&c| !is_row_number_label(&label_fold(&row[c].text())));
        if !continues {
            break;
        }
        end = r;
    }
    if numbering.is_none() && is_numbering_row(table, end + 1) {
        numbering = Some(end + 1);
    }
    let levels = end - start + 1;
    let mut grid: Vec<Vec<String>> = (start..=end)
        .map(|r| (0..width).map(|c| table.text(r, c)).collect())
        .collect();
    let mut covered = vec![vec![false; width]; levels];
    // Merged cells hold their label in the top-left cell only.
    for m in &table.merges {
        if m.r2 < start || m.r1 > end || m.c1 >= width {
            continue;
        }
        let value = table.text(m.r1, m.c1);
        for r in m.r1.max(start)..=m.r2.min(end) {
            for c in m.c1..=m.c2.min(width.saturating_sub(1)) {
                let (i, slot) = (r - start, &mut grid[r - start][c]);
                if slot.is_empty() {
                    slot.clone_from(&value);
                }
                covered[i][c] = true;
            }
        }
    }
    // Without merge information (CSV, or a sheet whose header was merged by
    // "centre across selection"), a group label stands over its first column
    // only: carry it right over empty cells that have labels below them.
    let below = |grid: &[Vec<String>], i: usize, c: usize| {
        grid[i + 1..].iter().any(|row| !row[c].is_empty())
    };
    for i in 0..levels.saturating_sub(1) {
        for c in 1..width {
            if grid[i][c].is_empty()
                && !covered[i][c]
                && below(&grid, i, c)
                && !grid[i][c - 1].is_empty()
                && below(&grid, i, c - 1)
            {
                let left = grid[i][c - 1].clone();
                grid[i][c] = left;
            }
        }
    }
    let mut columns = Vec::new();
    for c in 0..width {
        let mut path: Vec<String> = Vec::new();
        for row in &grid {
            let label = row[c].split_whitespace().collect::<Vec<_>>().join(" ");
            if !label.is_empty() && path.last() != Some(&label) {
                path.push(label);
            }
        }
        if path.is_empty() {
            continue;
        }
        let role = classify(&path, ctx.catalogue);
        columns.push(Column { col: c, path, role });
    }
    resolve_roles(&mut columns, ctx.catalogue);
    Header {
        start,
        end,
        numbering,
        columns,
    }
}

/// Decisions that need every column: whether the form's received "Tổng số"
/// includes carry-over, and what to do with two columns for one metric.
fn resolve_roles(columns: &mut [Column], catalogue: &Catalogue) {
    let has_carry = columns
        .iter()
        .any(|c| matches!(&c.role, Role::Metric(k, ..) if k.as_str() == "carried_over"));
    let has_received = columns
        .iter()
        .any(|c| matches!(&c.role, Role::Metric(k, ..) if k.as_str() == "received"));
    for c in columns.iter_mut() {
        if matches!(c.role, Role::ReceivedTotal) {
            c.role = match (has_carry, has_received) {
                (true, _) => Role::ReceivedWithCarry,
                (false, false) => metric(catalogue, "received", Via::Plain),
                (false, true) => Role::Ignored("a second total of received dossiers".into()),
            };
        }
    }
    let mut first: HashMap<MetricKey, (String, Via)> = HashMap::new();
    for c in columns.iter_mut() {
        if let Role::Metric(key, _, via) = &c.role {
            match first.get(key) {
                // Online dossiers may come as "toàn trình" and "một phần": added up.
                Some((_, first_via))
                    if key.as_str() == "received_online"
                        && *via == Via::InPeriodPart
                        && *first_via == Via::InPeriodPart => {}
                Some((label, _)) => {
                    c.role = Role::Ignored(format!("the column \"{label}\" already gives {key}"));
                }
                None => {
                    first.insert(key.clone(), (c.label(), *via));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Periods: from a column, or from the "Kỳ báo cáo" lines above the table.

fn roman(w: &str) -> Option<u8> {
    match w {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

fn year_of(w: &str) -> Option<i32> {
    (w.len() == 4)
        .then(|| w.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// A period named in words: "Quý III năm 2023", "6 tháng đầu năm 2023",
/// "9 tháng năm 2023", "Tháng 10/2023", "Năm 2023", or a period id.
fn period_from_words(text: &str) -> Option<Period> {
    if let Ok(p) = Period::parse(text.trim()) {
        return Some(p);
    }
    let f = fold(text);
    let t: Vec<&str> = f.split(' ').collect();
    let year = t.iter().find_map(|w| year_of(w))?;
    for (i, w) in t.iter().enumerate() {
        if *w == "quy" {
            if let Some(q) = t.get(i + 1).and_then(|n| roman(n)) {
                return Some(Period::Quarter(year, q));
            }
        }
    }
    for (i, w) in t.iter().enumerate() {
        if *w != "thang" || i == 0 {
            continue;
        }
        if let Some(n) = t[i - 1].parse::<u8>().ok().filter(|n| (1..=12).contains(n)) {
            if n == 6 && t.get(i + 1) == Some(&"cuoi") {
                return Some(Period::Half(year, 2));
            }
            return Period::parse(&format!("{year}-{n}M")).ok();
        }
    }
    for (i, w) in t.iter().enumerate() {
        if *w == "thang" {
            if let Some(m) = t
                .get(i + 1)
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|m| (1..=12).contains(m))
            {
                return Some(Period::Month(year, m));
            }
        }
    }
    t.contains(&"nam").then_some(Period::Year(year))
}

/// Dates in a line: 15/6/2023, 15-06-2023, 15/6 (year from the next one),
/// or "ngày 15 tháng 6 năm 2023".
fn dates_in(line: &str) -> Vec<(u8, u8, Option<i32>)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let number = |i: usize, max: usize| -> (Option<u32>, usize) {
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() && j - i < max + 1 {
            j += 1;
        }
        if j == i || j - i > max {
            return (None, i);
        }
        let n = chars[i..j].iter().collect::<String>().parse().ok();
        (n, j)
    };
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !chars[i - 1].is_alphanumeric();
        if !(chars[i].is_ascii_digit() && boundary) {
            i += 1;
            continue;
        }
        let parsed = (|| {
            let (d, j) = number(i, 2);
            let d = d?;
            let sep = *chars.get(j)?;
            if !matches!(sep, '/' | '-' | '.') {
                return None;
            }
            let (m, k) = number(j + 1, 2);
            let m = m?;
            let (mut y, mut end) = (None, k);
            if chars.get(k) == Some(&sep) {
                let (yy, e) = number(k + 1, 4);
                if let Some(yy) = yy.filter(|_| e - (k + 1) == 4 || e - (k + 1) == 2) {
                    y = Some(if yy < 100 {
                        2000 + yy as i32
                    } else {
                        yy as i32
                    });
                    end = e;
                }
            }
            if chars.get(end).is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some(((d as u8, m as u8, y), end))
        })();
        match parsed {
            Some((date, end)) => {
                out.push(date);
                i = end;
            }
            None => {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            }
        }
    }
    if out.len() >= 2 {
        return out;
    }
    // "ngày 15 tháng 6 năm 2023"
    let f = fold(line);
    let t: Vec<&str> = f.split(' ').collect();
    let mut words = Vec::new();
    for (i, w) in t.iter().enumerate() {
        if *w != "ngay" {
            continue;
        }
        let get = |k: usize| t.get(i + k).copied().unwrap_or("");
        let (Ok(d), Ok(m)) = (get(1).parse::<u8>(), get(3).parse::<u8>()) else {
            continue;
        };
        if get(2) != "thang" || !(1..=31).contains(&d) || !(1..=12).contains(&m) {
            continue;
        }
        let y = (get(4) == "nam").then(|| year_of(get(5))).flatten();
        words.push((d, m, y));
    }
    if words.len() >= 2 { words } else { out }
}

/// The two dates of a "(Từ ngày 15/6/2023 đến ngày 14/9/2023)" line.
fn range_in(line: &str) -> Option<(Date, Date)> {
    let f = fold(line);
    if any_of(&f, &["thong tu", "nghi dinh", "quyet dinh", "cong van"]) {
        return None;
    }
    let dates = dates_in(line);
    if dates.len() < 2
        || !(has(&f, "den") || has(&f, "tu") || line.contains('-') || line.contains('–'))
    {
        return None;
    }
    let ((d1, m1, y1), (d2, m2, y2)) = (dates[0], dates[1]);
    let (y1, y2) = match (y1, y2) {
        (Some(a), Some(b)) => (a, b),
        (None, Some(b)) => (if (m1, d1) > (m2, d2) { b - 1 } else { b }, b),
        (Some(a), None) => (a, if (m2, d2) < (m1, d1) { a + 1 } else { a }),
        (None, None) => return None,
    };
    let a = Date::new(y1, m1, d1)?;
    let b = Date::new(y2, m2, d2)?;
    (a <= b).then_some((a, b))
}

/// A date range as a period id: the official cycle (15th of the month
/// before to the 14th, Nghị định 09/2019/NĐ-CP) or calendar months name a
/// month, quarter, half, first N months or year; anything else stays a range.
fn period_from_range(a: Date, b: Date) -> (Period, &'static str) {
    let range = (Period::Range(a, b), "an explicit range");
    let official = a.day == 15 && b.day == 14;
    let calendar = a.day == 1 && b.day == days_in_month(b.year, b.month);
    if !official && !calendar {
        return range;
    }
    let (mut fy, mut fm) = (a.year, a.month);
    if official {
        if fm == 12 {
            fy += 1;
            fm = 1;
        } else {
            fm += 1;
        }
    }
    let (ly, lm) = (b.year, b.month);
    if fy != ly || lm < fm {
        return range;
    }
    let why = if official {
        "the official cycle, 15th to 14th"
    } else {
        "calendar months"
    };
    let period = if fm == lm {
        Period::Month(ly, lm)
    } else if fm == 1 {
        match Period::parse(&format!("{ly}-{lm}M")) {
            Ok(p) => p,
            Err(_) => return range,
        }
    } else if fm == 7 && lm == 12 {
        Period::Half(ly, 2)
    } else if matches!(fm, 4 | 7 | 10) && lm == fm + 2 {
        Period::Quarter(ly, (fm - 1) / 3 + 1)
    } else {
        return range;
    };
    (period, why)
}

/// The period the title rows state, with the log line saying where from.
fn title_period(
    ctx: &Ctx<'_>,
    header: &Header,
    log: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Period> {
    let table = ctx.table;
    let lines: Vec<(usize, String)> = (0..header.start)
        .map(|r| {
            let texts: Vec<String> = table.rows[r]
                .iter()
                .map(Cell::text)
                .filter(|t| !t.is_empty())
                .collect();
            (r, texts.join(" "))
        })
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let mut from_range = None;
    let mut named = None;
    for (r, line) in &lines {
        if from_range.is_none() {
            if let Some((a, b)) = range_in(line) {
                from_range = Some((*r, line.clone(), period_from_range(a, b)));
            }
        }
        let f = fold(line);
        if named.is_none() && has(&f, "ky bao cao") {
            let after_colon = line.split_once(':').map(|(_, t)| t.trim().to_string());
            let rest = f
                .split_once("ky bao cao")
                .map(|(_, t)| t.to_string())
                .unwrap_or_default();
            let p = after_colon
                .as_deref()
                .and_then(|t| Period::parse(t).ok())
                .or_else(|| period_from_words(&rest));
            if let Some(p) = p {
                named = Some((*r, line.clone(), p));
            }
        }
    }
    // Some forms state the period only in the title: "BÁO CÁO … QUÝ III NĂM 2023".
    if named.is_none() && from_range.is_none() {
        named = lines
            .iter()
            .filter(|(_, l)| {
                let f = fold(l);
                !any_of(&f, &["ngay", "thong tu", "nghi dinh", "quyet dinh", "so"])
                    && any_of(&f, &["quy", "thang", "nam"])
            })
            .find_map(|(r, l)| period_from_words(l).map(|p| (*r, l.clone(), p)));
    }
    match (from_range, named) {
        (Some((r, line, (p, why))), named) => {
            log.push(format!(
                "period {} from \"{}\" (row {}: {why})",
                p.id(),
                line,
                table.row_number(r)
            ));
            if let Some((nr, nline, np)) = named {
                if np != p {
                    diags.push(
                        ctx.at(
                            Diagnostic::warning(format!(
                                "\"{nline}\" names the period {} but the dates give {}: the dates are used",
                                np.id(),
                                p.id()
                            )),
                            nr,
                            0,
                        )
                        .hint("check the report's dates; or correct the period in the written files"),
                    );
                }
            }
            Some(p)
        }
        (None, Some((r, line, p))) => {
            log.push(format!(
                "period {} from \"{}\" (row {})",
                p.id(),
                line,
                table.row_number(r)
            ));
            Some(p)
        }
        (None, None) => None,
    }
}

/// A period cell of a plain table: an id, or words.
fn period_cell(cell: &Cell) -> Option<Period> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 => Period::parse(&number_text(*n)).ok(),
        Cell::Number(_) | Cell::Empty => None,
        Cell::Text(t) => Period::parse(t).ok().or_else(|| period_from_words(t)),
    }
}

// ---------------------------------------------------------------------------
// Units: matched by name, short name or id, forgiving case, spacing,
// diacritics and the "UBND" / "Ủy ban nhân dân" prefix.

struct UnitIndex {
    /// Per unit, its keys at three levels of leniency.
    units: Vec<(UnitId, [Vec<String>; 3])>,
}

/// Words of a name, lower case, with and without diacritics.
fn name_words(s: &str) -> (Vec<String>, Vec<String>) {
    let nfc: String = s.nfc().collect::<String>().to_lowercase();
    let exact: Vec<String> = nfc
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let folded = exact.iter().map(|w| fold(w).replace(' ', "")).collect();
    (exact, folded)
}

/// Drops the agency prefix ("UBND", "Ủy ban nhân dân") and, for the most
/// lenient key, a level word ("phường", "huyện", …).
fn name_keys(s: &str) -> [String; 3] {
    let (exact, folded) = name_words(s);
    let skip = if folded.first().is_some_and(|w| w == "ubnd") {
        1
    } else if folded.len() > 4 && folded[..4] == ["uy", "ban", "nhan", "dan"] {
        4
    } else {
        0
    };
    let exact = exact[skip.min(exact.len())..].join(" ");
    let folded: Vec<&str> = folded[skip.min(folded.len())..]
        .iter()
        .map(String::as_str)
        .collect();
    let level = [
        &["thi", "tran"][..],
        &["thi", "xa"],
        &["thanh", "pho"],
        &["phuong"],
        &["xa"],
        &["huyen"],
        &["quan"],
        &["tp"],
        &["tinh"],
    ]
    .iter()
    .find(|p| folded.len() > p.len() && folded.starts_with(p))
    .map_or(0, |p| p.len());
    [exact, folded.join(" "), folded[level..].join(" ")]
}

impl UnitIndex {
    fn new(units: &BTreeMap<UnitId, Unit>) -> UnitIndex {
        let units = units
            .values()
            .map(|u| {
                let mut keys: [Vec<String>; 3] = Default::default();
                let id_words = u.id.0.replace('-', " ");
                for name in [Some(&u.name), u.short.as_ref(), Some(&id_words)]
                    .into_iter()
                    .flatten()
                {
                    for (tier, k) in name_keys(name).into_iter().enumerate() {
                        if !k.is_empty() {
                            keys[tier].push(k);
                        }
                    }
                }
                (u.id.clone(), keys)
            })
            .collect();
        UnitIndex { units }
    }

    /// The unit a row names; `Err` lists the units an ambiguous name fits.
    fn find(&self, name: &str) -> Result<Option<UnitId>, Vec<UnitId>> {
        if let Some((id, _)) = self.units.iter().find(|(id, _)| id.0 == name.trim()) {
            return Ok(Some(id.clone()));
        }
        let keys = name_keys(name);
        for (tier, key) in keys.iter().enumerate() {
            if key.is_empty() {
                continue;
            }
            let hits: Vec<&UnitId> = self
                .units
                .iter()
                .filter(|(_, k)| k[tier].contains(key))
                .map(|(id, _)| id)
                .collect();
            match hits.len() {
                0 => continue,
                1 => return Ok(Some(hits[0].clone())),
                _ => return Err(hits.into_iter().cloned().collect()),
            }
        }
        Ok(None)
    }
}

/// The id and level to suggest for a unit missing from site.yaml.
fn suggestion(name: &str) -> (String, String, &'static str) {
    let (exact_words, folded) = name_words(name);
    let skip = if folded.first().is_some_and(|w| w == "ubnd") {
        1
    } else if folded.len() > 4 && folded[..4] == ["uy", "ban", "nhan", "dan"] {
        4
    } else {
        0
    };
    // Keep the user's spelling, minus the agency prefix, with a capital.
    let words: Vec<&str> = name.split_whitespace().collect();
    let shown = if skip > 0 && words.len() == exact_words.len() {
        let rest = words[skip..].join(" ");
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => rest,
        }
    } else {
        name.trim().to_string()
    };
    let f = folded[skip.min(folded.len())..].join(" ");
    let level = if any_of(&f, &["phuong", "xa", "thi tran"]) && !f.starts_with("thi xa") {
        "commune"
    } else if f.starts_with("huyen") || f.starts_with("quan") || f.starts_with("thi xa") {
        "district"
    } else if f.starts_with("thanh pho") || f.starts_with("tp") {
        "city"
    } else if f.starts_with("tinh") {
        "province"
    } else if f.starts_with("trung tam") || f.starts_with("bo phan") {
        "center"
    } else {
        "commune"
    };
    (slugify(&shown), shown, level)
}

/// Strips list markers a form puts before names: "1.", "a)", "-", "I.".
fn clean_name(s: &str) -> String {
    let t = s.trim();
    let mut rest = t;
    if let Some((head, tail)) = t.split_once(char::is_whitespace) {
        let h = head.trim_end_matches(['.', ')', ':']);
        let marker = matches!(head, "-" | "+" | "•" | "*" | "–")
            || ((head.ends_with('.') || head.ends_with(')'))
                && !h.is_empty()
                && (h.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    // "a." and "b)" number rows; "P." and "X." abbreviate
                    // Phường and Xã, so an upper-case letter needs ")".
                    || (h.len() == 1 && h.bytes().all(|b| b.is_ascii_lowercase()))
                    || (h.len() == 1 && head.ends_with(')') && h.bytes().all(|b| b.is_ascii_uppercase()))
                    || (h != "X" && h.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))));
        if marker {
            rest = tail.trim_start();
        }
    }
    rest.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_total_label(text: &str) -> bool {
    let f = label_fold(text);
    matches!(
        f.as_str(),
        "tong cong"
            | "tong"
            | "cong"
            | "tong so"
            | "toan tinh"
            | "toan huyen"
            | "toan thanh pho"
            | "toan thi xa"
    ) || f.starts_with("tong cong")
}

/// Headings of groups and their subtotals: "I", "A", "Cấp huyện", "Xã, phường, thị trấn".
fn is_group_label(name: &str, stt: &str) -> bool {
    let s = stt.trim().trim_end_matches('.');
    let roman = !s.is_empty() && s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
    let letter = s.len() == 1 && s.bytes().all(|b| b.is_ascii_uppercase());
    let f = label_fold(name);
    roman
        || letter
        || f.starts_with("cap ")
        || f.starts_with("khoi ")
        || matches!(
            f.as_str(),
            "xa phuong thi tran"
                | "huyen thi xa thanh pho"
                | "huyen quan thi xa thanh pho"
                | "so ban nganh"
                | "cac so ban nganh"
        )
}

/// Notes and signatures below the table.
fn is_end_of_table(texts: &[String]) -> bool {
    const STOP: &[&str] = &[
        "ghi chu",
        "chu thich",
        "luu y",
        "nguoi lap",
        "nguoi duyet",
        "nguoi kiem tra",
        "thu truong",
        "noi nhan",
        "xac nhan",
        "ky ten",
        "lanh dao",
        "kt chu tich",
        "tm uy ban",
        "tm ubnd",
        "chu tich",
        "pho chu tich",
        "giam doc",
        "pho giam doc",
        "truong phong",
        "can bo lap",
    ];
    texts.iter().any(|t| {
        let f = fold(t);
        STOP.iter().any(|s| f.starts_with(s))
            || (has(&f, "ngay") && has(&f, "thang") && has(&f, "nam"))
    })
}

// ---------------------------------------------------------------------------
// Rows → records.

/// One record to write.
struct OutRecord {
    unit: UnitId,
    period: Period,
    /// The row's own source column, if the table has one.
    source: Option<String>,
    values: Vec<(MetricKey, f64)>,
}

/// A row of figures, by column.
type RowFigures = BTreeMap<usize, f64>;

fn import_table(
    ctx: &Ctx<'_>,
    header: &Header,
    units: &BTreeMap<UnitId, Unit>,
    log: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<OutRecord> {
    let table = ctx.table;
    let levels = header.end - header.start + 1;
    let mut line = format!("header: row {}", table.row_number(header.start));
    if levels > 1 {
        let _ = write!(line, "–{} ({levels} levels)", table.row_number(header.end));
    }
    if let Some(n) = header.numbering {
        let _ = write!(line, "; column numbers on row {}", table.row_number(n));
    }
    log.push(line);
    log_columns(ctx, header, log);

    let period_col = header.role_col(|r| matches!(r, Role::Period));
    let source_col = header.role_col(|r| matches!(r, Role::Source));
    let title = title_period(ctx, header, log, diags);
    if period_col.is_none() && title.is_none() {
        diags.push(
            ctx.whole(Diagnostic::error(format!("no period found in {}", ctx.file.display())))
                .hint("add a column `period` (Kỳ báo cáo) holding e.g. 2023-Q3, or a line \"Kỳ báo cáo: Quý III năm 2023\" above the table"),
        );
        return Vec::new();
    }
    let index = UnitIndex::new(units);
    let unit_cols: Vec<usize> = header.units().collect();
    let stt_col = header.role_col(|r| matches!(r, Role::RowNumber));
    let label_area = header.label_area();
    let figure_cols: Vec<&Column> = header
        .columns
        .iter()
        .filter(|c| c.carries_figures())
        .collect();
    let data_start = header.numbering.unwrap_or(header.end) + 1;

    let mut records: Vec<(usize, OutRecord)> = Vec::new();
    let mut seen: HashMap<(UnitId, Period), usize> = HashMap::new();
    let mut unit_rows: Vec<RowFigures> = Vec::new();
    let mut total: Option<(usize, RowFigures)> = None;
    let mut unknown: Vec<Diagnostic> = Vec::new();
    // Lines about unknown units, rewritten if the rows turn out to be fields of work.
    let mut unknown_log: Vec<usize> = Vec::new();
    let mut seen_data = false;
    for r in data_start..table.rows.len() {
        let texts: Vec<String> = table.rows[r]
            .iter()
            .map(Cell::text)
            .filter(|t| !t.is_empty())
            .collect();
        if texts.is_empty() || is_numbering_row(table, r) {
            continue;
        }
        let figures = row_figures(ctx, r, &figure_cols, diags);
        let row_no = table.row_number(r);
        let stt = stt_col.map(|c| table.text(r, c)).unwrap_or_default();
        let name = unit_cols
            .iter()
            .map(|&c| clean_name(&table.label_text(r, c)))
            .find(|t| !t.is_empty())
            .or_else(|| {
                (0..label_area.min(table.rows[r].len()))
                    .map(|c| clean_name(&table.text(r, c)))
                    // A period cell ("2023-Q3") is never a unit's name.
                    .find(|t| {
                        !t.is_empty()
                            && !is_numeric(&Cell::Text(t.clone()))
                            && !is_group_label("", t)
                            && Period::parse(t).is_err()
                    })
            })
            .unwrap_or_default();
        if figures.is_empty() && is_end_of_table(&texts) {
            log.push(format!(
                "row {row_no}: \"{}\" ends the table",
                texts.join(" ")
            ));
            break;
        }
        if is_total_label(&name) || (!stt.is_empty() && is_total_label(&stt)) {
            if total.is_none() {
                log.push(format!(
                    "row {row_no} \"{}\": the total row, used to check the sums",
                    if name.is_empty() { &stt } else { &name }
                ));
                total = Some((r, figures));
            } else {
                log.push(format!("row {row_no}: a second total row, skipped"));
            }
            continue;
        }
        if name.is_empty() {
            if !figures.is_empty() {
                diags.push(
                    ctx.at(
                        Diagnostic::warning("a row with figures but no unit name is skipped"),
                        r,
                        unit_cols.first().copied().unwrap_or(0),
                    )
                    .hint("write the unit's name in the unit column"),
                );
                continue;
            }
            if seen_data {
                log.push(format!(
                    "row {row_no}: no unit and no figures: the table ends"
                ));
                break;
            }
            continue;
        }
        if figures.is_empty() {
            log.push(format!(
                "row {row_no} \"{name}\": a group row without figures, skipped"
            ));
            continue;
        }
        seen_data = true;
        let unit = match index.find(&name) {
            Ok(Some(id)) => id,
            Ok(None) if is_group_label(&name, &stt) => {
                log.push(format!(
                    "row {row_no} \"{name}\": a group subtotal, skipped"
                ));
                continue;
            }
            Ok(None) => {
                let (id, shown, level) = suggestion(&name);
                unit_rows.push(figures);
                unknown_log.push(log.len());
                log.push(format!(
                    "row {row_no} \"{name}\": not a unit of site.yaml, skipped (suggested id: {id})"
                ));
                unknown.push(
                    ctx.at(
                        Diagnostic::warning(format!("\"{name}\" is not a unit of content/site.yaml: its row is skipped")),
                        r,
                        unit_cols.first().copied().unwrap_or(0),
                    )
                    .hint(format!(
                        "to import it, declare it in content/site.yaml under units: - {{ id: {id}, name: {}, level: {level} }}",
                        yaml_string(&shown)
                    )),
                );
                continue;
            }
            Err(ids) => {
                let list = ids
                    .iter()
                    .map(|i| format!("`{i}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                unit_rows.push(figures);
                diags.push(
                    ctx.at(
                        Diagnostic::warning(format!(
                            "\"{name}\" fits several units ({list}): its row is skipped"
                        )),
                        r,
                        unit_cols.first().copied().unwrap_or(0),
                    )
                    .hint("write the unit's full name as in content/site.yaml"),
                );
                continue;
            }
        };
        let period = match period_col {
            Some(c) if !table.cell(r, c).is_blank() => match period_cell(table.cell(r, c)) {
                Some(p) => p,
                None => {
                    diags.push(
                        ctx.at(
                            Diagnostic::error(format!("`{}` is not a period", table.text(r, c))),
                            r,
                            c,
                        )
                        .hint(format!(
                            "write the period as one of: {}",
                            crate::data::period::ACCEPTED_FORMS
                        )),
                    );
                    continue;
                }
            },
            _ => match title {
                Some(p) => p,
                None => {
                    diags.push(
                        ctx.at(Diagnostic::error("the row has no period"), r, period_col.unwrap_or(0))
                            .hint("fill in the period column (e.g. 2023-Q3), or add a line \"Kỳ báo cáo: Quý III năm 2023\" above the table"),
                    );
                    continue;
                }
            },
        };
        unit_rows.push(figures.clone());
        if let Some(first_row) = seen.get(&(unit.clone(), period)) {
            diags.push(
                ctx.at(
                    Diagnostic::warning(format!(
                        "\"{name}\" is `{unit}` again for {}: the row is skipped (the first is row {})",
                        period.id(),
                        table.row_number(*first_row)
                    )),
                    r,
                    unit_cols.first().copied().unwrap_or(0),
                )
                .hint("each unit has one record per period"),
            );
            continue;
        }
        let values = record_values(ctx, header, r, &figures, &name, log, diags);
        if values.is_empty() {
            log.push(format!(
                "row {row_no} \"{name}\" → {unit}: no figure of the catalogue, skipped"
            ));
            continue;
        }
        seen.insert((unit.clone(), period), r);
        log.push(format!("row {row_no} \"{name}\" → {unit}"));
        records.push((
            r,
            OutRecord {
                unit,
                period,
                source: source_col
                    .map(|c| table.text(r, c))
                    .filter(|t| !t.is_empty()),
                values,
            },
        ));
    }

    check_total(ctx, header, total.as_ref(), &unit_rows, log, diags);
    if records.is_empty() {
        // A unit's own report lists fields of work, not units: its total row
        // is the unit named in "Đơn vị báo cáo".
        if let (Some((r, figures)), Some((reporter, id))) =
            (&total, reporting_unit(ctx, header, &index))
        {
            if let Some(period) = title {
                let values = record_values(ctx, header, *r, figures, &reporter, log, diags);
                if !values.is_empty() {
                    for &i in &unknown_log {
                        if let Some(line) = log.get_mut(i) {
                            *line =
                                line.replace("not a unit of site.yaml, skipped", "a field of work");
                        }
                    }
                    log.push(format!(
                        "no row names a unit of site.yaml: the total row {} was imported for the reporting unit \"{reporter}\" → {id}",
                        table.row_number(*r)
                    ));
                    records.push((
                        *r,
                        OutRecord {
                            unit: id,
                            period,
                            source: None,
                            values,
                        },
                    ));
                    return records.into_iter().map(|(_, rec)| rec).collect();
                }
            }
        }
    }
    let none_matched = records.is_empty() && !unknown.is_empty();
    diags.extend(unknown);
    if records.is_empty() && !diags.iter().any(Diagnostic::is_error) {
        let hint = if none_matched {
            "declare the units in content/site.yaml (see the suggested ids above), or check that the unit column holds their names"
        } else {
            "the rows under the header name units of content/site.yaml and hold their figures"
        };
        diags.push(
            ctx.whole(Diagnostic::error(format!(
                "no row of {} names a unit of content/site.yaml with figures",
                ctx.file.display()
            )))
            .hint(hint),
        );
    }
    records.into_iter().map(|(_, rec)| rec).collect()
}

/// "Đơn vị báo cáo: UBND phường An Thạnh" above the table.
fn reporting_unit(ctx: &Ctx<'_>, header: &Header, index: &UnitIndex) -> Option<(String, UnitId)> {
    let table = ctx.table;
    (0..header.start).find_map(|r| {
        let cells: Vec<String> = table.rows[r]
            .iter()
            .map(Cell::text)
            .filter(|t| !t.is_empty())
            .collect();
        let line = cells.join(" ");
        if !fold(&line).starts_with("don vi bao cao") {
            return None;
        }
        let name = match line.split_once(':') {
            Some((_, rest)) => rest.trim().to_string(),
            None => cells.get(1).cloned().unwrap_or_default(),
        };
        let name = name.trim_matches(['.', '…']).trim().to_string();
        match index.find(&name) {
            Ok(Some(id)) => Some((name, id)),
            _ => None,
        }
    })
}

fn log_columns(ctx: &Ctx<'_>, header: &Header, log: &mut Vec<String>) {
    let table = ctx.table;
    let mut merged_note = None;
    for c in &header.columns {
        let col = table.col_name(c.col);
        let label = c.label();
        let line = match &c.role {
            Role::Unit => format!("{col} \"{label}\" → the unit of each row"),
            Role::Period => format!("{col} \"{label}\" → the period of each row"),
            Role::Source => format!("{col} \"{label}\" → source"),
            Role::RowNumber => format!("{col} \"{label}\" ignored (row numbers)"),
            Role::Metric(key, _, via) => {
                if *via == Via::MergedDirectPostal {
                    merged_note = Some(c.path.last().cloned().unwrap_or_default());
                }
                format!("{col} \"{label}\" → {key}")
            }
            Role::ReceivedWithCarry => format!(
                "{col} \"{label}\" ignored: it includes the dossiers carried over from the previous period (received is the in-period columns); used to check each row"
            ),
            Role::ReceivedTotal => format!("{col} \"{label}\" ignored"),
            Role::Ignored(why) => format!("{col} \"{label}\" ignored: {why}"),
        };
        log.push(line);
    }
    if let Some(parts) = received_parts(header) {
        let names: Vec<String> = parts
            .iter()
            .map(|c| match &c.role {
                Role::Metric(k, ..) => format!("{k} ({})", table.col_name(c.col)),
                _ => table.col_name(c.col),
            })
            .collect();
        log.push(format!(
            "received = {} (the dossiers received in the period)",
            names.join(" + ")
        ));
    }
    if let Some(label) = merged_note {
        log.push(format!(
            "note: the merged column \"{label}\" was imported as received_direct and includes postal dossiers; received_postal is not written"
        ));
    } else if received_parts(header).is_some_and(|parts| {
        parts
            .iter()
            .any(|c| matches!(&c.role, Role::Metric(k, ..) if k.as_str() == "received_postal"))
    }) {
        // The catalogue's formula for received leaves postal dossiers out,
        // so the build compares the two and warns where postal is not 0.
        log.push(
            "note: received includes the postal column; the catalogue's formula received_online + received_direct does not, so the build warns where they differ".to_string(),
        );
    }
}

/// The in-period columns `received` is added up from, when the form gives
/// no in-period total of its own: online and direct (and postal, when apart).
fn received_parts(header: &Header) -> Option<Vec<&Column>> {
    let key_is =
        |c: &Column, k: &str| matches!(&c.role, Role::Metric(key, ..) if key.as_str() == k);
    if header.columns.iter().any(|c| key_is(c, "received")) {
        return None;
    }
    let parts: Vec<&Column> = header
        .columns
        .iter()
        .filter(|c| {
            matches!(
                c.role,
                Role::Metric(_, _, Via::InPeriodPart | Via::MergedDirectPostal)
            )
        })
        .filter(|c| {
            c.path.len() > 1
                && c.path[..c.path.len() - 1]
                    .iter()
                    .any(|a| group_of(a) == Some(Group::Received))
        })
        .collect();
    let online = parts.iter().any(|c| key_is(c, "received_online"));
    let direct = parts.iter().any(|c| key_is(c, "received_direct"));
    (online && direct).then_some(parts)
}

fn row_figures(
    ctx: &Ctx<'_>,
    r: usize,
    columns: &[&Column],
    diags: &mut Vec<Diagnostic>,
) -> RowFigures {
    let mut out = BTreeMap::new();
    let mut bad = Vec::new();
    for c in columns {
        let count = match &c.role {
            Role::Metric(_, unit, _) => *unit != MetricUnit::Percent,
            _ => true,
        };
        match figure(ctx.table.cell(r, c.col), count) {
            Figure::Value(v) => {
                out.insert(c.col, v);
            }
            Figure::Absent => {}
            Figure::Bad => bad.push(c),
            Figure::NotWhole => diags.push(
                ctx.at(
                    Diagnostic::error(format!(
                        "`{}` is not a whole number: a count or an amount is not read from it",
                        ctx.table.text(r, c.col)
                    )),
                    r,
                    c.col,
                )
                .hint("a count is a whole number: write 12000, or group the thousands by three with one kind of separator: 12.000 or 12,000"),
            ),
        }
    }
    // A row of text (a heading, a note) is not a row of bad figures.
    if !out.is_empty() {
        for c in bad {
            if matches!(c.role, Role::Metric(..)) {
                diags.push(
                    ctx.at(
                        Diagnostic::warning(format!(
                            "`{}` is not a number: it is not imported",
                            ctx.table.text(r, c.col)
                        )),
                        r,
                        c.col,
                    )
                    .hint("write figures as plain numbers (6580, or 6.580 with a thousands dot)"),
                );
            }
        }
    }
    out
}

/// The metric values of one row, in catalogue order.
fn record_values(
    ctx: &Ctx<'_>,
    header: &Header,
    r: usize,
    figures: &RowFigures,
    name: &str,
    log: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(MetricKey, f64)> {
    let table = ctx.table;
    let mut values: BTreeMap<MetricKey, f64> = BTreeMap::new();
    for c in &header.columns {
        let (Role::Metric(key, unit, _), Some(&v)) = (&c.role, figures.get(&c.col)) else {
            continue;
        };
        let counts = matches!(
            unit,
            MetricUnit::Count | MetricUnit::People | MetricUnit::Documents | MetricUnit::Procedures
        );
        if counts && v.fract() != 0.0 {
            diags.push(
                ctx.at(
                    Diagnostic::warning(format!(
                        "`{key}` is a count but {} has decimals: it is not imported",
                        number_text(v)
                    )),
                    r,
                    c.col,
                )
                .hint("check the cell: a count is a whole number"),
            );
            continue;
        }
        *values.entry(key.clone()).or_insert(0.0) += v;
    }
    if let Some(parts) = received_parts(header) {
        let got: Option<f64> = parts.iter().map(|c| figures.get(&c.col).copied()).sum();
        match got {
            Some(sum) => {
                if let Some(k) = MetricKey::parse("received") {
                    values.insert(k, sum);
                }
            }
            None => log.push(format!(
                "row {} \"{name}\": an in-period column is empty, so received is not written",
                table.row_number(r)
            )),
        }
    }
    // The form's own total: in-period plus carried over.
    let with_carry = header
        .columns
        .iter()
        .find(|c| matches!(c.role, Role::ReceivedWithCarry));
    let get = |k: &str| MetricKey::parse(k).and_then(|k| values.get(&k).copied());
    if let (Some(c), Some(received), Some(carried)) =
        (with_carry, get("received"), get("carried_over"))
    {
        if let Some(&total) = figures.get(&c.col) {
            if (total - received - carried).abs() > 0.5 {
                diags.push(
                    ctx.at(
                        Diagnostic::warning(format!(
                            "\"{name}\": the total received {} is not the in-period {} plus the carried-over {}",
                            number_text(total),
                            number_text(received),
                            number_text(carried)
                        )),
                        r,
                        c.col,
                    )
                    .hint("one of the figures of the row is wrong: compare them with the source report"),
                );
            }
        }
    }
    ctx.catalogue
        .iter()
        .filter_map(|def| values.get(&def.key).map(|v| (def.key.clone(), *v)))
        .collect()
}

/// Checks the total row against the unit rows, column by column.
fn check_total(
    ctx: &Ctx<'_>,
    header: &Header,
    total: Option<&(usize, RowFigures)>,
    unit_rows: &[RowFigures],
    log: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some((r, totals)) = total else {
        return;
    };
    let mut differ = 0;
    for c in header.columns.iter().filter(|c| c.carries_figures()) {
        let Some(&stated) = totals.get(&c.col) else {
            continue;
        };
        let sum: f64 = unit_rows.iter().filter_map(|f| f.get(&c.col)).sum();
        if (sum - stated).abs() > 0.5 {
            differ += 1;
            let what = match &c.role {
                Role::Metric(k, ..) => format!(" ({k})"),
                _ => String::new(),
            };
            diags.push(
                ctx.at(
                    Diagnostic::warning(format!(
                        "the total row gives {} for \"{}\"{what} but the unit rows add up to {}",
                        number_text(stated),
                        c.label(),
                        number_text(sum)
                    )),
                    *r,
                    c.col,
                )
                .hint("a unit's figure or the total is wrong, or rows are missing: compare them with the source report"),
            );
        }
    }
    if differ == 0 {
        log.push(format!(
            "the total row {} agrees with the sum of the unit rows",
            ctx.table.row_number(*r)
        ));
    } else {
        log.push(format!(
            "the total row {} differs from the sum of the unit rows in {differ} column(s)",
            ctx.table.row_number(*r)
        ));
    }
}

// ---------------------------------------------------------------------------
// Writing.

/// A YAML double-quoted string.
fn yaml_string(s: &str) -> String {
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
fn comment_text(s: &str) -> String {
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
fn file_name(period: &Period) -> String {
    format!("{}.yaml", period.id().replace("..", "_"))
}

fn write_files(
    opts: &ImportOptions,
    table: &Table,
    records: &[OutRecord],
    log: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let shown_name = opts.file.file_name().map_or_else(
        || opts.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let source = match &table.name {
        Some(sheet) => format!("Imported from {shown_name}, sheet {sheet}"),
        None => format!("Imported from {shown_name}"),
    };
    let mut by_period: BTreeMap<Period, Vec<&OutRecord>> = BTreeMap::new();
    for rec in records {
        by_period.entry(rec.period).or_default().push(rec);
    }
    let targets: Vec<(PathBuf, &Vec<&OutRecord>)> = by_period
        .iter()
        .map(|(p, recs)| (opts.out.join(file_name(p)), recs))
        .collect();
    if !opts.force {
        let exist: Vec<Diagnostic> = targets
            .iter()
            .filter(|(path, _)| path.exists())
            .map(|(path, _)| {
                Diagnostic::error(format!("{} exists: it is not overwritten", path.display()))
                    .file(path)
                    .hint("use --force to overwrite it (or --out to write elsewhere)")
            })
            .collect();
        if !exist.is_empty() {
            let mut all = exist;
            all.append(diags);
            diagnostic::sort(&mut all);
            return Err(all);
        }
    }
    if let Err(e) = std::fs::create_dir_all(&opts.out) {
        return Err(vec![
            Diagnostic::error(format!("cannot create {}: {e}", opts.out.display()))
                .file(&opts.out)
                .hint("check --out: it is a folder, usually content/data/"),
        ]);
    }
    let mut written = Vec::new();
    for (path, recs) in targets {
        let mut text = format!("# {} by `baocao import`.\n", comment_text(&source));
        for rec in recs {
            let _ = writeln!(text, "- unit: {}", rec.unit);
            let _ = writeln!(text, "  period: {}", yaml_string(&rec.period.id()));
            let _ = writeln!(
                text,
                "  source: {}",
                yaml_string(rec.source.as_deref().unwrap_or(&source))
            );
            let _ = writeln!(text, "  metrics:");
            for (key, v) in &rec.values {
                let _ = writeln!(text, "    {key}: {}", number_text(*v));
            }
        }
        if let Err(e) = std::fs::write(&path, text) {
            return Err(vec![
                Diagnostic::error(format!("cannot write {}: {e}", path.display()))
                    .file(&path)
                    .hint("check that the folder is writable"),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    fn range(line: &str) -> Option<Period> {
        range_in(line).map(|(a, b)| period_from_range(a, b).0)
    }

    #[test]
    fn official_and_calendar_ranges_name_periods() {
        assert_eq!(
            range("(Từ ngày 15/6/2023 đến ngày 14/9/2023)"),
            Some(p("2023-Q3"))
        );
        assert_eq!(
            range("Từ ngày 15/12/2022 đến ngày 14/6/2023"),
            Some(p("2023-H1"))
        );
        assert_eq!(
            range("Từ ngày 15/12/2022 đến ngày 14/12/2023"),
            Some(p("2023"))
        );
        assert_eq!(
            range("Từ ngày 15/12/2022 đến ngày 14/9/2023"),
            Some(p("2023-9M"))
        );
        assert_eq!(
            range("Từ ngày 15/9/2023 đến ngày 14/10/2023"),
            Some(p("2023-10"))
        );
        assert_eq!(
            range("Từ ngày 15/6 đến ngày 14/12/2023"),
            Some(p("2023-H2"))
        );
        assert_eq!(range("từ 01/7/2023 - 30/9/2023"), Some(p("2023-Q3")));
        assert_eq!(
            range("Từ ngày 01/01/2020 đến ngày 13/11/2020"),
            Some(p("2020-01-01..2020-11-13"))
        );
        assert_eq!(
            range("Từ ngày 15 tháng 6 năm 2023 đến ngày 14 tháng 9 năm 2023"),
            Some(p("2023-Q3"))
        );
        assert_eq!(
            range("Ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020"),
            None
        );
        assert_eq!(range("Từ ngày 14/9/2023 đến ngày 15/6/2023"), None);
    }

    #[test]
    fn periods_in_words() {
        assert_eq!(period_from_words("Quý III năm 2023"), Some(p("2023-Q3")));
        assert_eq!(period_from_words("quý 4/2022"), Some(p("2022-Q4")));
        assert_eq!(
            period_from_words("6 tháng đầu năm 2023"),
            Some(p("2023-H1"))
        );
        assert_eq!(
            period_from_words("6 tháng cuối năm 2023"),
            Some(p("2023-H2"))
        );
        assert_eq!(period_from_words("9 tháng năm 2023"), Some(p("2023-9M")));
        assert_eq!(period_from_words("Tháng 10/2023"), Some(p("2023-10")));
        assert_eq!(period_from_words("Năm 2023"), Some(p("2023")));
        assert_eq!(period_from_words("2023-Q3"), Some(p("2023-Q3")));
        assert_eq!(period_from_words("Quý III"), None);
    }

    #[test]
    fn figures_as_vietnamese_sheets_write_them() {
        let v = |t: &str, count: bool| match figure(&Cell::Text(t.into()), count) {
            Figure::Value(v) => Some(v),
            _ => None,
        };
        assert_eq!(v("10.551", true), Some(10551.0));
        assert_eq!(v("1.234.567", true), Some(1234567.0));
        assert_eq!(v("93,1", false), Some(93.1));
        assert_eq!(v("99,38%", false), Some(99.38));
        assert_eq!(v("12", true), Some(12.0));
        assert_eq!(v("x", true), None);
        assert_eq!(v("1,000", true), Some(1000.0));
        for t in ["12.00", "1.2345", "1.234,5"] {
            assert!(
                matches!(figure(&Cell::Text(t.into()), true), Figure::NotWhole),
                "{t}"
            );
        }
        assert!(matches!(
            figure(&Cell::Text("-".into()), true),
            Figure::Absent
        ));
        assert!(matches!(
            figure(&Cell::Text("1e5".into()), true),
            Figure::Bad
        ));
    }

    #[test]
    fn names_match_without_prefix_case_or_diacritics() {
        let keys = |s: &str| name_keys(s);
        assert_eq!(keys("UBND phường An Thạnh")[0], keys("Phường An Thạnh")[0]);
        assert_eq!(
            keys("Ủy ban nhân dân Phường An Thạnh")[1],
            "phuong an thanh"
        );
        assert_eq!(keys("Uỷ ban nhân dân xã An Hòa")[2], "an hoa");
        assert_eq!(suggestion("UBND phường An Thạnh").0, "phuong-an-thanh");
        assert_eq!(suggestion("Phường Mới").2, "commune");
        assert_eq!(suggestion("Huyện Châu Thành").2, "district");
        assert_eq!(clean_name("1. Phường A"), "Phường A");
        assert_eq!(clean_name("  II.  Cấp xã"), "Cấp xã");
        assert_eq!(clean_name("Xã An Hòa"), "Xã An Hòa");
    }

    #[test]
    fn header_paths_classify() {
        let cat = Catalogue::builtin();
        let role = |path: &[&str]| {
            let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
            match classify(&path, &cat) {
                Role::Metric(k, ..) => k.to_string(),
                Role::ReceivedTotal => "total".into(),
                Role::Ignored(_) => "ignored".into(),
                other => format!("{other:?}"),
            }
        };
        let rec = "Số hồ sơ nhận giải quyết";
        assert_eq!(role(&[rec, "Trong kỳ", "Trực tuyến"]), "received_online");
        assert_eq!(
            role(&[rec, "Trong kỳ", "Trực tiếp, dịch vụ bưu chính"]),
            "received_direct"
        );
        assert_eq!(
            role(&[rec, "Trong kỳ", "Dịch vụ bưu chính"]),
            "received_postal"
        );
        assert_eq!(role(&[rec, "Từ kỳ trước"]), "carried_over");
        assert_eq!(role(&[rec, "Tổng số"]), "total");
        assert_eq!(
            role(&["Số lượng hồ sơ đã giải quyết", "Tổng số"]),
            "resolved"
        );
        assert_eq!(
            role(&["Số lượng hồ sơ đã giải quyết", "Quá hạn"]),
            "resolved_late"
        );
        assert_eq!(
            role(&["Số lượng hồ sơ đang giải quyết", "Quá hạn"]),
            "pending_overdue"
        );
        assert_eq!(
            role(&["Số lượng hồ sơ đang giải quyết", "Trong hạn"]),
            "ignored"
        );
        assert_eq!(role(&["Tồn kỳ trước"]), "carried_over");
        assert_eq!(
            role(&["Trực tuyến toàn trình + một phần"]),
            "received_online"
        );
        assert_eq!(role(&["Chưa đến hạn"]), "ignored");
        assert_eq!(role(&["Ghi chú"]), "ignored");
    }
}
