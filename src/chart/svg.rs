//! Drawing: each chart kind laid out by hand on a plotters SVG backend (in
//! pixel coordinates of a fixed-width viewBox), then the SVG cleaned up for
//! inline use. Text widths are measured with the bundled Noto Sans, so
//! Vietnamese labels are placed where they fit.

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, register_font};

use super::{Chart, Data, Item};
use crate::format;

/// Width of every chart's viewBox; the page scales it to the column.
pub const WIDTH: i32 = 480;
const PAD: i32 = 8;
/// plotters writes `font-size` as the requested size divided by this.
const FONT_SCALE: f64 = 1.24;
const TEXT: RGBColor = RGBColor(0x0b, 0x0c, 0x0c);
const MUTED: RGBColor = RGBColor(0x50, 0x5a, 0x5f);
const GRID: RGBColor = RGBColor(0xd8, 0xdd, 0xe0);
/// Bars that are not the article's own unit in a comparison.
const OTHER: RGBColor = RGBColor(0x9d, 0xc1, 0xe3);
/// The series colours; the theme's CSS may restyle them through the
/// `bc-chart__cN` classes the cleanup adds.
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0x1d, 0x70, 0xb8),
    RGBColor(0xf4, 0x77, 0x38),
    RGBColor(0x00, 0x70, 0x3c),
    RGBColor(0x91, 0x2b, 0x88),
    RGBColor(0xd4, 0x35, 0x1c),
    RGBColor(0x50, 0x5a, 0x5f),
];

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

/// Width of a text in viewBox units.
pub fn measure(text: &str, size: f64, bold: bool) -> i32 {
    fonts();
    match font(size, bold).box_size(text) {
        Ok((w, _)) => w as i32,
        Err(_) => (text.chars().count() as f64 * size * 0.6) as i32,
    }
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
    if (1.05) / (l + 0.05) >= 4.5 {
        WHITE
    } else {
        TEXT
    }
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

struct Canvas<'a> {
    area: Area<'a>,
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
    ) -> Result<(), String> {
        let style = font(size, bold).color(&color).pos(Pos::new(h, v));
        self.area
            .draw(&Text::new(s.to_string(), (x, y), style))
            .map_err(|e| e.to_string())
    }

    fn rect(&self, x0: i32, y0: i32, x1: i32, y1: i32, color: RGBColor) -> Result<(), String> {
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))
            .map_err(|e| e.to_string())
    }

    fn line(&self, points: Vec<(i32, i32)>, color: RGBColor, width: u32) -> Result<(), String> {
        self.area
            .draw(&PathElement::new(points, color.stroke_width(width)))
            .map_err(|e| e.to_string())
    }
}

/// Draws a chart; returns the cleaned-up `<svg>` element.
pub fn draw(chart: &Chart) -> Result<String, String> {
    fonts();
    let height = height(chart);
    let mut out = String::with_capacity(4096);
    let mut arcs = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (WIDTH as u32, height as u32));
        let canvas = Canvas {
            area: backend.into_drawing_area(),
        };
        match &chart.data {
            Data::Bars { items, highlight } => bars(&canvas, items, *highlight)?,
            Data::Stacks { legend, stacks } => self::stacks(&canvas, legend, stacks)?,
            Data::Shares { items, total } => arcs = donut(&canvas, items, total)?,
            Data::Line(items) => line(&canvas, items, height)?,
        }
        canvas.area.present().map_err(|e| e.to_string())?;
    }
    Ok(finish(&out, &chart.title, &arcs))
}

const LABEL_H: i32 = 25;
const BAR_H: i32 = 24;
const GAP: i32 = 12;
const LEGEND_LINE: i32 = 25;

fn height(chart: &Chart) -> i32 {
    match &chart.data {
        Data::Bars { items, .. } => PAD * 2 + items.len() as i32 * (LABEL_H + BAR_H + GAP) - GAP,
        Data::Stacks { legend, stacks } => {
            let rows: i32 = stacks
                .iter()
                .map(|s| LABEL_H + BAR_H + if overflow(s).is_empty() { 0 } else { 22 } + GAP)
                .sum();
            PAD * 2 + legend_lines(legend) * LEGEND_LINE + 6 + rows - GAP
        }
        Data::Shares { items, .. } => (PAD * 2 + 2 * RADIUS).max(PAD * 2 + items.len() as i32 * 48),
        Data::Line(items) => 270 + if stagger(items) { 20 } else { 0 },
    }
}

