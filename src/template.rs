//! Tera set-up: the one registry of filters and functions (SPEC §6) that
//! article bodies and theme templates share, and the translation of Tera's
//! errors into diagnostics that name the article, its line and the key.

use std::collections::BTreeMap;
use std::sync::Arc;

use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::chart;
use crate::data::{Catalogue, Figure, Figures, MetricUnit, Period, UnitId};
use crate::date::DateTime;
use crate::diagnostic::Diagnostic;
use crate::format::{self, Against, ChangeStyle, DateFormat};
use crate::markdown;
use crate::messages::{Hint, Msg, Part};
use crate::model::Unit;

/// What template functions may read: the catalogue, every figure, the units.
#[derive(Debug)]
pub struct Shared {
    /// Metric catalogue.
    pub catalogue: Catalogue,
    /// Every record, given and derived.
    pub figures: Figures,
    /// Units by id.
    pub units: BTreeMap<UnitId, Unit>,
    /// Interface words of the site's language.
    pub words: crate::theme::Words,
    /// How numbers are written in the site's language (from `words`).
    pub style: format::Style,
}

/// A template function's error: its message and, where one fits, its
/// hint. It travels to [`diagnose`] as the source of Tera's error, so the
/// article's diagnostic shows it as it was made, never re-read from text.
#[derive(Debug)]
pub struct Failure {
    /// What went wrong.
    pub message: Msg,
    /// How to fix it, when the function knows better than the default.
    pub hint: Option<Hint>,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en())
    }
}

impl std::error::Error for Failure {}

fn err(message: Msg) -> tera::Error {
    tera::Error::chain(
        message.en(),
        Failure {
            message,
            hint: None,
        },
    )
}

/// What a failed render reports: the function's own failure, the bound the
/// render went over, or Tera's error in baocao's words.
pub fn cause(e: &tera::Error, exceeded: Option<tera::limits::Exceeded>) -> (Msg, Option<Hint>) {
    use tera::limits::Exceeded;
    if let Some(x) = exceeded {
        let message = match x {
            Exceeded::Steps(n) => crate::msg!(Msg::TooManySteps, n),
            Exceeded::String(n) => crate::msg!(Msg::TextTooLong, n),
            Exceeded::Output(n) => crate::msg!(Msg::OutputTooLong, n),
        };
        return (message, None);
    }
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(f) = s.downcast_ref::<Failure>() {
            return (f.message.clone(), f.hint.clone());
        }
        source = s.source();
    }
    let text = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            r.message().to_string()
        }
        tera::ErrorKind::Msg(m) => m
            .lines()
            .next()
            .unwrap_or(m)
            .trim_start_matches("error: ")
            .to_string(),
        other => other.to_string(),
    };
    (crate::parse_error::template(&text), None)
}

fn decimals(kwargs: &Kwargs) -> TeraResult<Option<usize>> {
    Ok(kwargs
        .get::<i64>("decimals")?
        .map(|d| d.clamp(0, 6) as usize))
}

/// The filters [`register`] installs, for hints.
pub const FILTERS: &[&str] = &["num", "pct", "vnd", "date", "slugify"];
/// The page a template renders for: its unit and period, each optional.
/// Template functions take them from here, never from template variables
/// (which a template may shadow), and each asks only for what it uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// The page's unit (`unit:` in its front matter).
    pub unit: Option<UnitId>,
    /// The page's period (`period:` in its front matter).
    pub period: Option<Period>,
}

thread_local! {
    static SCOPE: std::cell::RefCell<Scope> = std::cell::RefCell::new(Scope::default());
}

/// Runs `render` with `scope` as the page of the template functions it
/// calls; nests, restoring the outer scope after.
pub fn with_scope<T>(scope: Scope, render: impl FnOnce() -> T) -> T {
    let outer = SCOPE.with(|s| s.replace(scope));
    struct Restore(Option<Scope>);
    impl Drop for Restore {
        fn drop(&mut self) {
            if let Some(outer) = self.0.take() {
                SCOPE.with(|s| *s.borrow_mut() = outer);
            }
        }
    }
    let _restore = Restore(Some(outer));
    render()
}

fn scope() -> Scope {
    SCOPE.with(|s| s.borrow().clone())
}

/// The functions [`register`] installs, for hints.
pub const FUNCTIONS: &[&str] = &["metric", "label", "compare", "chart", "kpis", "table"];

/// Registers every filter and function for theme templates, which write
/// HTML. Later features add theirs here, and to [`FILTERS`] / [`FUNCTIONS`].
pub fn register(tera: &mut Tera, live: &Live) {
    register_with(tera, live, false);
}

