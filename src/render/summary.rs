//! The yearly summary (`tong-ket/<year>/`, and the home page of a yearly
//! site): every unit's figures for the year in one table, totals where
//! they add up, rankings, comparison charts, the year's articles and its
//! data. Turns the route into its typed context; the theme's
//! `summary.html` makes the bytes.
//!
//! Which record is "the year" of a unit: the whole year (`2023`) when
//! there is one, else the cumulative period of the year (from 1 January:
//! 9 months, first half, first quarter…) that ends last. Each row says
//! which period it uses.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

use super::archive::summary_title;
use super::context::{Common, Crumb, Inputs, Link, ListItem, capitalize};
use super::plan::{article_in_year, record_years};
use super::route::Route;
use crate::chart;
use crate::data::catalogue::Better;
use crate::data::reads::{self, Reads};
use crate::data::{Catalogue, Figure, Figures, MetricDef, MetricKey, MetricUnit, Period, UnitId};
use crate::format::{self, Style};
use crate::model::{Site, Unit};

/// The metrics of the summary table and of a unit's records, in order;
/// a column shows only when some row has a value.
pub const MAIN_METRICS: &[&str] = &[
    "received",
    "received_online",
    "resolved",
    "resolved_late",
    "on_time_rate",
    "online_rate",
    "satisfaction",
];

/// The metrics units are ranked by.
const RANKED: &[&str] = &["on_time_rate", "online_rate", "satisfaction"];

/// A column of figures.
#[derive(Clone, Debug, Serialize)]
pub struct Column {
    /// Metric key.
    pub key: String,
    /// Short label, for the header.
    pub label: String,
    /// Full label, for the header's title.
    pub title: String,
}

/// One figure in a table.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Cell {
    /// As the reader sees it; empty when there is no value.
    pub text: String,
    /// The number as plain text, for sorting (`data-sort`); empty when
    /// there is no value.
    pub sort: String,
}

/// How many decimals (0–2) `v` needs to be shown as precisely as with 2.
fn decimals_needed(v: f64) -> usize {
    let at = |d: i32| (v * 10f64.powi(d)).round() / 10f64.powi(d);
    (0..=2).find(|&d| (at(d) - at(2)).abs() < 1e-9).unwrap_or(2) as usize
}

/// One column's values written with one precision: as many decimals as
/// its most precise value needs (at most 2), so a column never shows
/// `97,9%` above `98,74%`.
pub fn column_cells(def: &MetricDef, values: &[Option<f64>], style: &Style) -> Vec<Cell> {
    let decimals = values
        .iter()
        .flatten()
        .map(|v| decimals_needed(*v))
        .max()
        .unwrap_or(0);
    values
        .iter()
        .map(|v| match v {
            Some(v) => Cell {
                text: match def.unit {
                    MetricUnit::Percent => format::pct_in(style, *v, Some(decimals)),
                    MetricUnit::Vnd => format::vnd_in(style, *v),
                    _ => format::num_in(style, *v, Some(decimals)),
                },
                sort: v.to_string(),
            },
            None => Cell::default(),
        })
        .collect()
}

/// The metrics of `keys` that the catalogue knows and some figure has.
pub fn shown_metrics<'c>(
    catalogue: &'c Catalogue,
    keys: &[&str],
    figures: &[&Figure],
) -> Vec<&'c MetricDef> {
    keys.iter()
        .filter_map(|k| catalogue.get(k))
        .filter(|d| figures.iter().any(|f| f.values.contains_key(&d.key)))
        .collect()
}

/// Columns and, per figure, its cells, each column in one precision.
pub fn figure_cells(
    defs: &[&MetricDef],
    values: &[&BTreeMap<MetricKey, f64>],
    style: &Style,
) -> (Vec<Column>, Vec<Vec<Cell>>) {
    let columns = defs
        .iter()
        .map(|d| Column {
            key: d.key.to_string(),
            label: d.short.clone(),
            title: d.label.clone(),
        })
        .collect();
    let mut rows = vec![Vec::new(); values.len()];
    for d in defs {
        let col: Vec<Option<f64>> = values.iter().map(|v| v.get(&d.key).copied()).collect();
        for (row, cell) in rows.iter_mut().zip(column_cells(d, &col, style)) {
            row.push(cell);
        }
    }
    (columns, rows)
}

