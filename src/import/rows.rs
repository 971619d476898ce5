//! Rows → records: figures per unit and period, checked against the
//! form's own totals.

use std::ops::ControlFlow;

use super::*;
use crate::messages::{Hint, Msg, Status};

/// One record to write.
pub(super) struct OutRecord {
    pub(super) unit: UnitId,
    pub(super) period: Period,
    /// The row's own source column, if the table has one.
    pub(super) source: Option<String>,
    pub(super) values: Vec<(MetricKey, f64)>,
}

/// A row of figures, by column.
pub(super) type RowFigures = BTreeMap<usize, f64>;

/// The records of the rows under the header, one per unit and period.
pub(super) fn import_table(
    ctx: &Ctx<'_>,
    header: &Header,
    units: &BTreeMap<UnitId, Unit>,
    add_units: bool,
    log: &mut Vec<Status>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<OutRecord>, Vec<Unit>) {
    log_header(ctx, header, log);
    log_columns(ctx, header, log);
    let title = title_period(ctx, header, log, diags);
    let reader = Reader::new(ctx, header, units, title);
    if reader.period_col.is_none() && title.is_none() {
        diags.push(
            ctx.whole(Diagnostic::error(crate::msg!(
                Msg::NoPeriodFound,
                ctx.file.display()
            )))
            .hint(Hint::AddPeriodColumnImport),
        );
        return (Vec::new(), Vec::new());
    }
    let mut read = RowsRead {
        adder: add_units.then(|| {
            Adder::new(
                units,
                reporting_name(ctx, header).as_deref(),
                title.as_ref(),
            )
        }),
        ..RowsRead::default()
    };
    let data_start = header.numbering.unwrap_or(header.end) + 1;
    for r in data_start..ctx.table.rows.len() {
        let Some(row) = reader.read_row(r, diags) else {
            continue;
        };
        if read.take_row(&reader, row, log, diags).is_break() {
            break;
        }
    }
    read.finish(&reader, log, diags)
}

/// "header: row 5–7 (3 levels); column numbers on row 8".
fn log_header(ctx: &Ctx<'_>, header: &Header, log: &mut Vec<Status>) {
    let table = ctx.table;
    let levels = header.end - header.start + 1;
    let (first, last) = (table.row_number(header.start), table.row_number(header.end));
    let numbers = header.numbering.map(|n| table.row_number(n));
    log.push(match (levels > 1, numbers) {
        (false, None) => crate::msg!(Status::HeaderRow, first),
        (false, Some(n)) => crate::msg!(Status::HeaderRowNumbered, first, n),
        (true, None) => crate::msg!(Status::HeaderRows, first, last, levels),
        (true, Some(n)) => crate::msg!(Status::HeaderRowsNumbered, first, last, levels, n),
    });
}

/// What reading a row needs and no row changes: the table, which columns
/// hold what, the units to match names against, the title's period.
struct Reader<'a> {
    ctx: &'a Ctx<'a>,
    header: &'a Header,
    index: UnitIndex,
    /// The declared units, for their dates in messages.
    units: &'a BTreeMap<UnitId, Unit>,
    unit_cols: Vec<usize>,
    /// The "STT" column: row numbers, and on some forms "Tổng cộng".
    stt_col: Option<usize>,
    label_area: usize,
    figure_cols: Vec<&'a Column>,
    period_col: Option<usize>,
    source_col: Option<usize>,
    /// The period of the title lines, for rows without a period cell.
    title: Option<Period>,
}

impl<'a> Reader<'a> {
    fn new(
        ctx: &'a Ctx<'a>,
        header: &'a Header,
        units: &'a BTreeMap<UnitId, Unit>,
        title: Option<Period>,
    ) -> Self {
        Reader {
            ctx,
            header,
            index: UnitIndex::new(units),
            units,
            unit_cols: header.units().collect(),
            stt_col: header.role_col(|r| matches!(r, Role::RowNumber)),
            label_area: header.label_area(),
            figure_cols: header
                .columns
                .iter()
                .filter(|c| c.carries_figures())
                .collect(),
            period_col: header.role_col(|r| matches!(r, Role::Period)),
            source_col: header.role_col(|r| matches!(r, Role::Source)),
            title,
        }
    }