/// Registers every filter and function for article bodies, which are
/// Markdown: values are escaped as text (never read as Markdown or HTML),
/// and the HTML of charts, cards and tables travels through the Markdown
/// as one opaque block.
pub fn register_for_bodies(tera: &mut Tera, live: &Live) {
    tera.set_escape_fn(markdown::escape_text);
    register_with(tera, live, true);
}

/// The [`Shared`] facts the template functions read when called, which
/// `serve` replaces after a data edit: the theme and the bodies' engine
/// stay compiled, and read the new figures.
#[derive(Clone, Debug)]
pub struct Live(Arc<std::sync::RwLock<Arc<Shared>>>);

impl Live {
    /// Functions that read `shared`.
    pub fn new(shared: &Arc<Shared>) -> Live {
        Live(Arc::new(std::sync::RwLock::new(Arc::clone(shared))))
    }

    /// What the functions read now.
    pub fn get(&self) -> Arc<Shared> {
        Arc::clone(
            &self
                .0
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    /// From now on, the functions read `shared`.
    pub fn set(&self, shared: &Arc<Shared>) {
        *self
            .0
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::clone(shared);
    }
}

/// What drawing a chart, cards or a table costs against a render's step
/// budget: about what the same time spent in template steps would buy, so
/// a loop of charts is bounded like any other loop.
const DRAWING_STEPS: u64 = 5_000;

/// Charges a drawing to the render's budget.
fn drawing() -> TeraResult<()> {
    // The bound gone over is recorded by `tera::limits` and reported from
    // there; this text is never shown.
    tera::limits::charge(DRAWING_STEPS).map_err(tera::Error::message)
}

fn register_with(tera: &mut Tera, live: &Live, in_markdown: bool) {
    // Styles and words do not change while a site is served.
    register_filters(tera, &live.get());
    register_figures(tera, live);
    register_drawings(tera, live, in_markdown);
}

/// `num`, `pct`, `vnd`, `date` and `slugify`, in the site's style.
fn register_filters(tera: &mut Tera, shared: &Arc<Shared>) {
    let (num_style, pct_style) = (shared.style.clone(), shared.style.clone());
    tera.register_filter(
        "num",
        move |v: f64, k: Kwargs, _: &State| -> TeraResult<String> {
            allow(&k, "num", &["decimals"])?;
            Ok(format::num_in(&num_style, v, decimals(&k)?))
        },
    );
    tera.register_filter(
        "pct",
        move |v: f64, k: Kwargs, _: &State| -> TeraResult<String> {
            allow(&k, "pct", &["decimals"])?;
            Ok(format::pct_in(&pct_style, v, decimals(&k)?))
        },
    );
    let vnd_style = shared.style.clone();
    tera.register_filter("vnd", move |v: f64, _: Kwargs, _: &State| {
        format::vnd_in(&vnd_style, v)
    });
    let words = shared.words.clone();
    tera.register_filter(
        "date",
        move |v: &str, k: Kwargs, _: &State| -> TeraResult<String> {
            allow(&k, "date", &["format"])?;
            let name = k.get::<&str>("format")?.unwrap_or("short");
            let fmt = DateFormat::parse(name)
                .ok_or_else(|| err(crate::msg!(Msg::UnknownDateFormat, name)))?;
            let dt = DateTime::parse(v).ok_or_else(|| err(crate::msg!(Msg::NotADate, v)))?;
            Ok(format::date_named(&dt, fmt, words.weekday(dt.date)))
        },
    );
    tera.register_filter("slugify", |v: &str, _: Kwargs, _: &State| {
        format::slugify(v)
    });
}

/// `metric`, `label` and `compare`: one figure, its name, its change.
fn register_figures(tera: &mut Tera, live: &Live) {
    let l = live.clone();
    tera.register_function("metric", move |k: Kwargs, _: &State| -> TeraResult<f64> {
        let s = l.get();
        allow(&k, "metric", &["key", "unit", "period"])?;
        let key = k.must_get::<&str>("key")?;
        let fig = record_from_args(&s, &k)?;
        value_of(&s, fig, key)
    });
    let l = live.clone();
    tera.register_function("label", move |k: Kwargs, _: &State| -> TeraResult<String> {
        let s = l.get();
        allow(&k, "label", &["key"])?;
        let key = k.must_get::<&str>("key")?;
        Ok(metric_def(&s, key)?.label.clone())
    });
    let l = live.clone();
    tera.register_function(
        "compare",
        move |k: Kwargs, _: &State| -> TeraResult<String> {
            let s = l.get();
            allow(&k, "compare", &["key", "against", "unit", "period"])?;
            let key = k.must_get::<&str>("key")?;
            let against = match k.get::<&str>("against")?.unwrap_or("same_period") {
                "same_period" => Against::SamePeriod,
                "previous" => Against::Previous,
                other => return Err(err(crate::msg!(Msg::UnknownAgainst, other))),
            };
            let fig = record_from_args(&s, &k)?;
            let def = metric_def(&s, key)?;
            let current = value_of(&s, fig, key)?;
            let earlier_period = match against {
                Against::SamePeriod => fig.period.same_period(),
                Against::Previous => fig.period.previous(),
            };
            let earlier = s.figures.get(&fig.unit, &earlier_period).ok_or_else(|| {
                // Cùng kỳ of a merged unit, before the day it was formed or
                // straddling it: say which part has no record.
                if let Some(u) = s.units.get(&fig.unit) {
                    let list = |ids: &[UnitId]| s.style.list(&names(&s, ids));
                    let why = crate::data::no_figure(&s.figures, u, &earlier_period, &list);
                    if !matches!(why, Msg::NoRecordFor(..)) {
                        return err(why);
                    }
                }
                match s.figures.gaps.get(&(fig.unit.clone(), earlier_period)) {
                    Some(lack) => err(crate::msg!(
                        Msg::PredecessorLacks,
                        key,
                        fig.unit,
                        earlier_period.id(),
                        s.style.list(&names(&s, lack))
                    )),
                    None => err(crate::msg!(
                        Msg::NoEarlierRecord,
                        key,
                        fig.unit,
                        earlier_period.label(),
                        earlier_period.id()
                    )),
                }
            })?;
            let merged = &earlier.from_predecessors;
            let earlier = value_of(&s, earlier, key)?;
            let style = match def.unit {
                MetricUnit::Percent => ChangeStyle::Points,
                MetricUnit::Vnd => ChangeStyle::Money,
                _ => ChangeStyle::Count(&def.noun),
            };
            let text = format::change_in(&s.style, current, earlier, style, against);
            Ok(if merged.is_empty() {
                text
            } else {
                format!("{text} {}", s.style.merged(&names(&s, merged)))
            })
        },
    );
}

/// `chart`, `kpis` and `table`: drawings, each charged to the budget.
fn register_drawings(tera: &mut Tera, live: &Live, in_markdown: bool) {
    // Block HTML in a Markdown body must not be re-read as Markdown.
    let block = move |html: String| {
        Value::safe_string(&if in_markdown {
            markdown::opaque(&html)
        } else {
            html
        })
    };
    let l = live.clone();
    tera.register_function("chart", move |k: Kwargs, _: &State| -> TeraResult<Value> {
        let s = l.get();
        drawing()?;
        allow(
            &k,
            "chart",
            &[
                "kind", "metrics", "metric", "units", "periods", "title", "unit", "period",
            ],
        )?;
        let args = chart::Args {
            kind: text(&k, "chart", "kind")?.ok_or_else(|| {
                err(crate::msg!(
                    Msg::ChartNeedsKind,
                    "bar, stacked, donut, trend, compare"
                ))
            })?,
            metrics: list(&k, "chart", "metrics")?,
            metric: text(&k, "chart", "metric")?,
            units: list(&k, "chart", "units")?,
            periods: count(&k, "chart", "periods")?,
            title: text(&k, "chart", "title")?,
            unit: text(&k, "chart", "unit")?,
            period: period_arg(&k)?,
        };
        let html = chart::chart(&args, &chart_context(&s)).map_err(err)?;
        Ok(block(html))
    });
    let l = live.clone();
    tera.register_function("kpis", move |k: Kwargs, _: &State| -> TeraResult<Value> {
        let s = l.get();
        drawing()?;
        allow(&k, "kpis", &["metrics", "unit", "period"])?;
        let metrics = list(&k, "kpis", "metrics")?;
        let unit = text(&k, "kpis", "unit")?;
        let html = chart::kpis(
            &metrics,
            unit.as_deref(),
            period_arg(&k)?.as_deref(),
            &chart_context(&s),
        )
        .map_err(err)?;
        Ok(block(html))
    });
    let l = live.clone();
    tera.register_function("table", move |k: Kwargs, _: &State| -> TeraResult<Value> {
        let s = l.get();
        drawing()?;
        allow(
            &k,
            "table",
            &["metrics", "units", "periods", "unit", "period"],
        )?;
        let metrics = list(&k, "table", "metrics")?;
        let units = list(&k, "table", "units")?;
        let unit = text(&k, "table", "unit")?;
        let html = chart::table(
            &metrics,
            &units,
            count(&k, "table", "periods")?,
            unit.as_deref(),
            period_arg(&k)?.as_deref(),
            &chart_context(&s),
        )
        .map_err(err)?;
        Ok(block(html))
    });
}

fn metric_def<'a>(s: &'a Shared, key: &str) -> TeraResult<&'a crate::data::MetricDef> {
    s.catalogue
        .get(key)
        .ok_or_else(|| match s.catalogue.suggest(key) {
            Some(n) => err(crate::msg!(Msg::UnknownMetricKeyDidYouMean, key, n)),
            None => err(crate::msg!(Msg::UnknownMetricKey, key)),
        })
}