/// Units in the order of the tree: each after its parent, siblings in the
/// order `site.yaml` declares them; with their depth.
pub fn tree_order(site: &Site) -> Vec<(&Unit, usize)> {
    let declared: Vec<&Unit> = site
        .config
        .units
        .iter()
        .filter_map(|u| site.units.get(&u.id))
        .collect();
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let is_root = |u: &Unit| {
        u.parent
            .as_ref()
            .is_none_or(|p| !site.units.contains_key(p) || *p == u.id)
    };
    let mut stack: Vec<(&Unit, usize)> = declared
        .iter()
        .rev()
        .filter(|u| is_root(u))
        .map(|u| (*u, 0))
        .collect();
    while let Some((u, depth)) = stack.pop() {
        if !seen.insert(&u.id) {
            continue;
        }
        out.push((u, depth));
        stack.extend(
            declared
                .iter()
                .rev()
                .filter(|c| c.parent.as_ref() == Some(&u.id) && !seen.contains(&c.id))
                .map(|c| (*c, depth + 1)),
        );
    }
    // Units in a circle of parents have no root: list them last.
    for u in declared {
        if seen.insert(&u.id) {
            out.push((u, 0));
        }
    }
    out
}

/// The record that stands for `unit`'s year: the whole year, else the
/// cumulative period of the year that ends last, counted from 1 January
/// or, for a unit formed during the year, from the day it was formed (of
/// two ending together, the one from 1 January). A figure of a period
/// that ended before the unit was formed is its predecessors' sum, never
/// its year: those units have rows of their own.
pub fn year_record<'f>(figures: &'f Figures, unit: &Unit, year: i32) -> Option<&'f Figure> {
    let lived = |f: &&Figure| unit.since.is_none_or(|s| f.period.end() >= s);
    if let Some(f) = figures.get(&unit.id, &Period::Year(year)).filter(lived) {
        return Some(f);
    }
    let jan1 = Period::Year(year).start();
    let formed = unit.since.filter(|s| s.year == year);
    figures
        .records
        .iter()
        .filter(|((u, p), _)| {
            *u == unit.id && p.year() == year && (p.start() == jan1 || Some(p.start()) == formed)
        })
        .map(|((u, p), f)| {
            crate::data::reads::note(u, p);
            f
        })
        .filter(lived)
        .max_by_key(|f| (f.period.end(), f.period.start() == jan1))
}

/// "từ 01/07/2025", "đến 30/06/2025": the part of `year` a unit existed,
/// when it did not exist for all of it.
pub fn part_of_year(unit: &Unit, year: i32, words: &crate::theme::Words) -> Option<String> {
    let whole = Period::Year(year);
    let since = unit
        .since
        .filter(|s| *s > whole.start() && *s <= whole.end());
    let until = unit
        .until
        .filter(|u| *u >= whole.start() && *u < whole.end());
    match (since, until) {
        (Some(s), Some(u)) => Some(
            words
                .get("lifetime_between")
                .replace("{since}", &s.vi())
                .replace("{until}", &u.vi()),
        ),
        (Some(s), None) => Some(words.get("lifetime_since").replace("{date}", &s.vi())),
        (None, Some(u)) => Some(words.get("lifetime_until").replace("{date}", &u.vi())),
        (None, None) => None,
    }
}

