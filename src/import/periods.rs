//! Periods: from a column, or from the "Kỳ báo cáo" lines above the table.

use super::*;
use crate::messages::{Hint, Msg, Status};

pub(super) fn roman(w: &str) -> Option<u8> {
    match w {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

pub(super) fn year_of(w: &str) -> Option<i32> {
    (w.len() == 4)
        .then(|| w.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// A period named in words: "Quý III năm 2023", "6 tháng đầu năm 2023",
/// "9 tháng năm 2023", "Tháng 10/2023", "Năm 2023", or a period id.
pub(super) fn period_from_words(text: &str) -> Option<Period> {
    if let Ok(p) = Period::parse(text.trim()) {
        return Some(p);
    }
    let f = fold(text);
    let t: Vec<&str> = f.split(' ').collect();
    let year = t.iter().find_map(|w| year_of(w))?;
    for (i, w) in t.iter().enumerate() {
        if *w == "quy" {
            if let Some(q) = t.get(i + 1).and_then(|n| roman(n)) {
                return Some(Period::Quarter(year, q));
            }
        }
    }
    for (i, w) in t.iter().enumerate() {
        if *w != "thang" || i == 0 {
            continue;
        }
        if let Some(n) = t[i - 1].parse::<u8>().ok().filter(|n| (1..=12).contains(n)) {
            if n == 6 && t.get(i + 1) == Some(&"cuoi") {
                return Some(Period::Half(year, 2));
            }
            return Period::parse(&format!("{year}-{n}M")).ok();
        }
    }
    for (i, w) in t.iter().enumerate() {
        if *w == "thang" {
            if let Some(m) = t
                .get(i + 1)
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|m| (1..=12).contains(m))
            {
                return Some(Period::Month(year, m));
            }
        }
    }
    t.contains(&"nam").then_some(Period::Year(year))
}

/// A date as written: day, month and, when given, year.
pub(super) type WrittenDate = (u8, u8, Option<i32>);

/// Dates in a line: 15/6/2023, 15-06-2023, 15/6 (year from the next one),
/// or "ngày 15 tháng 6 năm 2023".
pub(super) fn dates_in(line: &str) -> Vec<WrittenDate> {
    let numeric = numeric_dates(line);
    if numeric.len() >= 2 {
        return numeric;
    }
    let words = word_dates(line);
    if words.len() >= 2 { words } else { numeric }
}

/// Dates written with digits: 15/6/2023, 15-06-23, 15.6 (no year).
fn numeric_dates(line: &str) -> Vec<WrittenDate> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !chars[i - 1].is_alphanumeric();
        if !(chars[i].is_ascii_digit() && boundary) {
            i += 1;
            continue;
        }
        match date_at(&chars, i) {
            Some((date, end)) => {
                out.push(date);
                i = end;
            }
            None => {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            }
        }
    }
    out
}

/// The date starting at `chars[i]`, day then month and maybe a year, one
/// separator between them, with the index just past it.
fn date_at(chars: &[char], i: usize) -> Option<(WrittenDate, usize)> {
    let (d, j) = digits_at(chars, i, 2);
    let d = d?;
    let sep = *chars.get(j)?;
    if !matches!(sep, '/' | '-' | '.') {
        return None;
    }
    let (m, k) = digits_at(chars, j + 1, 2);
    let m = m?;
    let (mut y, mut end) = (None, k);
    if chars.get(k) == Some(&sep) {
        let (yy, e) = digits_at(chars, k + 1, 4);
        if let Some(yy) = yy.filter(|_| e - (k + 1) == 4 || e - (k + 1) == 2) {
            y = Some(if yy < 100 {
                2000 + yy as i32
            } else {
                yy as i32
            });
            end = e;
        }
    }
    if chars.get(end).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some(((d as u8, m as u8, y), end))
}

/// The number of at most `max` digits starting at `chars[i]`, with the
/// index just past it; none (and `i`) when there are none or more.
fn digits_at(chars: &[char], i: usize, max: usize) -> (Option<u32>, usize) {
    let mut j = i;
    while j < chars.len() && chars[j].is_ascii_digit() && j - i < max + 1 {
        j += 1;
    }
    if j == i || j - i > max {
        return (None, i);
    }
    let n = chars[i..j].iter().collect::<String>().parse().ok();
    (n, j)
}

/// Dates in words: "ngày 15 tháng 6 năm 2023", the year optional.
fn word_dates(line: &str) -> Vec<WrittenDate> {
    let f = fold(line);
    let t: Vec<&str> = f.split(' ').collect();
    let mut words = Vec::new();
    for (i, w) in t.iter().enumerate() {
        if *w != "ngay" {
            continue;
        }
        let get = |k: usize| t.get(i + k).copied().unwrap_or("");
        let (Ok(d), Ok(m)) = (get(1).parse::<u8>(), get(3).parse::<u8>()) else {
            continue;
        };
        if get(2) != "thang" || !(1..=31).contains(&d) || !(1..=12).contains(&m) {
            continue;
        }
        let y = (get(4) == "nam").then(|| year_of(get(5))).flatten();
        words.push((d, m, y));
    }
    words
}

/// The two dates of a "(Từ ngày 15/6/2023 đến ngày 14/9/2023)" line.
pub(super) fn range_in(line: &str) -> Option<(Date, Date)> {
    let f = fold(line);
    if any_of(&f, &["thong tu", "nghi dinh", "quyet dinh", "cong van"]) {
        return None;
    }
    let dates = dates_in(line);
    if dates.len() < 2
        || !(has(&f, "den") || has(&f, "tu") || line.contains('-') || line.contains('–'))
    {
        return None;
    }
    let ((d1, m1, y1), (d2, m2, y2)) = (dates[0], dates[1]);
    let (y1, y2) = match (y1, y2) {
        (Some(a), Some(b)) => (a, b),
        (None, Some(b)) => (if (m1, d1) > (m2, d2) { b - 1 } else { b }, b),
        (Some(a), None) => (a, if (m2, d2) < (m1, d1) { a + 1 } else { a }),
        (None, None) => return None,
    };
    let a = Date::new(y1, m1, d1)?;
    let b = Date::new(y2, m2, d2)?;
    (a <= b).then_some((a, b))
}

/// A date range as a period id: the official cycle (15th of the month
/// before to the 14th, Nghị định 09/2019/NĐ-CP) or calendar months name a
/// month, quarter, half, first N months or year; anything else stays a range.
pub(super) fn period_from_range(a: Date, b: Date) -> (Period, Status) {
    let range = (Period::Range(a, b), Status::ExplicitRange);
    let official = a.day == 15 && b.day == 14;
    let calendar = a.day == 1 && b.day == days_in_month(b.year, b.month);
    if !official && !calendar {
        return range;
    }
    let (mut fy, mut fm) = (a.year, a.month);
    if official {
        if fm == 12 {
            fy += 1;
            fm = 1;
        } else {
            fm += 1;
        }
    }
    let (ly, lm) = (b.year, b.month);
    if fy != ly || lm < fm {
        return range;
    }
    let why = if official {
        Status::OfficialCycle
    } else {
        Status::CalendarMonths
    };
    let period = if fm == lm {
        Period::Month(ly, lm)
    } else if fm == 1 {
        match Period::parse(&format!("{ly}-{lm}M")) {
            Ok(p) => p,
            Err(_) => return range,
        }
    } else if fm == 7 && lm == 12 {
        Period::Half(ly, 2)
    } else if matches!(fm, 4 | 7 | 10) && lm == fm + 2 {
        Period::Quarter(ly, (fm - 1) / 3 + 1)
    } else {
        return range;
    };
    (period, why)
}

/// The period the title rows state, with the log line saying where from.
pub(super) fn title_period(
    ctx: &Ctx<'_>,
    header: &Header,
    log: &mut Vec<Status>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Period> {
    let table = ctx.table;
    let lines = title_lines(table, header);
    let from_range = lines.iter().find_map(|(r, line)| {
        let (a, b) = range_in(line)?;
        Some((*r, line.clone(), period_from_range(a, b)))
    });
    let mut named = lines
        .iter()
        .find_map(|(r, line)| report_period(line).map(|p| (*r, line.clone(), p)));
    // Some forms state the period only in the title: "BÁO CÁO … QUÝ III NĂM 2023".
    if named.is_none() && from_range.is_none() {
        named = heading_period(&lines);
    }
    match (from_range, named) {
        (Some((r, line, (p, why))), named) => {
            log.push(crate::msg!(
                Status::PeriodFromBecause,
                p.id(),
                line,
                table.row_number(r),
                why
            ));
            // The dates decide; a named period that differs is reported.
            if let Some((nr, nline, np)) = named.filter(|(_, _, np)| *np != p) {
                diags.push(
                    ctx.at(
                        Diagnostic::warning(crate::msg!(
                            Msg::PeriodDatesDisagree,
                            nline,
                            np.id(),
                            p.id()
                        )),
                        nr,
                        0,
                    )
                    .hint(Hint::CheckReportDates),
                );
            }
            Some(p)
        }
        (None, Some((r, line, p))) => {
            log.push(crate::msg!(
                Status::PeriodFrom,
                p.id(),
                line,
                table.row_number(r)
            ));
            Some(p)
        }
        (None, None) => None,
    }
}

/// The first title line naming a period in words, leaving out lines of
/// dates and of the numbers of legal documents.
fn heading_period(lines: &[(usize, String)]) -> Option<(usize, String, Period)> {
    lines
        .iter()
        .filter(|(_, l)| {
            let f = fold(l);
            !any_of(&f, &["ngay", "thong tu", "nghi dinh", "quyet dinh", "so"])
                && any_of(&f, &["quy", "thang", "nam"])
        })
        .find_map(|(r, l)| period_from_words(l).map(|p| (*r, l.clone(), p)))
}

/// The non-empty lines above the header, each its cells joined, by row.
fn title_lines(table: &Table, header: &Header) -> Vec<(usize, String)> {
    (0..header.start)
        .map(|r| {
            let texts: Vec<String> = table.rows[r]
                .iter()
                .map(Cell::text)
                .filter(|t| !t.is_empty())
                .collect();
            (r, texts.join(" "))
        })
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// The period of a "Kỳ báo cáo: Quý III năm 2023" line: an id after the
/// colon, or words after "kỳ báo cáo".
fn report_period(line: &str) -> Option<Period> {
    let f = fold(line);
    if !has(&f, "ky bao cao") {
        return None;
    }
    let after_colon = line.split_once(':').map(|(_, t)| t.trim().to_string());
    let rest = f
        .split_once("ky bao cao")
        .map(|(_, t)| t.to_string())
        .unwrap_or_default();
    after_colon
        .as_deref()
        .and_then(|t| Period::parse(t).ok())
        .or_else(|| period_from_words(&rest))
}

/// A period cell of a plain table: an id, or words.
pub(super) fn period_cell(cell: &Cell) -> Option<Period> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 => Period::parse(&number_text(*n)).ok(),
        Cell::Number(_) | Cell::Empty => None,
        Cell::Text(t) => Period::parse(t).ok().or_else(|| period_from_words(t)),
    }
}

/// A record's source as the form states it, in the form's words: "Biểu
/// số II.06a/VPCP/KSTT, UBND thị xã Thuận Đức, kỳ báo cáo Quý III năm
/// 2023 (15/6/2023 – 14/9/2023)". `None` when the title lines name neither
/// a form nor a reporting unit: the table is not a report form.
pub(super) fn form_source(ctx: &Ctx<'_>, header: &Header) -> Option<String> {
    let lines = title_lines(ctx.table, header);
    let after_label = |line: &str| match line.split_once(':') {
        Some((_, rest)) => rest.trim().trim_end_matches(['.', '…']).trim().to_string(),
        None => String::new(),
    };
    let form = lines
        .iter()
        .map(|(_, l)| l.trim())
        .find(|l| {
            let f = fold(l);
            f.starts_with("bieu so") || f.starts_with("bieu mau") || f.starts_with("mau so")
        })
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "));
    let unit = lines
        .iter()
        .find(|(_, l)| fold(l).starts_with("don vi bao cao"))
        .map(|(_, l)| after_label(l))
        .filter(|u| !u.is_empty());
    if form.is_none() && unit.is_none() {
        return None;
    }
    let named = lines
        .iter()
        .find(|(_, l)| fold(l).starts_with("ky bao cao"))
        .map(|(_, l)| after_label(l))
        .filter(|p| !p.is_empty());
    let dates = lines.iter().find_map(|(_, l)| range_in(l)).map(|(a, b)| {
        format!(
            "{}/{}/{} – {}/{}/{}",
            a.day, a.month, a.year, b.day, b.month, b.year
        )
    });
    let period = match (named, dates) {
        (Some(n), Some(d)) => Some(format!("kỳ báo cáo {n} ({d})")),
        (Some(n), None) => Some(format!("kỳ báo cáo {n}")),
        (None, Some(d)) => Some(format!("kỳ báo cáo {d}")),
        (None, None) => heading_period(&lines).map(|(_, _, p)| format!("kỳ báo cáo {}", p.label())),
    };
    let parts: Vec<String> = [form, unit, period].into_iter().flatten().collect();
    Some(parts.join(", "))
}