fn bars(c: &Canvas<'_>, items: &[Item], highlight: Option<usize>) -> Result<(), String> {
    let value_w = items
        .iter()
        .map(|i| measure(&i.shown, 17.0, true))
        .max()
        .unwrap_or(0)
        + 10;
    let max = items.iter().map(|i| i.value).fold(0.0, f64::max);
    let avail = f64::from(WIDTH - 2 * PAD - value_w);
    for (n, item) in items.iter().enumerate() {
        let y = PAD + n as i32 * (LABEL_H + BAR_H + GAP);
        let mine = highlight == Some(n);
        c.text(
            &fit(&item.label, 17.0, mine, WIDTH - 2 * PAD),
            PAD,
            y,
            17.0,
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
        c.text(
            &item.shown,
            PAD + w + 6,
            by + BAR_H / 2,
            17.0,
            true,
            TEXT,
            HPos::Left,
            VPos::Center,
        )?;
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

fn legend_lines(legend: &[String]) -> i32 {
    let mut lines = 1;
    let mut x = PAD;
    for l in legend {
        let w = 18 + measure(l, 16.0, false) + 16;
        if x + w > WIDTH - PAD && x > PAD {
            lines += 1;
            x = PAD;
        }
        x += w;
    }
    lines
}

fn legend(c: &Canvas<'_>, legend: &[String], y0: i32) -> Result<(), String> {
    let (mut x, mut y) = (PAD, y0);
    for (n, l) in legend.iter().enumerate() {
        let w = 18 + measure(l, 16.0, false) + 16;
        if x + w > WIDTH - PAD && x > PAD {
            x = PAD;
            y += LEGEND_LINE;
        }
        c.rect(x, y + 3, x + 12, y + 15, PALETTE[n % PALETTE.len()])?;
        c.text(
            l,
            x + 18,
            y + 9,
            16.0,
            false,
            TEXT,
            HPos::Left,
            VPos::Center,
        )?;
        x += w;
    }
    Ok(())
}

/// Parts whose share does not fit inside their segment, as "Quá hạn 2,51%".
fn overflow(stack: &super::Stack) -> Vec<String> {
    let total: f64 = stack.parts.iter().map(|p| p.value.max(0.0)).sum();
    let avail = f64::from(WIDTH - 2 * PAD);
    stack
        .parts
        .iter()
        .filter_map(|p| {
            let share = if total > 0.0 {
                p.value.max(0.0) / total * 100.0
            } else {
                0.0
            };
            let text = format::pct(share, Some(1));
            let w = (share / 100.0 * avail) as i32;
            (w < measure(&text, 15.0, true) + 8).then(|| format!("{} {}", p.label, text))
        })
        .collect()
}

fn stacks(c: &Canvas<'_>, names: &[String], stacks: &[super::Stack]) -> Result<(), String> {
    legend(c, names, PAD)?;
    let mut y = PAD + legend_lines(names) * LEGEND_LINE + 6;
    let avail = f64::from(WIDTH - 2 * PAD);
    for stack in stacks {
        c.text(
            &fit(&stack.label, 17.0, true, WIDTH - 2 * PAD),
            PAD,
            y,
            17.0,
            true,
            TEXT,
            HPos::Left,
            VPos::Top,
        )?;
        let by = y + LABEL_H;
        let total: f64 = stack.parts.iter().map(|p| p.value.max(0.0)).sum();
        let mut x = f64::from(PAD);
        for (n, p) in stack.parts.iter().enumerate() {
            let share = if total > 0.0 {
                p.value.max(0.0) / total
            } else {
                0.0
            };
            let (x0, x1) = (x.round() as i32, (x + share * avail).round() as i32);
            let color = PALETTE[n % PALETTE.len()];
            if x1 > x0 {
                c.rect(x0, by, x1, by + BAR_H, color)?;
            }
            let text = format::pct(share * 100.0, Some(1));
            if x1 - x0 >= measure(&text, 15.0, true) + 8 {
                c.text(
                    &text,
                    (x0 + x1) / 2,
                    by + BAR_H / 2,
                    15.0,
                    true,
                    on(color),
                    HPos::Center,
                    VPos::Center,
                )?;
            }
            x += share * avail;
        }
        y = by + BAR_H;
        let rest = overflow(stack);
        if !rest.is_empty() {
            c.text(
                &fit(&rest.join(" · "), 15.0, false, WIDTH - 2 * PAD),
                PAD,
                y + 4,
                15.0,
                false,
                MUTED,
                HPos::Left,
                VPos::Top,
            )?;
            y += 22;
        }
        y += GAP;
    }
    Ok(())
}

const RADIUS: i32 = 90;
const INNER: i32 = 54;

/// A donut: ring segments as SVG arcs (plotters has no arc path), with the
/// share on each segment that has room and a legend with values.
fn donut(c: &Canvas<'_>, items: &[Item], total_shown: &str) -> Result<String, String> {
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
        let color = PALETTE[n % PALETTE.len()];
        let hex = format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2);
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
                "<path class=\"bc-chart__c{}\" fill=\"{hex}\" d=\"M{:.1} {:.1}A{r1} {r1} 0 {large} 1 {:.1} {:.1}L{:.1} {:.1}A{r0} {r0} 0 {large} 0 {:.1} {:.1}Z\"/>",
                n % PALETTE.len() + 1,
                p0.0, p0.1, p1.0, p1.1, p2.0, p2.1, p3.0, p3.1
            ));
        }
        if sweep >= 24.0 {
            let (x, y) = point((r1 + r0) / 2.0, angle + sweep / 2.0);
            let text = format::pct(share * 100.0, Some(0));
            c.text(
                &text,
                x.round() as i32,
                y.round() as i32,
                15.0,
                true,
                on(color),
                HPos::Center,
                VPos::Center,
            )?;
        }
        angle += sweep;
    }
    c.text(
        total_shown,
        cx as i32,
        cy as i32 - 2,
        18.0,
        true,
        TEXT,
        HPos::Center,
        VPos::Bottom,
    )?;
    c.text(
        "tổng số",
        cx as i32,
        cy as i32 + 2,
        15.0,
        false,
        MUTED,
        HPos::Center,
        VPos::Top,
    )?;
    let lx = PAD + 2 * RADIUS + 24;
    let width = WIDTH - lx - PAD;
    for (n, item) in items.iter().enumerate() {
        let y = PAD + 8 + n as i32 * 48;
        c.rect(lx, y + 2, lx + 13, y + 15, PALETTE[n % PALETTE.len()])?;
        c.text(
            &fit(&item.label, 16.0, true, width - 18),
            lx + 18,
            y + 8,
            16.0,
            true,
            TEXT,
            HPos::Left,
            VPos::Center,
        )?;
        let share = if total > 0.0 {
            item.value.max(0.0) / total * 100.0
        } else {
            0.0
        };
        let detail = format!("{} ({})", item.shown, format::pct(share, Some(1)));
        c.text(
            &fit(&detail, 15.0, false, width - 18),
            lx + 18,
            y + 29,
            15.0,
            false,
            MUTED,
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(arcs)
}

/// Whether the x labels of a trend need two staggered rows.
fn stagger(items: &[Item]) -> bool {
    let n = items.len().max(1) as i32;
    let step = (WIDTH - 2 * PAD - 60) / n;
    items.iter().any(|i| {
        measure(&i.label, 15.0, false) > step - 6 || measure(&i.shown, 16.0, true) > step - 6
    })
}

/// A "nice" axis maximum: 1, 2, 2.5 or 5 times a power of ten.
fn nice_max(v: f64) -> f64 {
    if v <= 0.0 {
        return 1.0;
    }
    let mag = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|m| *m >= v)
        .unwrap_or(10.0 * mag)
}