/// What a figure added up from the units before a reorganisation holds,
/// in words: "Tổng của Phường A và Phường B trước sắp xếp."; for a period
/// straddling the day the unit was formed, which part is whose. `None`
/// for a figure as given.
pub fn derived_note(f: &Figure, site: &Site, words: &crate::theme::Words) -> Option<String> {
    if !f.is_from_predecessors() {
        return None;
    }
    let style = words.style();
    let name = |u: &UnitId| {
        site.units
            .get(u)
            .map_or_else(|| u.0.clone(), |u| u.name.clone())
    };
    let preds: Vec<String> = f.from_predecessors.iter().map(name).collect();
    let units = style.list(&preds);
    let unit = site.units.get(&f.unit);
    Some(
        match unit.and_then(|u| crate::data::straddle_parts(u, &f.period).zip(u.since)) {
            Some(((first, second), since)) => words
                .get("derived_straddle")
                .replace("{units}", &units)
                .replace("{first}", &words.period(&first))
                .replace("{unit}", &name(&f.unit))
                .replace("{second}", &words.period(&second))
                .replace("{since}", &since.vi()),
            None => words.get("derived_sum").replace("{units}", &units),
        },
    )
}

/// A footnote of a table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Footnote {
    /// Its number, shown at the rows it is about.
    pub mark: usize,
    /// The `id` the marks link to.
    pub id: String,
    /// What it says.
    pub text: String,
}

/// A table's footnotes, one per distinct text, numbered as first met.
#[derive(Debug, Default, Serialize)]
pub struct Footnotes(pub Vec<Footnote>);

impl Footnotes {
    /// The footnote with `text`, added if new; `prefix` makes its `id`.
    pub fn mark(&mut self, text: String, prefix: &str) -> Footnote {
        if let Some(n) = self.0.iter().find(|n| n.text == text) {
            return n.clone();
        }
        let mark = self.0.len() + 1;
        let note = Footnote {
            mark,
            id: format!("{prefix}-{mark}"),
            text,
        };
        self.0.push(note.clone());
        note
    }
}

/// A total row: figures of sibling units of one period, added up.
#[derive(Clone, Debug, PartialEq)]
pub struct Total {
    /// The units' parent (`None`: units at the top of the tree).
    pub parent: Option<UnitId>,
    /// The period they all use.
    pub period: Period,
    /// How many units.
    pub units: usize,
    /// Additive metrics summed (only those every unit has), and rates
    /// computed from the sums by their formulas.
    pub values: BTreeMap<MetricKey, f64>,
}

/// Totals where they add up: for each group of at least two rows whose
/// units share a parent and whose figures share a period, the sum of each
/// additive metric that every row has; a rate of the total is computed
/// from the summed counts by the catalogue's formula, never averaged, and
/// left out when its inputs are not all there. A unit and its parent are
/// never summed together, so nothing counts twice.
pub fn totals(rows: &[(&Unit, &Figure)], catalogue: &Catalogue) -> Vec<Total> {
    let mut order: Vec<(Option<UnitId>, Period)> = Vec::new();
    let mut groups: BTreeMap<(Option<UnitId>, Period), Vec<&Figure>> = BTreeMap::new();
    for (u, f) in rows {
        let key = (u.parent.clone(), f.period);
        if !groups.contains_key(&key) {
            order.push(key.clone());
        }
        groups.entry(key).or_default().push(f);
    }
    let mut out = Vec::new();
    for key in order {
        let figs = &groups[&key];
        if figs.len() < 2 {
            continue;
        }
        let mut values = BTreeMap::new();
        for def in catalogue.iter().filter(|d| d.additive) {
            let all: Option<Vec<f64>> = figs
                .iter()
                .map(|f| f.values.get(&def.key).copied())
                .collect();
            if let Some(all) = all {
                values.insert(def.key.clone(), all.iter().sum());
            }
        }
        // Rates from the sums; one may feed another, so until none is new.
        loop {
            let mut changed = false;
            for def in catalogue.iter().filter(|d| !d.additive) {
                let (Some(f), false) = (&def.formula, values.contains_key(&def.key)) else {
                    continue;
                };
                let get = |k: &str| values.get(k).copied();
                if let Some(v) = f.eval(&get).filter(|v| v.is_finite()) {
                    values.insert(def.key.clone(), v);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        out.push(Total {
            parent: key.0,
            period: key.1,
            units: figs.len(),
            values,
        });
    }
    out
}

/// One unit in a ranking.
#[derive(Clone, Debug)]
pub struct Ranked<'f> {
    /// 1 for the best; equal values share a rank (1, 2, 2, 4).
    pub rank: usize,
    /// The row ranked.
    pub figure: &'f Figure,
    /// Its value.
    pub value: f64,
}

/// The rows that have `def`, best first by the metric's `better`; equal
/// values by unit name, then id, so the order is stable.
pub fn rank<'f>(def: &MetricDef, rows: &[(&Unit, &'f Figure)]) -> Vec<Ranked<'f>> {
    let mut with: Vec<(&Unit, &Figure, f64)> = rows
        .iter()
        .filter_map(|(u, f)| f.values.get(&def.key).map(|v| (*u, *f, *v)))
        .collect();
    with.sort_by(|a, b| {
        let by_value = match def.better {
            Better::Higher => b.2.total_cmp(&a.2),
            Better::Lower => a.2.total_cmp(&b.2),
        };
        by_value
            .then_with(|| a.0.name.cmp(&b.0.name))
            .then_with(|| a.0.id.cmp(&b.0.id))
    });
    let mut out: Vec<Ranked<'f>> = Vec::with_capacity(with.len());
    for (i, (_, f, v)) in with.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.value == v => prev.rank,
            _ => i + 1,
        };
        out.push(Ranked {
            rank,
            figure: f,
            value: v,
        });
    }
    out
}