    /// Row `r`, unless it is blank or a row of column numbers. Reading its
    /// figures reports the cells that are not numbers.
    fn read_row(&self, r: usize, diags: &mut Vec<Diagnostic>) -> Option<Row> {
        let table = self.ctx.table;
        let texts: Vec<String> = table.rows[r]
            .iter()
            .map(Cell::text)
            .filter(|t| !t.is_empty())
            .collect();
        if texts.is_empty() || is_numbering_row(table, r) {
            return None;
        }
        Some(Row {
            figures: row_figures(self.ctx, r, &self.figure_cols, diags),
            number: table.row_number(r),
            stt: self.stt_col.map(|c| table.text(r, c)).unwrap_or_default(),
            name: row_name(table, r, &self.unit_cols, self.label_area),
            r,
            texts,
        })
    }

    /// A diagnostic placed on the unit cell of row `r`.
    fn at_unit(&self, d: Diagnostic, r: usize) -> Diagnostic {
        self.ctx
            .at(d, r, self.unit_cols.first().copied().unwrap_or(0))
    }

    /// The row's own source cell, if the table has a source column.
    fn source(&self, r: usize) -> Option<String> {
        self.source_col
            .map(|c| self.ctx.table.text(r, c))
            .filter(|t| !t.is_empty())
    }
}

/// A row under the header, as read.
struct Row {
    r: usize,
    /// The row's number in the sheet, for the log.
    number: usize,
    /// Its non-empty cells.
    texts: Vec<String>,
    stt: String,
    name: String,
    figures: RowFigures,
}

/// What a row is, from its labels and whether it has figures.
enum RowKind {
    /// Notes or signatures below the table.
    EndOfTable,
    /// "Tổng cộng": checked against the sum of the unit rows.
    Total,
    /// Figures without a name.
    Nameless,
    /// Neither a name nor figures: text outside the label columns.
    Empty,
    /// A name without figures: the heading of a group of units.
    Heading,
    /// A name and figures: a unit, or a group's subtotal.
    Figures,
}

impl Row {
    fn kind(&self) -> RowKind {
        if self.figures.is_empty() && is_end_of_table(&self.texts) {
            return RowKind::EndOfTable;
        }
        // Some forms put "Tổng cộng" in the STT column.
        if is_total_label(&self.name) || (!self.stt.is_empty() && is_total_label(&self.stt)) {
            return RowKind::Total;
        }
        match (self.name.is_empty(), self.figures.is_empty()) {
            (true, false) => RowKind::Nameless,
            (true, true) => RowKind::Empty,
            (false, true) => RowKind::Heading,
            (false, false) => RowKind::Figures,
        }
    }
}

/// What the rows read so far have given: the state the loop over the rows
/// threads through.
#[derive(Default)]
struct RowsRead {
    records: Vec<OutRecord>,
    /// The row each (unit, period) was first read from: a second row for
    /// the same pair is reported, not imported.
    seen: HashMap<(UnitId, Period), usize>,
    /// The figures the total row should add up to: every row naming a unit,
    /// known or not (a field of work on a unit's own report is one too).
    unit_rows: Vec<RowFigures>,
    /// The first total row and its figures.
    total: Option<(usize, RowFigures)>,
    /// Names that are no unit of site.yaml: reported only if the rows do
    /// not turn out to be a unit's fields of work.
    unknown: Vec<Diagnostic>,
    /// Lines about unknown units (where, row, name), rewritten if the rows
    /// turn out to be fields of work.
    unknown_log: Vec<(usize, usize, String)>,
    /// The units to add to site.yaml, unless `--no-new-units`.
    adder: Option<Adder>,
    /// Whether a row with a name and figures has been read: after one, a
    /// row with neither ends the table.
    seen_data: bool,
}

impl RowsRead {
    /// Takes one row; breaks at the end of the table.
    fn take_row(
        &mut self,
        reader: &Reader<'_>,
        row: Row,
        log: &mut Vec<Status>,
        diags: &mut Vec<Diagnostic>,
    ) -> ControlFlow<()> {
        let n = row.number;
        match row.kind() {
            RowKind::EndOfTable => {
                log.push(crate::msg!(Status::RowEndsTable, n, row.texts.join(" ")));
                return ControlFlow::Break(());
            }
            RowKind::Total => self.take_total(row, log),
            RowKind::Nameless => diags.push(
                reader
                    .at_unit(Diagnostic::warning(Msg::RowWithoutUnitName), row.r)
                    .hint(Hint::WriteUnitName),
            ),
            RowKind::Empty if self.seen_data => {
                log.push(crate::msg!(Status::RowEmptyEndsTable, n));
                return ControlFlow::Break(());
            }
            RowKind::Empty => {}
            RowKind::Heading => log.push(crate::msg!(Status::RowGroup, n, row.name)),
            RowKind::Figures => self.take_unit_row(reader, row, log, diags),
        }
        ControlFlow::Continue(())
    }

