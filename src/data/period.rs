//! Reporting periods (SPEC §2): their grammar, Vietnamese labels, and the
//! "cùng kỳ" and "kỳ trước" periods they are compared with.

use crate::messages::{Hint, Part};
use std::cmp::Ordering;
use std::fmt;

use crate::date::Date;

/// A reporting period, parsed once from its id (`2023`, `2023-Q3`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// A whole year: `2023`.
    Year(i32),
    /// A half year: `2023-H1`, `2023-H2`.
    Half(i32, u8),
    /// A quarter: `2023-Q3`.
    Quarter(i32, u8),
    /// The first N months of a year: `2023-9M`.
    Months(i32, u8),
    /// One month: `2023-10`.
    Month(i32, u8),
    /// An explicit inclusive date range: `2020-01-01..2020-11-13`.
    Range(Date, Date),
}

/// The forms a period may be written in, for error hints.
pub const ACCEPTED_FORMS: &str =
    "2023, 2023-Q3, 2023-H1, 2023-H2, 2023-9M (1M..12M), 2023-10, 2020-01-01..2020-11-13";

/// The Vietnamese labels a period may also be written as, for error hints.
pub const WRITTEN_FORMS: &str =
    "năm 2023, quý III/2023, 6 tháng đầu năm 2023, 9 tháng đầu năm 2023, tháng 10/2023";

/// What to tell someone who wrote `text` where a period was expected and
/// `Period::parse` refused it with `why`: the reason and the hint. A near
/// miss (`Q3/2023`) is "not a period", with the id it most likely means as
/// the hint; anything else keeps its reason, with the forms a period is
/// written in.
pub fn explain(text: &str, why: Part) -> (Part, Hint) {
    match Period::suggest(text) {
        Some(p) => (
            crate::msg!(Part::NotAPeriod, text.trim()),
            crate::msg!(Hint::PeriodDidYouMean, p.id(), p.label()),
        ),
        None => (
            why,
            crate::msg!(Hint::WritePeriodOrLabel, ACCEPTED_FORMS, WRITTEN_FORMS),
        ),
    }
}

impl Period {
    /// The period of an inclusive date range: the named period (year, half,
    /// quarter, first N months, month) when the range covers exactly its
    /// span, so one span has one id and duplicates are caught however
    /// they are written.
    pub fn from_span(start: Date, end: Date) -> Period {
        let y = start.year;
        let named = [Period::Year(y)]
            .into_iter()
            .chain((1..=2).map(|h| Period::Half(y, h)))
            .chain((1..=4).map(|q| Period::Quarter(y, q)))
            .chain((1..=12).map(|m| Period::Month(y, m)))
            .chain([2, 4, 5, 7, 8, 9, 10, 11].map(|n| Period::Months(y, n)));
        named
            .into_iter()
            .find(|p| p.start() == start && p.end() == end)
            .unwrap_or(Period::Range(start, end))
    }

    /// Parses a period as people write it: its id (`2023-Q3`) or its
    /// Vietnamese label (`quý III/2023`, see [`Period::from_label`]). The
    /// error says what was wrong (shown inside
    /// [`Msg::BadPeriod`](crate::messages::Msg::BadPeriod)); for a near
    /// miss (`Q3/2023`, `2023Q3`) it names the id meant.
    pub fn parse(text: &str) -> Result<Period, Part> {
        let s = text.trim();
        let why = match Period::parse_id(s) {
            Ok(p) => return Ok(p),
            Err(why) => why,
        };
        if let Some(p) = Period::from_label(s) {
            return Ok(p);
        }
        if let Some(p) = Period::suggest(s) {
            return Err(crate::msg!(Part::NotAPeriodDidYouMean, s, p.id()));
        }
        // An id gone wrong says what is wrong in it ("`23` is not a
        // year"); other text is simply not a period.
        let id_like = s.starts_with(|c: char| c.is_ascii_digit())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.'));
        if s.is_empty() || id_like {
            Err(why)
        } else {
            Err(crate::msg!(Part::NotAPeriod, s))
        }
    }

