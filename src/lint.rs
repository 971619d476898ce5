//! The lint of hand-typed figures (SPEC §6): numbers typed literally in an
//! article's prose — its Markdown body and summary, outside template
//! expressions and code — that are figures of its records, or contradict
//! them, and dates that cannot exist. Pure: a document, its records, the
//! catalogue and the interface words in, warnings out.
//!
//! What is reported, literal by literal:
//! - a count, an amount or a rate equal to a figure of the article's record,
//!   its cùng kỳ record or (same period) another unit's record, rounded or
//!   cut to the decimals it is written with → the expression to write;
//! - a rate after a metric's words (its label, short label or aliases, in
//!   the same sentence, with no other figure between) that disagrees with
//!   that metric's value — unless the words name the count just before it
//!   (a share), or set the rate apart (`cao hơn mức …`, `so với`, `từ …
//!   lên …`), or the sentence states a target (`phấn đấu`, `mục tiêu`);
//! - a change said as one (`tăng …`, `giảm …`, `+…%`) of the metric its
//!   sentence names that disagrees with the change against cùng kỳ (or kỳ
//!   trước when said), or the change of a rate written in % when it is that
//!   many percentage points;
//! - a date that cannot exist (`32/10/2023`, `29/02/2023`, `tháng 13/11/2020`).
//!
//! Never figures: years, day/month numbers, list numbers, codes
//! (`14/CT-TTg`, `9001:2015`), numbers with a leading zero, numbers under
//! 100 without `%` or a unit word, and under 1.000 without one unless
//! right after their metric's words. Without a metric's words, a whole
//! rate (`82%`) is a figure only when equal to it, and 0% and 100% never.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::data::{Catalogue, Figure, Figures, MetricDef, MetricUnit, Period};
use crate::diagnostic::Diagnostic;
use crate::format::{self, Against, ChangeStyle, Style};
use crate::messages::{Hint, Msg, Part};
use crate::model::{Document, Site};
use crate::theme::Words;

/// Rates whose sum is 100 by their formulas (`resolved` is the sum of
/// early, on-time and late dossiers): when a record gives one, the other
/// is known. Used to find a contradiction beside the other's words, never
/// to claim a typed figure.
const COMPLEMENTS: [(&str, &str); 2] =
    [("on_time_rate", "late_rate"), ("late_rate", "on_time_rate")];

/// Words that make a number approximate, folded: what follows is a bound
/// or an estimate, not the figure itself.
const OVER: [&[&str]; 5] = [
    &["tren"],
    &["hon"],
    &["it", "nhat"],
    &["toi", "thieu"],
    &["vuot"],
];
const UNDER: [&[&str]; 4] = [
    &["duoi"],
    &["chua", "den"],
    &["khong", "qua"],
    &["toi", "da"],
];
const ABOUT: [&[&str]; 5] = [&["gan"], &["khoang"], &["xap", "xi"], &["uoc"], &["chung"]];

/// How far from a number, in bytes, its words are looked for.
const REACH: usize = 400;

/// Words that count things besides the catalogue's nouns, folded.
const MORE_UNIT_WORDS: [&str; 6] = ["tthc", "cong dan", "nguoi", "luot", "ho so", "thu tuc"];

/// The lint of one site: its catalogue's words, built once.
pub struct Lint<'a> {
    catalogue: &'a Catalogue,
    words: &'a Words,
    style: Style,
    /// Every metric's words, folded: label, short label, aliases, and the
    /// same without leading generic words (`tỷ lệ`, `hồ sơ`, `số`…); with
    /// how many words are left when every generic word is dropped.
    phrases: Vec<(usize, Vec<String>, usize)>,
    /// Phrases by their first word.
    by_first: HashMap<String, Vec<usize>>,
    /// Metrics in catalogue order.
    metrics: Vec<&'a MetricDef>,
    /// Words after a count: `hồ sơ`, `văn bản`, `TTHC`…, folded.
    unit_words: Vec<Vec<String>>,
    up: Vec<String>,
    down: Vec<String>,
}

/// The records a document's figures are compared with.
#[derive(Clone, Debug, Default)]
pub struct Records<'a> {
    /// The document's own record.
    pub data: Option<&'a Figure>,
    /// Its cùng kỳ record.
    pub prev: Option<&'a Figure>,
    /// Its kỳ trước record.
    pub previous: Option<&'a Figure>,
    /// Other units' records of the same period.
    pub others: Vec<&'a Figure>,
}

impl<'a> Records<'a> {
    /// The records of a document's unit and period.
    pub fn of(doc: &Document, figures: &'a Figures) -> Records<'a> {
        let Some(period) = doc.front.period else {
            return Records::default();
        };
        let unit = doc.front.unit.as_ref();
        let get = |p: Period| unit.and_then(|u| figures.get(u, &p));
        Records {
            data: get(period),
            prev: get(period.same_period()),
            previous: get(period.previous()),
            others: figures
                .records
                .values()
                .filter(|f| f.period == period && Some(&f.unit) != unit)
                .collect(),
        }
    }
}

/// One warning found in a text: its byte range there, message and hint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Bytes of the text the literal covers.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: Msg,
    /// What to write instead.
    pub hint: Hint,
}

/// Lints every article and page the build publishes (drafts only with
/// `drafts`), except those whose front matter says `lint: false`.
pub fn site(site: &Site, figures: &Figures, drafts: bool) -> Vec<Diagnostic> {
    let words = site.theme.words(site.config.language.code());
    use rayon::prelude::*;
    let lint = Lint::new(&site.catalogue, &words);
    // Documents in parallel, their findings in file order.
    let docs: Vec<&Document> = site
        .articles
        .iter()
        .chain(&site.pages)
        .filter(|d| drafts || !d.front.draft)
        .collect();
    docs.par_iter()
        .flat_map_iter(|d| lint.document(d, figures))
        .collect()
}