fn value_of(s: &Shared, fig: &Figure, key: &str) -> TeraResult<f64> {
    metric_def(s, key)?;
    fig.get(key).ok_or_else(|| {
        let lack = crate::data::MetricKey::parse(key).and_then(|k| fig.lacking.get(&k));
        match lack {
            Some(units) => err(crate::msg!(
                Msg::PredecessorLacks,
                key,
                fig.unit,
                fig.period.id(),
                s.style.list(&names(s, units))
            )),
            None => err(crate::msg!(Msg::NoValueFor, key, fig.unit, fig.period.id())),
        }
    })
}

/// The names of units, as written in sentences (an unknown id as itself).
fn names(s: &Shared, units: &[UnitId]) -> Vec<String> {
    units
        .iter()
        .map(|u| {
            s.units
                .get(u)
                .map_or_else(|| u.0.clone(), |u| u.name.clone())
        })
        .collect()
}

/// The record named by `unit=` / `period=`, each defaulting to the page's.
/// Rejects an argument the function does not take: a typo must not be
/// silently ignored.
fn allow(k: &Kwargs, function: &str, names: &[&str]) -> TeraResult<()> {
    for (key, _) in k.iter() {
        let key = key.to_string();
        if !names.contains(&key.as_str()) {
            let mut msg = crate::msg!(Msg::ArgumentTakes, function, key, names.join(", "));
            if let Some(n) = crate::diagnostic::nearest(&key, names.iter().copied()) {
                msg = crate::msg!(Msg::ArgumentDidYouMean, function, key, n);
            }
            return Err(err(msg));
        }
    }
    Ok(())
}