    /// A period written as its Vietnamese label, in any case and with or
    /// without accents: `năm 2023`, `quý III/2023` (`Quý 3/2023`, `quý
    /// III năm 2023`), `6 tháng đầu năm 2023`, `6 tháng cuối năm 2023`,
    /// `9 tháng đầu năm 2023`, `tháng 10/2023` (`tháng 10 năm 2023`),
    /// `từ 01/01/2020 đến 13/11/2020`, and the chart axes' short labels
    /// (`9T/2023`, `T10/2023`). The whole text must be the label.
    pub fn from_label(text: &str) -> Option<Period> {
        let folded = crate::text::fold(text);
        let t: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        if let Some(p) = written_range(&t) {
            return Some(p);
        }
        let (&last, head) = t.split_last()?;
        let year = parse_year(last)?;
        let (head, said_year) = match head.split_last() {
            Some((&"nam", head)) => (head, true),
            _ => (head, false),
        };
        match head {
            [] | ["ca"] if said_year => Some(Period::Year(year)),
            ["quy" | "qui", q] => quarter_number(q).map(|q| Period::Quarter(year, q)),
            [n, "thang"] | [n, "thang", "dau"] => first_months(year, small(n)?),
            ["6", "thang", "cuoi"] | ["6t", "cuoi"] | ["nua", "cuoi"] => {
                Some(Period::Half(year, 2))
            }
            ["6t", "dau"] | ["nua", "dau"] => Some(Period::Half(year, 1)),
            ["thang", m] => month(year, small(m)?),
            [short] => match (short.strip_suffix('t'), short.strip_prefix('t')) {
                (Some(n), _) => first_months(year, small(n)?),
                (_, Some(m)) => month(year, small(m)?),
                _ => None,
            },
            _ => None,
        }
    }

    /// The period a near miss most likely means: `Q3/2023`, `2023Q3`,
    /// `III/2023`, `2023-3Q`, `Q3-2023` → `2023-Q3`; `H1/2023` →
    /// `2023-H1`; `9M/2023` → `2023-9M`; `10/2023`, `2023-1` → a month;
    /// `01/01/2020..13/11/2020` → a range. `None` when the text names no
    /// single period, or already is one.
    pub fn suggest(text: &str) -> Option<Period> {
        if Period::parse_id(text.trim()).is_ok() || Period::from_label(text).is_some() {
            return None;
        }
        let folded = crate::text::fold(text);
        let mut t: Vec<&str> = folded.split(' ').flat_map(split_letters_digits).collect();
        t.retain(|w| !matches!(*w, "tu" | "den" | "ngay"));
        if let Some(p) = day_range(&t) {
            return Some(p);
        }
        let mut years = t
            .iter()
            .enumerate()
            .filter_map(|(i, w)| Some((i, parse_year(w)?)));
        let (at, year) = years.next()?;
        if years.next().is_some() {
            return None;
        }
        t.remove(at);
        match t.as_slice() {
            [] | ["nam"] => Some(Period::Year(year)),
            ["q" | "quy" | "qui", q] | [q, "q"] => {
                quarter_number(q).map(|q| Period::Quarter(year, q))
            }
            [r] if roman(r).is_some() => roman(r).map(|q| Period::Quarter(year, q)),
            ["h", h] | [h, "h"] => small(h)
                .filter(|h| (1..=2).contains(h))
                .map(|h| Period::Half(year, h)),
            [n, "m" | "t"] => first_months(year, small(n)?),
            [m] | ["t" | "thang", m] => month(year, small(m)?),
            _ => None,
        }
    }

