//! Period data files → typed records: YAML (one record or a list), CSV and
//! XLSX (one row per unit and period, headers by key, label or alias).

use crate::messages::{Hint, Msg, Part, Place};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use super::{Unit, unknown_unit};
use crate::data::catalogue::{MetricUnit, normalize_header, parse_yaml};
use crate::data::{Catalogue, MetricKey, Origin, Period, Record, UnitId, number, period};
use crate::diagnostic::Diagnostic;
use crate::workbook::column_letters;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecord {
    unit: String,
    period: yaml_serde::Value,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    metrics: BTreeMap<String, yaml_serde::Value>,
}

const RECORD_SHAPE: Hint = Hint::OneRecordUnitPeriod;

/// Reads a YAML data file.
pub fn yaml(
    text: &str,
    path: &Path,
    catalogue: &Catalogue,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Record> {
    let is_list = is_yaml_list(text);
    let raws = match parse_raw_records(text, path, is_list) {
        Ok(r) => r,
        Err(d) => {
            diags.push(d);
            return Vec::new();
        }
    };
    let lines: Vec<&str> = text.lines().collect();
    let starts = record_starts(&lines, is_list);
    let mut out = Vec::new();
    for (i, raw) in raws.into_iter().enumerate() {
        let span = RecordLines {
            text,
            path,
            lines: &lines,
            first: starts.get(i).copied().unwrap_or(0),
            last: starts.get(i + 1).copied().unwrap_or(lines.len()),
        };
        out.extend(yaml_record(raw, &span, catalogue, units, diags));
    }
    out
}

/// Whether a YAML data file is a list of records: its first line that is
/// not blank, a comment or a document marker starts a list item.
fn is_yaml_list(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---")
        .is_some_and(|l| l.starts_with('-'))
}

/// Parses a YAML data file of one record, or of a list of them.
fn parse_raw_records(text: &str, path: &Path, is_list: bool) -> Result<Vec<RawRecord>, Diagnostic> {
    if is_list {
        parse_yaml::<Vec<RawRecord>>(text, path, RECORD_SHAPE)
    } else {
        parse_yaml::<RawRecord>(text, path, RECORD_SHAPE).map(|r| vec![r])
    }
}

/// The 0-based line where each record of a YAML data file starts.
fn record_starts(lines: &[&str], is_list: bool) -> Vec<usize> {
    // The parser keeps no positions for values, so each record's lines are
    // found from the text: a list item starts at a `-` in column 0.
    if !is_list {
        return vec![0];
    }
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with('-'))
        .map(|(i, _)| i)
        .collect()
}

/// The lines of one YAML record, to place its diagnostics and its origin.
struct RecordLines<'a> {
    text: &'a str,
    path: &'a Path,
    /// Every line of the file.
    lines: &'a [&'a str],
    /// The record's first line, 0-based.
    first: usize,
    /// The line after the record's last.
    last: usize,
}

impl RecordLines<'_> {
    /// The record's own lines.
    fn own(&self) -> &[&str] {
        &self.lines[self.first..self.last]
    }

    /// The 0-based line of the record's `key:` entry.
    fn line_of(&self, key: &str) -> Option<usize> {
        (self.first..self.last).find(|&n| {
            self.lines[n]
                .trim_start_matches(['-', ' '])
                .starts_with(&format!("{key}:"))
        })
    }

    /// Places `d` at `needle` on the record's `key:` line (at the line's
    /// text when `needle` is not on it), else at the record's start.
    fn place(&self, d: Diagnostic, key: &str, needle: &str) -> Diagnostic {
        let Some(n) = self.line_of(key) else {
            return d.file(self.path).at(self.text, self.first + 1, 1);
        };
        let l = self.lines[n];
        let byte = l
            .find(needle)
            .filter(|_| !needle.is_empty())
            .unwrap_or(l.len() - l.trim_start().len());
        d.file(self.path)
            .at(self.text, n + 1, l[..byte].chars().count() + 1)
            .len(needle.chars().count())
    }

    /// Where the record came from: its `unit:` line.
    fn origin(&self) -> Origin {
        let unit_line = self.line_of("unit").unwrap_or(self.first);
        Origin {
            path: self.path.to_path_buf(),
            line: unit_line + 1,
            col: 1,
            source_line: self.lines.get(unit_line).unwrap_or(&"").to_string(),
        }
    }
}

