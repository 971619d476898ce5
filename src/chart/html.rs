//! The HTML around charts and the figure cards and tables: one line each
//! (no blank lines, so Markdown passes them through untouched), every text
//! escaped.

use std::fmt::Write as _;

use super::{Chart, Data, Kpi, share_text, shares};
use crate::theme::Words;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The interface words a chart's figure shows, and only those: with the
/// chart's model, all its bytes depend on (`chart()` memoises on both).
#[derive(Clone, Copy, Debug)]
pub struct FigureWords<'a> {
    source: &'a str,
    chart_table: &'a str,
    col_value: &'a str,
    col_share: &'a str,
    chart_own_unit: &'a str,
    total: &'a str,
}

impl<'a> FigureWords<'a> {
    /// The figure's words in a language.
    pub fn new(words: &'a Words) -> FigureWords<'a> {
        FigureWords {
            source: words.get("source"),
            chart_table: words.get("chart_table"),
            col_value: words.get("col_value"),
            col_share: words.get("col_share"),
            chart_own_unit: words.get("chart_own_unit"),
            total: words.get("total"),
        }
    }

    /// Every word (a field added is a compile error here until it is
    /// listed, so the memo's key has it).
    pub fn all(&self) -> [&'a str; 6] {
        let FigureWords {
            source,
            chart_table,
            col_value,
            col_share,
            chart_own_unit,
            total,
        } = *self;
        [
            source,
            chart_table,
            col_value,
            col_share,
            chart_own_unit,
            total,
        ]
    }
}

/// A chart as `<figure>`: the caption first (title and period), the wide
/// and the narrow drawing (the page's CSS shows one), the source, and the
/// same numbers in a table for those who cannot see the chart. The caption
/// is the figure's first child, as HTML requires, and names the figure.
pub fn figure(chart: &Chart, wide: &str, narrow: &str, words: &Words) -> String {
    figure_in(chart, wide, narrow, &FigureWords::new(words))
}

/// [`figure`] with its words picked already.
pub fn figure_in(chart: &Chart, wide: &str, narrow: &str, words: &FigureWords<'_>) -> String {
    let mut out = String::with_capacity(wide.len() + narrow.len() + 1024);
    let _ = write!(
        out,
        "<figure class=\"bc-chart bc-chart--{}\"><figcaption class=\"bc-chart__caption\"><span class=\"bc-chart__title\">{}</span> <span class=\"bc-chart__period\">{}</span></figcaption>{wide}{narrow}",
        chart.kind.name(),
        escape(&chart.title),
        escape(&chart.period)
    );
    if let Some(source) = &chart.source {
        let _ = write!(
            out,
            "<p class=\"bc-chart__source\">{}: {}</p>",
            escape(words.source),
            escape(source)
        );
    }
    if let Some(note) = &chart.note {
        out.push_str(&note_in("bc-chart__note", note));
    }
    let _ = write!(
        out,
        "<details class=\"bc-chart__data\"><summary>{}</summary>",
        escape(words.chart_table)
    );
    out.push_str(&scroller(&chart.title, &data_table(chart, words)));
    out.push_str("</details></figure>");
    out
}

/// A table in a box that scrolls sideways when the table is wider than
/// the column (a phone): a named region that takes keyboard focus, so it
/// can be scrolled without a mouse; the theme shades the edge that hides
/// more columns. `label` names the region (the table's caption); `table`
/// is the table's HTML, already escaped.
pub fn scroller(label: &str, table: &str) -> String {
    format!(
        "<div class=\"bc-table-wrap\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">{table}</div>",
        escape(label)
    )
}

fn data_table(chart: &Chart, words: &FigureWords<'_>) -> String {
    let mut t = String::from("<table class=\"bc-table\">");
    let _ = write!(t, "<caption>{}</caption>", escape(&chart.title));
    let head = |t: &mut String, cols: &[&str]| {
        t.push_str("<thead><tr>");
        for (n, c) in cols.iter().enumerate() {
            let class = if n == 0 { "" } else { " class=\"bc-num\"" };
            let _ = write!(t, "<th scope=\"col\"{class}>{}</th>", escape(c));
        }
        t.push_str("</tr></thead><tbody>");
    };
    let row = |t: &mut String, label: &str, cells: &[String]| {
        let _ = write!(t, "<tr><th scope=\"row\">{}</th>", escape(label));
        for c in cells {
            let _ = write!(t, "<td class=\"bc-num\">{}</td>", escape(c));
        }
        t.push_str("</tr>");
    };
    match &chart.data {
        Data::Bars { items, highlight } => {
            head(&mut t, &[&chart.row_header, words.col_value]);
            for (n, i) in items.iter().enumerate() {
                // The article's own unit, said in words as well as in bold.
                let label = if *highlight == Some(n) {
                    format!("{} ({})", i.long, words.chart_own_unit)
                } else {
                    i.long.clone()
                };
                row(&mut t, &label, std::slice::from_ref(&i.shown));
            }
        }
        Data::Line { items, .. } => {
            head(&mut t, &[&chart.row_header, words.col_value]);
            for i in items {
                row(&mut t, &i.long, std::slice::from_ref(&i.shown));
            }
        }
        Data::Shares { items, total, .. } => {
            head(
                &mut t,
                &[&chart.row_header, words.col_value, words.col_share],
            );
            // The shares as the chart writes them: one precision.
            let d = chart.share_decimals();
            for (i, share) in items.iter().zip(shares(items.iter().map(|i| i.value))) {
                row(
                    &mut t,
                    &i.label,
                    &[i.shown.clone(), share_text(&chart.style, share, d)],
                );
            }
            row(
                &mut t,
                words.total,
                &[total.clone(), share_text(&chart.style, 1.0, d)],
            );
        }
        Data::Stacks { legend, stacks, .. } => {
            let cols: Vec<&str> = std::iter::once(chart.row_header.as_str())
                .chain(legend.iter().map(String::as_str))
                .collect();
            head(&mut t, &cols);
            let d = chart.share_decimals();
            for s in stacks {
                let cells: Vec<String> = s
                    .parts
                    .iter()
                    .zip(shares(s.parts.iter().map(|p| p.value)))
                    .map(|(p, share)| {
                        format!("{} ({})", p.shown, share_text(&chart.style, share, d))
                    })
                    .collect();
                row(&mut t, &s.label, &cells);
            }
        }
    }
    t.push_str("</tbody></table>");
    t
}

/// Figure cards: label, value, and the change against cùng kỳ in words
/// with an arrow; the colour (good or bad news) is never the only signal.
pub fn kpis(cards: &[Kpi], period: &str, unit: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"bc-kpis\" role=\"group\" aria-label=\"{}, {}\">",
        escape(unit),
        escape(period)
    );
    for k in cards {
        let modifier = match &k.change {
            Some(c) if c.direction == std::cmp::Ordering::Equal => " bc-kpi--flat",
            Some(c) if c.good => " bc-kpi--good",
            Some(_) => " bc-kpi--bad",
            None => "",
        };
        let _ = write!(
            out,
            "<div class=\"bc-kpi{modifier}\"><p class=\"bc-kpi__label\">{}</p><p class=\"bc-kpi__value\">{}</p>",
            escape(&k.label),
            escape(&k.shown)
        );
        if let Some(c) = &k.change {
            let arrow = match c.direction {
                std::cmp::Ordering::Greater => "▲",
                std::cmp::Ordering::Less => "▼",
                std::cmp::Ordering::Equal => "■",
            };
            let _ = write!(
                out,
                "<p class=\"bc-kpi__change\"><span class=\"bc-kpi__arrow\" aria-hidden=\"true\">{arrow}</span> {}</p>",
                escape(&c.text)
            );
        }
        out.push_str("</div>");
    }
    out.push_str("</div>");
    out
}

