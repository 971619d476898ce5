//! Drawing: each chart kind laid out by hand in pixel coordinates of a
//! fixed-width viewBox and written as inline SVG. Text widths are measured
//! with the bundled Noto Sans ([`super::text`]), so Vietnamese labels are
//! placed where they fit; a label that cannot be placed without touching
//! another is left out (the table holds it).
//!
//! Each chart is drawn twice: [`WIDTH`] units wide for a column of at least
//! [`SWITCH`] CSS px, and [`NARROW`] units wide (fewer ticks, the donut's
//! legend under the ring) for a phone. The page shows one by a container
//! query, so chart text is never drawn below 12 CSS px.
//!
//! The SVG is written in its final form: no fixed size (the viewBox
//! scales), a title for assistive technology, the palette's classes the
//! theme can restyle, every text escaped.

use std::fmt::Write as _;

use super::text::{escape_into, fit};
use super::{Chart, Data, Item, Stack, share_text, shares};
use crate::data::MetricUnit;
use crate::format;

pub use super::text::measure;

/// Width of the wide drawing's viewBox; the page scales it to the column.
pub const WIDTH: i32 = 480;
/// Width of the narrow drawing's viewBox, for a phone's column.
pub const NARROW: i32 = 340;
/// The column width (CSS px) below which the page shows the narrow
/// drawing: the wide one is then drawn at 400/480 of its size at least,
/// so its smallest text ([`SMALL`]) is 12.5 px or more.
pub const SWITCH: i32 = 400;
/// The narrowest column a chart is made for (a 320 px phone less its
/// margins): the narrow drawing's smallest text is 12 px or more there.
pub const SMALLEST_COLUMN: i32 = 288;
const PAD: i32 = 8;
/// Labels, values, and small print, in viewBox units: no text is smaller
/// than [`SMALL`], so no text is below 12 CSS px on a phone.
const LABEL: f64 = 18.0;
/// The smallest text of a chart, in viewBox units.
pub const SMALL: f64 = 15.0;

/// A colour, red, green and blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RGBColor(pub u8, pub u8, pub u8);

const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);
const TEXT: RGBColor = RGBColor(0x0b, 0x0c, 0x0c);
const MUTED: RGBColor = RGBColor(0x4c, 0x56, 0x5b);
const GRID: RGBColor = RGBColor(0xd8, 0xdd, 0xe0);
/// Bars of the other units in a comparison (4.6:1 on white).
const OTHER: RGBColor = RGBColor(0x6f, 0x77, 0x7b);
/// The series colours, each at least 3:1 against white; the theme's CSS
/// may restyle them through the `bc-chart__cN` classes (keep a similar
/// lightness: labels on the marks are black or white by this colour).
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0x1d, 0x70, 0xb8),
    RGBColor(0xc3, 0x5a, 0x0b),
    RGBColor(0x00, 0x70, 0x3c),
    RGBColor(0x91, 0x2b, 0x88),
    RGBColor(0xd4, 0x35, 0x1c),
    RGBColor(0x50, 0x5a, 0x5f),
];
/// The palette's warning colour, for parts where less is better.
pub const WARN: usize = 4;

/// Room kept for a number at a chart's edge (a value beside its bar, the
/// axis's ticks, the last point's value, the donut's total): a fifth more
/// than Noto Sans needs, so the number still fits when the reader's
/// browser does not load the theme's font and falls back to a wider one
/// (DejaVu Sans, Debian's default, draws digits about a fifth wider).
const FALLBACK: f64 = 1.2;

/// Width kept for a number at an edge: see [`FALLBACK`].
pub fn reserve(text: &str, size: f64, bold: bool) -> i32 {
    (f64::from(measure(text, size, bold)) * FALLBACK).ceil() as i32
}

