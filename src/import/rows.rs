//! Rows → records: figures per unit and period, checked against the
//! form's own totals.

use super::*;
use crate::messages::{Hint, Msg};

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

pub(super) fn import_table(
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
            ctx.whole(Diagnostic::error(crate::msg!(
                Msg::NoPeriodFound,
                ctx.file.display()
            )))
            .hint(Hint::AddPeriodColumnImport),
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
        let name = row_name(table, r, &unit_cols, label_area);
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
                        Diagnostic::warning(Msg::RowWithoutUnitName),
                        r,
                        unit_cols.first().copied().unwrap_or(0),
                    )
                    .hint(Hint::WriteUnitName),
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
                        Diagnostic::warning(crate::msg!(Msg::NotASiteUnit, name)),
                        r,
                        unit_cols.first().copied().unwrap_or(0),
                    )
                    .hint(crate::msg!(
                        Hint::ImportDeclareContentSite,
                        format!(
                            "- {{ id: {id}, name: {}, level: {level} }}",
                            yaml_string(&shown)
                        )
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
                        Diagnostic::warning(crate::msg!(Msg::AmbiguousUnitName, name, list)),
                        r,
                        unit_cols.first().copied().unwrap_or(0),
                    )
                    .hint(Hint::WriteUnitFullName),
                );
                continue;
            }
        };
        let Some(period) = row_period(ctx, r, period_col, title, diags) else {
            continue;
        };
        unit_rows.push(figures.clone());
        if let Some(first_row) = seen.get(&(unit.clone(), period)) {
            diags.push(
                ctx.at(
                    Diagnostic::warning(crate::msg!(
                        Msg::UnitRowAgain,
                        name,
                        unit,
                        period.id(),
                        table.row_number(*first_row)
                    )),
                    r,
                    unit_cols.first().copied().unwrap_or(0),
                )
                .hint(Hint::EachUnitOneRecordPer),
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
    if records.is_empty()
        && let Some(record) = reporting_unit_record(
            ctx,
            header,
            &index,
            total.as_ref(),
            title,
            &unknown_log,
            log,
            diags,
        )
    {
        return vec![record];
    }
    let none_matched = records.is_empty() && !unknown.is_empty();
    diags.extend(unknown);
    if records.is_empty() && !diags.iter().any(Diagnostic::is_error) {
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
    records.into_iter().map(|(_, rec)| rec).collect()
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

/// A unit's own report lists fields of work, not units: its total row is
/// the unit named in "Đơn vị báo cáo", imported when no row names a unit.
#[allow(clippy::too_many_arguments)]
fn reporting_unit_record(
    ctx: &Ctx<'_>,
    header: &Header,
    index: &UnitIndex,
    total: Option<&(usize, RowFigures)>,
    title: Option<Period>,
    unknown_log: &[usize],
    log: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<OutRecord> {
    let (r, figures) = total?;
    let (reporter, id) = reporting_unit(ctx, header, index)?;
    let period = title?;
    let values = record_values(ctx, header, *r, figures, &reporter, log, diags);
    if values.is_empty() {
        return None;
    }
    for &i in unknown_log {
        if let Some(line) = log.get_mut(i) {
            *line = line.replace("not a unit of site.yaml, skipped", "a field of work");
        }
    }
    log.push(format!(
        "no row names a unit of site.yaml: the total row {} was imported for the reporting unit \"{reporter}\" → {id}",
        ctx.table.row_number(*r)
    ));
    Some(OutRecord {
        unit: id,
        period,
        source: None,
        values,
    })
}

/// "Đơn vị báo cáo: UBND phường An Thạnh" above the table.
pub(super) fn reporting_unit(
    ctx: &Ctx<'_>,
    header: &Header,
    index: &UnitIndex,
) -> Option<(String, UnitId)> {
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

pub(super) fn log_columns(ctx: &Ctx<'_>, header: &Header, log: &mut Vec<String>) {
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
        let max = crate::data::number::max_figure(*unit);
        if !v.is_finite() || v.abs() > max {
            diags.push(
                ctx.at(
                    Diagnostic::error(crate::msg!(Msg::FigureTooLarge, key, number_text(v))),
                    r,
                    c.col,
                )
                .hint(crate::msg!(
                    Hint::CheckFigureSize,
                    crate::format::num(max, Some(0))
                )),
            );
            continue;
        }
        if counts && v.fract() != 0.0 {
            diags.push(
                ctx.at(
                    Diagnostic::warning(crate::msg!(
                        Msg::ImportCountHasDecimals,
                        key,
                        number_text(v)
                    )),
                    r,
                    c.col,
                )
                .hint(Hint::CheckCellCountWhole),
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
                    .hint(Hint::OneFiguresRowWrong),
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
pub(super) fn check_total(
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
