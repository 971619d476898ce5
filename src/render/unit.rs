//! The unit family: a unit's page (`don-vi/<id>/`), its articles
//! paginated and, on the first page, trend charts of its main metrics and
//! a table of all its records with their open-data files. Turns the route
//! into its typed context; the theme's `unit.html` makes the bytes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::context::{Common, Crumb, Inputs, Link, ListItem, UnitCtx, capitalize};
use super::list::{Pagination, paginate};
use super::route::{DataFormat, Route};
use super::summary::{
    Cell, Column, Footnote, Footnotes, MAIN_METRICS, derived_note, figure_cells, shown_metrics,
};
use crate::chart::{self, same_span};
use crate::data::{Figure, MetricKey, UnitId};
use crate::model::Document;

/// The metrics a unit page draws over time, when it has two periods of
/// one span with the metric.
const TRENDS: &[&str] = &["received", "on_time_rate", "online_rate"];

/// How many periods a trend shows at most.
const TREND_PERIODS: usize = 8;

/// One record of the unit.
#[derive(Serialize)]
pub struct RecordRow {
    /// The period, linked to its archive when the build has one.
    period: Link,
    /// The period's id, for sorting.
    period_id: String,
    cells: Vec<Cell>,
    /// The record's open-data files.
    downloads: Vec<Link>,
    /// The report the figures come from.
    source: Option<String>,
    /// The footnote of figures added up from the units before the
    /// reorganisation: never shown as if reported.
    note: Option<Footnote>,
}

/// The unit's records.
#[derive(Serialize)]
pub struct Records {
    columns: Vec<Column>,
    rows: Vec<RecordRow>,
    notes: Footnotes,
}

/// The context of a unit's page.
#[derive(Serialize)]
pub struct UnitPage<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    title: String,
    unit: Option<UnitCtx<'a>>,
    /// The unit it belongs to.
    parent: Option<Link>,
    /// The units under it that have pages.
    children: Vec<Link>,
    /// The units merged into it (SPEC §2 "Units change").
    predecessors: Vec<Link>,
    /// The unit it was merged into.
    successor: Option<Link>,
    /// First and last day it exists, `dd/mm/yyyy`.
    since: Option<String>,
    until: Option<String>,
    articles: Vec<ListItem>,
    pagination: Pagination,
    breadcrumb: Vec<Crumb>,
    /// Trend charts, as HTML; first page only.
    charts: Vec<String>,
    /// Every record (of the year, in a yearly site); first page only.
    records: Option<Records>,
}

/// The context of `Route::Unit` for the unit `id`.
pub fn context<'a>(route: &Route, id: &UnitId, inputs: &Inputs<'a>) -> UnitPage<'a> {
    let site = inputs.site;
    let unit = site.units.get(id);
    let title = unit.map_or_else(|| id.0.clone(), |u| u.name.clone());
    let list: Vec<&'a Document> = inputs.index.of_unit(id).collect();
    let (articles, pagination) = paginate(route, &list, inputs);
    let parent = unit
        .and_then(|u| u.parent.as_ref())
        .map(|p| inputs.unit_link(p, route));
    let children = site
        .config
        .units
        .iter()
        .filter(|u| u.parent.as_ref() == Some(id))
        .map(|u| inputs.unit_link(&u.id, route))
        .filter(|l| l.href.is_some())
        .collect();
    let predecessors = unit
        .map(|u| {
            u.merged_from
                .iter()
                .map(|p| inputs.unit_link(p, route))
                .collect()
        })
        .unwrap_or_default();
    let successor = site
        .config
        .units
        .iter()
        .find(|u| u.merged_from.contains(id))
        .map(|u| inputs.unit_link(&u.id, route));
    let since = unit.and_then(|u| u.since).map(|d| d.vi());
    let until = unit.and_then(|u| u.until).map(|d| d.vi());
    // Crumbs: home, then each unit above this one that has a page.
    let mut above = Vec::new();
    let mut seen = std::collections::BTreeSet::from([id.clone()]);
    let mut cur = unit.and_then(|u| u.parent.clone());
    while let Some(p) = cur.filter(|p| seen.insert(p.clone())) {
        above.push(inputs.unit_link(&p, route));
        cur = site.units.get(&p).and_then(|u| u.parent.clone());
    }
    let mut breadcrumb = vec![inputs.home_crumb(route)];
    breadcrumb.extend(above.into_iter().rev().map(|l| Crumb {
        name: l.name,
        href: l.href,
    }));
    breadcrumb.push(Crumb {
        name: title.clone(),
        href: None,
    });
    let figs = records_of(id, inputs);
    let (charts, records) = if route.page() == 1 {
        (
            trends(id, &figs, inputs),
            Some(records(&figs, route, inputs)),
        )
    } else {
        (Vec::new(), None)
    };
    UnitPage {
        common: Common::new(route, inputs),
        title,
        unit: unit.map(UnitCtx::from),
        parent,
        children,
        predecessors,
        successor,
        since,
        until,
        articles,
        pagination,
        breadcrumb,
        charts,
        records,
    }
}