/// Black or white, whichever reads better on a colour (WCAG contrast).
fn on(color: RGBColor) -> RGBColor {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(color.0) + 0.7152 * lin(color.1) + 0.0722 * lin(color.2);
    if 1.05 / (l + 0.05) >= 4.5 {
        WHITE
    } else {
        TEXT
    }
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The values of an axis as it shows them, by what the chart measures,
/// all with one precision.
fn ticks(style: &format::Style, scale: MetricUnit, values: &[f64]) -> Vec<String> {
    let texts = super::column(scale, values, style);
    if scale != MetricUnit::Vnd {
        return texts;
    }
    // The axis is money already: the bare number and its size word.
    let unit_word = style.vnd[0].replace("{n}", "");
    texts
        .iter()
        .map(|t| t.replace(unit_word.trim(), "").trim().to_string())
        .collect()
}

/// Where a text's anchor is, across it.
#[derive(Clone, Copy)]
enum HPos {
    Left,
    Right,
    Center,
}

/// Where a text's anchor is, up and down.
#[derive(Clone, Copy)]
enum VPos {
    Top,
    Center,
    Bottom,
}

/// The class a mark of this colour gets, so the theme can restyle it:
/// `attr` is `fill` or `stroke`.
fn class_of(attr: &str, color: RGBColor) -> Option<&'static str> {
    const FILLS: [&str; 6] = [
        "bc-chart__c1",
        "bc-chart__c2",
        "bc-chart__c3",
        "bc-chart__c4",
        "bc-chart__c5",
        "bc-chart__c6",
    ];
    match attr {
        "fill" => PALETTE
            .iter()
            .position(|c| *c == color)
            .map(|n| FILLS[n])
            .or((color == OTHER).then_some("bc-chart__other")),
        _ if color == PALETTE[0] => Some("bc-chart__l1"),
        _ if color == GRID => Some("bc-chart__grid"),
        _ => None,
    }
}

struct Canvas<'a> {
    /// The SVG elements drawn so far.
    out: String,
    /// How numbers are written on the marks.
    style: &'a format::Style,
    /// The viewBox width: [`WIDTH`] or [`NARROW`].
    width: i32,
    /// The viewBox height.
    height: i32,
    /// The decimals of every share on this chart.
    share_decimals: usize,
}

impl Canvas<'_> {
    /// A point moved inside the viewBox, if it was outside.
    fn at(&self, x: i32, y: i32) -> (i32, i32) {
        (x.min(self.width).max(0), y.min(self.height).max(0))
    }

    /// ` fill="#…"` (or `stroke`), after the colour's class if it has one.
    fn paint(&mut self, attr: &str, color: RGBColor) {
        if let Some(class) = class_of(attr, color) {
            let _ = write!(self.out, " class=\"{class}\"");
        }
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        self.out.push(' ');
        self.out.push_str(attr);
        self.out.push_str("=\"#");
        for b in [color.0, color.1, color.2] {
            self.out.push(char::from(HEX[usize::from(b >> 4)]));
            self.out.push(char::from(HEX[usize::from(b & 15)]));
        }
        self.out.push('"');
    }

    /// A text at an anchor (`h`, `v`), its size in whole units; `dy`
    /// moves the baseline so the anchor is the text's top, middle or
    /// bottom.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        s: &str,
        x: i32,
        y: i32,
        size: f64,
        bold: bool,
        color: RGBColor,
        h: HPos,
        v: VPos,
    ) {
        let dy = match v {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let anchor = match h {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let (x, y) = self.at(x, y);
        let _ = write!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-size=\"{}\"",
            size.round() as i64
        );
        self.paint("fill", color);
        if bold {
            self.out.push_str(" font-weight=\"bold\"");
        }
        self.out.push('>');
        escape_into(&mut self.out, s);
        self.out.push_str("</text>");
    }

    fn rect(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, color: RGBColor) {
        let ((x0, y0), (x1, y1)) = (self.at(x0, y0), self.at(x1, y1));
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        let _ = write!(
            self.out,
            "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\"",
            x1 - x0,
            y1 - y0
        );
        self.paint("fill", color);
        self.out.push_str("/>");
    }

    fn line(&mut self, points: &[(i32, i32)], color: RGBColor, width: u32) {
        self.out.push_str("<polyline fill=\"none\"");
        self.paint("stroke", color);
        let _ = write!(self.out, " stroke-width=\"{width}\" points=\"");
        for (x, y) in points {
            let (x, y) = self.at(*x, *y);
            let _ = write!(self.out, "{x},{y} ");
        }
        self.out.push_str("\"/>");
    }

    fn dot(&mut self, x: i32, y: i32, r: u32, color: RGBColor) {
        let (x, y) = self.at(x, y);
        let _ = write!(self.out, "<circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\"");
        self.paint("fill", color);
        self.out.push_str(" stroke-width=\"1\"/>");
    }
}