/// One parsed YAML record → a record; `None` when its unit or period is
/// wrong. Its metrics are checked either way, so one run reports every
/// fault of the file.
fn yaml_record(
    raw: RawRecord,
    span: &RecordLines<'_>,
    catalogue: &Catalogue,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Record> {
    let origin = span.origin();
    let unit = UnitId(raw.unit.clone());
    let known_unit = units.contains_key(&unit);
    if !known_unit {
        let (msg, hint) = unknown_unit(&raw.unit, units);
        diags.push(
            span.place(Diagnostic::error(msg), "unit", &raw.unit)
                .hint(hint),
        );
    }
    let period = yaml_period(&raw.period, span, diags);
    let mut values = BTreeMap::new();
    for (key, value) in &raw.metrics {
        if let Some((key, n)) = yaml_metric(key, value, span, catalogue, diags) {
            values.insert(key, n);
        }
    }
    match (known_unit, period) {
        (true, Some(period)) => Some(Record {
            unit,
            period,
            source: raw.source,
            values,
            origin,
        }),
        _ => None,
    }
}

/// The period of a YAML record; `None` (reported) when it is not one.
fn yaml_period(
    value: &yaml_serde::Value,
    span: &RecordLines<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Period> {
    // `period: 2023` is read as a number.
    let text = match value {
        yaml_serde::Value::String(s) => s.clone(),
        yaml_serde::Value::Number(n) => n.to_string(),
        other => format!("{other:?}"),
    };
    match Period::parse(&text) {
        Ok(p) => Some(p),
        Err(why) => {
            let (why, hint) = period::explain(&text, why);
            diags.push(
                span.place(
                    Diagnostic::error(crate::msg!(Msg::BadPeriod, text, why)),
                    "period",
                    &text,
                )
                .hint(hint),
            );
            None
        }
    }
}

/// One `key: value` of a YAML record's metrics → the figure to keep;
/// `None` when the value is empty, or wrong (then reported).
fn yaml_metric(
    key: &str,
    value: &yaml_serde::Value,
    span: &RecordLines<'_>,
    catalogue: &Catalogue,
    diags: &mut Vec<Diagnostic>,
) -> Option<(MetricKey, f64)> {
    let Some(def) = catalogue.get(key) else {
        diags.push(
            span.place(
                Diagnostic::error(crate::msg!(Msg::UnknownMetricKey, key)),
                key,
                key,
            )
            .hint(unknown_key_hint(catalogue, key)),
        );
        return None;
    };
    // The figure as written: the parser reads `12.000` as 12.
    // A quoted figure ("12.000") is text, read by the same rule as
    // a CSV cell.
    let written = scalar_text(span.own(), key).or_else(|| match value {
        yaml_serde::Value::String(s) => Some(s.clone()),
        _ => None,
    });
    let (n, shown) = match yaml_figure(value, written.as_deref(), key, def.unit) {
        Figure::Absent => return None,
        Figure::Wrong(d) => {
            diags.push(span.place(*d, key, key));
            return None;
        }
        Figure::Read(n, shown) => (n, shown),
    };
    let problem = value_problem(key, def.unit, n, &shown);
    let keep = problem.as_ref().is_none_or(|d| !d.is_error());
    diags.extend(problem.map(|d| span.place(d, key, key)));
    keep.then(|| (def.key.clone(), n))
}

/// The hint for a metric key the catalogue does not know: the key of the
/// header it is, a near key, or where keys are listed.
fn unknown_key_hint(catalogue: &Catalogue, key: &str) -> Hint {
    match (catalogue.by_header(key), catalogue.suggest(key)) {
        (Some(def), _) => crate::msg!(Hint::DataFilesUseMetric, def.key, key),
        (None, Some(s)) => crate::msg!(Hint::DidYouMeanAdd, s),
        (None, None) => Hint::UseKeyMetricCatalogue,
    }
}

/// What a YAML metric value reads as.
enum Figure {
    /// An empty value: not reported.
    Absent,
    /// A figure, and the text that shows it in messages.
    Read(f64, String),
    /// Not a figure: the diagnostic, still to be placed (boxed, as it is
    /// far larger than a figure).
    Wrong(Box<Diagnostic>),
}

/// Reads a YAML metric value; `written` is its text as written in the
/// file, when it is plain or quoted text.
fn yaml_figure(
    value: &yaml_serde::Value,
    written: Option<&str>,
    key: &str,
    unit: MetricUnit,
) -> Figure {
    let read = match (value, written) {
        // An empty value means "not reported": absent, never 0.
        (yaml_serde::Value::Null, _) => return Figure::Absent,
        (yaml_serde::Value::Number(_) | yaml_serde::Value::String(_), Some(t)) => {
            match number::parse(t, number::is_whole(unit)) {
                Ok(n) => Some((n, t.to_string())),
                Err(number::Problem::NotWhole) => {
                    return Figure::Wrong(Box::new(separators_problem(key, unit, t)));
                }
                // Other ways YAML writes numbers: 1e5, 0x10, 1_000.
                Err(number::Problem::NotANumber) => match value {
                    yaml_serde::Value::Number(n) => n.as_f64().map(|n| (n, t.to_string())),
                    _ => None,
                },
            }
        }
        (yaml_serde::Value::Number(n), None) => n.as_f64().map(|n| (n, n.to_string())),
        _ => None,
    };
    match read {
        Some((n, shown)) => Figure::Read(n, shown),
        None => Figure::Wrong(Box::new(
            Diagnostic::error(crate::msg!(Msg::ValueNotANumber, key))
                .hint(Hint::WriteNumbersWithoutQuotes),
        )),
    }
}

/// The plain (unquoted) scalar written after `key:` in a record's lines,
/// block (`key: 12.000`) or flow (`{key: 12.000, …}`) style. `None` when
/// the key is not found or its value is quoted.
fn scalar_text(lines: &[&str], key: &str) -> Option<String> {
    let needle = format!("{key}:");
    for line in lines {
        let mut from = 0;
        while let Some(at) = line[from..].find(&needle).map(|i| i + from) {
            from = at + needle.len();
            let before = line[..at].trim_end_matches(' ');
            let starts = before.is_empty()
                || before.ends_with(['{', ','])
                || before.trim_start_matches(['-', ' ']).is_empty();
            let rest = &line[from..];
            if !starts || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
                continue;
            }
            let rest = rest.trim_start();
            if rest.starts_with(['"', '\'']) {
                return None;
            }
            let flow = before.contains('{');
            let end = rest
                .find(" #")
                .into_iter()
                .chain(if flow { rest.find([',', '}']) } else { None })
                .min()
                .unwrap_or(rest.len());
            let t = rest[..end].trim();
            return (!t.is_empty()).then(|| t.to_string());
        }
    }
    None
}

/// A whole-number figure written with separators that are not thousands
/// groups: `12.00`, `1.2345`, `1.234,5`.
fn separators_problem(key: &str, unit: MetricUnit, shown: &str) -> Diagnostic {
    let message = if unit == MetricUnit::Vnd {
        crate::msg!(Msg::AmountHasDecimals, key, shown)
    } else {
        crate::msg!(Msg::CountHasDecimals, key, shown)
    };
    Diagnostic::error(message).hint(WHOLE_HINT)
}

const WHOLE_HINT: Hint = Hint::CountWholeNumberWrite;

/// Checks a figure against its metric's unit: a count with decimals is an
/// error; so is a figure no report can hold; a rate between 0 and 1 is
/// probably an Excel percentage cell (99,38% is stored as 0.9938).
fn value_problem(key: &str, unit: MetricUnit, n: f64, shown: &str) -> Option<Diagnostic> {
    if !n.is_finite() || n.abs() > number::max_figure(unit) {
        return Some(
            Diagnostic::error(crate::msg!(Msg::FigureTooLarge, key, shown)).hint(crate::msg!(
                Hint::CheckFigureSize,
                crate::format::num(number::max_figure(unit), Some(0))
            )),
        );
    }
    let counts = matches!(
        unit,
        MetricUnit::Count | MetricUnit::People | MetricUnit::Documents | MetricUnit::Procedures
    );
    if counts && n.fract() != 0.0 {
        return Some(
            Diagnostic::error(crate::msg!(Msg::CountHasDecimals, key, shown)).hint(WHOLE_HINT),
        );
    }
    if unit == MetricUnit::Percent && n > 0.0 && n < 1.0 {
        return Some(
            Diagnostic::warning(crate::msg!(Msg::RateLooksLikeFraction, key, shown))
                .hint(Hint::PercentagesWrittenScaleCell),
        );
    }
    None
}

/// What a column of a sheet holds.
#[derive(Clone, Debug)]
enum Column {
    Unit,
    Period,
    Source,
    Metric(MetricKey, MetricUnit),
    Skip,
}

fn column_for(header: &str, catalogue: &Catalogue) -> Option<Column> {
    let norm = normalize_header(header);
    match norm.as_str() {
        "unit" | "đơn vị" | "don vi" | "mã đơn vị" => Some(Column::Unit),
        "period" | "kỳ" | "kỳ báo cáo" | "ky bao cao" => Some(Column::Period),
        "source" | "nguồn" | "nguồn số liệu" => Some(Column::Source),
        _ => catalogue
            .by_header(header)
            .map(|d| Column::Metric(d.key.clone(), d.unit)),
    }
}

/// A cell of a sheet with its position, for messages.
struct Cell<'a> {
    text: &'a str,
    /// A workbook's numeric cell, taken as is.
    number: Option<f64>,
    line: usize,
    col: usize,
}