/// The unit's records in time order; in a yearly site, the year's only.
fn records_of<'f>(id: &UnitId, inputs: &Inputs<'f>) -> Vec<&'f Figure> {
    inputs
        .figures
        .of_unit(id)
        .filter(|f| inputs.year.is_none_or(|y| f.period.year() == y))
        .collect()
}

/// The table of records, newest first, each with its open-data files.
fn records(figs: &[&Figure], route: &Route, inputs: &Inputs<'_>) -> Records {
    let style = inputs.words.style();
    let newest_first: Vec<&Figure> = figs.iter().rev().copied().collect();
    let defs = shown_metrics(&inputs.site.catalogue, MAIN_METRICS, &newest_first);
    let values: Vec<&BTreeMap<MetricKey, f64>> = newest_first.iter().map(|f| &f.values).collect();
    let (columns, cells) = figure_cells(&defs, &values, &style);
    let mut notes = Footnotes::default();
    let rows = newest_first
        .iter()
        .zip(cells)
        .map(|(f, cells)| RecordRow {
            period: inputs.period_link(&f.period, route),
            period_id: f.period.id(),
            cells,
            downloads: DataFormat::ALL
                .iter()
                .filter_map(|fmt| Route::data(&f.unit, &f.period, *fmt).map(|r| (fmt, r)))
                .map(|(fmt, r)| Link {
                    name: fmt.name().to_string(),
                    href: Some(r.link_from(route)),
                })
                .collect(),
            source: f.source.clone(),
            note: derived_note(f, inputs.site, inputs.words)
                .map(|t| notes.mark(t, "ghi-chu-so-lieu")),
        })
        .collect();
    Records {
        columns,
        rows,
        notes,
    }
}

/// A trend chart for each of the main metrics that the unit has for two
/// periods of one span or more: over the span it reports most often (on a
/// tie, the one reported last), the latest periods.
fn trends(id: &UnitId, figs: &[&Figure], inputs: &Inputs<'_>) -> Vec<String> {
    let site = inputs.site;
    let style = inputs.words.style();
    let cx = inputs.chart_context(&style);
    let mut out = Vec::new();
    for def in TRENDS.iter().filter_map(|k| site.catalogue.get(k)) {
        let with: Vec<&Figure> = figs
            .iter()
            .copied()
            .filter(|f| f.values.contains_key(&def.key))
            .collect();
        // Group by span; figures are in time order, so each group is too.
        let mut groups: Vec<Vec<&Figure>> = Vec::new();
        for f in with {
            match groups
                .iter_mut()
                .find(|g| same_span(&g[0].period, &f.period))
            {
                Some(g) => g.push(f),
                None => groups.push(vec![f]),
            }
        }
        let Some(best) = groups
            .into_iter()
            .filter(|g| g.len() >= 2)
            .max_by_key(|g| (g.len(), g.last().map(|f| f.period)))
        else {
            continue;
        };
        let Some(last) = best.last() else { continue };
        let args = chart::Args {
            kind: "trend".into(),
            metric: Some(def.key.to_string()),
            unit: Some(id.0.clone()),
            period: Some(last.period.id()),
            periods: Some(best.len().min(TREND_PERIODS)),
            title: Some(capitalize(&def.label)),
            ..chart::Args::default()
        };
        // The periods were chosen to have the figures.
        if let Ok(html) = chart::chart(&args, &cx) {
            out.push(html);
        }
    }
    out
}
