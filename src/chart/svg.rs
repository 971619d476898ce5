//! Drawing: each chart kind laid out by hand on a plotters SVG backend (in
//! pixel coordinates of a fixed-width viewBox), then the SVG cleaned up for
//! inline use. Text widths are measured with the bundled Noto Sans, so
//! Vietnamese labels are placed where they fit; a label that cannot be
//! placed without touching another is left out (the table holds it).

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, register_font};

use super::{Chart, Data, Item, Stack};
use crate::data::MetricUnit;
use crate::format;
use crate::messages::Part;

/// Width of every chart's viewBox; the page scales it to the column.
pub const WIDTH: i32 = 480;
const PAD: i32 = 8;
/// Labels, values, and small print, in viewBox units. On a phone the
/// chart is drawn at about 3/4 of this.
const LABEL: f64 = 18.0;
const SMALL: f64 = 15.0;
/// plotters writes `font-size` as the requested size divided by this.
const FONT_SCALE: f64 = 1.24;
/// ab_glyph scales a font by ascent + descent (1.362 em for Noto Sans),
/// browsers by the em: widths it reports are this much too small; and
/// readers' fonts differ a little from Noto Sans, hence a margin.
const WIDTH_FACTOR: f64 = 1.362 / 1.24 * 1.05;
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

static FONTS: Once = Once::new();

fn fonts() {
    FONTS.call_once(|| {
        // The files are embedded and checked by a test; a failure would
        // only make plotters estimate widths.
        let _ = register_font(
            "sans-serif",
            FontStyle::Normal,
            include_bytes!("fonts/NotoSans-Regular.ttf"),
        );
        let _ = register_font(
            "sans-serif",
            FontStyle::Bold,
            include_bytes!("fonts/NotoSans-Bold.ttf"),
        );
    });
}

fn font(size: f64, bold: bool) -> FontDesc<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::SansSerif, size * FONT_SCALE, style)
}

/// Width of a text in viewBox units, as a browser draws it (with margin).
pub fn measure(text: &str, size: f64, bold: bool) -> i32 {
    fonts();
    let raw = match font(size, bold).box_size(text) {
        Ok((w, _)) => f64::from(w),
        Err(_) => text.chars().count() as f64 * size * 0.55,
    };
    (raw * WIDTH_FACTOR).ceil() as i32
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

/// A value as the axis shows it, by what the chart measures.
fn tick(style: &format::Style, scale: MetricUnit, v: f64) -> String {
    match scale {
        MetricUnit::Percent => format::pct_in(style, v, None),
        // The axis is money already: the bare number and its size word.
        MetricUnit::Vnd => {
            let pattern = format::vnd_in(style, v);
            let unit_word = style.vnd[0].replace("{n}", "");
            pattern.replace(unit_word.trim(), "").trim().to_string()
        }
        _ => format::num_in(style, v, None),
    }
}

/// A share as the marks show it: one decimal; a tiny share is "<0,1%".
fn share_text(style: &format::Style, share: f64) -> String {
    if share > 0.0 && share < 0.0005 {
        format!("<{}%", format::num_in(style, 0.1, Some(1)))
    } else {
        format::pct_in(style, share * 100.0, Some(1))
    }
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

struct Canvas<'a> {
    area: Area<'a>,
    /// How numbers are written on the marks.
    style: &'a format::Style,
}

/// A drawing failure of plotters, its own words kept.
fn failed(e: impl std::fmt::Display) -> Part {
    crate::msg!(Part::DrawFailed, e)
}

impl Canvas<'_> {
    #[allow(clippy::too_many_arguments)]
    fn text(
        &self,
        s: &str,
        x: i32,
        y: i32,
        size: f64,
        bold: bool,
        color: RGBColor,
        h: HPos,
        v: VPos,
    ) -> Result<(), Part> {
        let style = font(size, bold).color(&color).pos(Pos::new(h, v));
        self.area
            .draw(&Text::new(s.to_string(), (x, y), style))
            .map_err(failed)
    }

    fn rect(&self, x0: i32, y0: i32, x1: i32, y1: i32, color: RGBColor) -> Result<(), Part> {
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))
            .map_err(failed)
    }

    fn line(&self, points: Vec<(i32, i32)>, color: RGBColor, width: u32) -> Result<(), Part> {
        self.area
            .draw(&PathElement::new(points, color.stroke_width(width)))
            .map_err(failed)
    }
}