/// Draws a chart `width` viewBox units wide ([`WIDTH`] or [`NARROW`]);
/// returns the `<svg>` element.
pub fn draw(chart: &Chart, width: i32) -> String {
    let share_decimals = chart.share_decimals();
    let trend = match &chart.data {
        Data::Line { items, x } => {
            Some(TrendLayout::new(items, x, chart.scale, &chart.style, width))
        }
        _ => None,
    };
    let donut_layout = match &chart.data {
        Data::Shares {
            items,
            total,
            total_label,
            ..
        } => Some(DonutLayout::new(
            items,
            total,
            total_label,
            &chart.style,
            share_decimals,
            width,
        )),
        _ => None,
    };
    let stack_layouts: Vec<StackLayout> = match &chart.data {
        Data::Stacks { stacks, .. } => stacks
            .iter()
            .map(|s| StackLayout::new(s, &chart.style, width, share_decimals))
            .collect(),
        _ => Vec::new(),
    };
    let height = match (&chart.data, &trend, &donut_layout) {
        (_, Some(t), _) => t.height,
        (_, _, Some(d)) => d.height,
        (Data::Bars { items, .. }, ..) => {
            PAD * 2 + items.len() as i32 * (LABEL_H + BAR_H + GAP) - GAP
        }
        (Data::Stacks { legend, .. }, ..) => {
            let rows: i32 = stack_layouts
                .iter()
                .map(|s| LABEL_H + BAR_H + s.overflow.len() as i32 * OVERFLOW_LINE + GAP)
                .sum();
            PAD * 2 + legend_lines(legend, width) * LEGEND_LINE + 6 + rows - GAP
        }
        _ => 0,
    };
    let mut c = Canvas {
        out: String::with_capacity(4096),
        style: &chart.style,
        width,
        height,
        share_decimals,
    };
    let mut arcs = String::new();
    match &chart.data {
        Data::Bars { items, highlight } => bars(&mut c, items, *highlight),
        Data::Stacks {
            legend,
            colors,
            stacks,
        } => self::stacks(&mut c, legend, colors, stacks, &stack_layouts),
        Data::Shares {
            items,
            colors,
            total,
            total_label,
        } => {
            if let Some(d) = &donut_layout {
                arcs = donut(&mut c, items, colors, total, total_label, d);
            }
        }
        Data::Line { items, .. } => {
            if let Some(t) = &trend {
                line(&mut c, items, t);
            }
        }
    }
    let variant = if width < WIDTH { "narrow" } else { "wide" };
    finish(&c.out, &chart.title, &arcs, variant, (width, height))
}

const LABEL_H: i32 = 26;
const BAR_H: i32 = 26;
const GAP: i32 = 12;
const LEGEND_LINE: i32 = 26;
/// A line of parts listed under a stacked bar.
const OVERFLOW_LINE: i32 = 24;

fn bars(c: &mut Canvas<'_>, items: &[Item], highlight: Option<usize>) {
    let value_w = items
        .iter()
        .map(|i| reserve(&i.shown, LABEL, true))
        .max()
        .unwrap_or(0)
        + 8;
    let max = items.iter().map(|i| i.value).fold(0.0, f64::max);
    let width = c.width;
    let avail = f64::from(width - 2 * PAD - value_w).max(40.0);
    for (n, item) in items.iter().enumerate() {
        let y = PAD + n as i32 * (LABEL_H + BAR_H + GAP);
        let mine = highlight == Some(n);
        c.text(
            &fit(&item.label, LABEL, mine, width - 2 * PAD),
            PAD,
            y,
            LABEL,
            mine,
            TEXT,
            HPos::Left,
            VPos::Top,
        );
        let by = y + LABEL_H;
        let w = if max > 0.0 && item.value > 0.0 {
            ((item.value / max * avail).round() as i32).max(2)
        } else {
            0
        };
        let color = if highlight.is_some() && !mine {
            OTHER
        } else {
            PALETTE[0]
        };
        if w > 0 {
            c.rect(PAD, by, PAD + w, by + BAR_H, color);
        }
        // A value too long for the room beside its bar goes inside it.
        let vw = reserve(&item.shown, LABEL, true);
        if PAD + w + 6 + vw <= width - 2 {
            c.text(
                &item.shown,
                PAD + w + 6,
                by + BAR_H / 2,
                LABEL,
                true,
                TEXT,
                HPos::Left,
                VPos::Center,
            );
        } else {
            c.text(
                &fit(&item.shown, LABEL, true, w - 8),
                PAD + w - 6,
                by + BAR_H / 2,
                LABEL,
                true,
                on(color),
                HPos::Right,
                VPos::Center,
            );
        }
    }
}