/// Where the rows of a sheet came from, to place diagnostics.
trait Locate {
    fn at(&self, d: Diagnostic, line: usize, col: usize, len: usize) -> Diagnostic;
    fn origin(&self, line: usize) -> Origin;
}

struct CsvText<'a> {
    path: &'a Path,
    text: &'a str,
    /// The file's lines, split once: a record's origin is looked up by
    /// line number for every row.
    lines: Vec<&'a str>,
}

impl Locate for CsvText<'_> {
    fn at(&self, d: Diagnostic, line: usize, col: usize, len: usize) -> Diagnostic {
        d.file(self.path).at(self.text, line, col).len(len)
    }
    fn origin(&self, line: usize) -> Origin {
        Origin {
            path: self.path.to_path_buf(),
            line,
            col: 1,
            source_line: line
                .checked_sub(1)
                .and_then(|i| self.lines.get(i))
                .map_or_else(String::new, |l| (*l).to_string()),
        }
    }
}

struct Sheet<'a> {
    path: &'a Path,
    name: &'a str,
}

impl Locate for Sheet<'_> {
    fn at(&self, d: Diagnostic, line: usize, col: usize, _len: usize) -> Diagnostic {
        let mut d = d.file(self.path).place(Place::Cell {
            sheet: self.name.to_string(),
            cell: format!("{}{line}", column_letters(col)),
        });
        d.line = Some(line);
        d.col = Some(col);
        d
    }
    fn origin(&self, line: usize) -> Origin {
        Origin {
            path: self.path.to_path_buf(),
            line,
            col: 1,
            source_line: format!("sheet `{}`, row {line}", self.name),
        }
    }
}

