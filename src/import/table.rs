//! Reading: every input (CSV, XLSX, XLS) becomes a grid of cells with its
//! merged regions; the table to import is chosen from the grids.

use super::*;
use crate::messages::{Hint, Msg, Part, Place, Status};

/// A cell as read: spreadsheets keep numbers apart from text, CSV does not.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

pub(super) static EMPTY: Cell = Cell::Empty;

impl Cell {
    pub(super) fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) => number_text(*n),
        }
    }

    pub(super) fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
}

/// A merged region, rows and columns inclusive, relative to the grid.
#[derive(Clone, Copy, Debug)]
pub(super) struct Region {
    pub(super) r1: usize,
    pub(super) c1: usize,
    pub(super) r2: usize,
    pub(super) c2: usize,
}

/// One sheet (or the CSV file) as a grid.
pub(super) struct Table {
    /// Sheet name; `None` for CSV.
    pub(super) name: Option<String>,
    pub(super) rows: Vec<Vec<Cell>>,
    /// The row number a user sees (spreadsheet row, CSV line), per row.
    pub(super) row_numbers: Vec<usize>,
    /// Columns before the first one read, so cell names match Excel's.
    pub(super) col0: usize,
    pub(super) merges: Vec<Region>,
    /// The CSV text, to show the offending line.
    pub(super) source: Option<String>,
}

impl Table {
    pub(super) fn cell(&self, r: usize, c: usize) -> &Cell {
        self.rows
            .get(r)
            .and_then(|row| row.get(c))
            .unwrap_or(&EMPTY)
    }

    pub(super) fn text(&self, r: usize, c: usize) -> String {
        self.cell(r, c).text()
    }

    pub(super) fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    pub(super) fn row_number(&self, r: usize) -> usize {
        self.row_numbers.get(r).copied().unwrap_or(r + 1)
    }

    pub(super) fn col_name(&self, c: usize) -> String {
        column_letters(self.col0 + c + 1)
    }

    pub(super) fn cell_name(&self, r: usize, c: usize) -> String {
        format!("{}{}", self.col_name(c), self.row_number(r))
    }

    /// The sheet, or the CSV file, for messages.
    pub(super) fn place(&self) -> Place {
        match &self.name {
            Some(n) => Place::Sheet(n.clone()),
            None => Place::Csv,
        }
    }

    /// The text of a cell, or of the merged region it lies in when the
    /// region starts on the same row (a label spread over STT and name).
    pub(super) fn label_text(&self, r: usize, c: usize) -> String {
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
pub(super) struct Ctx<'a> {
    pub(super) file: &'a Path,
    pub(super) table: &'a Table,
    pub(super) catalogue: &'a Catalogue,
}

impl Ctx<'_> {
    pub(super) fn at(&self, d: Diagnostic, r: usize, c: usize) -> Diagnostic {
        let line = self.table.row_number(r);
        let col = self.table.col0 + c + 1;
        let mut d = d.file(self.file);
        match (&self.table.name, &self.table.source) {
            (Some(sheet), _) => {
                d.line = Some(line);
                d.col = Some(col);
                d.place(Place::Cell {
                    sheet: sheet.clone(),
                    cell: self.table.cell_name(r, c),
                })
            }
            (None, Some(text)) => d.at(text, line, 1).place(Place::Line {
                line,
                column: self.table.col_name(c),
            }),
            (None, None) => d,
        }
    }

    pub(super) fn whole(&self, d: Diagnostic) -> Diagnostic {
        d.file(self.file).place(self.table.place())
    }
}

pub(super) fn file_error(file: &Path, message: Msg, hint: Hint) -> Vec<Diagnostic> {
    vec![Diagnostic::error(message).file(file).hint(hint)]
}