fn line(c: &Canvas<'_>, items: &[Item], height: i32) -> Result<(), String> {
    let max = nice_max(items.iter().map(|i| i.value).fold(0.0, f64::max) * 1.1);
    let ticks: Vec<f64> = (0..=4).map(|k| max * f64::from(k) / 4.0).collect();
    let tick_text: Vec<String> = ticks.iter().map(|t| format::num(*t, None)).collect();
    let left = PAD
        + tick_text
            .iter()
            .map(|t| measure(t, 15.0, false))
            .max()
            .unwrap_or(0)
        + 8;
    let staggered = stagger(items);
    let (top, bottom) = (PAD + 26, height - PAD - if staggered { 46 } else { 26 });
    let n = items.len();
    // The first and last points sit far enough in that their centred
    // labels clear the axis labels and the edge.
    let half = |i: Option<&Item>| {
        i.map_or(12, |i| {
            measure(&i.label, 15.0, false).max(measure(&i.shown, 16.0, true)) / 2 + 6
        })
        .max(12)
    };
    let (inset_l, inset_r) = (half(items.first()), half(items.last()));
    let step = f64::from(WIDTH - PAD - left - inset_l - inset_r) / (n.max(2) - 1) as f64;
    let x_of = |k: usize| left + inset_l + (step * k as f64).round() as i32;
    let y_of = |v: f64| bottom - ((v / max) * f64::from(bottom - top)).round() as i32;
    for (t, text) in ticks.iter().zip(&tick_text) {
        let y = y_of(*t);
        c.line(vec![(left, y), (WIDTH - PAD, y)], GRID, 1)?;
        c.text(
            text,
            left - 6,
            y,
            15.0,
            false,
            MUTED,
            HPos::Right,
            VPos::Center,
        )?;
    }
    let points: Vec<(i32, i32)> = items
        .iter()
        .enumerate()
        .map(|(k, i)| (x_of(k), y_of(i.value)))
        .collect();
    c.line(points.clone(), PALETTE[0], 3)?;
    for (k, ((x, y), item)) in points.iter().zip(items).enumerate() {
        c.area
            .draw(&Circle::new((*x, *y), 5, PALETTE[0].filled()))
            .map_err(|e| e.to_string())?;
        let lift = if staggered && k % 2 == 1 { 20 } else { 0 };
        c.text(
            &item.shown,
            *x,
            y - 9 - lift,
            16.0,
            true,
            TEXT,
            HPos::Center,
            VPos::Bottom,
        )?;
        let drop = if staggered && k % 2 == 1 { 20 } else { 0 };
        c.text(
            &item.label,
            *x,
            bottom + 6 + drop,
            15.0,
            false,
            TEXT,
            HPos::Center,
            VPos::Top,
        )?;
    }
    Ok(())
}