    /// Parses a period id (`2023-Q3`), and only an id.
    fn parse_id(s: &str) -> Result<Period, Part> {
        if s.is_empty() {
            return Err(Part::PeriodEmpty);
        }
        if let Some((a, b)) = s.split_once("..") {
            let start =
                Date::parse(a.trim()).ok_or_else(|| crate::msg!(Part::NotAnIsoDate, a.trim()))?;
            let end =
                Date::parse(b.trim()).ok_or_else(|| crate::msg!(Part::NotAnIsoDate, b.trim()))?;
            if end < start {
                return Err(crate::msg!(Part::RangeEndsBeforeStarts, end, start));
            }
            return Ok(Period::from_span(start, end));
        }
        let (year_text, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        let year = parse_year(year_text).ok_or_else(|| crate::msg!(Part::NotAYear, year_text))?;
        let Some(rest) = rest else {
            return Ok(Period::Year(year));
        };
        let upper = rest.to_ascii_uppercase();
        let bad = || crate::msg!(Part::NotAPeriod, s);
        let number = |t: &str| {
            t.parse::<u8>()
                .ok()
                .filter(|_| t.bytes().all(|b| b.is_ascii_digit()))
        };
        if let Some(q) = upper.strip_prefix('Q') {
            let q = number(q).filter(|q| (1..=4).contains(q)).ok_or_else(bad)?;
            Ok(Period::Quarter(year, q))
        } else if let Some(h) = upper.strip_prefix('H') {
            let h = number(h).filter(|h| (1..=2).contains(h)).ok_or_else(bad)?;
            Ok(Period::Half(year, h))
        } else if let Some(n) = upper.strip_suffix('M') {
            number(n)
                .and_then(|n| first_months(year, n))
                .ok_or_else(bad)
        } else if upper.len() == 2 {
            let m = number(&upper)
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(bad)?;
            Ok(Period::Month(year, m))
        } else {
            Err(bad())
        }
    }

    /// The canonical id, as written in data files and URLs.
    pub fn id(&self) -> String {
        match *self {
            Period::Year(y) => format!("{y}"),
            Period::Half(y, h) => format!("{y}-H{h}"),
            Period::Quarter(y, q) => format!("{y}-Q{q}"),
            Period::Months(y, n) => format!("{y}-{n}M"),
            Period::Month(y, m) => format!("{y}-{m:02}"),
            Period::Range(a, b) => format!("{a}..{b}"),
        }
    }

    /// The Vietnamese label: `quý III/2023`, `9 tháng đầu năm 2023`.
    pub fn label(&self) -> String {
        match *self {
            Period::Year(y) => format!("năm {y}"),
            Period::Half(y, 1) => format!("6 tháng đầu năm {y}"),
            Period::Half(y, _) => format!("6 tháng cuối năm {y}"),
            Period::Quarter(y, q) => {
                format!("quý {}/{y}", ["I", "II", "III", "IV"][usize::from(q - 1)])
            }
            Period::Months(y, n) => format!("{n} tháng đầu năm {y}"),
            Period::Month(y, m) => format!("tháng {m}/{y}"),
            Period::Range(a, b) => format!("từ {} đến {}", a.vi(), b.vi()),
        }
    }

    /// A short label for chart axes: `2023`, `Quý III/2023`, `9T/2023`.
    pub fn short_label(&self) -> String {
        match *self {
            Period::Year(y) => format!("{y}"),
            Period::Half(y, h) => format!("{}/{y}", if h == 1 { "6T đầu" } else { "6T cuối" }),
            Period::Quarter(y, q) => {
                format!("Quý {}/{y}", ["I", "II", "III", "IV"][usize::from(q - 1)])
            }
            Period::Months(y, n) => format!("{n}T/{y}"),
            Period::Month(y, m) => format!("T{m}/{y}"),
            Period::Range(a, b) => format!("{:02}/{:02}–{}", a.day, a.month, b.vi()),
        }
    }

    /// First day.
    pub fn start(&self) -> Date {
        let first = |y: i32, m: u8| Date {
            year: y,
            month: m,
            day: 1,
        };
        match *self {
            Period::Year(y) | Period::Months(y, _) => first(y, 1),
            Period::Half(y, h) => first(y, 1 + (h - 1) * 6),
            Period::Quarter(y, q) => first(y, 1 + (q - 1) * 3),
            Period::Month(y, m) => first(y, m),
            Period::Range(a, _) => a,
        }
    }

    /// Last day (inclusive).
    pub fn end(&self) -> Date {
        let after = |y: i32, m: u8, months: i32| {
            Date {
                year: y,
                month: m,
                day: 1,
            }
            .add_months_first(months)
            .add_days(-1)
        };
        match *self {
            Period::Year(y) => after(y, 1, 12),
            Period::Half(y, h) => after(y, 1 + (h - 1) * 6, 6),
            Period::Quarter(y, q) => after(y, 1 + (q - 1) * 3, 3),
            Period::Months(y, n) => after(y, 1, i32::from(n)),
            Period::Month(y, m) => after(y, m, 1),
            Period::Range(_, b) => b,
        }
    }

    /// The calendar year the period starts in.
    pub fn year(&self) -> i32 {
        self.start().year
    }

    /// "Cùng kỳ": the same span one year earlier.
    pub fn same_period(&self) -> Period {
        match *self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Half(y, h) => Period::Half(y - 1, h),
            Period::Quarter(y, q) => Period::Quarter(y - 1, q),
            Period::Months(y, n) => Period::Months(y - 1, n),
            Period::Month(y, m) => Period::Month(y - 1, m),
            Period::Range(a, b) => Period::Range(a.add_years(-1), b.add_years(-1)),
        }
    }