/// A note under a table: what some of its figures are.
pub fn note(text: &str) -> String {
    note_in("bc-table__note", text)
}

fn note_in(class: &str, text: &str) -> String {
    format!("<p class=\"{class}\">{}</p>", escape(text))
}

/// The mark of a table row whose figures a note below explains.
pub const NOTE_MARK: &str = "*";

/// A data table: rows with a label and formatted numbers, right-aligned;
/// a row whose `marked` is true carries [`NOTE_MARK`] after its label.
pub fn table(
    row_header: &str,
    headers: &[String],
    rows: &[(String, Vec<String>)],
    marked: &[bool],
    caption: &str,
) -> String {
    let mut t = String::from("<table class=\"bc-table\">");
    if !caption.is_empty() {
        let _ = write!(t, "<caption>{}</caption>", escape(caption));
    }
    let _ = write!(
        t,
        "<thead><tr><th scope=\"col\">{}</th>",
        escape(row_header)
    );
    for h in headers {
        let _ = write!(t, "<th scope=\"col\" class=\"bc-num\">{}</th>", escape(h));
    }
    t.push_str("</tr></thead><tbody>");
    for (i, (label, cells)) in rows.iter().enumerate() {
        let mark = if marked.get(i).copied().unwrap_or(false) {
            format!("<sup class=\"bc-note-mark\">{NOTE_MARK}</sup>")
        } else {
            String::new()
        };
        let _ = write!(t, "<tr><th scope=\"row\">{}{mark}</th>", escape(label));
        for c in cells {
            let _ = write!(t, "<td class=\"bc-num\">{}</td>", escape(c));
        }
        t.push_str("</tr>");
    }
    t.push_str("</tbody></table>");
    let label = if caption.is_empty() {
        row_header
    } else {
        caption
    };
    scroller(label, &t)
}