    /// The first total row is kept to check the sums; any other is skipped.
    fn take_total(&mut self, row: Row, log: &mut Vec<Status>) {
        let n = row.number;
        if self.total.is_some() {
            log.push(crate::msg!(Status::RowSecondTotal, n));
            return;
        }
        let label = if row.name.is_empty() {
            &row.stt
        } else {
            &row.name
        };
        log.push(crate::msg!(Status::RowTotal, n, label));
        self.total = Some((row.r, row.figures));
    }

    /// A row with a name and figures becomes a record when the name is a
    /// unit's, the row has a period, the unit and period are new and a
    /// figure is the catalogue's.
    fn take_unit_row(
        &mut self,
        reader: &Reader<'_>,
        row: Row,
        log: &mut Vec<Status>,
        diags: &mut Vec<Diagnostic>,
    ) {
        self.seen_data = true;
        let ctx = reader.ctx;
        // The name is matched among the units of the row's period; a bad
        // period is reported below, once the row is known to be a unit's.
        let period = row_period(ctx, row.r, reader.period_col, reader.title, &mut Vec::new());
        let Some((unit, new)) = self.match_unit(reader, &row, period.as_ref(), log, diags) else {
            return;
        };
        let Some(period) = row_period(ctx, row.r, reader.period_col, reader.title, diags) else {
            return;
        };
        self.unit_rows.push(row.figures.clone());
        if let Some(&first_row) = self.seen.get(&(unit.clone(), period)) {
            diags.push(
                reader
                    .at_unit(
                        Diagnostic::warning(crate::msg!(
                            Msg::UnitRowAgain,
                            row.name,
                            unit,
                            period.id(),
                            ctx.table.row_number(first_row)
                        )),
                        row.r,
                    )
                    .hint(Hint::EachUnitOneRecordPer),
            );
            return;
        }
        let (n, name) = (row.number, &row.name);
        let values = record_values(ctx, reader.header, row.r, &row.figures, name, log, diags);
        if values.is_empty() {
            log.push(crate::msg!(Status::RowNoFigure, n, name, unit));
            return;
        }
        self.seen.insert((unit.clone(), period), row.r);
        log.push(if new {
            crate::msg!(Status::RowNewUnit, n, name, unit)
        } else {
            crate::msg!(Status::RowUnit, n, name, unit)
        });
        self.records.push(OutRecord {
            unit,
            period,
            source: reader.source(row.r),
            values,
        });
    }