/// Draws a chart; returns the cleaned-up `<svg>` element.
pub fn draw(chart: &Chart) -> Result<String, Part> {
    fonts();
    let trend = match &chart.data {
        Data::Line { items, x } => Some(TrendLayout::new(items, x, chart.scale, &chart.style)),
        _ => None,
    };
    let height = match (&chart.data, &trend) {
        (_, Some(t)) => t.height,
        (Data::Bars { items, .. }, _) => {
            PAD * 2 + items.len() as i32 * (LABEL_H + BAR_H + GAP) - GAP
        }
        (Data::Stacks { legend, stacks, .. }, _) => {
            let rows: i32 = stacks
                .iter()
                .map(|s| {
                    LABEL_H
                        + BAR_H
                        + if overflow(s, &chart.style).is_empty() {
                            0
                        } else {
                            24
                        }
                        + GAP
                })
                .sum();
            PAD * 2 + legend_lines(legend) * LEGEND_LINE + 6 + rows - GAP
        }
        (Data::Shares { items, .. }, _) => {
            (PAD * 2 + 2 * RADIUS).max(PAD * 2 + 8 + items.len() as i32 * 50)
        }
        (Data::Line { .. }, None) => 0,
    };
    let mut out = String::with_capacity(4096);
    let mut arcs = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (WIDTH as u32, height as u32));
        let canvas = Canvas {
            area: backend.into_drawing_area(),
            style: &chart.style,
        };
        match &chart.data {
            Data::Bars { items, highlight } => bars(&canvas, items, *highlight)?,
            Data::Stacks {
                legend,
                colors,
                stacks,
            } => self::stacks(&canvas, legend, colors, stacks)?,
            Data::Shares {
                items,
                colors,
                total,
            } => arcs = donut(&canvas, items, colors, total)?,
            Data::Line { items, .. } => {
                if let Some(t) = &trend {
                    line(&canvas, items, t)?;
                }
            }
        }
        canvas.area.present().map_err(failed)?;
    }
    Ok(finish(&out, &chart.title, &arcs))
}

const LABEL_H: i32 = 26;
const BAR_H: i32 = 26;
const GAP: i32 = 12;
const LEGEND_LINE: i32 = 26;

fn bars(c: &Canvas<'_>, items: &[Item], highlight: Option<usize>) -> Result<(), Part> {
    let value_w = items
        .iter()
        .map(|i| measure(&i.shown, LABEL, true))
        .max()
        .unwrap_or(0)
        + 8;
    let max = items.iter().map(|i| i.value).fold(0.0, f64::max);
    let avail = f64::from(WIDTH - 2 * PAD - value_w).max(40.0);
    for (n, item) in items.iter().enumerate() {
        let y = PAD + n as i32 * (LABEL_H + BAR_H + GAP);
        let mine = highlight == Some(n);
        c.text(
            &fit(&item.label, LABEL, mine, WIDTH - 2 * PAD),
            PAD,
            y,
            LABEL,
            mine,
            TEXT,
            HPos::Left,
            VPos::Top,
        )?;
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
            c.rect(PAD, by, PAD + w, by + BAR_H, color)?;
        }
        // A value too long for the room beside its bar goes inside it.
        let vw = measure(&item.shown, LABEL, true);
        if PAD + w + 6 + vw <= WIDTH - 2 {
            c.text(
                &item.shown,
                PAD + w + 6,
                by + BAR_H / 2,
                LABEL,
                true,
                TEXT,
                HPos::Left,
                VPos::Center,
            )?;
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
            )?;
        }
    }
    Ok(())
}

/// Shortens a label to a width with "…", for the rare unit name that does
/// not fit on one line.
fn fit(label: &str, size: f64, bold: bool, width: i32) -> String {
    if measure(label, size, bold) <= width {
        return label.to_string();
    }
    let chars: Vec<char> = label.chars().collect();
    for n in (1..chars.len()).rev() {
        let s: String = chars[..n].iter().collect::<String>() + "…";
        if measure(&s, size, bold) <= width {
            return s;
        }
    }
    "…".into()
}

fn legend_width(l: &str) -> i32 {
    18 + measure(l, SMALL, false) + 18
}