impl<'a> Lint<'a> {
    /// The lint for a catalogue, numbers written in `words`' style.
    pub fn new(catalogue: &'a Catalogue, words: &'a Words) -> Lint<'a> {
        let metrics: Vec<&MetricDef> = catalogue.iter().collect();
        let mut phrases = Vec::new();
        for (i, def) in metrics.iter().enumerate() {
            let names = [def.label.as_str(), def.short.as_str()]
                .into_iter()
                .chain(def.aliases.iter().map(String::as_str));
            for name in names {
                // `Đúng và trước hạn (%)`: the brackets are not words.
                let name = name.split('(').next().unwrap_or(name);
                let mut all = vec![fold_words(name)];
                while let Some(rest) = strip_generic(&all[all.len() - 1]) {
                    all.push(rest);
                }
                let core = all[all.len() - 1].len();
                for ws in all.into_iter().filter(|ws| ws.len() >= 2) {
                    phrases.push((i, ws, core));
                }
            }
        }
        phrases.sort();
        phrases.dedup();
        let mut unit_words: Vec<Vec<String>> = metrics
            .iter()
            .flat_map(|d| [d.noun.as_str(), d.unit.default_noun()])
            .chain(MORE_UNIT_WORDS)
            .filter(|n| *n != MetricUnit::Percent.default_noun())
            .map(fold_words)
            .filter(|w| !w.is_empty())
            .collect();
        unit_words.sort();
        unit_words.dedup();
        // `thủ tục`, `hồ sơ`: the noun a figure counts in names no metric.
        phrases.retain(|(_, ws, _)| !unit_words.contains(ws));
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (_, ws, _)) in phrases.iter().enumerate() {
            by_first.entry(ws[0].clone()).or_default().push(i);
        }
        let style = words.style();
        Lint {
            catalogue,
            words,
            up: fold_words(&style.up),
            down: fold_words(&style.down),
            style,
            phrases,
            by_first,
            metrics,
            unit_words,
        }
    }

    /// The warnings of one document, located in its file.
    pub fn document(&self, doc: &Document, figures: &Figures) -> Vec<Diagnostic> {
        if doc.front.lint_off {
            return Vec::new();
        }
        let records = Records::of(doc, figures);
        let mut out = Vec::new();
        let body_at = doc.text.len() - doc.body.len();
        for f in self.text(&doc.body, &records) {
            out.push(diagnose(f, doc, body_at));
        }
        if let Some(summary) = &doc.front.summary {
            for f in self.text(summary, &records) {
                let at = summary_offset(doc, summary, &f.span);
                out.push(diagnose_at(f, doc, at));
            }
        }
        out
    }

    /// The warnings of one template text (a body or a summary).
    pub fn text(&self, text: &str, records: &Records<'_>) -> Vec<Finding> {
        let prose = Prose::new(text);
        let scan = Scan::new(self, &prose);
        let mut out = Vec::new();
        for lit in &scan.literals {
            match &lit.kind {
                Kind::Date(problem) => out.push(Finding {
                    span: lit.span.clone(),
                    message: crate::msg!(Msg::DateCannotExist, &text[lit.span.clone()], problem.0),
                    hint: problem.1.clone(),
                }),
                Kind::Figure(fig) => {
                    if let Some(f) = self.figure(text, &scan, lit, fig, records) {
                        out.push(f);
                    }
                }
            }
        }
        out
    }

    /// The warning about one typed figure, if any.
    fn figure(
        &self,
        text: &str,
        scan: &Scan<'_>,
        lit: &Literal,
        fig: &Fig,
        records: &Records<'_>,
    ) -> Option<Finding> {
        let written = &text[lit.span.clone()];
        if fig.change.is_some() {
            return self.change(written, scan, lit, fig, records);
        }
        match fig.unit {
            Unit::Percent => self.rate(written, scan, lit, fig, records),
            Unit::Points => self.change(written, scan, lit, fig, records),
            Unit::Count | Unit::Bare | Unit::Money(_) => {
                let context = scan.metric_before(lit, Want::Count, self).map(|n| n.def);
                let (def, found, value) = self.equal_figure(fig, records, context)?;
                // `120 đại biểu`: a number under 1.000 with no unit word is
                // a figure only after its metric's words.
                if fig.unit == Unit::Bare
                    && fig.value < 1000.0
                    && context.is_none_or(|c| c.key != def.key)
                {
                    return None;
                }
                Some(self.typed(lit, written, def, &found, value, fig))
            }
        }
    }

    /// A rate: equal to a figure, or disagreeing with the metric its words
    /// name.
    fn rate(
        &self,
        written: &str,
        scan: &Scan<'_>,
        lit: &Literal,
        fig: &Fig,
        records: &Records<'_>,
    ) -> Option<Finding> {
        let before = scan
            .metric_before(lit, Want::Rate, self)
            .filter(|n| n.def.unit == MetricUnit::Percent);
        // Compared with the data only when the metric's words come first,
        // name the rate itself (not the count just before it: `1.638 hồ sơ
        // đúng hạn, chiếm 15,14%` is a share) and nothing sets it apart
        // (`cao hơn mức …`, `từ … lên …`, a target).
        let comparable = before.as_ref().is_some_and(|n| {
            !n.after_count && !scan.sets_apart(n.span.end, lit) && !scan.aims(lit)
        });
        let named = before.or_else(|| scan.metric_after(lit, self));
        let Some(Named { def, words, .. }) = named else {
            let (def, found, value) = self.equal_figure(fig, records, None)?;
            return Some(self.typed(lit, written, def, &found, value, fig));
        };
        let key = def.key.as_str();
        let own = records.data.and_then(|r| r.get(key));
        let implied = own.is_none().then(|| self.implied(key, records)).flatten();
        if let Some(v) = own.filter(|v| fig.matches(*v)) {
            return Some(self.typed(lit, written, def, &Found::Data, v, fig));
        }
        for other in &records.others {
            if let Some(v) = other.get(key).filter(|v| fig.matches(*v)) {
                let found = Found::Other(other.unit.0.clone(), other.period);
                return Some(self.typed(lit, written, def, &found, v, fig));
            }
        }
        if let Some(v) = records
            .prev
            .and_then(|r| r.get(key))
            .filter(|v| fig.matches(*v))
        {
            let period = records.prev.map(|r| r.period)?;
            return Some(self.typed(lit, written, def, &Found::Prev(period), v, fig));
        }
        let (value, expr) = match (own, implied) {
            (Some(v), _) => (v, format!("data.{key}")),
            (None, Some((v, other))) => (v, format!("(100 - data.{other})")),
            (None, None) => {
                let (def, found, value) = self.equal_figure(fig, records, None)?;
                return Some(self.typed(lit, written, def, &found, value, fig));
            }
        };
        if fig.agrees(value) || !comparable {
            return None;
        }
        let shown = format::pct_in(&self.style, value, None);
        Some(Finding {
            span: lit.span.clone(),
            message: crate::msg!(Msg::RateDisagrees, written, words, key, def.label, shown),
            hint: crate::msg!(
                Hint::CheckFigureOrExpression,
                expression(&expr, "pct", None)
            ),
        })
    }

    /// `on_time_rate` from `late_rate` (and back) when only one is given.
    fn implied(&self, key: &str, records: &Records<'_>) -> Option<(f64, &'static str)> {
        let data = records.data?;
        COMPLEMENTS
            .iter()
            .filter(|(k, _)| *k == key)
            .find_map(|(_, other)| {
                let both_rates = [key, other].iter().all(|k| {
                    self.catalogue
                        .get(k)
                        .is_some_and(|d| d.unit == MetricUnit::Percent)
                });
                both_rates
                    .then(|| data.get(other).map(|v| (100.0 - v, *other)))
                    .flatten()
            })
    }

    /// A change: compared with the change of the metric its sentence
    /// names, against cùng kỳ (or kỳ trước when the sentence says so).
    fn change(
        &self,
        written: &str,
        scan: &Scan<'_>,
        lit: &Literal,
        fig: &Fig,
        records: &Records<'_>,
    ) -> Option<Finding> {
        let against = if scan.says_previous(lit) {
            Against::Previous
        } else {
            Against::SamePeriod
        };
        let data = records.data?;
        let earlier = match against {
            Against::SamePeriod => records.prev?,
            Against::Previous => records.previous?,
        };
        let percent_like = matches!(fig.unit, Unit::Percent | Unit::Points);
        let named = scan.metric_in_sentence(lit, Want::Change(percent_like), self);
        let both = |def: &MetricDef| {
            let k = def.key.as_str();
            Some((data.get(k)?, earlier.get(k)?))
        };
        let typed = |def: &MetricDef, now: f64, before: f64| Finding {
            span: lit.span.clone(),
            message: crate::msg!(
                Msg::FigureTypedByHand,
                written,
                crate::msg!(
                    Part::ChangeOfMetric,
                    def.key,
                    def.label,
                    self.change_sentence(def, now, before, against)
                )
            ),
            hint: crate::msg!(Hint::WriteExpressionFollows, compare_expr(def, against)),
        };
        let Some((def, (now, before))) = named.and_then(|n| Some((n.def, both(n.def)?))) else {
            // No metric named, or no figures for it: the change of any
            // metric it equals.
            return self.metrics.iter().find_map(|def| {
                let (now, before) = both(def)?;
                (change_fits(fig, def, now, before) && fig.direction_fits(now - before))
                    .then(|| typed(def, now, before))
            });
        };
        // Only a change said as one (`tăng`, `giảm`, a sign) against a
        // baseline the sentence names as cùng kỳ or kỳ trước is compared.
        let unsure =
            fig.qualified() || fig.change.is_none() || scan.aims(lit) || scan.other_baseline(lit);
        let disagrees = || Finding {
            span: lit.span.clone(),
            message: crate::msg!(
                Msg::ChangeDisagrees,
                written,
                def.key,
                def.label,
                self.change_sentence(def, now, before, against)
            ),
            hint: crate::msg!(Hint::CheckFigureOrExpression, compare_expr(def, against)),
        };
        let in_points = || {
            let pct = |v: f64| format::pct_in(&self.style, v, None);
            let points = format::num_in(&self.style, (now - before).abs(), None);
            Finding {
                span: lit.span.clone(),
                message: crate::msg!(
                    Msg::RateChangeInPercent,
                    written,
                    def.key,
                    def.label,
                    pct(before),
                    pct(now),
                    points
                ),
                hint: crate::msg!(Hint::WriteChangeInPoints, compare_expr(def, against)),
            }
        };
        match judge_change(fig, def, now, before, unsure)? {
            Verdict::Typed => Some(typed(def, now, before)),
            Verdict::InPoints => Some(in_points()),
            Verdict::Disagrees => Some(disagrees()),
        }
    }

    /// The change sentence baocao would write for `def` from `before` to
    /// `now`, as `compare()` does.
    fn change_sentence(&self, def: &MetricDef, now: f64, before: f64, against: Against) -> String {
        let style = match def.unit {
            MetricUnit::Percent => ChangeStyle::Points,
            MetricUnit::Vnd => ChangeStyle::Money,
            _ => ChangeStyle::Count(&def.noun),
        };
        format::change_in(&self.style, now, before, style, against)
    }

    /// The first figure a literal equals: the article's record, then the
    /// cùng kỳ record, then other units' records of the period (those only
    /// when the literal is precise: decimals, or a whole figure). Among
    /// several metrics of one record, the one the context names.
    fn equal_figure(
        &self,
        fig: &Fig,
        records: &Records<'_>,
        context: Option<&MetricDef>,
    ) -> Option<(&'a MetricDef, Found, f64)> {
        // 0% and 100% say "none" and "all" far more often than they quote
        // a rate.
        if fig.unit == Unit::Percent && (fig.value == 0.0 || fig.value == 100.0) {
            return None;
        }
        let loose = !(fig.unit == Unit::Percent && fig.decimals == 0 && context.is_none());
        let fits_unit = |def: &MetricDef| match fig.unit {
            Unit::Percent => def.unit == MetricUnit::Percent,
            Unit::Money(_) => def.unit == MetricUnit::Vnd,
            Unit::Count | Unit::Bare => is_countable(def.unit),
            Unit::Points => false,
        };
        let in_record = |rec: &Figure| -> Option<(&'a MetricDef, f64)> {
            let hits: Vec<(&'a MetricDef, f64)> = self
                .metrics
                .iter()
                .filter(|d| fits_unit(d))
                .filter_map(|d| rec.get(d.key.as_str()).map(|v| (*d, v)))
                .filter(|(_, v)| {
                    // Without a metric's words, `3%` is any rate from 2,5
                    // to 4: a whole rate is only the figure it equals.
                    if loose {
                        fig.matches(*v)
                    } else {
                        Fig::same(*v, fig.value)
                    }
                })
                .collect();
            hits.iter()
                .find(|(d, _)| context.is_some_and(|c| c.key == d.key))
                .or(hits.first())
                .copied()
        };
        if let Some((d, v)) = records.data.and_then(in_record) {
            return Some((d, Found::Data, v));
        }
        if let Some(prev) = records.prev {
            if let Some((d, v)) = in_record(prev) {
                return Some((d, Found::Prev(prev.period), v));
            }
        }
        let precise = fig.decimals > 0 || fig.unit != Unit::Percent;
        if precise {
            for other in &records.others {
                if let Some((d, v)) = in_record(other) {
                    return Some((d, Found::Other(other.unit.0.clone(), other.period), v));
                }
            }
        }
        None
    }

    /// "`10.551 hồ sơ` is typed by hand: it is …", with the expression.
    fn typed(
        &self,
        lit: &Literal,
        written: &str,
        def: &MetricDef,
        found: &Found,
        value: f64,
        fig: &Fig,
    ) -> Finding {
        let key = def.key.as_str();
        let (filter, shown) = match def.unit {
            MetricUnit::Percent => ("pct", format::pct_in(&self.style, value, None)),
            MetricUnit::Vnd => ("vnd", format::vnd_in(&self.style, value)),
            _ => ("num", format::num_in(&self.style, value, None)),
        };
        // `93,1%` for 93.05: the filter is told the decimals written.
        let decimals = (def.unit == MetricUnit::Percent
            && !Fig::same(round_to(value, 2), fig.value))
        .then_some(fig.decimals);
        let (what, expr) = match found {
            Found::Data => (
                crate::msg!(Part::FigureOfRecord, key, def.label, shown),
                format!("data.{key}"),
            ),
            Found::Prev(p) => (
                crate::msg!(
                    Part::FigureOfSamePeriod,
                    key,
                    def.label,
                    self.words.period(p),
                    shown
                ),
                format!("prev.{key}"),
            ),
            Found::Other(unit, p) => (
                crate::msg!(
                    Part::FigureOfUnit,
                    key,
                    def.label,
                    unit,
                    self.words.period(p),
                    shown
                ),
                format!(
                    "metric(key=\"{key}\", unit=\"{unit}\", period=\"{}\")",
                    p.id()
                ),
            ),
        };
        Finding {
            span: lit.span.clone(),
            message: crate::msg!(Msg::FigureTypedByHand, written, what),
            hint: crate::msg!(
                Hint::WriteExpressionFollows,
                expression(&expr, filter, decimals)
            ),
        }
    }
}