/// A whole-number argument; the error names the function and argument.
fn count(k: &Kwargs, function: &str, name: &str) -> TeraResult<Option<usize>> {
    let wrong = || {
        err(crate::msg!(
            Msg::ArgNotCount,
            function,
            name,
            format!("{name}=3")
        ))
    };
    match k.get::<i64>(name).map_err(|_| wrong())? {
        Some(n) if n >= 1 => Ok(Some(n as usize)),
        Some(_) => Err(wrong()),
        None => Ok(None),
    }
}

/// A list argument (`metrics=["received"]`).
fn list(k: &Kwargs, function: &str, name: &str) -> TeraResult<Vec<String>> {
    k.get::<Vec<String>>(name)
        .map(Option::unwrap_or_default)
        .map_err(|_| {
            err(crate::msg!(
                Msg::ArgNotList,
                function,
                name,
                format!("{name}=[\"received\"]")
            ))
        })
}

/// A text argument (`title="…"`).
fn text(k: &Kwargs, function: &str, name: &str) -> TeraResult<Option<String>> {
    k.get::<String>(name).map_err(|_| {
        err(crate::msg!(
            Msg::ArgNotText,
            function,
            name,
            format!("{name}=\"…\"")
        ))
    })
}

/// `period=` as text, whether written "2023" or 2023.
fn period_arg(k: &Kwargs) -> TeraResult<Option<String>> {
    Ok(k.get::<Value>("period")?.map(|v| {
        v.as_str()
            .map(str::to_string)
            .or_else(|| v.as_i64().map(|n| n.to_string()))
            .unwrap_or_default()
    }))
}

fn chart_context(s: &Shared) -> chart::Context<'_> {
    let scope = scope();
    chart::Context {
        catalogue: &s.catalogue,
        figures: &s.figures,
        units: &s.units,
        page_unit: scope.unit,
        page_period: scope.period,
        words: &s.words,
        style: &s.style,
    }
}