fn legend_width(l: &str) -> i32 {
    18 + measure(l, SMALL, false) + 18
}

fn legend_lines(legend: &[String], width: i32) -> i32 {
    let mut lines = 1;
    let mut x = PAD;
    for l in legend {
        let w = legend_width(l);
        if x + w > width - PAD && x > PAD {
            lines += 1;
            x = PAD;
        }
        x += w;
    }
    lines
}

fn legend(c: &mut Canvas<'_>, legend: &[String], colors: &[usize], y0: i32) {
    let (mut x, mut y) = (PAD, y0);
    for (n, l) in legend.iter().enumerate() {
        let w = legend_width(l);
        if x + w > c.width - PAD && x > PAD {
            x = PAD;
            y += LEGEND_LINE;
        }
        c.rect(
            x,
            y + 4,
            x + 13,
            y + 17,
            PALETTE[colors.get(n).copied().unwrap_or(n) % PALETTE.len()],
        );
        c.text(
            &fit(l, SMALL, false, c.width - PAD - x - 18),
            x + 18,
            y + 10,
            SMALL,
            false,
            TEXT,
            HPos::Left,
            VPos::Center,
        );
        x += w;
    }
}

/// What each segment of a stacked bar shows: its name and share when both
/// fit, else the share, else nothing; and whether the name is on it.
fn segment_labels(
    stack: &Stack,
    style: &format::Style,
    width: i32,
    decimals: usize,
) -> Vec<(f64, Option<String>, bool)> {
    let avail = f64::from(width - 2 * PAD);
    shares(stack.parts.iter().map(|p| p.value))
        .into_iter()
        .zip(&stack.parts)
        .map(|(share, p)| {
            let room = (share * avail) as i32 - 8;
            let text = share_text(style, share, decimals);
            let both = format!("{} {}", p.label, text);
            if measure(&both, SMALL, true) <= room {
                (share, Some(both), true)
            } else if measure(&text, SMALL, true) <= room {
                (share, Some(text), false)
            } else {
                (share, None, false)
            }
        })
        .collect()
}

/// A stacked bar as drawn: each segment's share and label, and the parts
/// not named on their segment, listed under the bar as "Quá hạn 2,5%" so
/// no share is told by colour alone, in lines within the width.
struct StackLayout {
    segments: Vec<(f64, Option<String>, bool)>,
    overflow: Vec<String>,
}

impl StackLayout {
    fn new(stack: &Stack, style: &format::Style, width: i32, decimals: usize) -> StackLayout {
        let segments = segment_labels(stack, style, width, decimals);
        let parts: Vec<String> = segments
            .iter()
            .zip(&stack.parts)
            .filter(|((_, _, named), _)| !named)
            .map(|((share, ..), p)| format!("{} {}", p.label, share_text(style, *share, decimals)))
            .collect();
        let mut overflow: Vec<String> = Vec::new();
        for part in parts {
            match overflow.last_mut() {
                Some(line)
                    if measure(&format!("{line} · {part}"), SMALL, false) <= width - 2 * PAD =>
                {
                    line.push_str(" · ");
                    line.push_str(&part);
                }
                _ => overflow.push(part),
            }
        }
        StackLayout { segments, overflow }
    }
}

fn stacks(
    c: &mut Canvas<'_>,
    names: &[String],
    colors: &[usize],
    stacks: &[Stack],
    layouts: &[StackLayout],
) {
    legend(c, names, colors, PAD);
    let width = c.width;
    let mut y = PAD + legend_lines(names, width) * LEGEND_LINE + 6;
    let avail = f64::from(width - 2 * PAD);
    for (stack, layout) in stacks.iter().zip(layouts) {
        c.text(
            &fit(&stack.label, LABEL, true, width - 2 * PAD),
            PAD,
            y,
            LABEL,
            true,
            TEXT,
            HPos::Left,
            VPos::Top,
        );
        let by = y + LABEL_H;
        let mut x = f64::from(PAD);
        for (n, (share, label, _)) in layout.segments.iter().enumerate() {
            let (x0, x1) = (x.round() as i32, (x + share * avail).round() as i32);
            let color = PALETTE[colors.get(n).copied().unwrap_or(n) % PALETTE.len()];
            if x1 > x0 {
                c.rect(x0, by, x1, by + BAR_H, color);
            }
            if let Some(text) = label {
                c.text(
                    text,
                    (x0 + x1) / 2,
                    by + BAR_H / 2,
                    SMALL,
                    true,
                    on(color),
                    HPos::Center,
                    VPos::Center,
                );
            }
            x += share * avail;
        }
        y = by + BAR_H;
        for line in &layout.overflow {
            c.text(
                &fit(line, SMALL, false, width - 2 * PAD),
                PAD,
                y + 5,
                SMALL,
                false,
                MUTED,
                HPos::Left,
                VPos::Top,
            );
            y += OVERFLOW_LINE;
        }
        y += GAP;
    }
}