    /// "Kỳ trước": the preceding span of the same length.
    pub fn previous(&self) -> Period {
        match *self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Half(y, 1) => Period::Half(y - 1, 2),
            Period::Half(y, _) => Period::Half(y, 1),
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
            // The N months before January are not a named period.
            Period::Months(y, n) => {
                let start = Date {
                    year: y,
                    month: 1,
                    day: 1,
                };
                Period::Range(start.add_months_first(-i32::from(n)), start.add_days(-1))
            }
            Period::Range(a, b) => {
                let len = b.to_days() - a.to_days() + 1;
                Period::Range(a.add_days(-len), a.add_days(-1))
            }
        }
    }
}

/// The first `n` months of a year (1..=12). The first 1, 3, 6 or 12
/// months are a month, quarter, half or year already: one span, one id,
/// so duplicates are caught.
fn first_months(year: i32, n: u8) -> Option<Period> {
    Some(match n {
        1 => Period::Month(year, 1),
        3 => Period::Quarter(year, 1),
        6 => Period::Half(year, 1),
        12 => Period::Year(year),
        2..=11 => Period::Months(year, n),
        _ => return None,
    })
}

/// One month of a year (1..=12).
fn month(year: i32, m: u8) -> Option<Period> {
    (1..=12).contains(&m).then_some(Period::Month(year, m))
}