fn legend_lines(legend: &[String]) -> i32 {
    let mut lines = 1;
    let mut x = PAD;
    for l in legend {
        let w = legend_width(l);
        if x + w > WIDTH - PAD && x > PAD {
            lines += 1;
            x = PAD;
        }
        x += w;
    }
    lines
}

fn legend(c: &Canvas<'_>, legend: &[String], colors: &[usize], y0: i32) -> Result<(), Part> {
    let (mut x, mut y) = (PAD, y0);
    for (n, l) in legend.iter().enumerate() {
        let w = legend_width(l);
        if x + w > WIDTH - PAD && x > PAD {
            x = PAD;
            y += LEGEND_LINE;
        }
        c.rect(
            x,
            y + 4,
            x + 13,
            y + 17,
            PALETTE[colors.get(n).copied().unwrap_or(n) % PALETTE.len()],
        )?;
        c.text(
            &fit(l, SMALL, false, WIDTH - PAD - x - 18),
            x + 18,
            y + 10,
            SMALL,
            false,
            TEXT,
            HPos::Left,
            VPos::Center,
        )?;
        x += w;
    }
    Ok(())
}

/// What each segment of a stacked bar shows: its name and share when both
/// fit, else the share, else nothing; and whether the name is on it.
fn segment_labels(stack: &Stack, style: &format::Style) -> Vec<(f64, Option<String>, bool)> {
    let total: f64 = stack.parts.iter().map(|p| p.value.max(0.0)).sum();
    let avail = f64::from(WIDTH - 2 * PAD);
    stack
        .parts
        .iter()
        .map(|p| {
            let share = if total > 0.0 {
                p.value.max(0.0) / total
            } else {
                0.0
            };
            let room = (share * avail) as i32 - 8;
            let both = format!("{} {}", p.label, share_text(style, share));
            if measure(&both, SMALL, true) <= room {
                (share, Some(both), true)
            } else if measure(&share_text(style, share), SMALL, true) <= room {
                (share, Some(share_text(style, share)), false)
            } else {
                (share, None, false)
            }
        })
        .collect()
}

/// Parts not named on their segment, listed under the bar as "Quá hạn 2,5%",
/// so no share is told by colour alone.
fn overflow(stack: &Stack, style: &format::Style) -> Vec<String> {
    segment_labels(stack, style)
        .iter()
        .zip(&stack.parts)
        .filter(|((_, _, named), _)| !named)
        .map(|((share, ..), p)| format!("{} {}", p.label, share_text(style, *share)))
        .collect()
}

fn stacks(
    c: &Canvas<'_>,
    names: &[String],
    colors: &[usize],
    stacks: &[Stack],
) -> Result<(), Part> {
    legend(c, names, colors, PAD)?;
    let mut y = PAD + legend_lines(names) * LEGEND_LINE + 6;
    let avail = f64::from(WIDTH - 2 * PAD);
    for stack in stacks {
        c.text(
            &fit(&stack.label, LABEL, true, WIDTH - 2 * PAD),
            PAD,
            y,
            LABEL,
            true,
            TEXT,
            HPos::Left,
            VPos::Top,
        )?;
        let by = y + LABEL_H;
        let mut x = f64::from(PAD);
        for (n, (share, label, _)) in segment_labels(stack, c.style).into_iter().enumerate() {
            let (x0, x1) = (x.round() as i32, (x + share * avail).round() as i32);
            let color = PALETTE[colors.get(n).copied().unwrap_or(n) % PALETTE.len()];
            if x1 > x0 {
                c.rect(x0, by, x1, by + BAR_H, color)?;
            }
            if let Some(text) = label {
                c.text(
                    &text,
                    (x0 + x1) / 2,
                    by + BAR_H / 2,
                    SMALL,
                    true,
                    on(color),
                    HPos::Center,
                    VPos::Center,
                )?;
            }
            x += share * avail;
        }
        y = by + BAR_H;
        let rest = overflow(stack, c.style);
        if !rest.is_empty() {
            c.text(
                &fit(&rest.join(" · "), SMALL, false, WIDTH - 2 * PAD),
                PAD,
                y + 5,
                SMALL,
                false,
                MUTED,
                HPos::Left,
                VPos::Top,
            )?;
            y += 24;
        }
        y += GAP;
    }
    Ok(())
}