fn record_from_args<'a>(s: &'a Shared, k: &Kwargs) -> TeraResult<&'a Figure> {
    let scope = scope();
    let page_unit = scope.unit.map(|u| u.0);
    let page_period = scope.period.map(|p| p.id());
    let unit = match k.get::<&str>("unit")? {
        Some(u) => u.to_string(),
        None => page_unit.ok_or_else(|| err(Msg::PageHasNoUnit))?,
    };
    let period_text = match k.get::<Value>("period")? {
        Some(v) => v
            .as_str()
            .map(str::to_string)
            .or_else(|| v.as_i64().map(|n| n.to_string()))
            .unwrap_or_default(),
        None => page_period.ok_or_else(|| err(Msg::PageHasNoPeriod))?,
    };
    let unit_id = UnitId(unit.clone());
    if !s.units.contains_key(&unit_id) {
        let (_, hint) = crate::model::unknown_unit(&unit, &s.units);
        return Err(err(crate::msg!(Msg::UnknownUnitHint, unit, hint)));
    }
    let period = Period::parse(&period_text)
        .map_err(|why| err(crate::msg!(Msg::BadPeriod, period_text, why)))?;
    s.figures.get(&unit_id, &period).ok_or_else(|| {
        let list = |ids: &[UnitId]| s.style.list(&names(s, ids));
        // The unit was checked above.
        match s.units.get(&unit_id) {
            Some(u) => err(crate::data::no_figure(&s.figures, u, &period, &list)),
            None => err(crate::msg!(Msg::NoRecordFor, unit, period.id())),
        }
    })
}

/// Where a template came from, to turn Tera's positions into file positions.
pub struct Source<'a> {
    /// File path for messages.
    pub path: &'a std::path::Path,
    /// The whole file's text.
    pub file_text: &'a str,
    /// 1-based line of the file where the template text starts.
    pub first_line: usize,
    /// Characters before the template text on its first line (`summary: "`).
    pub first_col: usize,
    /// The template text.
    pub template: &'a str,
    /// The page's unit and period, for messages about `data` and `prev`.
    pub unit: Option<&'a UnitId>,
    /// The page's period.
    pub period: Option<&'a Period>,
    /// The page's own record, if it exists.
    pub data: Option<&'a Figure>,
    /// The cùng kỳ record, if it exists.
    pub prev: Option<&'a Figure>,
    /// Every figure: to say why `data` or `prev` has none, when a merged
    /// unit's period lacks a part.
    pub figures: Option<&'a Figures>,
}

/// Every `data.key` / `prev.key` in an expression, with its byte offset.
fn references(stmt: &str) -> Vec<(usize, &'static str, &str)> {
    let mut out = Vec::new();
    for var in ["data", "prev"] {
        let pat = format!("{var}.");
        let mut from = 0;
        while let Some(i) = stmt[from..].find(&pat).map(|i| i + from) {
            let boundary = stmt[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            let rest = &stmt[i + pat.len()..];
            let key = &rest[..rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len())];
            if boundary && !key.is_empty() {
                out.push((i, var, key));
            }
            from = i + pat.len();
        }
    }
    out.sort();
    out
}

/// Turns a Tera error into a diagnostic in the source file's coordinates,
/// naming the metric key when the fault is `data.<key>` or `prev.<key>`.
/// `exceeded` is the bound the render went over, if that is why it failed.
pub fn diagnose(
    e: &tera::Error,
    exceeded: Option<tera::limits::Exceeded>,
    src: &Source<'_>,
    catalogue: &Catalogue,
) -> Diagnostic {
    let span = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            Some(r.span().clone())
        }
        _ => None,
    };
    let (message, hint) = cause(e, exceeded);
    let mut d = Diagnostic::error(message.clone()).file(src.path);
    let Some(span) = span else {
        // Add-time errors (unknown function or filter) carry the position
        // only in their text: "--> name:line:col".
        if let Some((line, col)) = position_in_report(&e.to_string()) {
            let col = if line <= 1 { col + src.first_col } else { col };
            d = d.at(src.file_text, src.first_line + line - 1, col);
        }
        return d.hint(hint.unwrap_or_else(|| hint_for(&message)));
    };
    let (expr, line, col) = locate(&span, src);
    d = d.at(src.file_text, line, col).len(expr.chars().count());
    if let Some(explained) = explain_reference(&d, &expr, &message, src, catalogue) {
        return explained;
    }
    d.hint(hint.unwrap_or_else(|| hint_for(&message)))
}