    /// The unit a row names, if one, and whether it is added now (unless
    /// `--no-new-units`, a name with a level word that site.yaml lacks): a
    /// group's subtotal, another name of no unit and a name that fits
    /// several give none, the last two still counting towards the total row.
    fn match_unit(
        &mut self,
        reader: &Reader<'_>,
        row: &Row,
        period: Option<&Period>,
        log: &mut Vec<Status>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(UnitId, bool)> {
        let (n, name) = (row.number, &row.name);
        match reader.index.find_in(name, period) {
            Ok(Some(id)) => Some((id, false)),
            Ok(None) if is_group_label(name, &row.stt) => {
                log.push(crate::msg!(Status::RowSubtotal, n, name));
                None
            }
            Ok(None) => {
                if let Some(id) = self.adder.as_ref().and_then(|a| a.find(name)) {
                    return Some((id, false));
                }
                if let Some(id) = self.adder.as_mut().and_then(|a| a.add(name)) {
                    return Some((id, true));
                }
                self.unknown_unit(reader, row, log);
                None
            }
            Err(Miss::NotThen(ids)) => {
                self.unit_rows.push(row.figures.clone());
                // The period is there: only a unit of some time was missed.
                if let Some(p) = period {
                    diags.push(reader.at_unit(not_then(name, &ids, p, reader.units), row.r));
                }
                None
            }
            Err(Miss::Several(ids)) => {
                let list = ids
                    .iter()
                    .map(|i| format!("`{i}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.unit_rows.push(row.figures.clone());
                diags.push(
                    reader
                        .at_unit(
                            Diagnostic::warning(crate::msg!(Msg::AmbiguousUnitName, name, list)),
                            row.r,
                        )
                        .hint(Hint::WriteUnitFullName),
                );
                None
            }
        }
    }

    /// A name that is no unit of site.yaml: logged with the entry to add,
    /// and held back until the end, when it may turn out a field of work.
    fn unknown_unit(&mut self, reader: &Reader<'_>, row: &Row, log: &mut Vec<Status>) {
        let (n, name) = (row.number, &row.name);
        let (id, shown, level) = suggestion(name);
        self.unit_rows.push(row.figures.clone());
        self.unknown_log.push((log.len(), n, name.clone()));
        log.push(crate::msg!(Status::RowNotASiteUnit, n, name, id));
        self.unknown.push(
            reader
                .at_unit(
                    Diagnostic::warning(crate::msg!(Msg::NotASiteUnit, name)),
                    row.r,
                )
                .hint(crate::msg!(
                    Hint::ImportDeclareContentSite,
                    format!(
                        "- {{ id: {id}, name: {}, level: {level} }}",
                        yaml_string(&shown)
                    )
                )),
        );
    }

    /// After the last row: checks the total row, falls back on the
    /// reporting unit's total, and says so when no row gave a record.
    fn finish(
        mut self,
        reader: &Reader<'_>,
        log: &mut Vec<Status>,
        diags: &mut Vec<Diagnostic>,
    ) -> (Vec<OutRecord>, Vec<Unit>) {
        let ctx = reader.ctx;
        let total = self.total.as_ref();
        check_total(ctx, reader.header, total, &self.unit_rows, log, diags);
        if self.records.is_empty()
            && let Some(record) = self.reporting_unit_record(reader, log, diags)
        {
            let added = self.adder.map(|a| a.added).unwrap_or_default();
            return (vec![record], added);
        }
        let none_matched = self.records.is_empty() && !self.unknown.is_empty();
        diags.extend(self.unknown);
        if self.records.is_empty() && !diags.iter().any(Diagnostic::is_error) {
            let hint = if none_matched {
                Hint::DeclareUnitsContentSite
            } else {
                Hint::RowsUnderHeaderName
            };
            diags.push(
                ctx.whole(Diagnostic::error(crate::msg!(
                    Msg::NoRowOfASiteUnit,
                    ctx.file.display()
                )))
                .hint(hint),
            );
        }
        let added = self.adder.map(|a| a.added).unwrap_or_default();
        (self.records, added)
    }

    /// A unit's own report lists fields of work, not units: its total row is
    /// the unit named in "Đơn vị báo cáo", imported when no row names a unit.
    fn reporting_unit_record(
        &mut self,
        reader: &Reader<'_>,
        log: &mut Vec<Status>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<OutRecord> {
        let (ctx, header) = (reader.ctx, reader.header);
        let (r, figures) = self.total.as_ref()?;
        let period = reader.title?;
        let reporter = reporting_name(ctx, header)?;
        let known = match reader.index.find_in(&reporter, Some(&period)) {
            Ok(Some(id)) => Some(id),
            Err(Miss::NotThen(ids)) => {
                diags.push(ctx.at(not_then(&reporter, &ids, &period, reader.units), *r, 0));
                return None;
            }
            _ => None,
        };
        let values = record_values(ctx, header, *r, figures, &reporter, log, diags);
        if values.is_empty() {
            return None;
        }
        // Declared, or added now unless `--no-new-units`.
        let id = known.or_else(|| self.adder.as_mut()?.add_reporter())?;
        for (i, n, name) in &self.unknown_log {
            if let Some(line) = log.get_mut(*i) {
                *line = crate::msg!(Status::RowFieldOfWork, n, name);
            }
        }
        log.push(crate::msg!(
            Status::ReportingUnitTotal,
            ctx.table.row_number(*r),
            reporter,
            id
        ));
        Some(OutRecord {
            unit: id,
            period,
            source: None,
            values,
        })
    }
}

/// The error of a name that fits only units that did not exist
/// throughout the form's period: each with its dates.
fn not_then(
    name: &str,
    ids: &[UnitId],
    period: &Period,
    units: &BTreeMap<UnitId, Unit>,
) -> Diagnostic {
    let list = ids
        .iter()
        .map(|id| match units.get(id) {
            Some(u) => format!("`{id}` ({})", u.lifetime()),
            None => format!("`{id}`"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    Diagnostic::error(crate::msg!(
        Msg::UnitNotInPeriod,
        name,
        list,
        period.id(),
        period.start(),
        period.end()
    ))
    .hint(Hint::CheckFormPeriodLifetime)
}

/// The unit's name on a row: from the unit column, or the first label cell
/// that is neither a number, a group label nor a period.
fn row_name(table: &Table, r: usize, unit_cols: &[usize], label_area: usize) -> String {
    unit_cols
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
        .unwrap_or_default()
}

/// The period of a row: its period cell, or the period in the title lines.
fn row_period(
    ctx: &Ctx<'_>,
    r: usize,
    period_col: Option<usize>,
    title: Option<Period>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Period> {
    let table = ctx.table;
    match period_col {
        Some(c) if !table.cell(r, c).is_blank() => match period_cell(table.cell(r, c)) {
            Some(p) => Some(p),
            None => {
                diags.push(
                    ctx.at(
                        Diagnostic::error(crate::msg!(Msg::NotAPeriod, table.text(r, c))),
                        r,
                        c,
                    )
                    .hint(crate::msg!(
                        Hint::WritePeriodOne,
                        crate::data::period::ACCEPTED_FORMS
                    )),
                );
                None
            }
        },
        _ => match title {
            Some(p) => Some(p),
            None => {
                diags.push(
                    ctx.at(
                        Diagnostic::error(Msg::RowWithoutPeriod),
                        r,
                        period_col.unwrap_or(0),
                    )
                    .hint(Hint::FillPeriodColumn),
                );
                None
            }
        },
    }
}

/// The name of "Đơn vị báo cáo: UBND phường An Thạnh" above the table.
pub(super) fn reporting_name(ctx: &Ctx<'_>, header: &Header) -> Option<String> {
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
        (!name.is_empty()).then_some(name)
    })
}

/// A log line per column saying what it became, and how received is added up.
pub(super) fn log_columns(ctx: &Ctx<'_>, header: &Header, log: &mut Vec<Status>) {
    let table = ctx.table;
    let mut merged_note = None;
    for c in &header.columns {
        let col = table.col_name(c.col);
        let label = c.label();
        let line = match &c.role {
            Role::Unit => crate::msg!(Status::ColumnUnit, col, label),
            Role::Period => crate::msg!(Status::ColumnPeriod, col, label),
            Role::Source => crate::msg!(Status::ColumnSource, col, label),
            Role::RowNumber => crate::msg!(Status::ColumnRowNumbers, col, label),
            Role::Metric(key, _, via) => {
                if *via == Via::MergedDirectPostal {
                    merged_note = Some(c.path.last().cloned().unwrap_or_default());
                }
                crate::msg!(Status::ColumnMetric, col, label, key)
            }
            Role::ReceivedWithCarry => crate::msg!(Status::ColumnReceivedWithCarry, col, label),
            Role::ReceivedTotal => crate::msg!(Status::ColumnIgnored, col, label),
            Role::Ignored(why) => crate::msg!(Status::ColumnIgnoredWhy, col, label, why.clone()),
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
        log.push(crate::msg!(Status::ReceivedIs, names.join(" + ")));
    }
    if let Some(label) = merged_note {
        log.push(crate::msg!(Status::MergedDirectPostal, label));
    } else if received_parts(header).is_some_and(|parts| {
        parts
            .iter()
            .any(|c| matches!(&c.role, Role::Metric(k, ..) if k.as_str() == "received_postal"))
    }) {
        // The catalogue's formula for received leaves postal dossiers out,
        // so the build compares the two and warns where postal is not 0.
        log.push(Status::ReceivedIncludesPostal);
    }
}

/// The in-period columns `received` is added up from, when the form gives
/// no in-period total of its own: online and direct (and postal, when apart).
pub(super) fn received_parts(header: &Header) -> Option<Vec<&Column>> {
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

/// The figures of row `r` in `columns`, reporting cells that are not numbers.
pub(super) fn row_figures(
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
                    Diagnostic::error(crate::msg!(Msg::NotAWholeNumber, ctx.table.text(r, c.col))),
                    r,
                    c.col,
                )
                .hint(Hint::CountWholeNumberWrite),
            ),
        }
    }
    // A row of text (a heading, a note) is not a row of bad figures.
    if !out.is_empty() {
        for c in bad {
            if matches!(c.role, Role::Metric(..)) {
                diags.push(
                    ctx.at(
                        Diagnostic::warning(crate::msg!(
                            Msg::ImportNotANumber,
                            ctx.table.text(r, c.col)
                        )),
                        r,
                        c.col,
                    )
                    .hint(Hint::WriteFiguresPlainNumbers),
                );
            }
        }
    }
    out
}

/// The metric values of one row, in catalogue order.
pub(super) fn record_values(
    ctx: &Ctx<'_>,
    header: &Header,
    r: usize,
    figures: &RowFigures,
    name: &str,
    log: &mut Vec<Status>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(MetricKey, f64)> {
    let mut values: BTreeMap<MetricKey, f64> = BTreeMap::new();
    for c in &header.columns {
        let (Role::Metric(key, unit, _), Some(&v)) = (&c.role, figures.get(&c.col)) else {
            continue;
        };
        if let Some(problem) = figure_problem(ctx, r, c.col, key, *unit, v) {
            diags.push(problem);
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
            None => log.push(crate::msg!(
                Status::RowInPeriodEmpty,
                ctx.table.row_number(r),
                name
            )),
        }
    }
    if let Some(mismatch) = received_mismatch(ctx, header, r, figures, &values, name) {
        diags.push(mismatch);
    }
    ctx.catalogue
        .iter()
        .filter_map(|def| values.get(&def.key).map(|v| (def.key.clone(), *v)))
        .collect()
}

/// Why figure `v` of `key` in cell (`r`, `col`) is not imported: too large
/// for its unit, or a count with decimals.
fn figure_problem(
    ctx: &Ctx<'_>,
    r: usize,
    col: usize,
    key: &MetricKey,
    unit: MetricUnit,
    v: f64,
) -> Option<Diagnostic> {
    let max = crate::data::number::max_figure(unit);
    if !v.is_finite() || v.abs() > max {
        return Some(
            ctx.at(
                Diagnostic::error(crate::msg!(Msg::FigureTooLarge, key, number_text(v))),
                r,
                col,
            )
            .hint(crate::msg!(
                Hint::CheckFigureSize,
                crate::format::num(max, Some(0))
            )),
        );
    }
    let counts = matches!(
        unit,
        MetricUnit::Count | MetricUnit::People | MetricUnit::Documents | MetricUnit::Procedures
    );
    if counts && v.fract() != 0.0 {
        return Some(
            ctx.at(
                Diagnostic::warning(crate::msg!(
                    Msg::ImportCountHasDecimals,
                    key,
                    number_text(v)
                )),
                r,
                col,
            )
            .hint(Hint::CheckCellCountWhole),
        );
    }
    None
}

/// The form's own total of received dossiers (in-period plus carried over)
/// when it is not the sum of the two read from the row.
fn received_mismatch(
    ctx: &Ctx<'_>,
    header: &Header,
    r: usize,
    figures: &RowFigures,
    values: &BTreeMap<MetricKey, f64>,
    name: &str,
) -> Option<Diagnostic> {
    let c = header
        .columns
        .iter()
        .find(|c| matches!(c.role, Role::ReceivedWithCarry))?;
    let get = |k: &str| values.get(k).copied();
    let (received, carried) = (get("received")?, get("carried_over")?);
    let total = *figures.get(&c.col)?;
    let differs = (total - received - carried).abs() > 0.5;
    differs.then(|| {
        ctx.at(
            Diagnostic::warning(crate::msg!(
                Msg::ReceivedSumMismatch,
                name,
                number_text(total),
                number_text(received),
                number_text(carried)
            )),
            r,
            c.col,
        )
        .hint(Hint::OneFiguresRowWrong)
    })
}

/// Checks the total row against the unit rows, column by column.
pub(super) fn check_total(
    ctx: &Ctx<'_>,
    header: &Header,
    total: Option<&(usize, RowFigures)>,
    unit_rows: &[RowFigures],
    log: &mut Vec<Status>,
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
                    Diagnostic::warning(crate::msg!(
                        Msg::TotalRowMismatch,
                        number_text(stated),
                        c.label(),
                        what,
                        number_text(sum)
                    )),
                    *r,
                    c.col,
                )
                .hint(Hint::TotalOrRowsWrong),
            );
        }
    }
    if differ == 0 {
        log.push(crate::msg!(Status::TotalAgrees, ctx.table.row_number(*r)));
    } else {
        log.push(crate::msg!(
            Status::TotalDiffers,
            ctx.table.row_number(*r),
            differ
        ));
    }
}