/// A number of one or two digits.
fn small(w: &str) -> Option<u8> {
    (!w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// A quarter in Roman (`III`, folded to `iii`) or Arabic (`3`) numerals.
fn quarter_number(w: &str) -> Option<u8> {
    roman(w).or_else(|| small(w).filter(|q| (1..=4).contains(q)))
}

/// A quarter in Roman numerals, folded: `i` … `iv`.
fn roman(w: &str) -> Option<u8> {
    match w {
        "i" => Some(1),
        "ii" => Some(2),
        "iii" => Some(3),
        "iv" => Some(4),
        _ => None,
    }
}

/// `từ 01/01/2020 đến 13/11/2020` (folded words, `ngày` allowed before
/// each date): the range, or the named period it covers.
fn written_range(t: &[&str]) -> Option<Period> {
    let rest = t.strip_prefix(&["tu"])?;
    let rest = rest.strip_prefix(&["ngay"]).unwrap_or(rest);
    let (start, rest) = rest.split_at_checked(3)?;
    let rest = rest.strip_prefix(&["den"])?;
    let end = rest.strip_prefix(&["ngay"]).unwrap_or(rest);
    let (a, b) = (day_month_year(start)?, day_month_year(end)?);
    (a <= b).then(|| Period::from_span(a, b))
}

/// Two dates `d m y d m y` in order: the range they bound.
fn day_range(t: &[&str]) -> Option<Period> {
    if t.len() != 6 {
        return None;
    }
    let (a, b) = (day_month_year(&t[..3])?, day_month_year(&t[3..])?);
    (a <= b).then(|| Period::from_span(a, b))
}

/// A date written day, month, year (`13 11 2020`, folded from `13/11/2020`).
fn day_month_year(t: &[&str]) -> Option<Date> {
    match t {
        [d, m, y] => Date::new(parse_year(y)?, small(m)?, small(d)?),
        _ => None,
    }
}

/// `q3` → `q`, `3`; `2023q3` → `2023`, `q`, `3`: folded words cut where
/// letters meet digits.
fn split_letters_digits(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = word.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i].is_ascii_digit() != bytes[i - 1].is_ascii_digit() {
            out.push(&word[start..i]);
            start = i;
        }
    }
    if start < word.len() {
        out.push(&word[start..]);
    }
    out
}

fn parse_year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id())
    }
}