/// The expression a Tera error points at, and its line and column in the
/// file: the whole dotted path, and in `data.a + data.b` the reference
/// that has no value.
fn locate(span: &tera::Span, src: &Source<'_>) -> (String, usize, usize) {
    // Tera's span may cover only `data` of `data.visits`: read the whole
    // dotted path from the template text.
    let from = src.template.get(span.range.start..).unwrap_or("");
    let path_len = from
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(from.len());
    let snippet = src.template.get(span.range.clone()).unwrap_or("");
    let mut expr = if path_len > snippet.len() {
        from[..path_len].to_string()
    } else {
        snippet.trim().to_string()
    };
    // "Field `x` is not defined" points at `x` alone: put back what precedes it.
    let before = src.template.get(..span.range.start).unwrap_or("");
    let mut col = span.start_col + 1;
    for var in ["data.", "prev."] {
        if before.ends_with(var) {
            expr = format!("{var}{expr}");
            col = col.saturating_sub(var.len());
        }
    }
    // In `data.a + data.b` name the reference that has no value, not
    // merely the first one.
    let stmt = &from[..from
        .find("}}")
        .or_else(|| from.find("%}"))
        .unwrap_or(from.len())];
    let lacking = references(stmt).into_iter().find(|(_, var, key)| {
        let record = if *var == "data" { src.data } else { src.prev };
        record.is_none_or(|f| f.get(key).is_none())
    });
    if let Some((off, var, key)) =
        lacking.filter(|(off, ..)| *off > 0 && !stmt[..*off].contains('\n'))
    {
        expr = format!("{var}.{key}");
        col += stmt[..off].chars().count();
    }
    let line = src.first_line + span.start_line.saturating_sub(1);
    if span.start_line <= 1 {
        col += src.first_col;
    }
    (expr, line, col)
}

/// For a fault at `data.key` / `prev.key`: the message that says which
/// metric and why it has no value, and its hint.
fn explain_reference(
    d: &Diagnostic,
    expr: &str,
    message: &Msg,
    src: &Source<'_>,
    catalogue: &Catalogue,
) -> Option<Diagnostic> {
    let mut d = d.clone();
    // `data.key` / `prev.key`: say which metric and why it has no value.
    // Tera names an undefined field: "Field `x` is not defined".
    let field = match message {
        Msg::FieldNotDefined(crate::messages::Text::Plain(f), _) => Some(f.as_str()),
        _ => None,
    };
    let attr = field.unwrap_or("");
    for (var, record) in [
        ("data", Part::ArticleRecord),
        ("prev", Part::SamePeriodRecord),
    ] {
        let key = expr
            .strip_prefix(var)
            .and_then(|r| r.strip_prefix('.'))
            .map(|k| {
                k.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .next()
                    .unwrap_or(k)
            })
            .or_else(|| (expr == var && field.is_some()).then_some(attr))
            // In `data.a + data.b` Tera names the undefined field itself.
            .map(|k| {
                if field.is_some() && expr.starts_with(var) {
                    attr
                } else {
                    k
                }
            });
        let Some(key) = key.filter(|k| !k.is_empty()) else {
            continue;
        };
        let who = match (src.unit, src.period) {
            (Some(u), Some(p)) => crate::msg!(Part::UnitAndPeriod, u, p.id()),
            _ => Part::ThisArticle,
        };
        let used = format!("{var}.{key}");
        if src.unit.is_none() || src.period.is_none() {
            let missing = match (src.unit, src.period) {
                (None, None) => Part::NoUnitPeriod,
                (None, _) => Part::NoUnit,
                _ => Part::NoPeriod,
            };
            d.message = crate::msg!(Msg::ArticleLacksScope, used, missing);
            return Some(d.hint(Hint::SetUnitPeriodFront));
        }
        // A merged unit's period before it was formed, or straddling that
        // day: say which part has no record.
        let merged_part = |period: Option<Period>| {
            let (figures, unit, period) = (src.figures?, src.unit?, period?);
            let unit = figures.units.get(unit)?;
            let list = |ids: &[UnitId]| {
                let names: Vec<&str> = ids
                    .iter()
                    .map(|u| {
                        figures
                            .units
                            .get(u)
                            .map_or(u.0.as_str(), |u| u.name.as_str())
                    })
                    .collect();
                names.join(", ")
            };
            Some(crate::data::no_figure(figures, unit, &period, &list))
                .filter(|m| !matches!(m, Msg::NoRecordFor(..)))
        };
        let missing = match var {
            "data" if src.data.is_none() => merged_part(src.period.copied()),
            "prev" if src.prev.is_none() => merged_part(src.period.map(Period::same_period)),
            _ => None,
        };
        if let Some(why) = missing {
            d.message = crate::msg!(Msg::UsedButNoMergedRecord, used, why);
            return Some(d.hint(Hint::AddMergedParts));
        }
        if var == "data" && src.data.is_none() {
            d.message = crate::msg!(Msg::NoRecordForArticle, used, who);
            return Some(d.hint(Hint::AddRecordContentDataCorrect));
        }
        if var == "prev" && src.prev.is_none() {
            let p = src.period.map(|p| p.same_period().id()).unwrap_or_default();
            let unit = src.unit.map(|u| u.0.as_str()).unwrap_or("");
            d.message = crate::msg!(Msg::NoSamePeriodRecord, used, unit, p);
            return Some(d.hint(Hint::AddRecordContentDataRemove));
        }
        if catalogue.get(key).is_none() {
            d.message = crate::msg!(Msg::UnknownMetricKey, key);
            return Some(d.hint(match catalogue.suggest(key) {
                Some(s) => crate::msg!(Hint::DidYouMean, s),
                None => Hint::UseKeyMetricCatalogueSee,
            }));
        }
        d.message = crate::msg!(Msg::NoValueInRecord, key, record, who);
        return Some(d.hint(crate::msg!(Hint::AddRecordContentData, key)));
    }
    None
}