/// Makes plotters' SVG fit for inline HTML: no fixed size (the viewBox
/// scales), a title for assistive technology, text on one line, tidy
/// numbers, palette classes, arcs under the labels.
fn finish(svg: &str, title: &str, arcs: &str) -> String {
    let esc = super::html::escape(title);
    let mut out = String::with_capacity(svg.len());
    let body_start = svg.find('>').map_or(0, |i| i + 1);
    let head = &svg[..body_start];
    let view_box = head
        .split("viewBox=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or("0 0 480 300");
    out.push_str(&format!(
        "<svg class=\"bc-chart__svg\" viewBox=\"{view_box}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{esc}\"><title>{esc}</title>"
    ));
    out.push_str(arcs);
    let body = svg[body_start..]
        .trim_start_matches('\n')
        .replace(">\n", ">")
        .replace("\n</text>", "</text>")
        .replace(" opacity=\"1\"", "")
        .replace(" stroke=\"none\"", "")
        .replace(" font-family=\"sans-serif\"", "");
    let mut rest = body.as_str();
    while let Some(i) = rest.find("font-size=\"") {
        let (before, after) = rest.split_at(i + 11);
        out.push_str(before);
        let end = after.find('"').unwrap_or(0);
        let size: f64 = after[..end].parse().unwrap_or(17.0);
        out.push_str(&format::num(size, Some(0)).replace('.', ""));
        rest = &after[end..];
    }
    out.push_str(rest);
    for (n, c) in PALETTE.iter().enumerate() {
        let hex = format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
        out = out.replace(
            &format!("\" {hex}"),
            &format!("\" class=\"bc-chart__c{}\" {hex}", n + 1),
        );
        let stroke = format!("stroke=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
        out = out.replace(
            &format!("\" {stroke}"),
            &format!("\" class=\"bc-chart__l{}\" {stroke}", n + 1),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_are_embedded_and_measure_vietnamese() {
        let plain = measure("Tiep nhan", 15.0, false);
        let viet = measure("Tiếp nhận", 15.0, false);
        assert!(plain > 40 && (viet - plain).abs() <= 2, "{plain} {viet}");
        assert!(measure("Tiếp nhận", 15.0, true) > viet);
    }

    #[test]
    fn text_colour_on_palette_keeps_aa_contrast() {
        assert_eq!(on(PALETTE[0]), WHITE);
        assert_eq!(on(PALETTE[1]), TEXT, "white on orange fails AA");
        assert_eq!(on(OTHER), TEXT);
    }

    #[test]
    fn nice_maxima() {
        assert_eq!(nice_max(83.0), 100.0);
        assert_eq!(nice_max(92164.0), 100_000.0);
        assert_eq!(nice_max(21.0), 25.0);
        assert_eq!(nice_max(0.0), 1.0);
    }
}
