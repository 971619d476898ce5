//! Reporting periods (SPEC §2): their grammar, Vietnamese labels, and the
//! "cùng kỳ" and "kỳ trước" periods they are compared with.

use crate::messages::Part;
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

    /// Parses a period id; the error says what was wrong (shown inside
    /// [`Msg::BadPeriod`](crate::messages::Msg::BadPeriod)).
    pub fn parse(text: &str) -> Result<Period, Part> {
        let s = text.trim();
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
            let n = number(n).filter(|n| (1..=12).contains(n)).ok_or_else(bad)?;
            // The first 1, 3, 6 or 12 months are a month, quarter, half or
            // year already: one span, one id, so duplicates are caught.
            Ok(match n {
                1 => Period::Month(year, 1),
                3 => Period::Quarter(year, 1),
                6 => Period::Half(year, 1),
                12 => Period::Year(year),
                _ => Period::Months(year, n),
            })
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
        (self.start(), self.end(), self.id()).cmp(&(other.start(), other.end(), other.id()))
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