const RADIUS: i32 = 90;
const INNER: i32 = 54;

/// A donut: ring segments as SVG arcs (plotters has no arc path), with the
/// share on each segment that has room and a legend with values.
fn donut(
    c: &Canvas<'_>,
    items: &[Item],
    colors: &[usize],
    total_shown: &str,
) -> Result<String, Part> {
    let total: f64 = items.iter().map(|i| i.value.max(0.0)).sum();
    let (cx, cy) = (f64::from(PAD + RADIUS), f64::from(PAD + RADIUS));
    let (r1, r0) = (f64::from(RADIUS), f64::from(INNER));
    let mut arcs = String::new();
    let mut angle = -90.0_f64;
    let point = |r: f64, deg: f64| {
        (
            cx + r * deg.to_radians().cos(),
            cy + r * deg.to_radians().sin(),
        )
    };
    let color_of = |n: usize| colors.get(n).copied().unwrap_or(n) % PALETTE.len();
    for (n, item) in items.iter().enumerate() {
        let share = if total > 0.0 {
            item.value.max(0.0) / total
        } else {
            0.0
        };
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
        let text = format::pct_in(c.style, share * 100.0, Some(0));
        if sweep >= 30.0 && measure(&text, SMALL, true) < RADIUS - INNER + 10 {
            let (x, y) = point((r1 + r0) / 2.0, angle + sweep / 2.0);
            c.text(
                &text,
                x.round() as i32,
                y.round() as i32,
                SMALL,
                true,
                on(PALETTE[k]),
                HPos::Center,
                VPos::Center,
            )?;
        }
        angle += sweep;
    }
    // The total in the hole, as large as fits.
    let room = 2 * INNER - 12;
    let size = [20.0, 18.0, 16.0, 14.0, 12.0]
        .into_iter()
        .find(|s| measure(total_shown, *s, true) <= room)
        .unwrap_or(12.0);
    c.text(
        &fit(total_shown, size, true, room),
        cx as i32,
        cy as i32 - 2,
        size,
        true,
        TEXT,
        HPos::Center,
        VPos::Bottom,
    )?;
    c.text(
        "tổng số",
        cx as i32,
        cy as i32 + 4,
        SMALL,
        false,
        MUTED,
        HPos::Center,
        VPos::Top,
    )?;
    let lx = PAD + 2 * RADIUS + 20;
    let width = WIDTH - lx - PAD - 18;
    for (n, item) in items.iter().enumerate() {
        let y = PAD + 8 + n as i32 * 50;
        c.rect(lx, y + 3, lx + 13, y + 16, PALETTE[color_of(n)])?;
        c.text(
            &fit(&item.label, SMALL, true, width),
            lx + 18,
            y + 10,
            SMALL,
            true,
            TEXT,
            HPos::Left,
            VPos::Center,
        )?;
        let share = if total > 0.0 {
            item.value.max(0.0) / total
        } else {
            0.0
        };
        let detail = format!("{} ({})", item.shown, share_text(c.style, share));
        c.text(
            &fit(&detail, SMALL, false, width),
            lx + 18,
            y + 31,
            SMALL,
            false,
            MUTED,
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(arcs)
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
    fn new(items: &[Item], x: &[f64], scale: MetricUnit, style: &format::Style) -> TrendLayout {
        let whole = !matches!(scale, MetricUnit::Percent | MetricUnit::Vnd);
        let top_value = items.iter().map(|i| i.value).fold(0.0, f64::max);
        let step = nice_step(top_value / 4.0, whole);
        let mut max = (top_value / step).ceil().max(1.0) * step;
        // A rate axis never goes past 100%.
        if scale == MetricUnit::Percent && top_value <= 100.0 {
            max = max.min(100.0);
        }
        let mut ticks = Vec::new();
        let mut t = 0.0;
        while t <= max + step / 1000.0 {
            ticks.push((t, tick(style, scale, t)));
            t += step;
        }
        let left = PAD
            + ticks
                .iter()
                .map(|(_, s)| measure(s, SMALL, false))
                .max()
                .unwrap_or(0)
            + 8;
        let half =
            |i: &Item| measure(&i.label, SMALL, false).max(measure(&i.shown, SMALL, true)) / 2 + 4;
        let inset_l = items.first().map_or(12, half).max(12);
        let inset_r = items.last().map_or(12, half).max(12);
        let (x0, x1) = (
            x.first().copied().unwrap_or(0.0),
            x.last().copied().unwrap_or(1.0),
        );
        let span = (x1 - x0).max(1.0);
        let width = f64::from(WIDTH - PAD - left - inset_l - inset_r);
        let xs: Vec<i32> = x
            .iter()
            .map(|v| left + inset_l + ((v - x0) / span * width).round() as i32)
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

fn line(c: &Canvas<'_>, items: &[Item], t: &TrendLayout) -> Result<(), Part> {
    for (v, text) in &t.ticks {
        let y = t.y(*v);
        c.line(vec![(t.left, y), (WIDTH - PAD, y)], GRID, 1)?;
        c.text(
            text,
            t.left - 6,
            y,
            SMALL,
            false,
            MUTED,
            HPos::Right,
            VPos::Center,
        )?;
    }
    let points: Vec<(i32, i32)> = items
        .iter()
        .zip(&t.xs)
        .map(|(i, x)| (*x, t.y(i.value)))
        .collect();
    c.line(points.clone(), PALETTE[0], 3)?;
    // Value labels above their point when that place is free, else below,
    // else left out (the table has every value).
    let mut placed: Vec<(i32, i32, i32, i32)> = Vec::new();
    let size = SMALL as i32;
    for ((x, y), item) in points.iter().zip(items) {
        c.area
            .draw(&Circle::new((*x, *y), 5, PALETTE[0].filled()))
            .map_err(failed)?;
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
            )?;
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
            )?;
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
            )?;
        }
    }
    Ok(())
}

