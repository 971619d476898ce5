//! The header: where it is, how deep, and what each column holds.

use super::*;
use crate::messages::{Msg, Status};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Group {
    Received,
    Resolved,
    Pending,
}

/// How a metric column relates to the form's received columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Via {
    Plain,
    /// A part of the dossiers received in the period (online, direct, postal).
    InPeriodPart,
    /// Direct and postal in one column.
    MergedDirectPostal,
}

#[derive(Clone, Debug)]
pub(super) enum Role {
    Unit,
    Period,
    Source,
    RowNumber,
    Metric(MetricKey, MetricUnit, Via),
    /// The form's "Tổng số" received: in-period plus carried over.
    ReceivedWithCarry,
    /// A "Tổng số" under the received group, resolved once every column is known.
    ReceivedTotal,
    /// Not imported, and why.
    Ignored(Status),
}

#[derive(Clone, Debug)]
pub(super) struct Column {
    pub(super) col: usize,
    pub(super) path: Vec<String>,
    pub(super) role: Role,
}

impl Column {
    pub(super) fn label(&self) -> String {
        self.path.join(" / ")
    }

    pub(super) fn carries_figures(&self) -> bool {
        matches!(
            self.role,
            Role::Metric(..) | Role::ReceivedWithCarry | Role::Ignored(_)
        )
    }
}

pub(super) struct Header {
    /// First and last header row.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) numbering: Option<usize>,
    pub(super) columns: Vec<Column>,
}

impl Header {
    pub(super) fn units(&self) -> impl Iterator<Item = usize> + '_ {
        self.columns
            .iter()
            .filter(|c| matches!(c.role, Role::Unit))
            .map(|c| c.col)
    }

    pub(super) fn role_col(&self, f: impl Fn(&Role) -> bool) -> Option<usize> {
        self.columns.iter().find(|c| f(&c.role)).map(|c| c.col)
    }

    /// Columns left of the first figure column hold the row's labels.
    pub(super) fn label_area(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| c.carries_figures())
            .map(|c| c.col)
            .min()
            .unwrap_or(usize::MAX)
    }
}

pub(super) fn is_unit_label(text: &str) -> bool {
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

pub(super) fn is_period_label(f: &str) -> bool {
    matches!(f, "period" | "ky" | "ky bao cao" | "thoi gian bao cao")
}

pub(super) fn is_source_label(f: &str) -> bool {
    matches!(f, "source" | "nguon" | "nguon so lieu")
}

pub(super) fn is_row_number_label(f: &str) -> bool {
    matches!(f, "stt" | "tt" | "so tt" | "so thu tu")
}

pub(super) fn group_of(label: &str) -> Option<Group> {
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

pub(super) fn metric(catalogue: &Catalogue, key: &str, via: Via) -> Role {
    match catalogue.get(key) {
        Some(def) => Role::Metric(def.key.clone(), def.unit, via),
        None => Role::Ignored(crate::msg!(Status::WhyNoMetricKey, key)),
    }
}

/// What a column holds, from its whole header path: leaf labels such as
/// "Tổng số" or "Quá hạn" repeat under each group.
pub(super) fn classify(path: &[String], catalogue: &Catalogue) -> Role {
    let Some(leaf) = path.last() else {
        return Role::Ignored(Status::WhyNoHeader);
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
    Role::Ignored(Status::WhyNoMetricNamed)
}

pub(super) fn by_rules(lf: &str, group: Option<Group>, catalogue: &Catalogue) -> Option<Role> {
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
            Some(Role::Ignored(Status::WhyPendingInTime))
        }
        Some(Group::Pending) if any_of(lf, &["qua han", "tre han"]) => {
            m("pending_overdue", Via::Plain)
        }
        None if total => Some(Role::Ignored(Status::WhyLoneTotal)),
        _ => None,
    }
}

/// A row of column numbers under the header: "(1)", "(2)", … or 1, 2, 3, …
pub(super) fn is_numbering_row(table: &Table, r: usize) -> bool {
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
pub(super) fn find_header(ctx: &Ctx<'_>) -> Result<Header, Diagnostic> {
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
        last_problem = Some(ctx.at(Diagnostic::error(Msg::NoFigureColumns), start, unit_col));
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
            ctx.whole(Diagnostic::error(crate::msg!(
                Msg::NoRecognisableHeader,
                ctx.file.display()
            )))
        })
        .hint(HEADER_HINT))
}

/// Deepest header of the form: three levels, leave room for one more.
pub(super) const MAX_HEADER_ROWS: usize = 5;

/// The header starting at row `start`, its unit label in column `unit_col`.
pub(super) fn build_header(ctx: &Ctx<'_>, start: usize, unit_col: usize) -> Header {
    let table = ctx.table;
    let (end, numbering) = header_end(table, start, unit_col);
    let grid = header_grid(table, start, end);
    let mut columns = Vec::new();
    for c in 0..table.width() {
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

/// The last row of the header starting at `start`, and the row of column
/// numbers under it, if any.
fn header_end(table: &Table, start: usize, unit_col: usize) -> (usize, Option<usize>) {
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
    (end, numbering)
}

/// The header rows `start..=end` as labels by column, with every cell a
/// merged or group label stands over filled in.
fn header_grid(table: &Table, start: usize, end: usize) -> Vec<Vec<String>> {
    let width = table.width();
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
    grid
}

/// Decisions that need every column: whether the form's received "Tổng số"
/// includes carry-over, and what to do with two columns for one metric.
pub(super) fn resolve_roles(columns: &mut [Column], catalogue: &Catalogue) {
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
                (false, true) => Role::Ignored(Status::WhySecondReceivedTotal),
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
                    c.role = Role::Ignored(crate::msg!(Status::WhyAlreadyGiven, label, key));
                }
                None => {
                    first.insert(key.clone(), (c.label(), *via));
                }
            }
        }
    }
}
