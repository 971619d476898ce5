//! Charts, figure cards and data tables (SPEC §6–7): what the template
//! functions `chart()`, `kpis()` and `table()` draw, built from the figures.
//! A chart is a model first (labels, values, formatted values), then SVG
//! (`svg`), then a `<figure>` with caption and an accessible table (`html`).

pub mod html;
mod memo;
pub mod svg;
mod text;

use std::collections::BTreeMap;

use crate::data::{Catalogue, Figure, Figures, MetricDef, MetricUnit, Period, UnitId};
use crate::format::{self, Against, ChangeStyle};
use crate::messages::{Msg, Part, Text};
use crate::model::Unit;

/// The chart kinds of SPEC §7.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The given metrics of one record, one bar each.
    Bar,
    /// 100% bars split into parts, one per period.
    Stacked,
    /// Shares of a whole.
    Donut,
    /// One metric over the unit's periods of the same span.
    Trend,
    /// One metric across units for one period, sorted.
    Compare,
}

/// The kinds' names, for messages.
pub const KINDS: &str = "bar, stacked, donut, trend, compare";

impl Kind {
    /// Parses a kind name.
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "bar" => Kind::Bar,
            "stacked" => Kind::Stacked,
            "donut" => Kind::Donut,
            "trend" => Kind::Trend,
            "compare" => Kind::Compare,
            _ => return None,
        })
    }

    /// The kind's name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Bar => "bar",
            Kind::Stacked => "stacked",
            Kind::Donut => "donut",
            Kind::Trend => "trend",
            Kind::Compare => "compare",
        }
    }
}

/// One labelled value.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Label on the chart (metric, unit's short name, short period).
    pub label: String,
    /// Label in the accessible table (full unit name, full period).
    pub long: String,
    /// The number.
    pub value: f64,
    /// The number as the reader sees it (`6.580`, `93,1%`).
    pub shown: String,
}

/// One 100% bar of a stacked chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Stack {
    /// The bar's label (a period).
    pub label: String,
    /// The parts, in legend order.
    pub parts: Vec<Item>,
}

/// What a chart shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    /// Bars, optionally one highlighted (compare).
    Bars {
        /// The bars.
        items: Vec<Item>,
        /// The article's own unit.
        highlight: Option<usize>,
    },
    /// Stacked 100% bars.
    Stacks {
        /// Part names.
        legend: Vec<String>,
        /// Palette index of each part.
        colors: Vec<usize>,
        /// One bar per period.
        stacks: Vec<Stack>,
    },
    /// Shares of a whole.
    Shares {
        /// The parts.
        items: Vec<Item>,
        /// Palette index of each part.
        colors: Vec<usize>,
        /// The whole, formatted.
        total: String,
        /// The word under the whole ("Tổng số").
        total_label: String,
    },
    /// A line over periods; `x` is each period's start in days, so gaps
    /// between reported periods show.
    Line {
        /// The points.
        items: Vec<Item>,
        /// Position of each point in time.
        x: Vec<f64>,
    },
}

/// A chart ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Kind.
    pub kind: Kind,
    /// Title (caption and accessible name).
    pub title: String,
    /// The period(s) shown, in words.
    pub period: String,
    /// Where the figures come from.
    pub source: Option<String>,
    /// For figures of merged units before they existed: which units they
    /// add up (SPEC §2 "Units change").
    pub note: Option<String>,
    /// The data.
    pub data: Data,
    /// Header of the accessible table's first column.
    pub row_header: String,
    /// What the values measure: axis ticks and totals are formatted by it.
    pub scale: MetricUnit,
    /// How numbers are written (separators, money words).
    pub style: format::Style,
}

/// The arguments of `chart()`, as written in the article.
#[derive(Clone, Debug, Default)]
pub struct Args {
    /// `kind=`
    pub kind: String,
    /// `metrics=[…]`
    pub metrics: Vec<String>,
    /// `metric=`
    pub metric: Option<String>,
    /// `units=[…]`
    pub units: Vec<String>,
    /// `periods=N`
    pub periods: Option<usize>,
    /// `title=`
    pub title: Option<String>,
    /// `unit=` (default: the article's)
    pub unit: Option<String>,
    /// `period=` (default: the article's)
    pub period: Option<String>,
}