/// A row of the summary table.
#[derive(Serialize)]
pub struct Row {
    /// The unit, linked to its page.
    unit: Link,
    /// Depth in the tree of units, for indentation.
    depth: usize,
    /// The period the row uses, in words.
    period: String,
    /// The period's id, for sorting.
    period_id: String,
    /// Whether the period is the whole year.
    whole_year: bool,
    /// The part of the year the unit existed, when not all of it.
    lifetime: Option<String>,
    /// The footnote of a figure added up from the units before the
    /// reorganisation.
    note: Option<Footnote>,
    cells: Vec<Cell>,
}

/// A total row of the summary table.
#[derive(Serialize)]
pub struct TotalRow {
    /// "Cộng 3 đơn vị thuộc Tỉnh Thử".
    label: String,
    period: String,
    cells: Vec<Cell>,
}

/// The summary table.
#[derive(Serialize)]
pub struct Table {
    caption: String,
    columns: Vec<Column>,
    rows: Vec<Row>,
    totals: Vec<TotalRow>,
    notes: Footnotes,
}

/// One entry of a ranking.
#[derive(Serialize)]
pub struct RankEntry {
    rank: usize,
    unit: Link,
    /// The part of the year the unit existed, when not all of it.
    lifetime: Option<String>,
    value: String,
    /// The period, when it is not the whole year.
    period: Option<String>,
}

/// A ranking by one metric.
#[derive(Serialize)]
pub struct Ranking {
    key: String,
    title: String,
    entries: Vec<RankEntry>,
}

/// A unit listed in a summary, with the part of the year it existed.
#[derive(Serialize)]
pub struct Listed {
    unit: Link,
    lifetime: Option<String>,
}

/// What a summary shows of the figures alone: the same for every state
/// of the articles.
#[derive(Serialize)]
pub struct FigurePart {
    table: Table,
    rankings: Vec<Ranking>,
    /// Comparison charts, as HTML.
    charts: Vec<String>,
    /// Units with figures of the year but none from its start.
    left_out: Vec<Listed>,
}

/// The figure parts of the summaries made while `serve` runs, by route,
/// with the records each read: an edit of an article renders its year's
/// summary again, and the figures' part (most of the work) is kept. One
/// memo serves one state of the figures.
#[derive(Debug, Default)]
pub struct Memo(std::sync::Mutex<std::collections::HashMap<Route, (Arc<FigurePart>, Reads)>>);