pub(super) fn read_tables(
    opts: &ImportOptions,
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<Table>, Vec<Diagnostic>> {
    let file = &opts.file;
    let bytes = std::fs::read(file).map_err(|e| {
        file_error(
            file,
            crate::msg!(Msg::CannotRead, file.display(), Part::io(&e)),
            Hint::CheckPathSpreadsheetRelative,
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
            crate::msg!(Msg::NotExcelWorkbook, file.display()),
            if looks_html {
                Hint::WebPageExcelName
            } else {
                Hint::OpenExcelSaveXlsxExcel
            },
        ));
    }
    if opts.sheet.is_some() {
        diags.push(
            Diagnostic::warning(crate::msg!(Msg::SheetIgnoredForCsv, file.display())).file(file),
        );
    }
    let text = crate::fs::decode_text(bytes, file).map_err(|d| vec![d])?;
    read_csv(file, text).map(|t| vec![t])
}

pub(super) fn read_csv(file: &Path, text: String) -> Result<Table, Vec<Diagnostic>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(crate::fs::csv_delimiter(&text))
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
                    Diagnostic::error(crate::msg!(Msg::CannotReadAsCsv, file.display(), e))
                        .file(file)
                        .at(&text, line, 1)
                        .hint(Hint::FieldHoldingSeparatorMust),
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
pub(super) enum WorkbookKind {
    Xlsx,
    Xls,
}

/// A sheet as a workbook reader gives it: name, cells, merged regions.
pub(super) type RawSheet = (
    String,
    Result<calamine::Range<calamine::Data>, String>,
    Vec<calamine::Dimensions>,
);

pub(super) fn read_workbook(
    opts: &ImportOptions,
    kind: WorkbookKind,
    bytes: Vec<u8>,
) -> Result<Vec<Table>, Vec<Diagnostic>> {
    let file = &opts.file;
    let cannot = |e: String| {
        file_error(
            file,
            crate::msg!(Msg::CannotReadExcelWorkbook, file.display(), e),
            Hint::OpenExcelSaveXlsx,
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
                    crate::workbook::OpenError::Limit(d) => vec![*d],
                    crate::workbook::OpenError::Unreadable(e) => cannot(e),
                })?;
            let names = wanted_sheets(opts, book.sheet_names())?;
            for name in names {
                let range = match book.range(&name, file) {
                    Ok(r) => Ok(r),
                    Err(crate::workbook::SheetError::Limit(d)) => return Err(vec![*d]),
                    Err(crate::workbook::SheetError::Unreadable(e)) => Err(e),
                };
                let merges = book.merges(&name);
                sheets.push((name, range, merges));
            }
        }
        WorkbookKind::Xls => {
            let mut book = crate::xls::open(cursor.get_ref(), file).map_err(|e| match e {
                crate::workbook::OpenError::Limit(d) => vec![*d],
                crate::workbook::OpenError::Unreadable(e) => cannot(e),
            })?;
            let names = wanted_sheets(opts, book.sheet_names())?;
            for name in names {
                let range = book.range(&name);
                let merges = book.merges(&name);
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
                Diagnostic::error(crate::msg!(Msg::CannotReadSheetOf, name, file.display(), e))
                    .file(file)
                    .hint(Hint::OpenWorkbookExcelSave),
            ),
        }
    }
    if tables.is_empty() {
        if errors.is_empty() {
            errors = file_error(
                file,
                crate::msg!(Msg::HoldsNoSheet, file.display()),
                Hint::ExportReportAgain,
            );
        }
        return Err(errors);
    }
    Ok(tables)
}

/// The sheets to look at: the one `--sheet` names, or all of them.
pub(super) fn wanted_sheets(
    opts: &ImportOptions,
    names: Vec<String>,
) -> Result<Vec<String>, Vec<Diagnostic>> {
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
    let hint = match diagnostic::nearest(wanted, names.iter().map(String::as_str)) {
        Some(s) => crate::msg!(Hint::DidYouMeanSheets, s, list),
        None => crate::msg!(Hint::SheetsOfWorkbook, list),
    };
    Err(vec![
        Diagnostic::error(crate::msg!(Msg::NoSheet, opts.file.display(), wanted))
            .file(&opts.file)
            .hint(hint),
    ])
}

pub(super) fn sheet_table(
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
pub(super) fn select(
    opts: &ImportOptions,
    tables: Vec<Table>,
    catalogue: &Catalogue,
    log: &mut Vec<Status>,
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
            Diagnostic::error(crate::msg!(Msg::NoSheetWithHeader, opts.file.display()))
                .file(&opts.file)
                .hint(HEADER_HINT),
        ]);
    };
    match &table.name {
        Some(name) => log.push(crate::msg!(Status::ReadingSheet, opts.file.display(), name)),
        None => log.push(crate::msg!(Status::Reading, opts.file.display())),
    }
    if !others.is_empty() {
        let list = others
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ");
        log.push(crate::msg!(Status::OtherSheets, list));
    }
    Ok((table, header))
}

pub(super) const HEADER_HINT: Hint = Hint::HeaderNeedsUnitAndFigures;