/// The hint for a template error that brings none of its own.
fn hint_for(message: &Msg) -> Hint {
    match message {
        Msg::TooManySteps(_) | Msg::TextTooLong(_) | Msg::OutputTooLong(_) => Hint::TemplateBounded,
        Msg::UnknownFunction(_) => {
            crate::msg!(Hint::FunctionsArgumentsNamedMetric, FUNCTIONS.join(", "))
        }
        Msg::UnknownFilter(_) => crate::msg!(Hint::FiltersAre, FILTERS.join(", ")),
        Msg::UnknownMetricKeyDidYouMean(..)
        | Msg::UnknownUnitHint(..)
        | Msg::UnknownUnit(..)
        | Msg::NoValueFor(..)
        | Msg::NoRecordFor(..)
        | Msg::BadPeriod(..) => Hint::CheckKeyUnitPeriod,
        Msg::NoEarlierRecord(..) => Hint::AddEarlierRecordContent,
        Msg::NoStraddleRecord(..) | Msg::NoPredecessorRecord(..) => Hint::AddMergedParts,
        Msg::UnknownChartKind(..)
        | Msg::ChartKind(..)
        | Msg::ChartNeedsKind(..)
        | Msg::KpisArgs(..)
        | Msg::TableArgs(..)
        | Msg::ArgNotCount(..)
        | Msg::ArgNotList(..)
        | Msg::ArgNotText(..)
        | Msg::ArgumentDidYouMean(..)
        | Msg::ArgumentTakes(..) => Hint::ChartKindsTheirArguments,
        Msg::FoundButExpected(..) => Hint::FunctionsTakeNamedArguments,
        _ => Hint::TeraSyntaxDataReceived,
    }
}