/// Which record a figure was found in.
#[derive(Clone, Debug)]
enum Found {
    Data,
    Prev(Period),
    Other(String, Period),
}

/// `{{ data.received | num }}`, `{{ x | pct(decimals=1) }}`.
fn expression(value: &str, filter: &str, decimals: Option<usize>) -> String {
    match decimals {
        Some(d) => format!("{{{{ {value} | {filter}(decimals={d}) }}}}"),
        None => format!("{{{{ {value} | {filter} }}}}"),
    }
}

/// Counts of things: dossiers, people, documents, procedures.
fn is_countable(unit: MetricUnit) -> bool {
    matches!(
        unit,
        MetricUnit::Count | MetricUnit::People | MetricUnit::Documents | MetricUnit::Procedures
    )
}

/// Drops a leading generic word from a folded name: `tỷ lệ`, `hồ sơ`…
fn strip_generic(ws: &[String]) -> Option<Vec<String>> {
    const GENERIC: [&[&str]; 8] = [
        &["ty", "le"],
        &["tong", "so"],
        &["so"],
        &["ho", "so"],
        &["muc", "do"],
        &["chi", "so"],
        &["giai", "quyet"],
        &["da"],
    ];
    GENERIC.iter().find_map(|g| {
        (ws.len() > g.len() && ws.iter().zip(g.iter()).all(|(a, b)| a == b))
            .then(|| ws[g.len()..].to_vec())
    })
}