/// The ring's least thickness, and the hole's least radius.
const RING: i32 = 36;
const INNER: i32 = 44;
/// A legend entry's height: the name, and the value with its share.
const ENTRY: i32 = 50;

/// Where a donut's ring, total and legend go.
struct DonutLayout {
    /// The ring's centre.
    cx: i32,
    cy: i32,
    radius: i32,
    inner: i32,
    /// Font size of the total in the hole.
    total_size: f64,
    /// The legend's left edge and first entry's top.
    legend_x: i32,
    legend_y: i32,
    /// Room for a legend entry's text.
    legend_room: i32,
    height: i32,
}

impl DonutLayout {
    /// The total as large as fits the hole (never below [`SMALL`]: the hole
    /// grows instead); the legend beside the ring when every entry fits
    /// there, else under it, the ring then centred.
    fn new(
        items: &[Item],
        total: &str,
        total_label: &str,
        style: &format::Style,
        decimals: usize,
        width: i32,
    ) -> DonutLayout {
        // The hole may grow to 54 for a large total drawn large.
        let total_size = [20.0, 18.0, 16.0]
            .into_iter()
            .find(|s| measure(total, *s, true) <= 2 * 54 - 12)
            .unwrap_or(SMALL);
        let need = reserve(total, total_size, true).max(measure(total_label, SMALL, false)) + 12;
        let share = shares(items.iter().map(|i| i.value));
        // The ring is thick enough for a share written across it.
        let ring = share
            .iter()
            .map(|s| measure(&share_text(style, *s, decimals), SMALL, true) + 10)
            .max()
            .unwrap_or(0)
            .max(RING);
        let inner = INNER.max((need + 1) / 2).min((width - 2 * PAD) / 2 - ring);
        let radius = inner + ring;
        let widest = items
            .iter()
            .zip(&share)
            .map(|(i, s)| {
                measure(&i.label, SMALL, true).max(measure(
                    &format!("{} ({})", i.shown, share_text(style, *s, decimals)),
                    SMALL,
                    false,
                ))
            })
            .max()
            .unwrap_or(0);
        let n = items.len() as i32;
        let beside_x = PAD + 2 * radius + 20;
        if widest <= width - beside_x - PAD - 18 {
            DonutLayout {
                cx: PAD + radius,
                cy: PAD + radius,
                radius,
                inner,
                total_size,
                legend_x: beside_x,
                legend_y: PAD + 8,
                legend_room: width - beside_x - PAD - 18,
                height: (PAD * 2 + 2 * radius).max(PAD * 2 + 8 + n * ENTRY),
            }
        } else {
            let legend_y = PAD + 2 * radius + 16;
            DonutLayout {
                cx: width / 2,
                cy: PAD + radius,
                radius,
                inner,
                total_size,
                legend_x: PAD,
                legend_y,
                legend_room: width - 2 * PAD - 18,
                height: legend_y + (n - 1).max(0) * ENTRY + 40 + PAD,
            }
        }
    }
}

/// Whether a label's box (centred at `at` from the ring's centre, `size`
/// wide and high) lies within a ring segment: between the radii `r` and the
/// angles `a` (degrees, clockwise from 3 o'clock), with a small margin.
fn inside_segment(at: (f64, f64), size: (f64, f64), r: (f64, f64), a: (f64, f64)) -> bool {
    let margin = 2.0;
    [(-1.0, -1.0), (-1.0, 1.0), (1.0, -1.0), (1.0, 1.0)]
        .iter()
        .all(|(sx, sy)| {
            let (x, y) = (at.0 + sx * size.0 / 2.0, at.1 + sy * size.1 / 2.0);
            let d = x.hypot(y);
            let mut deg = y.atan2(x).to_degrees();
            while deg < a.0 {
                deg += 360.0;
            }
            d >= r.0 + margin && d <= r.1 - margin && deg <= a.1
        })
}