impl std::fmt::Debug for FigurePart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FigurePart")
    }
}

/// The context of a yearly summary.
#[derive(Serialize)]
pub struct SummaryPage<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    title: String,
    year: i32,
    breadcrumb: Vec<Crumb>,
    #[serde(flatten)]
    figures: Arc<FigurePart>,
    articles: Vec<ListItem>,
    /// The year's records as one CSV.
    data_href: String,
    /// The summaries of other years in this build.
    years: Vec<Link>,
}

/// The context of `Route::Summary`, or of the home page of a yearly site.
pub fn context<'a>(route: &Route, inputs: &Inputs<'a>) -> SummaryPage<'a> {
    let year = match route {
        Route::Summary(y) => *y,
        _ => inputs.year.unwrap_or_default(),
    };
    let figures = figure_part(year, route, inputs);
    let title = summary_title(inputs, year);
    let articles = inputs
        .index
        .articles
        .iter()
        .filter(|d| article_in_year(d, year))
        .map(|d| inputs.list_item(d, route))
        .collect();
    let years = record_years(inputs.figures)
        .into_iter()
        .filter(|y| *y != year)
        .filter_map(|y| {
            inputs.link(&Route::Summary(y), route).map(|href| Link {
                name: y.to_string(),
                href: Some(href),
            })
        })
        .collect();
    let breadcrumb = match route {
        Route::Home { .. } => Vec::new(),
        _ => vec![
            inputs.home_crumb(route),
            Crumb {
                name: title.clone(),
                href: None,
            },
        ],
    };
    SummaryPage {
        common: Common::new(route, inputs),
        figures,
        title,
        year,
        breadcrumb,
        articles,
        data_href: Route::YearData(year).link_from(route),
        years,
    }
}

/// The figures' part of the summary of `route`: kept in the memo of the
/// inputs' figures, if any (its reads noted again), else made.
fn figure_part(year: i32, route: &Route, inputs: &Inputs<'_>) -> Arc<FigurePart> {
    let lock = |m: &Memo| {
        m.0.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(route)
            .cloned()
    };
    if let Some((part, read)) = inputs.summary_memo.and_then(lock) {
        reads::replay(&read);
        return part;
    }
    let (part, read) = reads::recording(|| {
        let style = inputs.words.style();
        let (rows, left_out) = year_rows(year, route, inputs);
        Arc::new(FigurePart {
            table: table(&rows, year, route, inputs, &style),
            rankings: rankings(&rows, route, inputs, &style),
            charts: compare_charts(&rows, year, inputs, &style),
            left_out,
        })
    });
    if let Some(m) = inputs.summary_memo {
        m.0.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(route.clone(), (Arc::clone(&part), read));
    }
    part
}

/// Each unit's year, in the order of the tree; and the units that have
/// figures of the year but none counted from its start.
fn year_rows<'f>(
    year: i32,
    route: &Route,
    inputs: &Inputs<'f>,
) -> (Vec<(&'f Unit, &'f Figure)>, Vec<Listed>) {
    let mut rows = Vec::new();
    let mut left_out = Vec::new();
    for (u, _) in tree_order(inputs.site) {
        match year_record(inputs.figures, u, year) {
            Some(f) => rows.push((u, f)),
            // Figures from before the unit was formed are its
            // predecessors', listed under their names.
            None if inputs.figures.records.keys().any(|(id, p)| {
                *id == u.id && p.year() == year && u.since.is_none_or(|s| p.end() >= s)
            }) =>
            {
                left_out.push(Listed {
                    unit: inputs.unit_link(&u.id, route),
                    lifetime: part_of_year(u, year, inputs.words),
                });
            }
            None => {}
        }
    }
    (rows, left_out)
}