/// Folded words of a name, with the spellings of one word made one:
/// `tỉ lệ` is `tỷ lệ`, `đúng hẹn` is `đúng hạn`.
fn fold_words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in crate::text::fold(s).split(' ').filter(|w| !w.is_empty()) {
        out.push(w.to_string());
    }
    normalize(&mut out);
    out
}

fn normalize(words: &mut [String]) {
    for i in 0..words.len() {
        let before = i.checked_sub(1).map(|j| words[j].clone());
        let after = words.get(i + 1).cloned();
        let w = &mut words[i];
        if w == "hen"
            && before
                .as_deref()
                .is_some_and(|b| matches!(b, "dung" | "som" | "tre" | "qua" | "truoc"))
        {
            *w = "han".into();
        }
        if w == "ti" && after.as_deref() == Some("le") {
            *w = "ty".into();
        }
    }
}

/// The day and month checks of a written date: the message's clause and
/// the hint.
#[derive(Clone, Debug)]
struct DateProblem(Part, Hint);

/// What a number is written as.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    /// `82,34%`, `82 phần trăm`.
    Percent,
    /// `12,3 điểm phần trăm`.
    Points,
    /// `4,7 triệu đồng`: the multiplier of the written number.
    Money(f64),
    /// `10.551 hồ sơ`.
    Count,
    /// A number alone.
    Bare,
}

/// How a number is qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Qualifier {
    Over,
    Under,
    About,
}

/// A typed figure.
#[derive(Clone, Debug)]
struct Fig {
    /// The number as written, times its multiplier (`4,7 triệu` → 4.7e6).
    value: f64,
    /// The written number before the multiplier.
    written: f64,
    /// Decimals written.
    decimals: usize,
    unit: Unit,
    qualifier: Option<Qualifier>,
    /// `tăng` (true) / `giảm` (false), or a sign.
    change: Option<bool>,
}

impl Fig {
    fn same(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    fn multiplier(&self) -> f64 {
        match self.unit {
            Unit::Money(m) => m,
            _ => 1.0,
        }
    }

    /// The written number is `v` rounded or cut to its decimals.
    fn matches(&self, v: f64) -> bool {
        let v = v / self.multiplier();
        let scale = 10f64.powi(self.decimals as i32);
        let rounded = (v * scale).round() / scale;
        let cut = (v * scale + 1e-7).trunc() / scale;
        // A whole count is exact.
        if matches!(self.unit, Unit::Count | Unit::Bare) {
            return Fig::same(v, self.written);
        }
        Fig::same(rounded, self.written) || Fig::same(cut, self.written)
    }

    /// The number says "about", "over" or "under".
    fn qualified(&self) -> bool {
        self.qualifier.is_some()
    }

    /// A rate consistent with `v`: equal at its decimals, or on the right
    /// side of its bound.
    fn agrees(&self, v: f64) -> bool {
        match self.qualifier {
            None => self.matches(v),
            Some(Qualifier::Over) => v + 1e-9 >= self.value,
            Some(Qualifier::Under) => v <= self.value + 1e-9,
            Some(Qualifier::About) => (v - self.value).abs() <= 1.0,
        }
    }

    /// `tăng` for a rise, `giảm` for a fall.
    fn direction_fits(&self, diff: f64) -> bool {
        match self.change {
            Some(true) => diff >= 0.0,
            Some(false) => diff <= 0.0,
            None => true,
        }
    }
}

#[derive(Clone, Debug)]
enum Kind {
    Figure(Fig),
    Date(DateProblem),
}

/// A number found in the prose.
#[derive(Clone, Debug)]
struct Literal {
    /// Bytes of the text, the `%` or unit word included.
    span: Range<usize>,
    /// Bytes of the number alone.
    number: Range<usize>,
    kind: Kind,
}

/// The prose of a template text: the same bytes, with everything that is
/// not prose (template tags, code, link targets, HTML, Markdown marks)
/// blanked out, and the blocks (paragraphs, items, cells) it is made of.
struct Prose {
    text: String,
    /// `{{ … }}` expressions: figures of their own.
    expressions: Vec<Range<usize>>,
    /// Paragraphs, headings, list items and table cells.
    blocks: Vec<Range<usize>>,
    /// For each byte, the innermost block holding it (an index in
    /// `blocks`), or `u32::MAX`.
    block_at: Vec<u32>,
    /// Bytes that end a sentence, in order.
    ends: Vec<usize>,
}

/// Replaces every character of `range` but line breaks by spaces, keeping
/// byte offsets.
fn blank(bytes: &mut [u8], text: &str, range: Range<usize>) {
    for (i, c) in text[range.clone()].char_indices() {
        if c != '\n' {
            let at = range.start + i;
            for b in &mut bytes[at..at + c.len_utf8()] {
                *b = b' ';
            }
        }
    }
}

impl Prose {
    fn new(text: &str) -> Prose {
        let mut bytes = text.as_bytes().to_vec();
        let mut expressions = Vec::new();
        let mut from = 0;
        while let Some(i) = text[from..].find('{').map(|i| i + from) {
            let closer = match text[i + 1..].chars().next() {
                Some('{') => "}}",
                Some('%') => "%}",
                Some('#') => "#}",
                _ => {
                    from = i + 1;
                    continue;
                }
            };
            let close = text[i + 2..].find(closer).map(|j| i + 2 + j);
            let mut end = close.map_or(text.len(), |j| j + 2);
            let inner = text[i + 2..close.unwrap_or(text.len())]
                .trim_matches(|c: char| c == '-' || c.is_whitespace());
            if closer == "%}" && inner == "raw" {
                // What `{% raw %}` shows is written for the reader, but
                // it is there to show template marks: left out whole.
                end = text[end..]
                    .find("endraw")
                    .and_then(|j| text[end + j..].find("%}").map(|k| end + j + k + 2))
                    .unwrap_or(text.len());
            }
            blank(&mut bytes, text, i..end);
            if closer == "}}" {
                expressions.push(i..end);
            }
            from = end.max(i + 1);
        }
        // The blanked text is the same length, in whole characters.
        let masked = String::from_utf8(bytes).unwrap_or_else(|_| " ".repeat(text.len()));
        let mut keep = vec![false; masked.len()];
        let mut blocks = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut code = 0usize;
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_HEADING_ATTRIBUTES;
        for (event, range) in Parser::new_ext(&masked, options).into_offset_iter() {
            match event {
                Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => {
                    code += 1;
                }
                Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {
                    code = code.saturating_sub(1);
                }
                Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell) => {
                    open.push(range.start)
                }
                Event::End(
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
                ) => {
                    if let Some(start) = open.pop() {
                        blocks.push(start..range.end);
                    }
                }
                Event::Text(_) if code == 0 => {
                    for k in &mut keep[range] {
                        *k = true;
                    }
                }
                _ => {}
            }
        }
        let mut bytes = masked.clone().into_bytes();
        let mut i = 0;
        while i < keep.len() {
            if keep[i] {
                i += 1;
                continue;
            }
            let start = i;
            while i < keep.len() && !keep[i] {
                i += 1;
            }
            // Only whole characters: a range ends on a boundary.
            let (mut s, mut e) = (start, i);
            while s > 0 && !masked.is_char_boundary(s) {
                s -= 1;
            }
            while e < masked.len() && !masked.is_char_boundary(e) {
                e += 1;
            }
            blank(&mut bytes, &masked, s..e);
        }
        let text = String::from_utf8(bytes).unwrap_or_else(|_| " ".repeat(text.len()));
        blocks.sort_by_key(|b| (b.start, std::cmp::Reverse(b.end)));
        // One sweep: blocks nest, so the innermost open one holds a byte.
        let mut block_at = vec![u32::MAX; text.len() + 1];
        let mut open: Vec<usize> = Vec::new();
        let mut next = 0;
        for (at, slot) in block_at.iter_mut().enumerate() {
            while open.last().is_some_and(|&b| blocks[b].end <= at) {
                open.pop();
            }
            while next < blocks.len() && blocks[next].start <= at {
                if blocks[next].end > at {
                    open.push(next);
                }
                next += 1;
            }
            if let Some(&b) = open.last() {
                *slot = u32::try_from(b).unwrap_or(u32::MAX);
            }
        }
        let ends = (0..text.len())
            .filter(|&i| is_sentence_end(text.as_bytes(), i))
            .collect();
        Prose {
            text,
            expressions,
            blocks,
            block_at,
            ends,
        }
    }