/// What the functions read: all figures, and the page's unit and period.
pub struct Context<'a> {
    /// Catalogue.
    pub catalogue: &'a Catalogue,
    /// Every record.
    pub figures: &'a Figures,
    /// Units.
    pub units: &'a BTreeMap<UnitId, Unit>,
    /// The article's unit.
    pub page_unit: Option<UnitId>,
    /// The article's period.
    pub page_period: Option<Period>,
    /// Interface words of the site's language.
    pub words: &'a crate::theme::Words,
    /// How numbers are written in the site's language.
    pub style: &'a format::Style,
}

/// The number as the reader sees it, by the metric's unit.
pub fn shown(def: &MetricDef, v: f64, style: &format::Style) -> String {
    match def.unit {
        MetricUnit::Percent => format::pct_in(style, v, None),
        MetricUnit::Vnd => format::vnd_in(style, v),
        _ => format::num_in(style, v, None),
    }
}

/// Numbers that stand together (a chart's values, a table's column) as the
/// reader sees them: one precision for all, the decimals the most precise
/// value needs, at most two (`97,90%` beside `98,74%`, never `97,9%`).
/// Money keeps its size word per value; its decimals are those of the
/// millions and billions.
pub fn column(unit: MetricUnit, values: &[f64], style: &format::Style) -> Vec<String> {
    match unit {
        MetricUnit::Vnd => {
            let d = format::decimals_needed(
                values.iter().map(|v| match format::vnd_size(*v) {
                    (_, 0) => 0.0,
                    (n, _) => n,
                }),
                2,
            );
            values
                .iter()
                .map(|v| format::vnd_decimals_in(style, *v, Some(d)))
                .collect()
        }
        MetricUnit::Percent => {
            let d = format::decimals_needed(values.iter().copied(), 2);
            values
                .iter()
                .map(|v| format::pct_in(style, *v, Some(d)))
                .collect()
        }
        _ => {
            let d = format::decimals_needed(values.iter().copied(), 2);
            values
                .iter()
                .map(|v| format::num_in(style, *v, Some(d)))
                .collect()
        }
    }
}

/// Each value's share of their sum (0–1); negative values count as none.
pub fn shares(values: impl IntoIterator<Item = f64>) -> Vec<f64> {
    let values: Vec<f64> = values.into_iter().map(|v| v.max(0.0)).collect();
    let sum: f64 = values.iter().sum();
    values
        .iter()
        .map(|v| if sum > 0.0 { v / sum } else { 0.0 })
        .collect()
}

/// The decimals of the shares of one chart: what the most precise share
/// needs, at most one (`81%` and `19%`; `28,2%` and `71,8%`).
pub fn share_decimals(shares: impl IntoIterator<Item = f64>) -> usize {
    format::decimals_needed(shares.into_iter().map(|s| s * 100.0), 1)
}

/// A share (0–1) as a percentage with `decimals`; a share too small to
/// show is "<0,1%" (or "<1%"), never "0%".
pub fn share_text(style: &format::Style, share: f64, decimals: usize) -> String {
    let smallest = 10f64.powi(-(decimals as i32));
    if share > 0.0 && share * 100.0 < smallest / 2.0 {
        format!("<{}%", format::num_in(style, smallest, Some(decimals)))
    } else {
        format::pct_in(style, share * 100.0, Some(decimals))
    }
}

impl Chart {
    /// The decimals every share of this chart is written with (stacked
    /// bars and donuts; 0 for the others).
    pub fn share_decimals(&self) -> usize {
        match &self.data {
            Data::Shares { items, .. } => share_decimals(shares(items.iter().map(|i| i.value))),
            Data::Stacks { stacks, .. } => share_decimals(
                stacks
                    .iter()
                    .flat_map(|s| shares(s.parts.iter().map(|p| p.value))),
            ),
            _ => 0,
        }
    }
}