/// How deep each row's unit sits under the units above it that have rows.
fn depths(rows: &[(&Unit, &Figure)], site: &Site) -> Vec<usize> {
    let in_table: BTreeSet<&UnitId> = rows.iter().map(|(u, _)| &u.id).collect();
    rows.iter()
        .map(|(u, _)| {
            let mut depth = 0;
            let mut seen = BTreeSet::from([&u.id]);
            let mut cur = u.parent.as_ref();
            while let Some(p) = cur.filter(|p| seen.insert(*p)) {
                depth += usize::from(in_table.contains(p));
                cur = site.units.get(p).and_then(|u| u.parent.as_ref());
            }
            depth
        })
        .collect()
}

/// The summary table: a row per unit, then the totals; each column in
/// one precision, totals included.
fn table(
    rows: &[(&Unit, &Figure)],
    year: i32,
    route: &Route,
    inputs: &Inputs<'_>,
    style: &Style,
) -> Table {
    let site = inputs.site;
    let words = inputs.words;
    let period_words = |p: &Period| capitalize(&words.period(p));
    let figs: Vec<&Figure> = rows.iter().map(|(_, f)| *f).collect();
    let defs = shown_metrics(&site.catalogue, MAIN_METRICS, &figs);
    let sums = totals(rows, &site.catalogue);
    let values: Vec<&BTreeMap<MetricKey, f64>> = figs
        .iter()
        .map(|f| &f.values)
        .chain(sums.iter().map(|t| &t.values))
        .collect();
    let (columns, mut cells) = figure_cells(&defs, &values, style);
    let total_cells = cells.split_off(rows.len());
    let mut notes = Footnotes::default();
    let table_rows = rows
        .iter()
        .zip(cells)
        .zip(depths(rows, site))
        .map(|(((u, f), cells), depth)| Row {
            unit: inputs.unit_link(&u.id, route),
            depth,
            period: period_words(&f.period),
            period_id: f.period.id(),
            whole_year: f.period == Period::Year(year),
            lifetime: part_of_year(u, year, words),
            note: derived_note(f, site, words).map(|t| notes.mark(t, "ghi-chu-bang")),
            cells,
        })
        .collect();
    let total_rows = sums
        .iter()
        .zip(total_cells)
        .map(|(t, cells)| {
            let n = t.units.to_string();
            let label = match t.parent.as_ref().and_then(|p| site.units.get(p)) {
                Some(p) => words
                    .get("summary_total_of")
                    .replace("{n}", &n)
                    .replace("{unit}", &p.name),
                None => words.get("summary_total").replace("{n}", &n),
            };
            TotalRow {
                label,
                period: period_words(&t.period),
                cells,
            }
        })
        .collect();
    Table {
        caption: words.get("summary_table").replace("{y}", &year.to_string()),
        columns,
        rows: table_rows,
        totals: total_rows,
        notes,
    }
}

/// The rankings by on-time rate, online rate and satisfaction, each of the
/// units that have the metric.
fn rankings(
    rows: &[(&Unit, &Figure)],
    route: &Route,
    inputs: &Inputs<'_>,
    style: &Style,
) -> Vec<Ranking> {
    let catalogue = &inputs.site.catalogue;
    let mut out = Vec::new();
    for def in RANKED.iter().filter_map(|k| catalogue.get(k)) {
        let ranked = rank(def, rows);
        if ranked.is_empty() {
            continue;
        }
        let values: Vec<Option<f64>> = ranked.iter().map(|r| Some(r.value)).collect();
        let cells = column_cells(def, &values, style);
        let entries = ranked
            .iter()
            .zip(cells)
            .map(|(r, cell)| RankEntry {
                rank: r.rank,
                unit: inputs.unit_link(&r.figure.unit, route),
                lifetime: inputs
                    .site
                    .units
                    .get(&r.figure.unit)
                    .and_then(|u| part_of_year(u, r.figure.period.year(), inputs.words)),
                value: cell.text,
                period: (r.figure.period != Period::Year(r.figure.period.year()))
                    .then(|| inputs.words.period(&r.figure.period)),
            })
            .collect();
        out.push(Ranking {
            key: def.key.to_string(),
            title: def.label.clone(),
            entries,
        });
    }
    out
}