    /// The innermost block around a byte.
    fn block(&self, at: usize) -> Range<usize> {
        self.block_at
            .get(at)
            .and_then(|&b| self.blocks.get(b as usize))
            .cloned()
            .unwrap_or(0..self.text.len())
    }
}

/// What kind of metric a number's words are looked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    /// A rate's: only rates.
    Rate,
    /// A count's: any metric, counts first.
    Count,
    /// A change's: any metric, rates first when it is in % or points.
    Change(bool),
}

/// The metric a number's words name.
#[derive(Clone, Debug)]
struct Named<'c> {
    def: &'c MetricDef,
    /// The words as written.
    words: String,
    /// Where they are.
    span: Range<usize>,
    /// They follow a count or an amount in the same sentence.
    after_count: bool,
}

/// A metric's name found in the prose.
#[derive(Clone, Debug)]
struct Mention {
    /// Index in the catalogue.
    metric: usize,
    span: Range<usize>,
    /// Words of the name.
    words: usize,
    /// Words of the name without generic words.
    core: usize,
}

/// A folded word of the prose and its bytes.
#[derive(Clone, Debug)]
struct Word {
    text: String,
    span: Range<usize>,
}

/// The prose read: words, numbers and where sentences end.
struct Scan<'p> {
    prose: &'p Prose,
    words: Vec<Word>,
    literals: Vec<Literal>,
    /// Figures and expressions, where a rate's context stops; true for a
    /// count or an amount (a rate after it may be its share).
    cuts: Vec<(Range<usize>, bool)>,
    /// Metric phrases found: metric index, bytes.
    mentions: Vec<Mention>,
}