/// Turns a table (header row, then data rows) into records.
fn table(
    rows: &[Vec<Cell<'_>>],
    loc: &dyn Locate,
    catalogue: &Catalogue,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Record> {
    let Some(header_idx) = header_row(rows, loc, catalogue, diags) else {
        return Vec::new();
    };
    let Some(columns) = header_columns(&rows[header_idx], loc, catalogue, diags) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for row in &rows[header_idx + 1..] {
        if row.iter().all(|c| c.text.trim().is_empty()) {
            continue;
        }
        out.extend(table_row(row, &columns, loc, units, diags));
    }
    out
}

/// Whether a row holds a cell naming the unit column.
fn has_unit_column(row: &[Cell<'_>], catalogue: &Catalogue) -> bool {
    row.iter()
        .any(|c| matches!(column_for(c.text, catalogue), Some(Column::Unit)))
}

/// The index of the header row; `None` (reported) when there is none.
fn header_row(
    rows: &[Vec<Cell<'_>>],
    loc: &dyn Locate,
    catalogue: &Catalogue,
    diags: &mut Vec<Diagnostic>,
) -> Option<usize> {
    // Title rows may stand above the table: the header is the first row
    // with a unit column.
    let found = rows.iter().position(|r| has_unit_column(r, catalogue));
    if found.is_none()
        && let Some(first) = rows.first().and_then(|r| r.first())
    {
        diags.push(
            loc.at(Diagnostic::error(Msg::NoUnitColumn), first.line, 1, 1)
                .hint(Hint::FirstRowNamesColumns),
        );
    }
    found
}

/// What the column under each header cell holds, by position; `None`
/// (reported) when two columns hold one figure or none holds the period.
fn header_columns(
    header: &[Cell<'_>],
    loc: &dyn Locate,
    catalogue: &Catalogue,
    diags: &mut Vec<Diagnostic>,
) -> Option<HashMap<usize, Column>> {
    let mut columns: HashMap<usize, Column> = HashMap::new();
    for (i, cell) in header.iter().enumerate() {
        if cell.text.trim().is_empty() {
            continue;
        }
        let col = header_column(cell, loc, catalogue, diags);
        // Two columns for one metric would let the last silently win.
        if let Some(first) = column_holding(&columns, &col) {
            diags.push(
                loc.at(
                    Diagnostic::error(crate::msg!(
                        Msg::DuplicateColumns,
                        header[first].text.trim(),
                        cell.text.trim()
                    )),
                    cell.line,
                    cell.col,
                    cell.text.chars().count(),
                )
                .hint(Hint::KeepOneTwoColumns),
            );
            return None;
        }
        columns.insert(i, col);
    }
    if !columns.values().any(|c| matches!(c, Column::Period)) {
        let c = &header[0];
        diags.push(
            loc.at(Diagnostic::error(Msg::NoPeriodColumn), c.line, 1, 1)
                .hint(Hint::AddPeriodColumn),
        );
        return None;
    }
    Some(columns)
}

/// What a header cell names; an unknown name is warned about and its
/// column skipped.
fn header_column(
    cell: &Cell<'_>,
    loc: &dyn Locate,
    catalogue: &Catalogue,
    diags: &mut Vec<Diagnostic>,
) -> Column {
    column_for(cell.text, catalogue).unwrap_or_else(|| {
        let mut d = Diagnostic::warning(crate::msg!(Msg::UnknownColumnSkipped, cell.text.trim()));
        d = match catalogue.suggest(&cell.text.trim().to_lowercase().replace(' ', "_")) {
            Some(s) => d.hint(crate::msg!(Hint::DidYouMeanIf, s)),
            None => d.hint(Hint::IfHoldsFiguresName),
        };
        diags.push(loc.at(d, cell.line, cell.col, cell.text.chars().count()));
        Column::Skip
    })
}

/// The first of `columns` that holds what `col` holds. Skipped and source
/// columns may repeat.
fn column_holding(columns: &HashMap<usize, Column>, col: &Column) -> Option<usize> {
    let same = |c: &Column| match (c, col) {
        (Column::Metric(a, _), Column::Metric(b, _)) => a == b,
        (Column::Unit, Column::Unit) | (Column::Period, Column::Period) => true,
        _ => false,
    };
    columns
        .iter()
        .filter(|(_, c)| same(c))
        .map(|(j, _)| *j)
        .min()
}

/// One data row → a record; `None` when its unit or period is wrong or
/// missing. A wrong figure is reported but keeps the row and its other
/// figures, so articles do not cascade into more errors.
fn table_row(
    row: &[Cell<'_>],
    columns: &HashMap<usize, Column>,
    loc: &dyn Locate,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Record> {
    let line = row[0].line;
    let (mut unit, mut period, mut source, mut values, mut ok) =
        (None, None, None, BTreeMap::new(), true);
    for (i, cell) in row.iter().enumerate() {
        let Some(column) = columns.get(&i) else {
            continue;
        };
        match column {
            Column::Unit => match unit_cell(cell, loc, units, diags) {
                Some(id) => unit = Some(id),
                None => ok = false,
            },
            Column::Period => match period_cell(cell, loc, diags) {
                Some(p) => period = Some(p),
                None => ok = false,
            },
            Column::Source => {
                let text = cell.text.trim();
                source = (!text.is_empty()).then(|| text.to_string());
            }
            Column::Metric(key, metric_unit) => {
                if let Some(n) = metric_cell(cell, key, *metric_unit, loc, diags) {
                    values.insert(key.clone(), n);
                }
            }
            Column::Skip => {}
        }
    }
    match (unit, period, ok) {
        (Some(unit), Some(period), true) => Some(Record {
            unit,
            period,
            source,
            values,
            origin: loc.origin(line),
        }),
        (None, _, true) | (_, None, true) => {
            diags.push(
                loc.at(Diagnostic::error(Msg::RowWithoutUnitOrPeriod), line, 1, 1)
                    .hint(Hint::EveryRowNamesUnit),
            );
            None
        }
        _ => None,
    }
}

/// The unit a cell names; `None` (reported) when it is not a known unit.
fn unit_cell(
    cell: &Cell<'_>,
    loc: &dyn Locate,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Option<UnitId> {
    let text = cell.text.trim();
    let id = UnitId(text.to_string());
    if units.contains_key(&id) {
        return Some(id);
    }
    let (msg, hint) = unknown_unit(text, units);
    diags.push(
        loc.at(
            Diagnostic::error(msg),
            cell.line,
            cell.col,
            text.chars().count(),
        )
        .hint(hint),
    );
    None
}

/// The period a cell names; `None` (reported) when it is not a period.
fn period_cell(cell: &Cell<'_>, loc: &dyn Locate, diags: &mut Vec<Diagnostic>) -> Option<Period> {
    let text = cell.text.trim();
    match Period::parse(text) {
        Ok(p) => Some(p),
        Err(why) => {
            let (why, hint) = period_problem(text, why);
            diags.push(
                loc.at(
                    Diagnostic::error(crate::msg!(Msg::BadPeriod, text, why)),
                    cell.line,
                    cell.col,
                    text.chars().count(),
                )
                .hint(hint),
            );
            None
        }
    }
}

/// The figure of a metric's cell; `None` when the cell is empty, or wrong
/// (then reported). A workbook's numeric cell is taken as it is; text is
/// read by the rule for separators.
fn metric_cell(
    cell: &Cell<'_>,
    key: &MetricKey,
    unit: MetricUnit,
    loc: &dyn Locate,
    diags: &mut Vec<Diagnostic>,
) -> Option<f64> {
    let text = cell.text.trim();
    if text.is_empty() {
        return None;
    }
    let len = text.chars().count();
    let parsed = match cell.number {
        Some(n) => Ok(n),
        None => number::parse(text, number::is_whole(unit)),
    };
    match parsed {
        Ok(n) => {
            let problem = value_problem(key.as_str(), unit, n, text);
            let keep = problem.as_ref().is_none_or(|d| !d.is_error());
            diags.extend(problem.map(|d| loc.at(d, cell.line, cell.col, len)));
            keep.then_some(n)
        }
        Err(number::Problem::NotWhole) => {
            diags.push(loc.at(
                separators_problem(key.as_str(), unit, text),
                cell.line,
                cell.col,
                len,
            ));
            None
        }
        Err(number::Problem::NotANumber) => {
            diags.push(
                loc.at(
                    Diagnostic::error(crate::msg!(Msg::CellNotANumber, text, key)),
                    cell.line,
                    cell.col,
                    len,
                )
                .hint(Hint::WriteNumbersRead),
            );
            None
        }
    }
}

/// Why a cell is not a period, and the hint: Excel turns "2023-10" into
/// a date and stores its day number; other cells as anywhere else.
fn period_problem(text: &str, why: Part) -> (Part, Hint) {
    if text.len() == 5 && text.bytes().all(|b| b.is_ascii_digit()) {
        (why, Hint::ExcelTurnedPeriodInto)
    } else {
        period::explain(text, why)
    }
}

/// Reads a CSV data file.
pub fn csv(
    text: &str,
    path: &Path,
    catalogue: &Catalogue,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Record> {
    let delimiter = crate::fs::csv_delimiter(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut raw: Vec<(usize, ::csv::StringRecord)> = Vec::new();
    for result in reader.records() {
        match result {
            // A table wider than any report would make the per-column
            // work below (matching headers, locating cells) take minutes.
            Ok(r) if r.len() > crate::workbook::MAX_COLUMNS as usize => {
                let line = r.position().map_or(1, |p| p.line() as usize);
                diags.push(
                    Diagnostic::error(crate::msg!(
                        Msg::CsvTooWide,
                        path.display(),
                        r.len(),
                        crate::workbook::MAX_COLUMNS
                    ))
                    .file(path)
                    .at(text, line, 1)
                    .hint(Hint::ReportFarSmallerThan),
                );
                return Vec::new();
            }
            Ok(r) => raw.push((r.position().map_or(0, |p| p.line() as usize), r)),
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                diags.push(
                    Diagnostic::error(crate::msg!(
                        Msg::CannotReadCsv,
                        crate::parse_error::csv(&e.to_string())
                    ))
                    .file(path)
                    .at(text, line, 1)
                    .hint(Hint::EveryRowNeedsMany),
                );
                return Vec::new();
            }
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    let rows: Vec<Vec<Cell<'_>>> = raw
        .iter()
        .map(|(line, rec)| {
            let src = lines.get(line.saturating_sub(1)).copied().unwrap_or("");
            let mut search = 0;
            rec.iter()
                .map(|field| {
                    // Column of the field on its line, for the caret.
                    // A quoted field spanning lines may not be found: keep
                    // the last position rather than guess.
                    let byte = src
                        .get(search..)
                        .and_then(|rest| rest.find(field))
                        .map_or(search, |b| b + search);
                    if byte != search || src.get(search..).is_some_and(|r| r.starts_with(field)) {
                        search = byte + field.len();
                    }
                    Cell {
                        text: field,
                        number: None,
                        line: *line,
                        col: src.get(..byte).map_or(1, |b| b.chars().count() + 1),
                    }
                })
                .collect()
        })
        .collect();
    let located = CsvText {
        path,
        text,
        lines: text.lines().collect(),
    };
    let out = table(&rows, &located, catalogue, units, diags);
    // A file of no rows, or of a header only, adds nothing: say so.
    let filled = rows
        .iter()
        .filter(|r| r.iter().any(|c| !c.text.trim().is_empty()))
        .count();
    if out.is_empty() && filled <= 1 {
        diags.push(
            Diagnostic::warning(crate::msg!(Msg::NoRowsOfFigures, path.display()))
                .file(path)
                .hint(Hint::DataFileHeaderRow),
        );
    }
    out
}

/// Reads an XLSX data file: every sheet holding a table with a unit column.
pub fn xlsx(
    bytes: Vec<u8>,
    path: &Path,
    catalogue: &Catalogue,
    units: &BTreeMap<UnitId, Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Record> {
    use calamine::Data;
    let mut book = match crate::workbook::open(bytes, path) {
        Ok(b) => b,
        Err(crate::workbook::OpenError::Limit(d)) => {
            diags.push(*d);
            return Vec::new();
        }
        Err(crate::workbook::OpenError::Unreadable(e)) => {
            diags.push(
                Diagnostic::error(crate::msg!(
                    Msg::CannotReadExcelWorkbook,
                    path.display(),
                    crate::msg!(Part::ReaderSays, e)
                ))
                .file(path)
                .hint(Hint::SaveSheetXlsxExcel),
            );
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    let mut found_table = false;
    for name in book.sheet_names() {
        let range = match book.range(&name, path) {
            Ok(r) => r,
            Err(crate::workbook::SheetError::Limit(d)) => {
                diags.push(*d);
                continue;
            }
            Err(crate::workbook::SheetError::Unreadable(e)) => {
                diags.push(
                    Diagnostic::error(crate::msg!(
                        Msg::CannotReadSheet,
                        name,
                        crate::msg!(Part::ReaderSays, e)
                    ))
                    .file(path),
                );
                continue;
            }
        };
        let (row0, col0) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        // A numeric cell keeps its number: only text is read by the rule
        // for separators.
        let texts: Vec<Vec<(String, Option<f64>)>> = range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Data::Empty => (String::new(), None),
                        Data::String(s) => (s.clone(), None),
                        Data::Float(f) => (crate::text::plain_number(*f), Some(*f)),
                        Data::Int(i) => (i.to_string(), Some(*i as f64)),
                        Data::Bool(b) => (b.to_string(), None),
                        other => (other.to_string(), None),
                    })
                    .collect()
            })
            .collect();
        let rows: Vec<Vec<Cell<'_>>> = texts
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .map(|(c, (t, n))| Cell {
                        text: t,
                        number: *n,
                        line: row0 + r + 1,
                        col: col0 + c + 1,
                    })
                    .collect()
            })
            .collect();
        let has_table = rows.iter().any(|r| has_unit_column(r, catalogue));
        // Sheets of notes or charts beside the data are not an error.
        found_table |= has_table;
        if has_table {
            out.extend(table(
                &rows,
                &Sheet { path, name: &name },
                catalogue,
                units,
                diags,
            ));
        }
    }
    if !found_table && !diags.iter().any(|d| d.path.as_deref() == Some(path)) {
        diags.push(
            Diagnostic::error(crate::msg!(Msg::NoSheetWithUnitColumn, path.display()))
                .file(path)
                .hint(Hint::HeaderRowNamesColumns),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::Level;

    fn units() -> BTreeMap<UnitId, Unit> {
        ["thuan-an", "hong-ngu"]
            .iter()
            .map(|id| {
                (
                    UnitId(id.to_string()),
                    Unit {
                        id: UnitId(id.to_string()),
                        name: id.to_string(),
                        short: None,
                        parent: None,
                        level: Level::City,
                        since: None,
                        until: None,
                        merged_from: Vec::new(),
                    },
                )
            })
            .collect()
    }

    #[test]
    fn yaml_record_and_list() {
        let cat = Catalogue::builtin();
        let mut diags = Vec::new();
        let one = "unit: thuan-an\nperiod: 2023-9M\nmetrics:\n  received: 10551\n  resolved:\n";
        let recs = yaml(one, Path::new("a.yaml"), &cat, &units(), &mut diags);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].values.len(), 1, "an empty value is absent, not 0");
        let list = "- unit: thuan-an\n  period: 2023\n  metrics: {received: 1}\n- unit: hong-ngu\n  period: 2022-H1\n  metrics: {on_time_rate: 99.95}\n";
        let recs = yaml(list, Path::new("b.yaml"), &cat, &units(), &mut diags);
        assert!(diags.is_empty(), "{diags:#?}");
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].origin.line, 4);
        assert_eq!(recs[0].period, Period::Year(2023));
    }

    #[test]
    fn yaml_errors_are_located() {
        let cat = Catalogue::builtin();
        let mut diags = Vec::new();
        let text = "- unit: thuan-an\n  period: 2023\n  metrics: {received: 1}\n- unit: thuan-am\n  period: 2023-Q5\n  metrics:\n    recieved: 5\n    resolved: \"6.580 hồ sơ\"\n";
        let recs = yaml(text, Path::new("b.yaml"), &cat, &units(), &mut diags);
        assert_eq!(recs.len(), 1);
        let find = |s: &str| {
            diags
                .iter()
                .find(|d| d.message.en().contains(s))
                .unwrap_or_else(|| panic!("{s}: {diags:#?}"))
        };
        assert_eq!(find("unknown unit `thuan-am`").line, Some(4));
        assert_eq!(
            find("unknown unit")
                .hint
                .as_ref()
                .map(Hint::en)
                .as_deref()
                .map(|h| h.starts_with("did you mean `thuan-an`?")),
            Some(true)
        );
        assert_eq!(find("bad period `2023-Q5`").line, Some(5));
        let key = find("unknown metric key `recieved`");
        assert_eq!((key.line, key.col), (Some(7), Some(5)));
        assert!(
            key.hint
                .as_ref()
                .map(Hint::en)
                .as_deref()
                .unwrap()
                .contains("did you mean `received`?")
        );
        assert_eq!(find("value of `resolved` is not a number").line, Some(8));
    }

    #[test]
    fn csv_headers_by_label_and_unknown_columns() {
        let cat = Catalogue::builtin();
        let mut diags = Vec::new();
        let text = "Đơn vị,Kỳ báo cáo,Tiếp nhận,Trước hạn,Ghi chú,Hài lòng\nthuan-an,2023-9M,10551,8906,xem báo cáo,\nhong-ngu,2022-H1,\"1,5\",x,,97\n";
        let recs = csv(text, Path::new("c.csv"), &cat, &units(), &mut diags);
        // A bad cell is an error, but the row's other figures stay, so
        // articles do not cascade into more errors.
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].values.len(), 1, "the satisfaction figure stays");
        assert_eq!(
            recs[0].values[&MetricKey::parse("resolved_early").unwrap()],
            8906.0
        );
        let skipped = diags
            .iter()
            .find(|d| d.message.en().contains("unknown column `Ghi chú`"))
            .unwrap();
        assert!(!skipped.is_error());
        assert_eq!((skipped.line, skipped.col), (Some(1), Some(39)));
        let bad = diags
            .iter()
            .find(|d| {
                d.message
                    .en()
                    .contains("`x` in column `resolved_early` is not a number")
            })
            .unwrap();
        assert_eq!((bad.line, bad.col), (Some(3), Some(24)));
        let count = diags
            .iter()
            .find(|d| {
                d.message
                    .en()
                    .contains("`received` is a count but 1,5 has decimals")
            })
            .unwrap();
        assert!(count.is_error());
        assert_eq!((count.line, count.col), (Some(3), Some(19)));
    }

    #[test]
    fn windows_exports_semicolons_and_decomposed_letters() {
        let cat = Catalogue::builtin();
        let mut diags = Vec::new();
        // Decomposed "Đơn vị" / "Kỳ báo cáo" and `;` with a decimal comma.
        let text =
            "Đơn vi\u{0323};Ky\u{0300} báo cáo;Tỷ lệ giải quyết đúng hạn\nhong-ngu;2022-H1;99,95\n";
        let recs = csv(text, Path::new("c.csv"), &cat, &units(), &mut diags);
        assert!(diags.is_empty(), "{diags:#?}");
        assert_eq!(
            recs[0].values[&MetricKey::parse("on_time_rate").unwrap()],
            99.95
        );
    }

    #[test]
    fn two_columns_for_one_metric_are_an_error() {
        let cat = Catalogue::builtin();
        let mut diags = Vec::new();
        let recs = csv(
            "unit,period,Tỷ lệ giải quyết đúng hạn,on_time_rate\nhong-ngu,2022,99,12\n",
            Path::new("c.csv"),
            &cat,
            &units(),
            &mut diags,
        );
        assert!(recs.is_empty());
        assert!(diags[0].message.en().contains(
            "the columns `Tỷ lệ giải quyết đúng hạn` and `on_time_rate` hold the same figure"
        ));
    }

    #[test]
    fn percent_cells_stored_as_fractions_warn() {
        let cat = Catalogue::builtin();
        let mut diags = Vec::new();
        csv(
            "unit,period,on_time_rate\nhong-ngu,2022,0.9938\n",
            Path::new("c.csv"),
            &cat,
            &units(),
            &mut diags,
        );
        assert!(
            diags[0]
                .message
                .en()
                .contains("a rate under 1%, or a fraction of 1?"),
            "{diags:#?}"
        );
    }

    fn received(recs: &[Record]) -> Option<f64> {
        recs.first()
            .and_then(|r| r.values.get(&MetricKey::parse("received").unwrap()))
            .copied()
    }

    /// `12.000` is twelve thousand in every reader, never 12 without a word.
    #[test]
    fn thousands_separators_one_rule_for_every_reader() {
        let cat = Catalogue::builtin();
        for (written, n) in [
            ("12.000", 12000.0),
            ("1.234.567", 1234567.0),
            ("1,000", 1000.0),
        ] {
            let mut diags = Vec::new();
            let text = format!("unit,period,received\nhong-ngu,2022,\"{written}\"\n");
            let recs = csv(&text, Path::new("c.csv"), &cat, &units(), &mut diags);
            assert!(diags.is_empty(), "{diags:#?}");
            assert_eq!(received(&recs), Some(n), "CSV {written}");
            for yaml_text in [
                format!("unit: hong-ngu\nperiod: 2022\nmetrics:\n  received: {written}  # tổng\n"),
                format!("- unit: hong-ngu\n  period: 2022\n  metrics: {{received: {written}}}\n")
                    .replace("1,000}", "1,000 }"),
            ] {
                if yaml_text.contains("{received: 1,000") {
                    // In a flow mapping YAML itself splits at the comma.
                    continue;
                }
                let recs = yaml(&yaml_text, Path::new("a.yaml"), &cat, &units(), &mut diags);
                assert!(diags.is_empty(), "{yaml_text}: {diags:#?}");
                assert_eq!(received(&recs), Some(n), "YAML {yaml_text}");
            }
        }
        // Not thousands groups: an error with a hint, never a smaller number.
        for written in ["12.00", "1.2345", "1.234,5", "12,5"] {
            let mut diags = Vec::new();
            let text = format!("unit,period,received\nhong-ngu,2022,\"{written}\"\n");
            let recs = csv(&text, Path::new("c.csv"), &cat, &units(), &mut diags);
            assert_eq!(received(&recs), None, "CSV {written}");
            assert!(
                diags[0].is_error()
                    && diags[0].message.en()
                        == format!("`received` is a count but {written} has decimals")
                    && diags[0]
                        .hint
                        .as_ref()
                        .map(Hint::en)
                        .as_deref()
                        .unwrap()
                        .contains("12.000 or 12,000"),
                "{diags:#?}"
            );
            let text = format!("unit: hong-ngu\nperiod: 2022\nmetrics:\n  received: {written}\n");
            let mut diags = Vec::new();
            let recs = yaml(&text, Path::new("a.yaml"), &cat, &units(), &mut diags);
            assert_eq!(received(&recs), None, "YAML {written}");
            assert_eq!(
                (diags[0].line, diags[0].is_error()),
                (Some(4), true),
                "{diags:#?}"
            );
        }
        // Rates keep their decimal comma and point.
        let mut diags = Vec::new();
        let recs = csv(
            "unit;period;on_time_rate;satisfaction\nhong-ngu;2022;12,5;93.1\n",
            Path::new("c.csv"),
            &cat,
            &units(),
            &mut diags,
        );
        assert!(diags.is_empty(), "{diags:#?}");
        let v = |k: &str| recs[0].values[&MetricKey::parse(k).unwrap()];
        assert_eq!((v("on_time_rate"), v("satisfaction")), (12.5, 93.1));
    }

    /// Text cells follow the rule; a numeric cell is taken as it is.
    #[test]
    fn workbook_text_and_number_cells() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        for (c, h) in ["unit", "period", "received", "resolved"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "hong-ngu").unwrap();
        ws.write_string(1, 1, "2022").unwrap();
        ws.write_string(1, 2, "12.000").unwrap();
        ws.write_number(1, 3, 1.234).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let mut diags = Vec::new();
        let recs = xlsx(
            bytes,
            Path::new("b.xlsx"),
            &Catalogue::builtin(),
            &units(),
            &mut diags,
        );
        assert_eq!(received(&recs), Some(12000.0));
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert!(
            diags[0]
                .message
                .en()
                .starts_with("`resolved` is a count but 1.234 has decimals"),
            "{diags:#?}"
        );
    }

    /// `received: 1e300` would print a 40-digit number.
    #[test]
    fn figures_no_report_holds_are_errors() {
        let cat = Catalogue::builtin();
        for written in ["1e300", "2000000000000", ".inf"] {
            let mut diags = Vec::new();
            let text = format!("unit: hong-ngu\nperiod: 2022\nmetrics:\n  received: {written}\n");
            let recs = yaml(&text, Path::new("a.yaml"), &cat, &units(), &mut diags);
            assert_eq!(received(&recs), None, "{written}");
            assert!(
                diags[0].is_error() && diags[0].line == Some(4),
                "{written}: {diags:#?}"
            );
            assert!(
                diags[0].message.en().contains("more than any report holds")
                    || (written == ".inf" && diags[0].message.en().contains("is not a number")),
                "{written}: {diags:#?}"
            );
        }
        let mut diags = Vec::new();
        csv(
            "unit,period,received,on_time_rate\nhong-ngu,2022,5,1e300\n",
            Path::new("c.csv"),
            &cat,
            &units(),
            &mut diags,
        );
        assert!(diags[0].is_error(), "{diags:#?}");
    }

    /// YAML (plain or quoted) and CSV read a figure by one rule: spaces
    /// group thousands, and a group-separated number never starts with 0.
    #[test]
    fn yaml_and_csv_read_figures_alike() {
        let cat = Catalogue::builtin();
        for (written, want) in [
            ("12.000", Some(12000.0)),
            ("\"12.000\"", Some(12000.0)),
            ("'12,000'", Some(12000.0)),
            ("12 000", Some(12000.0)),
            ("\"12\u{a0}000\"", Some(12000.0)),
            ("0.012", None),
            ("000.012", None),
            ("0,012", None),
            ("\"0.012\"", None),
        ] {
            let mut diags = Vec::new();
            let text = format!("unit: hong-ngu\nperiod: 2022\nmetrics:\n  received: {written}\n");
            let recs = yaml(&text, Path::new("a.yaml"), &cat, &units(), &mut diags);
            assert_eq!(received(&recs), want, "yaml {written}: {diags:#?}");
            if want.is_none() {
                assert!(
                    diags.iter().any(|d| d.is_error() && d.line == Some(4)),
                    "yaml {written}: {diags:#?}"
                );
            }
            let cell = written.trim_matches(['"', '\'']);
            let mut diags = Vec::new();
            let recs = csv(
                &format!("unit,period,received\nhong-ngu,2022,\"{cell}\"\n"),
                Path::new("c.csv"),
                &cat,
                &units(),
                &mut diags,
            );
            assert_eq!(received(&recs), want, "csv {cell}: {diags:#?}");
            if want.is_none() {
                assert!(diags.iter().any(|d| d.is_error()), "csv {cell}: {diags:#?}");
            }
        }
    }

    #[test]
    fn an_empty_csv_is_named_in_a_warning() {
        let cat = Catalogue::builtin();
        for text in [
            "",
            "\n\n",
            "unit,period,received\n",
            "unit,period,received\n,,\n",
        ] {
            let mut diags = Vec::new();
            let recs = csv(text, Path::new("trong.csv"), &cat, &units(), &mut diags);
            assert!(recs.is_empty());
            assert_eq!(diags.len(), 1, "{text:?}: {diags:#?}");
            assert!(!diags[0].is_error());
            assert_eq!(diags[0].message.en(), "trong.csv holds no rows of figures");
        }
    }

    #[test]
    fn column_letters_like_excel() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(27), "AA");
    }
}