impl Ord for Period {
    /// Chronological: by start, then end, then id (ties are distinct periods).
    fn cmp(&self, other: &Self) -> Ordering {
        // The id (a formatted string) only breaks ties: records are
        // looked up by period thousands of times.
        (self.start(), self.end())
            .cmp(&(other.start(), other.end()))
            .then_with(|| self.id().cmp(&other.id()))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_covering_a_named_span_is_that_period() {
        let p = |s: &str| Period::parse(s).unwrap();
        assert_eq!(p("2023-01-01..2023-12-31"), Period::Year(2023));
        assert_eq!(p("2023-07-01..2023-09-30"), p("2023-Q3"));
        assert_eq!(p("2023-01-01..2023-09-30"), p("2023-9M"));
        assert_eq!(p("2023-01-01..2023-06-30"), p("2023-H1"));
        assert_eq!(p("2023-02-01..2023-02-28"), p("2023-02"));
        assert!(matches!(p("2023-01-01..2023-12-30"), Period::Range(..)));
        assert!(matches!(p("2022-12-15..2023-12-14"), Period::Range(..)));
    }

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn grammar_and_labels() {
        let cases = [
            ("2023", "năm 2023"),
            ("2023-Q3", "quý III/2023"),
            ("2023-H1", "6 tháng đầu năm 2023"),
            ("2023-H2", "6 tháng cuối năm 2023"),
            ("2023-9M", "9 tháng đầu năm 2023"),
            ("2023-10", "tháng 10/2023"),
            ("2020-01-01..2020-11-13", "từ 01/01/2020 đến 13/11/2020"),
        ];
        for (id, label) in cases {
            assert_eq!(p(id).label(), label);
            assert_eq!(p(id).id(), id);
        }
        assert_eq!(p("2023-q3"), p("2023-Q3"));
        assert_eq!(p("2023-12M"), p("2023"));
        assert_eq!(p("2023-6M"), p("2023-H1"));
        assert_eq!(p("2023-3M"), p("2023-Q1"));
        assert_eq!(p("2023-1M"), p("2023-01"));
    }

    #[test]
    fn malformed_periods_are_errors() {
        for bad in [
            "",
            "23",
            "2023-Q5",
            "2023-H3",
            "2023-13M",
            "2023-13",
            "2023-1",
            "quý 3",
            "2020-01-01..2019-01-01",
            "2023-02-30..2023-03-01",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Period::parse("2023-Q5").unwrap_err().en(),
            "`2023-Q5` is not a period"
        );
        assert_eq!(Period::parse("23").unwrap_err().en(), "`23` is not a year");
    }

    #[test]
    fn periods_written_as_their_labels_are_read() {
        let cases = [
            ("năm 2023", "2023"),
            ("Năm 2023", "2023"),
            ("NĂM 2023", "2023"),
            ("nam 2023", "2023"),
            ("cả năm 2023", "2023"),
            ("quý III/2023", "2023-Q3"),
            ("Quý III/2023", "2023-Q3"),
            ("Quý 3/2023", "2023-Q3"),
            ("quy 3/2023", "2023-Q3"),
            ("quí III/2023", "2023-Q3"),
            ("Quý III năm 2023", "2023-Q3"),
            ("quý I/2024", "2024-Q1"),
            ("quý IV - 2023", "2023-Q4"),
            ("  quý  II / 2023 ", "2023-Q2"),
            ("6 tháng đầu năm 2023", "2023-H1"),
            ("6 Tháng Đầu Năm 2023", "2023-H1"),
            ("6 thang dau nam 2023", "2023-H1"),
            ("6 tháng cuối năm 2023", "2023-H2"),
            ("9 tháng đầu năm 2023", "2023-9M"),
            ("9 tháng năm 2023", "2023-9M"),
            ("3 tháng đầu năm 2023", "2023-Q1"),
            ("12 tháng năm 2023", "2023"),
            ("tháng 10/2023", "2023-10"),
            ("Tháng 10 năm 2023", "2023-10"),
            ("tháng 1/2024", "2024-01"),
            ("từ 01/01/2020 đến 13/11/2020", "2020-01-01..2020-11-13"),
            ("Từ ngày 1/7/2023 đến ngày 30/9/2023", "2023-Q3"),
            ("9T/2023", "2023-9M"),
            ("T10/2023", "2023-10"),
            ("6T đầu/2023", "2023-H1"),
            ("6T cuối/2023", "2023-H2"),
        ];
        for (written, id) in cases {
            assert_eq!(
                Period::parse(written).map(|p| p.id()),
                Ok(id.into()),
                "{written}"
            );
        }
        // Every period's own labels read back as that period.
        for id in [
            "2023",
            "2023-Q1",
            "2023-Q4",
            "2023-H1",
            "2023-H2",
            "2023-9M",
            "2023-2M",
            "2023-01",
            "2023-12",
            "2020-01-01..2020-11-13",
        ] {
            let period = p(id);
            assert_eq!(Period::parse(&period.label()), Ok(period), "{id}");
            if !matches!(period, Period::Range(..)) {
                assert_eq!(Period::parse(&period.short_label()), Ok(period), "{id}");
            }
        }
    }

    #[test]
    fn labels_that_name_nothing_are_errors() {
        for bad in [
            "quý V/2023",
            "quý 0/2023",
            "tháng 13/2023",
            "13 tháng đầu năm 2023",
            "5 tháng cuối năm 2023",
            "quý III",
            "năm",
            "năm 23",
            "từ 13/11/2020 đến 01/01/2020",
            "từ 30/02/2020 đến 01/03/2020",
            "quý III/2023 và quý IV/2023",
        ] {
            let err = Period::parse(bad).unwrap_err();
            assert_eq!(
                err.en(),
                format!("`{}` is not a period", bad.trim()),
                "{bad}"
            );
        }
    }

    #[test]
    fn near_misses_name_the_id_meant() {
        let cases = [
            ("Q3/2023", "2023-Q3"),
            ("q3/2023", "2023-Q3"),
            ("2023Q3", "2023-Q3"),
            ("2023 Q3", "2023-Q3"),
            ("III/2023", "2023-Q3"),
            ("2023-III", "2023-Q3"),
            ("2023-3Q", "2023-Q3"),
            ("3Q2023", "2023-Q3"),
            ("Q3-2023", "2023-Q3"),
            ("Q3.2023", "2023-Q3"),
            ("2023/Q4", "2023-Q4"),
            ("H1/2023", "2023-H1"),
            ("2023H2", "2023-H2"),
            ("9M/2023", "2023-9M"),
            ("2023 9M", "2023-9M"),
            ("6M/2023", "2023-H1"),
            ("10/2023", "2023-10"),
            ("2023/10", "2023-10"),
            ("2023-1", "2023-01"),
            ("2023.", "2023"),
            ("01/01/2020..13/11/2020", "2020-01-01..2020-11-13"),
            ("15/6/2023 – 14/9/2023", "2023-06-15..2023-09-14"),
        ];
        for (written, id) in cases {
            assert_eq!(
                Period::suggest(written).map(|p| p.id()),
                Some(id.into()),
                "{written}"
            );
            let err = Period::parse(written).unwrap_err();
            assert_eq!(
                err.en(),
                format!("`{written}` is not a period; did you mean `{id}`?"),
                "{written}"
            );
            assert_eq!(
                err.text(crate::messages::Lang::Vi),
                format!("`{written}` không phải kỳ báo cáo; có phải là `{id}`?")
            );
            // With a hint of its own, the message says what is wrong and
            // the hint what to write.
            let (why, hint) = explain(written, err);
            assert_eq!(why.en(), format!("`{written}` is not a period"));
            assert!(
                hint.en().starts_with(&format!("did you mean `{id}` (")),
                "{}",
                hint.en()
            );
            assert!(
                hint.text(crate::messages::Lang::Vi)
                    .starts_with(&format!("có phải là `{id}` (")),
            );
        }
        // "Q3/2023" is no longer "not a year".
        assert_eq!(
            explain("Q3/2023", Period::parse("Q3/2023").unwrap_err())
                .1
                .en(),
            "did you mean `2023-Q3` (quý III/2023)? A period is written as its id or its Vietnamese label"
        );
        // Nothing to suggest: out of range, no year, two years, a period already.
        for none in [
            "Q5/2023",
            "H3/2023",
            "13/2023",
            "quý 3",
            "2022-2023",
            "2023-Q3",
            "năm 2023",
        ] {
            assert_eq!(Period::suggest(none), None, "{none}");
        }
        let (why, hint) = explain("Q5/2023", Period::parse("Q5/2023").unwrap_err());
        assert_eq!(why.en(), "`Q5/2023` is not a period");
        assert!(
            hint.en()
                .starts_with("write the period as one of: 2023, 2023-Q3")
        );
        assert!(
            hint.en()
                .contains("or as its Vietnamese label: năm 2023, quý III/2023")
        );
    }

    #[test]
    fn spans() {
        assert_eq!(p("2023-9M").end(), Date::new(2023, 9, 30).unwrap());
        assert_eq!(p("2024-02").end(), Date::new(2024, 2, 29).unwrap());
        assert_eq!(p("2023-Q3").start(), Date::new(2023, 7, 1).unwrap());
        assert_eq!(p("2023-H2").end(), Date::new(2023, 12, 31).unwrap());
    }

    #[test]
    fn same_period_and_previous() {
        assert_eq!(p("2023").same_period(), p("2022"));
        assert_eq!(p("2023-9M").same_period(), p("2022-9M"));
        assert_eq!(p("2023-Q1").previous(), p("2022-Q4"));
        assert_eq!(p("2023-H2").previous(), p("2023-H1"));
        assert_eq!(p("2023-01").previous(), p("2022-12"));
        assert_eq!(p("2023-9M").previous(), p("2022-04-01..2022-12-31"));
        assert_eq!(
            p("2020-01-01..2020-01-10").previous(),
            p("2019-12-22..2019-12-31")
        );
        assert_eq!(
            p("2020-01-01..2020-11-13").same_period(),
            p("2019-01-01..2019-11-13")
        );
    }

    #[test]
    fn chronological_order() {
        let mut v = vec![p("2023"), p("2022-Q4"), p("2023-Q1"), p("2022")];
        v.sort();
        assert_eq!(v, vec![p("2022"), p("2022-Q4"), p("2023-Q1"), p("2023")]);
    }
}