/// A `compare` chart per ranked metric, of the units that report it for
/// the period most rows use (a chart compares one period).
fn compare_charts(
    rows: &[(&Unit, &Figure)],
    year: i32,
    inputs: &Inputs<'_>,
    style: &Style,
) -> Vec<String> {
    let site = inputs.site;
    let cx = inputs.chart_context(style);
    let mut out = Vec::new();
    for def in RANKED.iter().filter_map(|k| site.catalogue.get(k)) {
        let with: Vec<&Figure> = rows
            .iter()
            .map(|(_, f)| *f)
            .filter(|f| f.values.contains_key(&def.key))
            .collect();
        // The most used period; on a tie the whole year, then the later.
        let mut count: BTreeMap<Period, usize> = BTreeMap::new();
        for f in &with {
            *count.entry(f.period).or_default() += 1;
        }
        let Some((period, n)) = count
            .into_iter()
            .max_by_key(|(p, n)| (*n, *p == Period::Year(year), *p))
        else {
            continue;
        };
        if n < 2 {
            continue;
        }
        let args = chart::Args {
            kind: "compare".into(),
            metric: Some(def.key.to_string()),
            units: with
                .iter()
                .filter(|f| f.period == period)
                .map(|f| f.unit.0.clone())
                .collect(),
            period: Some(period.id()),
            ..chart::Args::default()
        };
        // The units and the period were chosen to have the figures.
        if let Ok(html) = chart::chart(&args, &cx) {
            out.push(html);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{compute, record};
    use crate::model::Level;

    fn unit(id: &str, parent: Option<&str>) -> Unit {
        Unit {
            id: UnitId(id.into()),
            name: id.to_uppercase(),
            short: None,
            parent: parent.map(|p| UnitId(p.into())),
            level: Level::Commune,
            since: None,
            until: None,
            merged_from: Vec::new(),
        }
    }

    fn figures(records: Vec<crate::data::Record>) -> Figures {
        compute(records, &Catalogue::builtin()).0
    }

    #[test]
    fn the_year_is_the_whole_year_else_the_latest_cumulative_period() {
        let figs = figures(vec![
            record("a", "2023", &[("received", 10.0)]),
            record("a", "2023-9M", &[("received", 7.0)]),
            record("b", "2023-H1", &[("received", 5.0)]),
            record("b", "2023-9M", &[("received", 8.0)]),
            record("b", "2023-Q4", &[("received", 3.0)]),
            record("c", "2023-Q3", &[("received", 4.0)]),
            record("d", "2023-01-01..2023-11-13", &[("received", 9.0)]),
        ]);
        let period = |u: &str| year_record(&figs, &unit(u, None), 2023).map(|f| f.period.id());
        assert_eq!(period("a").as_deref(), Some("2023"));
        assert_eq!(period("b").as_deref(), Some("2023-9M"));
        // A quarter other than the first is not a year to date.
        assert_eq!(period("c"), None);
        assert_eq!(period("d").as_deref(), Some("2023-01-01..2023-11-13"));
        assert!(year_record(&figs, &unit("a", None), 2022).is_none());
    }

    #[test]
    fn totals_sum_counts_of_siblings_and_recompute_rates() {
        let cat = Catalogue::builtin();
        let figs = figures(vec![
            record("p", "2023", &[("received", 1000.0), ("resolved", 100.0)]),
            record(
                "x",
                "2023",
                &[
                    ("received_online", 30.0),
                    ("received_direct", 70.0),
                    ("resolved_early", 50.0),
                    ("resolved_on_time", 40.0),
                    ("resolved_late", 10.0),
                    ("satisfaction", 90.0),
                ],
            ),
            record(
                "y",
                "2023",
                &[
                    ("received_online", 10.0),
                    ("received_direct", 290.0),
                    ("resolved_early", 100.0),
                    ("resolved_on_time", 99.0),
                    ("resolved_late", 1.0),
                    ("satisfaction", 80.0),
                ],
            ),
            record("z", "2023-9M", &[("received", 5.0)]),
        ]);
        let units = [
            unit("p", None),
            unit("x", Some("p")),
            unit("y", Some("p")),
            unit("z", Some("p")),
        ];
        let rows: Vec<(&Unit, &Figure)> = units
            .iter()
            .filter_map(|u| year_record(&figs, u, 2023).map(|f| (u, f)))
            .collect();
        let t = totals(&rows, &cat);
        // The parent alone and the 9-month sibling alone make no total.
        assert_eq!(t.len(), 1, "{t:#?}");
        let t = &t[0];
        assert_eq!(t.parent, Some(UnitId("p".into())));
        assert_eq!(t.units, 2);
        let get = |k: &str| t.values.get(&MetricKey::parse(k).unwrap()).copied();
        assert_eq!(get("received"), Some(400.0));
        assert_eq!(get("resolved"), Some(300.0));
        // (150 + 139) / 300, not the mean of 90% and 99,5%.
        assert!((get("on_time_rate").unwrap() - 289.0 / 3.0).abs() < 1e-9);
        assert!((get("online_rate").unwrap() - 10.0).abs() < 1e-9);
        // A rate with no formula has no total.
        assert_eq!(get("satisfaction"), None);
    }

    #[test]
    fn a_count_missing_in_one_unit_has_no_total() {
        let cat = Catalogue::builtin();
        let figs = figures(vec![
            record("x", "2023", &[("received", 10.0), ("visits", 5.0)]),
            record("y", "2023", &[("received", 20.0)]),
        ]);
        let units = [unit("x", None), unit("y", None)];
        let rows: Vec<(&Unit, &Figure)> = units
            .iter()
            .filter_map(|u| year_record(&figs, u, 2023).map(|f| (u, f)))
            .collect();
        let t = totals(&rows, &cat);
        let get = |k: &str| t[0].values.get(&MetricKey::parse(k).unwrap()).copied();
        assert_eq!(get("received"), Some(30.0));
        assert_eq!(get("visits"), None);
    }

    #[test]
    fn rankings_share_ranks_on_ties_and_follow_better() {
        let cat = Catalogue::builtin();
        let figs = figures(vec![
            record("a", "2023", &[("online_rate", 50.0), ("late_rate", 3.0)]),
            record("b", "2023", &[("online_rate", 70.0), ("late_rate", 1.0)]),
            record("c", "2023", &[("online_rate", 50.0)]),
            record("d", "2023", &[("online_rate", 20.0)]),
        ]);
        let units = [
            unit("a", None),
            unit("b", None),
            unit("c", None),
            unit("d", None),
        ];
        let rows: Vec<(&Unit, &Figure)> = units
            .iter()
            .filter_map(|u| year_record(&figs, u, 2023).map(|f| (u, f)))
            .collect();
        let r = rank(cat.get("online_rate").unwrap(), &rows);
        let seen: Vec<(usize, &str)> = r
            .iter()
            .map(|r| (r.rank, r.figure.unit.0.as_str()))
            .collect();
        assert_eq!(seen, [(1, "b"), (2, "a"), (2, "c"), (4, "d")]);
        // Less is better: the lowest late rate first; units without it out.
        let r = rank(cat.get("late_rate").unwrap(), &rows);
        let seen: Vec<&str> = r.iter().map(|r| r.figure.unit.0.as_str()).collect();
        assert_eq!(seen, ["b", "a"]);
    }

    #[test]
    fn a_column_has_one_precision() {
        let cat = Catalogue::builtin();
        let style = Style::vi();
        let def = cat.get("on_time_rate").unwrap();
        let cells = column_cells(def, &[Some(97.9), Some(98.74), None, Some(100.0)], &style);
        let texts: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["97,90%", "98,74%", "", "100,00%"]);
        let def = cat.get("received").unwrap();
        let cells = column_cells(def, &[Some(10551.0), Some(7.0)], &style);
        assert_eq!(cells[0].text, "10.551");
        assert_eq!(cells[0].sort, "10551");
    }
}