impl Context<'_> {
    fn unit(&self, given: Option<&str>) -> Result<&Unit, Msg> {
        let id = match given {
            Some(u) => UnitId(u.to_string()),
            None => self.page_unit.clone().ok_or(Msg::PageHasNoUnit)?,
        };
        self.units.get(&id).ok_or_else(|| {
            // "unknown unit `x`; did you mean …": the message and its hint
            // in one line, as a chart argument's error has no hint of its own.
            let (_, hint) = crate::model::unknown_unit(&id.0, self.units);
            crate::msg!(Msg::UnknownUnitHint, &id.0, hint)
        })
    }

    fn period(&self, given: Option<&str>) -> Result<Period, Msg> {
        match given {
            Some(p) => Period::parse(p).map_err(|why| crate::msg!(Msg::BadPeriod, p, why)),
            None => self.page_period.ok_or(Msg::PageHasNoPeriod),
        }
    }

    fn def(&self, key: &str) -> Result<&MetricDef, Msg> {
        self.catalogue
            .get(key)
            .ok_or_else(|| match self.catalogue.suggest(key) {
                Some(s) => crate::msg!(Msg::UnknownMetricKeyDidYouMean, key, s),
                None => crate::msg!(Msg::UnknownMetricKey, key),
            })
    }

    fn record(&self, unit: &Unit, period: &Period) -> Result<&Figure, Msg> {
        self.figures.get(&unit.id, period).ok_or_else(|| {
            let list = |ids: &[UnitId]| {
                let names: Vec<String> = ids
                    .iter()
                    .map(|u| {
                        self.units
                            .get(u)
                            .map_or_else(|| u.0.clone(), |u| u.name.clone())
                    })
                    .collect();
                self.style.list(&names)
            };
            crate::data::no_figure(self.figures, unit, period, &list)
        })
    }

    /// The unit's records of the same span as `period` (years, quarters,
    /// 9-month periods…), up to and including it, the last `n`.
    fn series(&self, unit: &Unit, period: &Period, n: usize) -> Vec<&Figure> {
        let mut all: Vec<&Figure> = self
            .figures
            .of_unit(&unit.id)
            .filter(|f| same_span(&f.period, period) && f.period.start() <= period.start())
            .collect();
        let skip = all.len().saturating_sub(n);
        all.drain(..skip);
        all
    }
}

fn value(def: &MetricDef, fig: &Figure) -> Result<f64, Msg> {
    fig.get(def.key.as_str())
        .ok_or_else(|| crate::msg!(Msg::NoValueFor, &def.key, &fig.unit, fig.period.id()))
}

/// Whether two periods are spans of the same kind and length.
pub fn same_span(a: &Period, b: &Period) -> bool {
    match (a, b) {
        (Period::Months(_, n), Period::Months(_, m)) => n == m,
        (Period::Range(a0, a1), Period::Range(b0, b1)) => {
            a1.to_days() - a0.to_days() == b1.to_days() - b0.to_days()
        }
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// "Figures of Phường Trung Tâm before the reorganisation: the sum of
/// Phường Đông Hưng and Phường Tây Sơn", once for each merged unit shown.
fn merged_note<'a>(figs: impl IntoIterator<Item = &'a Figure>, cx: &Context<'_>) -> Option<String> {
    let mut seen: Vec<&UnitId> = Vec::new();
    let mut notes = Vec::new();
    for f in figs {
        if f.from_predecessors.is_empty() || seen.contains(&&f.unit) {
            continue;
        }
        seen.push(&f.unit);
        let name = |u: &UnitId| {
            cx.units
                .get(u)
                .map_or_else(|| u.0.clone(), |u| u.name.clone())
        };
        let preds: Vec<String> = f.from_predecessors.iter().map(name).collect();
        notes.push(
            cx.words
                .get("merged_note")
                .replace("{units}", &cx.style.list(&preds))
                .replace("{unit}", &name(&f.unit)),
        );
    }
    (!notes.is_empty()).then(|| notes.join(" "))
}

fn sources<'a>(figs: impl IntoIterator<Item = &'a Figure>) -> Option<String> {
    let mut seen: Vec<&str> = Vec::new();
    for f in figs {
        if let Some(s) = f.source.as_deref().filter(|s| !seen.contains(s)) {
            seen.push(s);
        }
    }
    (!seen.is_empty()).then(|| seen.join("; "))
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The arguments each kind takes: any other given is an error, so a
/// misplaced argument is never silently ignored.
fn takes(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Bar | Kind::Donut => &["metrics"],
        Kind::Stacked => &["metrics", "periods"],
        Kind::Trend => &["metric", "periods"],
        Kind::Compare => &["metric", "units"],
    }
}