impl<'p> Scan<'p> {
    fn new(lint: &Lint<'_>, prose: &'p Prose) -> Scan<'p> {
        let words = words_of(&prose.text);
        let mut scan = Scan {
            prose,
            words,
            literals: Vec::new(),
            cuts: prose
                .expressions
                .iter()
                .map(|e| (e.clone(), false))
                .collect(),
            mentions: Vec::new(),
        };
        scan.find_mentions(lint);
        scan.find_numbers(lint);
        scan.cuts.sort_by_key(|c| c.0.start);
        scan
    }

    /// Every metric name in the prose, in order.
    fn find_mentions(&mut self, lint: &Lint<'_>) {
        for i in 0..self.words.len() {
            let Some(candidates) = lint.by_first.get(&self.words[i].text) else {
                continue;
            };
            for &p in candidates {
                let (metric, phrase, core) = &lint.phrases[p];
                if self.words_at(i, phrase) {
                    let span = self.words[i].span.start..self.words[i + phrase.len() - 1].span.end;
                    self.mentions.push(Mention {
                        metric: *metric,
                        span,
                        words: phrase.len(),
                        core: *core,
                    });
                }
            }
        }
    }

    /// Whether the words from `i` on are `phrase`, inside one block.
    fn words_at(&self, i: usize, phrase: &[String]) -> bool {
        i + phrase.len() <= self.words.len()
            && self.words[i..i + phrase.len()]
                .iter()
                .zip(phrase)
                .all(|(w, p)| &w.text == p)
    }

    /// The index of the first word starting at or after `at`.
    fn word_from(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.start < at)
    }

    /// The words right before byte `at`, nearest last, only across blanks.
    fn words_before(&self, at: usize, n: usize) -> Vec<&str> {
        let end = self.word_from(at);
        let mut out = Vec::new();
        let mut limit = at;
        for w in self.words[..end].iter().rev().take(n) {
            if !self.prose.text[w.span.end..limit].trim().is_empty() {
                break;
            }
            out.push(w.text.as_str());
            limit = w.span.start;
        }
        out.reverse();
        out
    }

    /// Byte where the sentence holding `at` starts, within its block and
    /// at most [`REACH`] bytes back (words further away name nothing).
    fn sentence_start(&self, at: usize) -> usize {
        let block = self.prose.block(at);
        let ends = &self.prose.ends;
        let k = ends.partition_point(|&e| e < at);
        let start = match k.checked_sub(1).map(|j| ends[j]) {
            Some(e) if e >= block.start => e + 1,
            _ => block.start,
        };
        let mut near = at.saturating_sub(REACH).max(start);
        while !self.prose.text.is_char_boundary(near) {
            near += 1;
        }
        near
    }

    /// Byte where the sentence holding `at` ends, within its block and at
    /// most [`REACH`] bytes on.
    fn sentence_end(&self, at: usize) -> usize {
        let block = self.prose.block(at);
        let ends = &self.prose.ends;
        let k = ends.partition_point(|&e| e < at);
        let end = match ends.get(k) {
            Some(&e) if e < block.end => e,
            _ => block.end,
        };
        let mut near = end.min(at + REACH).max(at).min(self.prose.text.len());
        while !self.prose.text.is_char_boundary(near) {
            near -= 1;
        }
        near
    }

    /// The metric named nearest before `lit` (a rate's own context: back
    /// to the previous figure or the sentence's start).
    fn metric_before<'c>(&self, lit: &Literal, want: Want, lint: &Lint<'c>) -> Option<Named<'c>> {
        let start = lit.span.start;
        let mut from = self.sentence_start(start);
        let mut after_count = false;
        let k = self.cuts.partition_point(|c| c.0.end <= start);
        if let Some((c, counted)) = k.checked_sub(1).map(|j| &self.cuts[j]) {
            if c.end > from {
                from = c.end;
                after_count = *counted;
            }
        }
        self.named(from..start, want, lint)
            .map(|n| Named { after_count, ..n })
    }

    /// The metric named after a rate, up to the next figure, comma or
    /// sentence end: `97% người dân hài lòng`.
    fn metric_after<'c>(&self, lit: &Literal, lint: &Lint<'c>) -> Option<Named<'c>> {
        let from = lit.span.end;
        let mut to = self.sentence_end(from).max(from);
        if let Some(comma) = self.prose.text[from..to].find(',') {
            to = from + comma;
        }
        let k = self.cuts.partition_point(|c| c.0.start < from);
        if let Some((c, _)) = self.cuts.get(k) {
            to = to.min(c.start.max(from));
        }
        self.named(from..to, Want::Rate, lint)
    }

    /// The metric a change's sentence names, nearest before it.
    fn metric_in_sentence<'c>(
        &self,
        lit: &Literal,
        want: Want,
        lint: &Lint<'c>,
    ) -> Option<Named<'c>> {
        let start = lit.span.start;
        self.named(self.sentence_start(start)..start, want, lint)
    }

    /// The metric named last in `range` (then: the longest name, then a
    /// rate for a rate). A rate is the last rate named, unless a count's
    /// name that is longer once generic words are dropped ends there too:
    /// `thanh toán trực tuyến` is not `trực tuyến`, while `tỷ lệ hồ sơ
    /// giải quyết đúng hạn` is `đúng hạn`.
    fn named<'c>(&self, range: Range<usize>, want: Want, lint: &Lint<'c>) -> Option<Named<'c>> {
        let first = self
            .mentions
            .partition_point(|m| m.span.start < range.start);
        let inside = || {
            self.mentions[first..]
                .iter()
                .take_while(|m| m.span.start < range.end)
                .filter(|m| m.span.end <= range.end)
        };
        let is_rate = |m: &Mention| lint.metrics[m.metric].unit == MetricUnit::Percent;
        let prefer_rate = matches!(want, Want::Rate | Want::Change(true));
        let best = inside()
            .filter(|m| want != Want::Rate || is_rate(m))
            .max_by_key(|m| {
                (
                    m.span.end,
                    m.words,
                    is_rate(m) == prefer_rate,
                    std::cmp::Reverse(m.metric),
                )
            })?;
        let shadowed =
            inside().any(|m| !is_rate(m) && m.span.end == best.span.end && m.core > best.words);
        if want == Want::Rate && shadowed {
            return None;
        }
        Some(Named {
            def: lint.metrics[best.metric],
            words: self.prose.text[best.span.clone()].to_string(),
            span: best.span.clone(),
            after_count: false,
        })
    }

    /// The sentence is about a target (`phấn đấu`, `mục tiêu`, `kế hoạch`
    /// …), not a result: its rates are not compared with the data.
    fn aims(&self, lit: &Literal) -> bool {
        const AIMS: [[&str; 2]; 7] = [
            ["phan", "dau"],
            ["muc", "tieu"],
            ["ke", "hoach"],
            ["chi", "tieu"],
            ["de", "ra"],
            ["yeu", "cau"],
            ["nghi", "quyet"],
        ];
        let start = self.sentence_start(lit.span.start);
        let end = self.sentence_end(lit.span.end);
        let (a, b) = (self.word_from(start), self.word_from(end));
        self.words[a..b.max(a)]
            .windows(2)
            .any(|w| AIMS.iter().any(|p| w[0].text == p[0] && w[1].text == p[1]))
    }

    /// Words between a metric's name (ending at `from`) and a rate that
    /// make the rate another one: a comparison (`cao hơn mức`, `so với`,
    /// `bình quân`) or a starting point (`từ 64,2% lên …`).
    fn sets_apart(&self, from: usize, lit: &Literal) -> bool {
        let (a, b) = (self.word_from(from), self.word_from(lit.span.start));
        let between = &self.words[a..b.max(a)];
        let last = between.last().map(|w| w.text.as_str());
        let pairs = |x: &str, y: &str| between.windows(2).any(|w| w[0].text == x && w[1].text == y);
        // `hơn 90%` right before the rate is a bound, read as one.
        let than = between
            .iter()
            .rev()
            .skip(usize::from(last == Some("hon")))
            .any(|w| w.text == "hon");
        than || last == Some("tu")
            || pairs("so", "voi")
            || pairs("binh", "quan")
            || pairs("trung", "binh")
    }

    /// The sentence compares with something else than cùng kỳ or kỳ
    /// trước (`so với năm 2020`).
    fn other_baseline(&self, lit: &Literal) -> bool {
        let end = self.sentence_end(lit.span.end).max(lit.span.end);
        let (a, b) = (self.word_from(lit.span.end), self.word_from(end));
        let after: Vec<&str> = self.words[a..b.max(a)]
            .iter()
            .map(|w| w.text.as_str())
            .collect();
        let has = |p: &[&str]| after.windows(p.len()).any(|w| w == p);
        has(&["so", "voi"])
            && !(has(&["cung", "ky"])
                || has(&["ky", "truoc"])
                || has(&["nam", "truoc"])
                || has(&["cung", "thoi", "gian"]))
    }

    /// The sentence says the change is against kỳ trước.
    fn says_previous(&self, lit: &Literal) -> bool {
        let end = self.sentence_end(lit.span.end).max(lit.span.end);
        let (a, b) = (self.word_from(lit.span.end), self.word_from(end));
        self.words[a..b]
            .windows(2)
            .any(|w| w[0].text == "ky" && w[1].text == "truoc")
    }

    fn find_numbers(&mut self, lint: &Lint<'_>) {
        let text = self.prose.text.clone();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() || (i > 0 && is_word_byte(&text, i - 1)) {
                // Inside a word (`H2`, `TCVN9001`): skip the whole run.
                if bytes[i].is_ascii_digit() {
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                } else {
                    i += 1;
                }
                continue;
            }
            let start = i;
            // Digits, `/`-separated parts and `.`/`,` groups.
            let mut end = i;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            if end < bytes.len() && bytes[end] == b'/' {
                end = self.date(start, end);
                i = end;
                continue;
            }
            while end + 1 < bytes.len()
                && matches!(bytes[end], b'.' | b',')
                && bytes[end + 1].is_ascii_digit()
            {
                end += 1;
                while end < bytes.len() && bytes[end].is_ascii_digit() {
                    end += 1;
                }
            }
            i = end;
            if let Some(lit) = self.number(lint, start, end) {
                // A number alone under 100 is an ordinal, a count of
                // meetings, a number of a list: never a figure.
                if let Kind::Figure(f) = &lit.kind {
                    if f.unit == Unit::Bare && f.value < 100.0 {
                        continue;
                    }
                    let counted = matches!(f.unit, Unit::Count | Unit::Money(_));
                    self.cuts.push((lit.number.clone(), counted));
                }
                self.literals.push(lit);
            }
        }
    }

    /// A number from `start` to `end`: its value, what follows it and what
    /// precedes it; `None` when it is not a figure (a code, a year, a
    /// list number).
    fn number(&self, lint: &Lint<'_>, start: usize, end: usize) -> Option<Literal> {
        let text = &self.prose.text;
        let raw = &text[start..end];
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        // Codes and times: `9001:2015`, `07:00`, `COVID-19`, `19-8`.
        let next2 = text[end..].chars().nth(1);
        if matches!(before, Some(':' | '-' | '/' | '_'))
            && text[..start.saturating_sub(1)]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        if matches!(after, Some(':' | '-' | '/' | '_')) && next2.is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        // `09`, `0000 000 000`: a leading zero is a code or a phone number.
        if raw.len() > 1 && raw.starts_with('0') && raw.as_bytes()[1].is_ascii_digit() {
            return None;
        }
        // A list number at the start of a line: `11. `, `3) `.
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..start].trim().is_empty() && matches!(after, Some('.' | ')')) {
            return None;
        }
        let (written, decimals) = read_number(raw, &lint.style)?;
        let sign = match before {
            Some('+') => Some(true),
            Some('-' | '−') => Some(false),
            _ => None,
        };
        // What follows: `%`, a unit word, money, points.
        let mut unit = Unit::Bare;
        let mut span_end = end;
        let w = self.word_from(end);
        // The unit word follows in the same paragraph.
        let gap_ok = |k: usize| {
            self.words.get(k).is_some_and(|wd| {
                let gap = &text[span_end..wd.span.start];
                gap.trim().is_empty() && gap.matches('\n').count() <= 1
            })
        };
        let rest = text[end..].trim_start_matches([' ', '\u{a0}']);
        if rest.starts_with('%') {
            unit = Unit::Percent;
            span_end = end + (text[end..].len() - rest.len()) + 1;
        } else if gap_ok(w) {
            let ws: Vec<&str> = self.words[w..(w + 3).min(self.words.len())]
                .iter()
                .map(|x| x.text.as_str())
                .collect();
            let starts = |p: &[&str]| ws.len() >= p.len() && ws[..p.len()] == *p;
            let (u, n) = if starts(&["diem", "phan", "tram"]) {
                (Unit::Points, 3)
            } else if starts(&["phan", "tram"]) {
                (Unit::Percent, 2)
            } else if starts(&["dong"]) {
                (Unit::Money(1.0), 1)
            } else if starts(&["nghin", "dong"]) || starts(&["ngan", "dong"]) {
                (Unit::Money(1e3), 2)
            } else if starts(&["trieu", "dong"]) {
                (Unit::Money(1e6), 2)
            } else if starts(&["ty", "dong"]) {
                (Unit::Money(1e9), 2)
            } else if let Some(u) = lint
                .unit_words
                .iter()
                .filter(|u| starts(&u.iter().map(String::as_str).collect::<Vec<_>>()))
                .max_by_key(|u| u.len())
            {
                (Unit::Count, u.len())
            } else {
                (Unit::Bare, 0)
            };
            unit = u;
            if n > 0 {
                span_end = self.words[w + n - 1].span.end;
            }
        } else if after.is_some_and(char::is_alphabetic) {
            // `3D`, `5G`: part of a name.
            return None;
        }
        // Years are not figures, unless counted (`2023 hồ sơ`).
        let year_like =
            decimals == 0 && !raw.contains(['.', ',']) && (1900.0..=2100.0).contains(&written);
        if unit == Unit::Bare && year_like {
            return None;
        }
        let words = self.words_before(start - usize::from(sign.is_some()), 4);
        let ends = |p: &[&str]| words.len() >= p.len() && words[words.len() - p.len()..] == *p;
        let mut qualifier = None;
        let mut cut = 0;
        for (q, list) in [
            (Qualifier::Over, &OVER[..]),
            (Qualifier::Under, &UNDER[..]),
            (Qualifier::About, &ABOUT[..]),
        ] {
            if let Some(p) = list.iter().find(|p| ends(p)) {
                qualifier = Some(q);
                cut = p.len();
            }
        }
        let head = &words[..words.len() - cut];
        let head_ends = |p: &[String]| {
            !p.is_empty() && head.len() >= p.len() && head[head.len() - p.len()..] == *p
        };
        let them = |p: &[String]| {
            let mut with = p.to_vec();
            with.push("them".into());
            head_ends(p) || head_ends(&with)
        };
        let change = sign.or(if them(&lint.up) {
            Some(true)
        } else if them(&lint.down) {
            Some(false)
        } else {
            None
        });
        let multiplier = match unit {
            Unit::Money(m) => m,
            _ => 1.0,
        };
        Some(Literal {
            span: start - usize::from(sign.is_some())..span_end,
            number: start..end,
            kind: Kind::Figure(Fig {
                value: written * multiplier,
                written,
                decimals,
                unit,
                qualifier,
                change,
            }),
        })
    }

    /// A number followed by `/`: a date, a month, a fraction or a code.
    /// Only dates are checked; returns where the sequence ends.
    fn date(&mut self, start: usize, first_end: usize) -> usize {
        let text = &self.prose.text;
        let bytes = text.as_bytes();
        let mut parts: Vec<Range<usize>> = Vec::new();
        parts.push(start..first_end);
        let mut end = first_end;
        while end + 1 < bytes.len() && bytes[end] == b'/' && bytes[end + 1].is_ascii_digit() {
            let s = end + 1;
            end = s;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            parts.push(s..end);
        }
        // `10/2023/NQ-HĐND`, `14/CT-TTg`, `1/2/3/4`: numbers of documents.
        let after = text[end..].chars().next();
        let code =
            matches!(after, Some('/' | '-' | '_')) || after.is_some_and(char::is_alphanumeric);
        if code || parts.len() > 3 {
            return end;
        }
        let n = |r: &Range<usize>| text[r.clone()].parse::<u32>().unwrap_or(0);
        let len = |r: &Range<usize>| r.end - r.start;
        let before = self.words_before(start, 1);
        let said = before.first().copied().unwrap_or("");
        let month_word = said == "thang";
        let thang_start = || {
            let w = self.word_from(start);
            self.words[w - 1].span.start
        };
        let problem = match parts.as_slice() {
            [d, m, y] if len(d) <= 2 && len(m) <= 2 && matches!(len(y), 2 | 4) => {
                let year = if len(y) == 2 { 2000 + n(y) } else { n(y) };
                if month_word && !(1..=12).contains(&n(d)) {
                    let day = format!(
                        "ngày {}/{}/{}",
                        &text[d.clone()],
                        &text[m.clone()],
                        &text[y.clone()]
                    );
                    let month = format!("tháng {}/{}", &text[m.clone()], &text[y.clone()]);
                    Some((
                        thang_start(),
                        DateProblem(
                            crate::msg!(Part::MonthWordBeforeDate, &text[d.clone()]),
                            crate::msg!(Hint::WriteDayOrMonth, day, month),
                        ),
                    ))
                } else {
                    check_day(n(d), n(m), Some(year)).map(|p| (start, p))
                }
            }
            [m, y] if month_word && len(y) == 4 && len(m) <= 2 => {
                (!(1..=12).contains(&n(m))).then(|| {
                    (
                        thang_start(),
                        DateProblem(
                            crate::msg!(Part::NoSuchMonth, &text[m.clone()]),
                            Hint::DatesDayMonthYear,
                        ),
                    )
                })
            }
            [d, m] if len(d) <= 2 && len(m) <= 2 && (said == "ngay" || month_word) => {
                if month_word && !(1..=12).contains(&n(d)) {
                    let day = format!("ngày {}/{}", &text[d.clone()], &text[m.clone()]);
                    let month = format!("tháng {}", &text[m.clone()]);
                    Some((
                        thang_start(),
                        DateProblem(
                            crate::msg!(Part::MonthWordBeforeDate, &text[d.clone()]),
                            crate::msg!(Hint::WriteDayOrMonth, day, month),
                        ),
                    ))
                } else if said == "ngay" {
                    check_day(n(d), n(m), None).map(|p| (start, p))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some((from, problem)) = problem {
            self.literals.push(Literal {
                span: from..end,
                number: start..end,
                kind: Kind::Date(problem),
            });
        }
        end
    }
}

/// A day and month (and year) that exist, or why not.
fn check_day(day: u32, month: u32, year: Option<u32>) -> Option<DateProblem> {
    if !(1..=12).contains(&month) {
        return Some(DateProblem(
            crate::msg!(Part::NoSuchMonth, month),
            Hint::DatesDayMonthYear,
        ));
    }
    let leap = |y: u32| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match month {
        2 => match year {
            Some(y) if !leap(y) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 29 && month == 2 && days == 28 {
        return Some(DateProblem(
            crate::msg!(Part::NotLeapYear, year.unwrap_or(0)),
            Hint::DatesDayMonthYear,
        ));
    }
    (day == 0 || day > days).then(|| {
        DateProblem(
            crate::msg!(Part::NoSuchDay, month, day),
            Hint::DatesDayMonthYear,
        )
    })
}

/// `.`, `!`, `?` or `;` ending a sentence: followed by a blank or the end,
/// and not between digits.
fn is_sentence_end(bytes: &[u8], i: usize) -> bool {
    matches!(bytes[i], b'.' | b'!' | b'?' | b';')
        && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
}

/// Whether the character ending at byte `i` (inclusive) is a letter.
fn is_word_byte(text: &str, i: usize) -> bool {
    let mut s = i;
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    text[s..].chars().next().is_some_and(char::is_alphabetic)
}

/// The folded words of the prose, split where letters meet digits
/// (`75.633văn bản`).
fn words_of(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    let push = |s: usize, e: usize, out: &mut Vec<Word>| {
        let folded = crate::text::fold(&text[s..e]);
        if !folded.is_empty() {
            out.push(Word {
                text: folded.replace(' ', ""),
                span: s..e,
            });
        }
    };
    for (i, c) in text.char_indices() {
        let kind = if c.is_alphabetic() {
            Some(false)
        } else if c.is_ascii_digit() {
            Some(true)
        } else {
            None
        };
        match (start, kind) {
            (Some((s, d)), Some(k)) if d != k => {
                push(s, i, &mut out);
                start = Some((i, k));
            }
            (None, Some(k)) => start = Some((i, k)),
            (Some((s, _)), None) => {
                push(s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some((s, _)) = start {
        push(s, text.len(), &mut out);
    }
    let mut texts: Vec<String> = out.iter().map(|w| w.text.clone()).collect();
    normalize(&mut texts);
    for (w, t) in out.iter_mut().zip(texts) {
        w.text = t;
    }
    out
}

/// A number as the site writes it (`10.551`, `82,34`, `1.234,5`), or in
/// the other style's decimals when it cannot be thousands (`82.34`): the
/// value and its decimals.
fn read_number(raw: &str, style: &Style) -> Option<(f64, usize)> {
    let (t, d) = (style.thousands.as_str(), style.decimal.as_str());
    let (int, frac) = match raw.split_once(d) {
        Some((i, f)) if !f.contains(d) && !f.contains(t) => (i, Some(f)),
        Some(_) => return None,
        None => (raw, None),
    };
    let groups: Vec<&str> = int.split(t).collect();
    let grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if grouped {
        let digits: String = groups.concat();
        let whole: f64 = digits.parse().ok()?;
        return Some(match frac {
            Some(f) => (format!("{digits}.{f}").parse().ok()?, f.len()),
            None => (whole, 0),
        });
    }
    // `82.34`: a decimal written the other way, never a thousands group.
    if frac.is_none() && groups.len() == 2 {
        return Some((
            format!("{}.{}", groups[0], groups[1]).parse().ok()?,
            groups[1].len(),
        ));
    }
    None
}

/// Rounds half away from zero.
fn round_to(value: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    (value * scale).round() / scale
}

/// A body finding placed in the file.
fn diagnose(f: Finding, doc: &Document, body_at: usize) -> Diagnostic {
    let at = body_at + f.span.start;
    diagnose_at(f, doc, at)
}

fn diagnose_at(f: Finding, doc: &Document, at: usize) -> Diagnostic {
    let at = at.min(doc.text.len());
    let shown = doc
        .text
        .get(at..at + f.span.len())
        .map_or(1, |s| s.chars().count());
    Diagnostic::warning(f.message)
        .file(&doc.path)
        .at_offset(&doc.text, at)
        .len(shown)
        .hint(f.hint)
}

/// Where a summary's byte `span` lies in the file: after `summary: "` on
/// its line when the value is written there as is, else where its text is
/// found in the front matter.
fn summary_offset(doc: &Document, summary: &str, span: &Range<usize>) -> usize {
    let text = &doc.text;
    let line_start: usize = text
        .split_inclusive('\n')
        .take(doc.summary_line.saturating_sub(1))
        .map(str::len)
        .sum();
    let col_bytes: usize = text[line_start..]
        .chars()
        .take(doc.summary_col)
        .map(char::len_utf8)
        .sum();
    let start = line_start + col_bytes;
    if text[start..].starts_with(&summary[..span.end]) {
        return start + span.start;
    }
    let body_at = text.len() - doc.body.len();
    text[line_start.min(body_at)..body_at]
        .find(&summary[span.clone()])
        .map_or(start, |i| line_start.min(body_at) + i)
}

/// What a typed change is, next to the change of the metric it names.
enum Verdict {
    /// It is that change, typed by hand.
    Typed,
    /// A rate's change in points, written as a percentage.
    InPoints,
    /// It says another change than the data.
    Disagrees,
}

/// Judges a typed change of `def` (from `before` to `now`); `None` when it
/// is neither that change nor surely another (`unsure`).
fn judge_change(
    fig: &Fig,
    def: &MetricDef,
    now: f64,
    before: f64,
    unsure: bool,
) -> Option<Verdict> {
    let diff = now - before;
    let relative = (before != 0.0).then(|| diff / before * 100.0);
    let fits = |v: f64| fig.matches(v.abs()) && fig.direction_fits(v);
    let otherwise = || (!unsure).then_some(Verdict::Disagrees);
    match (fig.unit, def.unit) {
        (Unit::Percent, MetricUnit::Percent) => {
            if fits(diff) {
                Some(Verdict::InPoints)
            } else if relative.is_some_and(fits) {
                None
            } else {
                otherwise()
            }
        }
        (Unit::Percent, u) if is_countable(u) || u == MetricUnit::Vnd => {
            if relative.is_some_and(fits) {
                Some(Verdict::Typed)
            } else {
                otherwise()
            }
        }
        (Unit::Points, MetricUnit::Percent) => {
            if fits(diff) {
                Some(Verdict::Typed)
            } else {
                otherwise()
            }
        }
        (Unit::Count | Unit::Money(_), u)
            if (is_countable(u) && fig.unit == Unit::Count)
                || (u == MetricUnit::Vnd && matches!(fig.unit, Unit::Money(_))) =>
        {
            if fits(diff) {
                Some(Verdict::Typed)
            } else {
                otherwise()
            }
        }
        _ => None,
    }
}

/// Whether a typed number, said of no metric, is the size of `def`'s
/// change from `before` to `now`.
fn change_fits(fig: &Fig, def: &MetricDef, now: f64, before: f64) -> bool {
    match (fig.unit, def.unit) {
        (Unit::Points, MetricUnit::Percent) => fig.matches((now - before).abs()),
        (Unit::Count | Unit::Bare, u) if is_countable(u) => fig.matches((now - before).abs()),
        (Unit::Money(_), MetricUnit::Vnd) => fig.matches((now - before).abs()),
        (Unit::Percent, u) if is_countable(u) && before != 0.0 => {
            fig.matches(((now - before) / before * 100.0).abs())
        }
        _ => false,
    }
}

/// The expression that writes `def`'s change: `{{ compare(key="…") }}`.
fn compare_expr(def: &MetricDef, against: Against) -> String {
    let against = match against {
        Against::SamePeriod => String::new(),
        Against::Previous => ", against=\"previous\"".to_string(),
    };
    format!("{{{{ compare(key=\"{}\"{against}) }}}}", def.key)
}

#[cfg(test)]
mod tests;