/// Makes plotters' SVG fit for inline HTML: no fixed size (the viewBox
/// scales), a title for assistive technology, text on one line, tidy
/// numbers, classes the theme can restyle, arcs under the labels.
fn finish(svg: &str, title: &str, arcs: &str) -> String {
    let esc = super::html::escape(title);
    let body_start = svg.find('>').map_or(0, |i| i + 1);
    let head = &svg[..body_start];
    let view_box = head
        .split("viewBox=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or("0 0 480 300");
    let body = svg[body_start..]
        .trim_start_matches('\n')
        .replace(">\n", ">")
        .replace("\n</text>", "</text>")
        .replace(" opacity=\"1\"", "")
        .replace(" stroke=\"none\"", "")
        .replace(" font-family=\"sans-serif\"", "");
    let mut tidy = String::with_capacity(body.len());
    let mut rest = body.as_str();
    while let Some(i) = rest.find("font-size=\"") {
        let (before, after) = rest.split_at(i + 11);
        tidy.push_str(before);
        let end = after.find('"').unwrap_or(0);
        let size: f64 = after[..end].parse().unwrap_or(15.0);
        tidy.push_str(&format::num(size, Some(0)).replace('.', ""));
        rest = &after[end..];
    }
    tidy.push_str(rest);
    // Classes go on plotters' elements only; the arcs carry theirs already.
    let mut classes: Vec<(String, String)> = PALETTE
        .iter()
        .enumerate()
        .map(|(n, c)| {
            (
                format!("fill=\"{}\"", hex(*c)),
                format!("bc-chart__c{}", n + 1),
            )
        })
        .collect();
    classes.push((format!("fill=\"{}\"", hex(OTHER)), "bc-chart__other".into()));
    classes.push((
        format!("stroke=\"{}\"", hex(PALETTE[0])),
        "bc-chart__l1".into(),
    ));
    classes.push((format!("stroke=\"{}\"", hex(GRID)), "bc-chart__grid".into()));
    for (attr, class) in classes {
        tidy = tidy.replace(
            &format!("\" {attr}"),
            &format!("\" class=\"{class}\" {attr}"),
        );
    }
    format!(
        "<svg class=\"bc-chart__svg\" viewBox=\"{view_box}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{esc}\"><title>{esc}</title>{arcs}{tidy}"
    )
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
        assert_eq!(share_text(&format::Style::vi(), 0.0001), "<0,1%");
        assert_eq!(share_text(&format::Style::vi(), 0.823), "82,3%");
        assert_eq!(share_text(&format::Style::vi(), 0.0), "0,0%");
    }
}