/// Palette colours for parts: a part where less is better (quá hạn) gets
/// the warning colour, the others the rest in order.
fn part_colors(defs: &[&MetricDef]) -> Vec<usize> {
    let mut others = (0..svg::PALETTE.len()).filter(|i| *i != svg::WARN);
    defs.iter()
        .map(|d| {
            if d.better == crate::data::catalogue::Better::Lower {
                svg::WARN
            } else {
                others.next().unwrap_or(0)
            }
        })
        .collect()
}

/// Builds the chart model from the arguments; errors name the argument.
pub fn build(args: &Args, cx: &Context<'_>) -> Result<Chart, Msg> {
    let kind = Kind::parse(&args.kind)
        .ok_or_else(|| crate::msg!(Msg::UnknownChartKind, &args.kind, KINDS))?;
    let builder = Builder {
        args,
        cx,
        kind,
        period: Period::Year(0),
    };
    builder.check_arguments()?;
    let period = cx
        .period(args.period.as_deref())
        .map_err(|m| builder.fail(m))?;
    let builder = Builder { period, ..builder };
    match kind {
        Kind::Bar | Kind::Donut => builder.bars_or_shares(),
        Kind::Stacked => builder.stacked(),
        Kind::Trend => builder.trend(),
        Kind::Compare => builder.compare(),
    }
}

/// What building one chart reads: its arguments, the figures, its kind and
/// period. Each kind asks for what it uses: a comparison of named units
/// needs no unit of the page (a province's summary article has none).
#[derive(Clone, Copy)]
struct Builder<'a> {
    args: &'a Args,
    cx: &'a Context<'a>,
    kind: Kind,
    period: Period,
}

impl<'a> Builder<'a> {
    /// An error of this chart: `chart(kind="…"): ` and what is wrong.
    fn fail(&self, msg: impl Into<Text>) -> Msg {
        let msg: Text = msg.into();
        crate::msg!(Msg::ChartKind, self.kind.name(), msg)
    }

    /// Arguments this kind does not take are errors naming them.
    fn check_arguments(&self) -> Result<(), Msg> {
        let args = self.args;
        let given = [
            ("metrics", !args.metrics.is_empty()),
            ("metric", args.metric.is_some()),
            ("units", !args.units.is_empty()),
            ("periods", args.periods.is_some()),
        ];
        if let Some((name, _)) = given
            .iter()
            .find(|(name, set)| *set && !takes(self.kind).contains(name))
        {
            let list: Vec<String> = takes(self.kind).iter().map(|t| format!("{t}=")).collect();
            return Err(self.fail(crate::msg!(Part::ArgNotTaken, name, list.join(", "))));
        }
        Ok(())
    }