/// A donut: ring segments as SVG arcs, with the share on each segment
/// that has room and a legend with values.
fn donut(
    c: &mut Canvas<'_>,
    items: &[Item],
    colors: &[usize],
    total_shown: &str,
    total_label: &str,
    layout: &DonutLayout,
) -> String {
    let (cx, cy) = (f64::from(layout.cx), f64::from(layout.cy));
    let (r1, r0) = (f64::from(layout.radius), f64::from(layout.inner));
    let mut arcs = String::new();
    let mut angle = -90.0_f64;
    let point = |r: f64, deg: f64| {
        (
            cx + r * deg.to_radians().cos(),
            cy + r * deg.to_radians().sin(),
        )
    };
    let color_of = |n: usize| colors.get(n).copied().unwrap_or(n) % PALETTE.len();
    let share = shares(items.iter().map(|i| i.value));
    for (n, share) in share.iter().enumerate() {
        let sweep = share * 360.0;
        if sweep <= 0.0 {
            continue;
        }
        let k = color_of(n);
        // A full ring cannot be one arc: split it in two halves.
        let steps: Vec<(f64, f64)> = if sweep >= 359.99 {
            vec![(angle, angle + 180.0), (angle + 180.0, angle + 360.0)]
        } else {
            vec![(angle, angle + sweep)]
        };
        for (a0, a1) in steps {
            let large = i32::from(a1 - a0 > 180.0);
            let (p0, p1, p2, p3) = (point(r1, a0), point(r1, a1), point(r0, a1), point(r0, a0));
            arcs.push_str(&format!(
                "<path class=\"bc-chart__c{}\" fill=\"{}\" d=\"M{:.1} {:.1}A{r1} {r1} 0 {large} 1 {:.1} {:.1}L{:.1} {:.1}A{r0} {r0} 0 {large} 0 {:.1} {:.1}Z\"/>",
                k + 1,
                hex(PALETTE[k]),
                p0.0,
                p0.1,
                p1.0,
                p1.1,
                p2.0,
                p2.1,
                p3.0,
                p3.1
            ));
        }
        // The share as the legend writes it (one precision on the chart),
        // on its segment when it fits there whole.
        let text = share_text(c.style, *share, c.share_decimals);
        let (x, y) = point((r1 + r0) / 2.0, angle + sweep / 2.0);
        let (w, h) = (f64::from(measure(&text, SMALL, true)), SMALL);
        if inside_segment((x - cx, y - cy), (w, h), (r0, r1), (angle, angle + sweep)) {
            c.text(
                &text,
                x.round() as i32,
                y.round() as i32,
                SMALL,
                true,
                on(PALETTE[k]),
                HPos::Center,
                VPos::Center,
            );
        }
        angle += sweep;
    }
    // The total in the hole, as large as fits.
    let room = 2 * layout.inner - 12;
    c.text(
        &fit(total_shown, layout.total_size, true, room),
        layout.cx,
        layout.cy - 2,
        layout.total_size,
        true,
        TEXT,
        HPos::Center,
        VPos::Bottom,
    );
    c.text(
        &fit(total_label, SMALL, false, room),
        layout.cx,
        layout.cy + 4,
        SMALL,
        false,
        MUTED,
        HPos::Center,
        VPos::Top,
    );
    let (lx, width) = (layout.legend_x, layout.legend_room);
    for (n, (item, share)) in items.iter().zip(&share).enumerate() {
        let y = layout.legend_y + n as i32 * ENTRY;
        c.rect(lx, y + 3, lx + 13, y + 16, PALETTE[color_of(n)]);
        c.text(
            &fit(&item.label, SMALL, true, width),
            lx + 18,
            y + 10,
            SMALL,
            true,
            TEXT,
            HPos::Left,
            VPos::Center,
        );
        let detail = format!(
            "{} ({})",
            item.shown,
            share_text(c.style, *share, c.share_decimals)
        );
        c.text(
            &fit(&detail, SMALL, false, width),
            lx + 18,
            y + 31,
            SMALL,
            false,
            MUTED,
            HPos::Left,
            VPos::Center,
        );
    }
    arcs
}