fn position_in_report(report: &str) -> Option<(usize, usize)> {
    let arrow = report
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = arrow.rsplitn(3, ':');
    let col = parts.next()?.trim().parse().ok()?;
    let line = parts.next()?.trim().parse().ok()?;
    Some((line, col))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::compute;
    use crate::model::Level;

    fn shared() -> Arc<Shared> {
        let cat = Catalogue::builtin();
        let rec = |p: &str, received: f64, online: f64| {
            crate::data::record(
                "lao-cai",
                p,
                &[
                    ("received", received),
                    ("online_rate", online),
                    ("visits", received / 2.0),
                    ("procedures", online.round()),
                    ("online_payment_amount", received * 100.0),
                    ("docs_incoming", received / 4.0),
                ],
            )
        };
        let (figures, _) = compute(
            vec![rec("2023", 83786.0, 54.76), rec("2022", 66204.0, 42.46)],
            &cat,
        );
        let units = [(
            UnitId("lao-cai".into()),
            Unit {
                id: UnitId("lao-cai".into()),
                name: "Lào Cai".into(),
                short: None,
                parent: None,
                level: Level::Center,
                since: None,
                until: None,
                merged_from: Vec::new(),
            },
        )]
        .into();
        Arc::new(Shared {
            catalogue: cat,
            figures,
            units,
            words: crate::theme::Theme::builtin().words("vi"),
            style: format::Style::vi(),
        })
    }

    fn render(src: &str) -> Result<String, String> {
        let sh = shared();
        let mut t = Tera::new();
        register(&mut t, &Live::new(&sh));
        t.add_raw_template("t", src).map_err(|e| e.to_string())?;
        let mut ctx = tera::Context::new();
        ctx.insert("unit", &serde_json::json!({"id": "lao-cai"}));
        ctx.insert("period", &serde_json::json!({"id": "2023"}));
        ctx.insert(
            "data",
            &serde_json::json!({"received": 83786, "online_rate": 54.76}),
        );
        let scope = Scope {
            unit: Some(UnitId("lao-cai".into())),
            period: Period::parse("2023").ok(),
        };
        with_scope(scope, || t.render("t", &ctx)).map_err(|e| {
            let d = diagnose(
                &e,
                None,
                &Source {
                    path: "a.md".as_ref(),
                    file_text: src,
                    first_line: 1,
                    first_col: 0,
                    template: src,
                    unit: None,
                    period: None,
                    data: None,
                    prev: None,
                    figures: None,
                },
                &sh.catalogue,
            );
            d.message.en()
        })
    }

    #[test]
    fn filters_and_functions() {
        assert_eq!(
            render("{{ data.received | num }} {{ data.online_rate | pct }} {{ 4700000 | vnd }}")
                .unwrap(),
            "83.786 54,76% 4,7 triệu đồng"
        );
        assert_eq!(render("{{ 93.1 | pct(decimals=2) }}").unwrap(), "93,10%");
        assert_eq!(
            render("{{ \"2023-10-26T07:00:00+07:00\" | date(format=\"full\") }}").unwrap(),
            "Thứ Năm, 26/10/2023 | 07:00 GMT+7"
        );
        assert_eq!(
            render("{{ compare(key=\"received\") }}").unwrap(),
            "tăng 17.582 hồ sơ (+26,56%) so với cùng kỳ"
        );
        assert_eq!(
            render("{{ compare(key=\"online_rate\") }}").unwrap(),
            "tăng 12,3 điểm phần trăm so với cùng kỳ"
        );
        // The metric's own word for its unit.
        assert_eq!(
            render("{{ compare(key=\"visits\") }}").unwrap(),
            "tăng 8.791 lượt (+26,56%) so với cùng kỳ"
        );
        assert_eq!(
            render("{{ compare(key=\"procedures\") }}").unwrap(),
            "tăng 13 thủ tục (+30,95%) so với cùng kỳ"
        );
        assert_eq!(
            render("{{ compare(key=\"docs_incoming\") }}").unwrap(),
            "tăng 4.395,5 văn bản (+26,56%) so với cùng kỳ"
        );
        assert_eq!(
            render("{{ compare(key=\"online_payment_amount\") }}").unwrap(),
            "tăng 1,76 triệu đồng (+26,56%) so với cùng kỳ"
        );
        assert_eq!(
            render("{{ metric(key=\"received\", unit=\"lao-cai\", period=\"2022\") | num }}")
                .unwrap(),
            "66.204"
        );
        assert_eq!(
            render("{{ metric(key=\"received\", period=2022) | num }}").unwrap(),
            "66.204"
        );
        assert_eq!(
            render("{{ label(key=\"online_rate\") }}").unwrap(),
            "Tỷ lệ hồ sơ trực tuyến"
        );
        assert_eq!(render("{% raw %}{{ x }}{% endraw %}").unwrap(), "{{ x }}");
    }

    #[test]
    fn the_registry_installs_every_listed_name() {
        for f in FILTERS {
            let src = format!("{{{{ 1 | {f} }}}}");
            let mut t = Tera::new();
            register(&mut t, &Live::new(&shared()));
            assert!(t.add_raw_template("t", &src).is_ok(), "filter {f}");
        }
        for f in FUNCTIONS {
            let mut t = Tera::new();
            register(&mut t, &Live::new(&shared()));
            assert!(
                t.add_raw_template("t", &format!("{{{{ {f}(key=\"x\") }}}}"))
                    .is_ok(),
                "function {f}"
            );
        }
    }

    #[test]
    fn function_errors_name_the_key() {
        assert!(
            render("{{ metric(key=\"recieved\") }}")
                .unwrap_err()
                .contains("did you mean `received`?")
        );
        assert!(
            render("{{ metric(key=\"digital_accounts\") }}")
                .unwrap_err()
                .contains("`digital_accounts` has no value for unit `lao-cai`")
        );
        assert!(
            render("{{ compare(key=\"received\", period=\"2022\", against=\"previous\") }}")
                .unwrap_err()
                .contains("năm 2021")
        );
        assert!(
            render("{{ metric(key=\"received\", unit=\"lao-ca\") }}")
                .unwrap_err()
                .contains("did you mean `lao-cai`?")
        );
        assert!(
            render("{{ metric(key=\"received\", period=\"2023-Q9\") }}")
                .unwrap_err()
                .contains("bad period")
        );
    }
}