    fn metric_defs(&self, min: usize) -> Result<Vec<&'a MetricDef>, Msg> {
        let args = self.args;
        if args.metrics.len() < min {
            return Err(self.fail(if min > 1 {
                crate::msg!(Part::NeedsMetricsAtLeastKeys, min)
            } else {
                crate::msg!(Part::NeedsMetricsAtLeast, min, "")
            }));
        }
        if let Some(dup) = args
            .metrics
            .iter()
            .enumerate()
            .find(|(i, k)| args.metrics[..*i].contains(k))
            .map(|(_, k)| k)
        {
            return Err(self.fail(crate::msg!(Part::MetricTwice, dup)));
        }
        args.metrics
            .iter()
            .map(|k| {
                self.cx
                    .def(k)
                    .map_err(|e| self.fail(crate::msg!(Part::MetricsArg, e)))
            })
            .collect()
    }

    fn one_metric(&self) -> Result<&'a MetricDef, Msg> {
        let key = self
            .args
            .metric
            .as_deref()
            .ok_or_else(|| self.fail(Part::NeedsMetric))?;
        self.cx
            .def(key)
            .map_err(|e| self.fail(crate::msg!(Part::MetricArg, key, e)))
    }

    /// Shares of a whole add up: a rate has no share, and only as many
    /// parts as there are colours can be told apart.
    fn parts_of_a_whole(&self, defs: &[&MetricDef]) -> Result<(), Msg> {
        if let Some(d) = defs.iter().find(|d| d.unit == MetricUnit::Percent) {
            return Err(self.fail(crate::msg!(Part::RateNotAPart, &d.key)));
        }
        if defs.len() > svg::PALETTE.len() {
            return Err(self.fail(crate::msg!(
                Part::TooManyParts,
                svg::PALETTE.len(),
                defs.len()
            )));
        }
        Ok(())
    }

    fn page_unit(&self) -> Result<&'a Unit, Msg> {
        self.cx
            .unit(self.args.unit.as_deref())
            .map_err(|m| self.fail(m))
    }

    /// `bar` and `donut`: metrics of one record.
    fn bars_or_shares(&self) -> Result<Chart, Msg> {
        let unit = self.page_unit()?;
        let defs = self.metric_defs(if self.kind == Kind::Donut { 2 } else { 1 })?;
        let fig = self
            .cx
            .record(unit, &self.period)
            .map_err(|m| self.fail(m))?;
        if let Some(other) = defs.iter().find(|d| d.unit != defs[0].unit) {
            return Err(self.fail(crate::msg!(
                Part::DifferentMeasures,
                &defs[0].key,
                &other.key
            )));
        }
        if self.kind == Kind::Donut {
            self.parts_of_a_whole(&defs)?;
        }
        let values = defs
            .iter()
            .map(|d| value(d, fig))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|m| self.fail(m))?;
        // The total is one of the chart's numbers: the same precision.
        let total: f64 = values.iter().sum();
        let mut all = values.clone();
        all.push(total);
        let mut texts = column(defs[0].unit, &all, self.cx.style);
        let total_shown = texts.pop().unwrap_or_default();
        let items = defs
            .iter()
            .zip(values.iter().zip(texts))
            .map(|(d, (v, shown))| Item {
                label: d.label.clone(),
                long: d.label.clone(),
                value: *v,
                shown,
            })
            .collect();
        let data = if self.kind == Kind::Bar {
            Data::Bars {
                items,
                highlight: None,
            }
        } else {
            Data::Shares {
                total: total_shown,
                total_label: self.cx.words.get("total").into(),
                colors: part_colors(&defs),
                items,
            }
        };
        Ok(Chart {
            kind: self.kind,
            title: self.args.title.clone().unwrap_or_else(|| unit.name.clone()),
            period: capitalize(&self.cx.words.period(&self.period)),
            source: sources([fig]),
            note: merged_note([fig], self.cx),
            data,
            row_header: self.cx.words.get("row_metric").into(),
            scale: defs[0].unit,
            style: self.cx.style.clone(),
        })
    }

    /// `stacked`: parts of a whole over periods.
    fn stacked(&self) -> Result<Chart, Msg> {
        let unit = self.page_unit()?;
        let defs = self.metric_defs(2)?;
        self.parts_of_a_whole(&defs)?;
        // The article's own self.period must be there: never a silent stand-in.
        self.cx
            .record(unit, &self.period)
            .map_err(|m| self.fail(m))?;
        let figs = self
            .cx
            .series(unit, &self.period, self.args.periods.unwrap_or(1));
        let values = figs
            .iter()
            .map(|f| {
                defs.iter()
                    .map(|d| value(d, f))
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<Vec<_>, Msg>>()
            .map_err(|m| self.fail(m))?;
        // Every part of every bar with the same precision.
        let flat: Vec<f64> = values.iter().flatten().copied().collect();
        let mut texts = column(defs[0].unit, &flat, self.cx.style).into_iter();
        let stacks = figs
            .iter()
            .zip(&values)
            .map(|(f, row)| Stack {
                label: capitalize(&self.cx.words.period(&f.period)),
                parts: defs
                    .iter()
                    .zip(row)
                    .map(|(d, v)| Item {
                        label: d.short.clone(),
                        long: d.label.clone(),
                        value: *v,
                        shown: texts.next().unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect();
        Ok(Chart {
            kind: self.kind,
            title: self.args.title.clone().unwrap_or_else(|| unit.name.clone()),
            period: span_words(&figs, self.cx.words),
            source: sources(figs.iter().copied()),
            note: merged_note(figs.iter().copied(), self.cx),
            data: Data::Stacks {
                legend: defs.iter().map(|d| d.short.clone()).collect(),
                colors: part_colors(&defs),
                stacks,
            },
            row_header: self.cx.words.get("row_period").into(),
            scale: defs[0].unit,
            style: self.cx.style.clone(),
        })
    }

    /// `trend`: one metric over periods of the same span.
    fn trend(&self) -> Result<Chart, Msg> {
        let unit = self.page_unit()?;
        let def = self.one_metric()?;
        let anchor = self
            .cx
            .record(unit, &self.period)
            .map_err(|m| self.fail(m))?;
        value(def, anchor).map_err(|m| self.fail(m))?;
        let n = self.args.periods.unwrap_or(5);
        let figs: Vec<&Figure> = self
            .cx
            .series(unit, &self.period, usize::MAX)
            .into_iter()
            .filter(|f| f.get(def.key.as_str()).is_some())
            .collect();
        let figs = &figs[figs.len().saturating_sub(n)..];
        if figs.len() < 2 {
            let found: Vec<String> = figs.iter().map(|f| f.period.id()).collect();
            let found = if found.is_empty() {
                Text::from(Part::NoneYet)
            } else {
                Text::from(found.join(", "))
            };
            return Err(self.fail(crate::msg!(
                Part::TooFewPeriods,
                &def.key,
                &unit.id,
                figs.len(),
                found
            )));
        }
        let values: Vec<f64> = figs
            .iter()
            .map(|f| f.get(def.key.as_str()).unwrap_or_default())
            .collect();
        let items = figs
            .iter()
            .zip(&values)
            .zip(column(def.unit, &values, self.cx.style))
            .map(|((f, v), shown)| Item {
                label: self.cx.words.period_short(&f.period),
                long: capitalize(&self.cx.words.period(&f.period)),
                value: *v,
                shown,
            })
            .collect();
        let x = figs
            .iter()
            .map(|f| f.period.start().to_days() as f64)
            .collect();
        Ok(Chart {
            kind: self.kind,
            title: self
                .args
                .title
                .clone()
                .unwrap_or_else(|| format!("{} — {}", def.label, unit.name)),
            period: span_words(figs, self.cx.words),
            source: sources(figs.iter().copied()),
            note: merged_note(figs.iter().copied(), self.cx),
            data: Data::Line { items, x },
            row_header: self.cx.words.get("row_period").into(),
            scale: def.unit,
            style: self.cx.style.clone(),
        })
    }

    /// `compare`: one metric across units.
    fn compare(&self) -> Result<Chart, Msg> {
        let def = self.one_metric()?;
        // The page's unit, when there is one, is highlighted.
        let own = if self.args.units.is_empty() {
            Some(self.page_unit()?)
        } else {
            self.cx.unit(self.args.unit.as_deref()).ok()
        };
        let ids: Vec<UnitId> = if let Some(unit) = own.filter(|_| self.args.units.is_empty()) {
            // The article's unit must report the metric: a comparison
            // without it would silently leave it out.
            value(
                def,
                self.cx
                    .record(unit, &self.period)
                    .map_err(|m| self.fail(m))?,
            )
            .map_err(|m| self.fail(m))?;
            let parent = unit.parent.clone();
            self.cx
                .units
                .values()
                .filter(|u| u.id == unit.id || (parent.is_some() && u.parent == parent))
                .filter(|u| {
                    self.cx
                        .figures
                        .get(&u.id, &self.period)
                        .is_some_and(|f| f.get(def.key.as_str()).is_some())
                })
                .map(|u| u.id.clone())
                .collect()
        } else {
            if let Some(dup) = self
                .args
                .units
                .iter()
                .enumerate()
                .find(|(i, u)| self.args.units[..*i].contains(u))
                .map(|(_, u)| u)
            {
                return Err(self.fail(crate::msg!(Part::UnitTwice, dup)));
            }
            self.args.units.iter().map(|u| UnitId(u.clone())).collect()
        };
        let mut rows = Vec::new();
        for id in &ids {
            let u = self
                .cx
                .unit(Some(&id.0))
                .map_err(|e| self.fail(crate::msg!(Part::UnitsArg, e)))?;
            let fig = self.cx.record(u, &self.period).map_err(|m| self.fail(m))?;
            let v = value(def, fig).map_err(|m| self.fail(m))?;
            rows.push((u, fig, v));
        }
        if rows.len() < 2 {
            return Err(self.fail(crate::msg!(
                Part::TooFewUnits,
                &def.key,
                self.period.label()
            )));
        }
        // Largest first; equal values by name, so the order is stable.
        rows.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.0.name.cmp(&b.0.name)));
        let highlight = own.and_then(|unit| rows.iter().position(|(u, ..)| u.id == unit.id));
        let values: Vec<f64> = rows.iter().map(|(.., v)| *v).collect();
        let items = rows
            .iter()
            .zip(column(def.unit, &values, self.cx.style))
            .map(|((u, _, v), shown)| Item {
                label: u.short.clone().unwrap_or_else(|| u.name.clone()),
                long: u.name.clone(),
                value: *v,
                shown,
            })
            .collect();
        Ok(Chart {
            kind: self.kind,
            title: self.args.title.clone().unwrap_or_else(|| def.label.clone()),
            period: capitalize(&self.cx.words.period(&self.period)),
            source: sources(rows.iter().map(|(_, f, _)| *f)),
            note: merged_note(rows.iter().map(|(_, f, _)| *f), self.cx),
            data: Data::Bars { items, highlight },
            row_header: self.cx.words.get("row_unit").into(),
            scale: def.unit,
            style: self.cx.style.clone(),
        })
    }
}

fn span_words(figs: &[&Figure], words: &crate::theme::Words) -> String {
    match (figs.first(), figs.last()) {
        (Some(a), Some(b)) if a.period != b.period => {
            format!(
                "{} – {}",
                capitalize(&words.period(&a.period)),
                words.period(&b.period)
            )
        }
        (Some(a), _) => capitalize(&words.period(&a.period)),
        _ => String::new(),
    }
}

/// `chart()`: the figure HTML, with a wide and a narrow drawing; a figure
/// drawn before from the same model and words is not drawn again.
pub fn chart(args: &Args, cx: &Context<'_>) -> Result<String, Msg> {
    let words = html::FigureWords::new(cx.words);
    let key = memo::Key::new(build(args, cx)?, &words);
    if let Some(html) = memo::get(&key) {
        return Ok(html.to_string());
    }
    let model = &key.chart;
    let html = html::figure_in(
        model,
        &svg::draw(model, svg::WIDTH),
        &svg::draw(model, svg::NARROW),
        &words,
    );
    memo::put(key, &html);
    Ok(html)
}

/// One figure card of `kpis()`.
#[derive(Clone, Debug, PartialEq)]
pub struct Kpi {
    /// Metric label.
    pub label: String,
    /// Formatted value.
    pub shown: String,
    /// The change against cùng kỳ, when that record exists.
    pub change: Option<Change>,
}

/// A change, its direction and whether it is good news.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The sentence fragment ("tăng 17.582 hồ sơ (+26,56%) so với cùng kỳ").
    pub text: String,
    /// Up, down or flat.
    pub direction: std::cmp::Ordering,
    /// Good news by the metric's `better`.
    pub good: bool,
}

/// `kpis()`: figure cards for metrics of the page's record.
pub fn kpis(
    metrics: &[String],
    unit: Option<&str>,
    period: Option<&str>,
    cx: &Context<'_>,
) -> Result<String, Msg> {
    fn fail(m: impl Into<Text>) -> Msg {
        Msg::KpisArgs(m.into())
    }
    if metrics.is_empty() {
        return Err(fail(Part::NeedsMetrics));
    }
    let unit = cx.unit(unit).map_err(fail)?;
    let period = cx.period(period).map_err(fail)?;
    let fig = cx.record(unit, &period).map_err(fail)?;
    let prev = cx.figures.get(&unit.id, &period.same_period());
    // Every bad name is reported at once, not only the first.
    let mut problems: Vec<Text> = Vec::new();
    let mut found = Vec::new();
    for key in metrics {
        match cx.def(key) {
            Ok(def) => match value(def, fig) {
                Ok(v) => found.push((key, def, v)),
                Err(e) => problems.push(e.into()),
            },
            Err(e) => problems.push(crate::msg!(Part::MetricsArg, e).into()),
        }
    }
    if !problems.is_empty() {
        return Err(fail(if problems.len() == 1 {
            problems.remove(0)
        } else {
            Text::List(problems)
        }));
    }
    let mut cards = Vec::new();
    for (key, def, v) in found {
        let change = prev.and_then(|p| p.get(key)).map(|before| {
            let style = match def.unit {
                MetricUnit::Percent => ChangeStyle::Points,
                MetricUnit::Vnd => ChangeStyle::Money,
                _ => ChangeStyle::Count(&def.noun),
            };
            let text = format::change_in(cx.style, v, before, style, Against::SamePeriod);
            let direction = if text.starts_with(cx.style.unchanged.as_str()) {
                std::cmp::Ordering::Equal
            } else {
                v.total_cmp(&before)
            };
            let good = match def.better {
                crate::data::catalogue::Better::Higher => direction != std::cmp::Ordering::Less,
                crate::data::catalogue::Better::Lower => direction != std::cmp::Ordering::Greater,
            };
            // Cùng kỳ of a merged unit before it existed: say whose sum.
            let text = match prev.filter(|p| !p.from_predecessors.is_empty()) {
                Some(p) => {
                    let names: Vec<String> = p
                        .from_predecessors
                        .iter()
                        .map(|u| {
                            cx.units
                                .get(u)
                                .map_or_else(|| u.0.clone(), |u| u.name.clone())
                        })
                        .collect();
                    format!("{text} {}", cx.style.merged(&names))
                }
                None => text,
            };
            Change {
                text,
                direction,
                good,
            }
        });
        cards.push(Kpi {
            label: def.label.clone(),
            shown: shown(def, v, cx.style),
            change,
        });
    }
    Ok(html::kpis(
        &cards,
        &capitalize(&cx.words.period(&period)),
        &unit.name,
    ))
}

/// `table()`: units (for one period) or periods (for one unit) as rows,
/// metrics as columns.
pub fn table(
    metrics: &[String],
    units: &[String],
    periods: Option<usize>,
    unit: Option<&str>,
    period: Option<&str>,
    cx: &Context<'_>,
) -> Result<String, Msg> {
    fn fail(m: impl Into<Text>) -> Msg {
        Msg::TableArgs(m.into())
    }
    if metrics.is_empty() {
        return Err(fail(Part::NeedsMetrics));
    }
    if !units.is_empty() && periods.is_some() {
        return Err(fail(Part::UnitsOrPeriods));
    }
    let defs = metrics
        .iter()
        .map(|k| {
            cx.def(k)
                .map_err(|e| fail(crate::msg!(Part::MetricsArg, e)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let period = cx.period(period).map_err(fail)?;
    let (row_header, caption, rows): (&str, String, Vec<(String, &Figure)>) = if units.is_empty() {
        let unit = cx.unit(unit).map_err(fail)?;
        // The article's own period must be there: never a silent stand-in.
        cx.record(unit, &period).map_err(fail)?;
        let figs = cx.series(unit, &period, periods.unwrap_or(1));
        (
            cx.words.get("row_period"),
            unit.name.clone(),
            figs.into_iter()
                .map(|f| (capitalize(&cx.words.period(&f.period)), f))
                .collect(),
        )
    } else {
        let mut rows = Vec::new();
        for id in units {
            let u = cx
                .unit(Some(id))
                .map_err(|e| fail(crate::msg!(Part::UnitsArg, e)))?;
            rows.push((u.name.clone(), cx.record(u, &period).map_err(fail)?));
        }
        (
            cx.words.get("row_unit"),
            capitalize(&cx.words.period(&period)),
            rows,
        )
    };
    // Column by column, so each column has one precision.
    let mut columns = Vec::new();
    for d in &defs {
        let values = rows
            .iter()
            .map(|(_, fig)| value(d, fig))
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)?;
        columns.push(column(d.unit, &values, cx.style));
    }
    let cells: Vec<(String, Vec<String>)> = rows
        .iter()
        .enumerate()
        .map(|(n, (label, _))| {
            (
                label.clone(),
                columns.iter().map(|c| c[n].clone()).collect(),
            )
        })
        .collect();
    let headers: Vec<String> = defs.iter().map(|d| d.label.clone()).collect();
    // Rows added up from the units before a reorganisation are marked,
    // and the note under the table says whose sums they are.
    let marked: Vec<bool> = rows.iter().map(|(_, f)| f.is_from_predecessors()).collect();
    let mut out = html::table(row_header, &headers, &cells, &marked, &caption);
    if let Some(note) = merged_note(rows.iter().map(|(_, f)| *f), cx) {
        out.push_str(&html::note(&format!("{} {note}", html::NOTE_MARK)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