/// A "nice" tick step: 1, 2, 2.5 or 5 times a power of ten; whole for counts.
fn nice_step(raw: f64, whole: bool) -> f64 {
    if raw <= 0.0 {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .filter(|s| !whole || s.fract() == 0.0)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    if whole { step.max(1.0) } else { step }
}

/// Where everything of a trend chart goes, worked out before drawing so the
/// height is known.
struct TrendLayout {
    height: i32,
    width: i32,
    left: i32,
    top: i32,
    bottom: i32,
    ticks: Vec<(f64, String)>,
    max: f64,
    xs: Vec<i32>,
    /// Row of each x label (0, 1) or `None` when it is left out.
    x_rows: Vec<Option<i32>>,
}

impl TrendLayout {
    fn new(
        items: &[Item],
        x: &[f64],
        scale: MetricUnit,
        style: &format::Style,
        width: i32,
    ) -> TrendLayout {
        let whole = !matches!(scale, MetricUnit::Percent | MetricUnit::Vnd);
        let top_value = items.iter().map(|i| i.value).fold(0.0, f64::max);
        // Fewer ticks on a narrow drawing.
        let parts = if width < WIDTH { 3.0 } else { 4.0 };
        let step = nice_step(top_value / parts, whole);
        let mut max = (top_value / step).ceil().max(1.0) * step;
        // A rate axis never goes past 100%.
        if scale == MetricUnit::Percent && top_value <= 100.0 {
            max = max.min(100.0);
        }
        let mut values = Vec::new();
        let mut t = 0.0;
        while t <= max + step / 1000.0 {
            values.push(t);
            t += step;
        }
        let ticks: Vec<(f64, String)> = values
            .iter()
            .copied()
            .zip(self::ticks(style, scale, &values))
            .collect();
        let left = PAD
            + ticks
                .iter()
                .map(|(_, s)| reserve(s, SMALL, false))
                .max()
                .unwrap_or(0)
            + 8;
        let half =
            |i: &Item| measure(&i.label, SMALL, false).max(reserve(&i.shown, SMALL, true)) / 2 + 4;
        let inset_l = items.first().map_or(12, half).max(12);
        let inset_r = items.last().map_or(12, half).max(12);
        let (x0, x1) = (
            x.first().copied().unwrap_or(0.0),
            x.last().copied().unwrap_or(1.0),
        );
        let span = (x1 - x0).max(1.0);
        let plot = f64::from(width - PAD - left - inset_l - inset_r);
        let xs: Vec<i32> = x
            .iter()
            .map(|v| left + inset_l + ((v - x0) / span * plot).round() as i32)
            .collect();
        // X labels: the first row when there is room, else the second,
        // else none.
        let mut ends = [i32::MIN; 2];
        let x_rows = items
            .iter()
            .zip(&xs)
            .map(|(i, px)| {
                let w = measure(&i.label, SMALL, false);
                let (l, r) = (px - w / 2, px + w / 2);
                (0..2)
                    .find(|row| l > ends[*row as usize] + 6)
                    .inspect(|row| {
                        ends[*row as usize] = r;
                    })
            })
            .collect::<Vec<_>>();
        let rows = if x_rows.contains(&Some(1)) { 2 } else { 1 };
        let height = 250 + rows * 22;
        TrendLayout {
            height,
            width,
            left,
            top: PAD + 30,
            bottom: height - PAD - rows * 22 - 6,
            ticks,
            max,
            xs,
            x_rows,
        }
    }

    fn y(&self, v: f64) -> i32 {
        self.bottom - ((v / self.max) * f64::from(self.bottom - self.top)).round() as i32
    }
}

fn line(c: &mut Canvas<'_>, items: &[Item], t: &TrendLayout) {
    for (v, text) in &t.ticks {
        let y = t.y(*v);
        c.line(&[(t.left, y), (t.width - PAD, y)], GRID, 1);
        c.text(
            text,
            t.left - 6,
            y,
            SMALL,
            false,
            MUTED,
            HPos::Right,
            VPos::Center,
        );
    }
    let points: Vec<(i32, i32)> = items
        .iter()
        .zip(&t.xs)
        .map(|(i, x)| (*x, t.y(i.value)))
        .collect();
    c.line(&points, PALETTE[0], 3);
    // Value labels above their point when that place is free, else below,
    // else left out (the table has every value).
    let mut placed: Vec<(i32, i32, i32, i32)> = Vec::new();
    let size = SMALL as i32;
    for ((x, y), item) in points.iter().zip(items) {
        c.dot(*x, *y, 5, PALETTE[0]);
        let w = measure(&item.shown, SMALL, true);
        let (l, r) = (x - w / 2, x + w / 2);
        let free = |b: (i32, i32, i32, i32)| {
            placed
                .iter()
                .all(|p| b.1 + 4 <= p.0 || p.1 + 4 <= b.0 || b.3 + 2 <= p.2 || p.3 + 2 <= b.2)
        };
        let above = (l, r, y - 10 - size, y - 8);
        let below = (l, r, y + 8, y + 10 + size);
        if above.2 >= PAD && free(above) {
            placed.push(above);
            c.text(
                &item.shown,
                *x,
                y - 9,
                SMALL,
                true,
                TEXT,
                HPos::Center,
                VPos::Bottom,
            );
        } else if below.3 <= t.bottom - 2 && free(below) {
            placed.push(below);
            c.text(
                &item.shown,
                *x,
                y + 9,
                SMALL,
                true,
                TEXT,
                HPos::Center,
                VPos::Top,
            );
        }
    }
    for ((x, item), row) in t.xs.iter().zip(items).zip(&t.x_rows) {
        if let Some(row) = row {
            c.text(
                &item.label,
                *x,
                t.bottom + 8 + row * 22,
                SMALL,
                false,
                TEXT,
                HPos::Center,
                VPos::Top,
            );
        }
    }
}

/// The `<svg>` element: its viewBox, the title for assistive technology,
/// the donut's arcs under the marks and labels; the `variant` (`wide`,
/// `narrow`) is a class the page's CSS shows or hides.
fn finish(body: &str, title: &str, arcs: &str, variant: &str, size: (i32, i32)) -> String {
    let esc = super::html::escape(title);
    let mut out = String::with_capacity(body.len() + arcs.len() + 2 * esc.len() + 200);
    let _ = write!(
        out,
        "<svg class=\"bc-chart__svg bc-chart__svg--{variant}\" viewBox=\"0 0 {} {}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{esc}\"><title>{esc}</title>{arcs}{body}</svg>",
        size.0 as u32, size.1 as u32
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_are_embedded_and_measure_like_a_browser() {
        let plain = measure("Tiep nhan", LABEL, false);
        let viet = measure("Tiếp nhận", LABEL, false);
        assert!((viet - plain).abs() <= 2, "{plain} {viet}");
        assert!(measure("Tiếp nhận", LABEL, true) > viet);
        // Chromium draws "1.234.567.890" in Noto Sans Bold 17 px 111.8 px wide.
        let w = measure("1.234.567.890", 17.0, true);
        assert!((112..=122).contains(&w), "{w}");
    }

    #[test]
    fn colours_keep_contrast() {
        let contrast = |c: RGBColor| {
            let lin = |v: u8| {
                let v = f64::from(v) / 255.0;
                if v <= 0.039_28 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            1.05 / (0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2) + 0.05)
        };
        for c in PALETTE.iter().chain([&OTHER]) {
            assert!(
                contrast(*c) >= 3.0,
                "{c:?} has {:.2}:1 against white",
                contrast(*c)
            );
        }
        assert!(contrast(MUTED) >= 4.5);
        assert_eq!(on(PALETTE[0]), WHITE);
        assert_eq!(on(PALETTE[1]), TEXT, "white on this orange would miss AA");
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(25000.0, true), 25000.0);
        assert_eq!(nice_step(0.5, true), 1.0, "counts get whole ticks");
        assert_eq!(nice_step(13.7, false), 20.0);
        assert_eq!(nice_step(2.2, true), 5.0);
    }

    #[test]
    fn tiny_shares() {
        let vi = format::Style::vi();
        assert_eq!(share_text(&vi, 0.0001, 1), "<0,1%");
        assert_eq!(share_text(&vi, 0.004, 0), "<1%");
        assert_eq!(share_text(&vi, 0.823, 1), "82,3%");
        assert_eq!(share_text(&vi, 0.0, 1), "0,0%");
        assert_eq!(share_text(&vi, 0.81, 0), "81%");
    }
}
