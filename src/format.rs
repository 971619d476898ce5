//! Vietnamese number, money, date and change formatting (SPEC §5), and slugs.

use crate::date::{Date, DateTime};

/// How numbers, money and changes are written in one language: the
/// separators and the words around them. Vietnamese by default; a theme's
/// `i18n` file gives the site's ([`crate::theme::Words::style`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Style {
    /// Between thousands: `.` in Vietnamese, `,` in English.
    pub thousands: String,
    /// Before decimals: `,` in Vietnamese, `.` in English.
    pub decimal: String,
    /// `tăng` / `up`.
    pub up: String,
    /// `giảm` / `down`.
    pub down: String,
    /// `không đổi` / `unchanged`.
    pub unchanged: String,
    /// `so với cùng kỳ`.
    pub same_period: String,
    /// `so với kỳ trước`.
    pub previous: String,
    /// `điểm phần trăm`.
    pub points: String,
    /// Money patterns with `{n}`: đồng, million, billion.
    pub vnd: [String; 3],
    /// After a comparison with a merged unit's sum, `{units}` the units
    /// before the reorganisation: `(tổng của {units} trước sắp xếp)`.
    pub merged_sum: String,
    /// The last two names of a list, `{a}` and `{b}`: `{a} và {b}`.
    pub and: String,
}

impl Style {
    /// `A`, `A và B`, `A, B và C`.
    pub fn list(&self, names: &[String]) -> String {
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => self
                .and
                .replace("{a}", &init.join(", "))
                .replace("{b}", last),
        }
    }

    /// `(tổng của A và B trước sắp xếp)`.
    pub fn merged(&self, names: &[String]) -> String {
        self.merged_sum.replace("{units}", &self.list(names))
    }
}

impl Style {
    /// The Vietnamese way (SPEC §5).
    pub fn vi() -> Style {
        Style {
            thousands: ".".into(),
            decimal: ",".into(),
            up: "tăng".into(),
            down: "giảm".into(),
            unchanged: "không đổi".into(),
            same_period: "so với cùng kỳ".into(),
            previous: "so với kỳ trước".into(),
            points: "điểm phần trăm".into(),
            vnd: [
                "{n} đồng".into(),
                "{n} triệu đồng".into(),
                "{n} tỷ đồng".into(),
            ],
            merged_sum: "(tổng của {units} trước sắp xếp)".into(),
            and: "{a} và {b}".into(),
        }
    }
}

thread_local! {
    static VI: Style = Style::vi();
}

/// `6580` → `6.580`, `4.7` → `4,7`: at most two decimals, trailing zeros
/// dropped, unless `decimals` fixes them.
pub fn num(value: f64, decimals: Option<usize>) -> String {
    VI.with(|s| num_in(s, value, decimals))
}

/// [`num`] in a language's style.
pub fn num_in(style: &Style, value: f64, decimals: Option<usize>) -> String {
    match decimals {
        Some(d) => decimal(style, value, d, true),
        None => decimal(style, value, 2, false),
    }
}

/// A 0–100 number as a percentage: `82.341` → `82,34%`, `100.0` → `100%`.
pub fn pct(value: f64, decimals: Option<usize>) -> String {
    VI.with(|s| pct_in(s, value, decimals))
}

/// [`pct`] in a language's style.
pub fn pct_in(style: &Style, value: f64, decimals: Option<usize>) -> String {
    format!("{}%", num_in(style, value, decimals))
}

/// Money in đồng: `4700000` → `4,7 triệu đồng`, `1200000000` → `1,2 tỷ đồng`,
/// `850000` → `850.000 đồng`.
pub fn vnd(value: f64) -> String {
    VI.with(|s| vnd_in(s, value))
}

/// [`vnd`] in a language's style.
pub fn vnd_in(style: &Style, value: f64) -> String {
    vnd_decimals_in(style, value, None)
}

/// Money in its size word (đồng, triệu, tỷ), with `decimals` fixed for
/// millions and billions (đồng are whole): `Some(1)` writes `1,0 tỷ đồng`.
pub fn vnd_decimals_in(style: &Style, value: f64, decimals: Option<usize>) -> String {
    let (scaled, size) = vnd_size(value);
    let n = if size == 0 {
        decimal(style, scaled, 0, false)
    } else {
        num_in(style, scaled, decimals)
    };
    style.vnd[size].replace("{n}", &n)
}

/// The number written before money's size word, and the word's index
/// (0 đồng, 1 triệu, 2 tỷ).
pub fn vnd_size(value: f64) -> (f64, usize) {
    // Choose the unit after rounding: 999.999.999 đồng is "1 tỷ", not "1.000 triệu".
    let abs = value.abs();
    if round_to(abs / 1e6, 2) >= 1000.0 {
        (value / 1e9, 2)
    } else if round_to(abs, 0) >= 1e6 {
        (value / 1e6, 1)
    } else {
        (value, 0)
    }
}

/// How many decimals a column of numbers needs so that every value is
/// written with the same number: the most any value needs, at most `cap`
/// (`[97.9, 98.74]` → 2, so `97,90` beside `98,74`; `[97.0, 93.5]` → 1).
pub fn decimals_needed(values: impl IntoIterator<Item = f64>, cap: usize) -> usize {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .map(|v| {
            let scale = 10u128.pow(cap as u32);
            let scaled = (v.abs() * scale as f64).round().min(u128::MAX as f64) as u128;
            let frac = scaled % scale;
            (0..=cap)
                .find(|d| frac % 10u128.pow((cap - d) as u32) == 0)
                .unwrap_or(cap)
        })
        .max()
        .unwrap_or(0)
}

/// Rounds half away from zero at `decimals` places, as reports do
/// (12,5 → 13), not half to even.
fn round_to(value: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    (value * scale).round() / scale
}

/// Formats with the style's separators between thousands and before
/// decimals.
fn decimal(style: &Style, value: f64, max_decimals: usize, fixed: bool) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let scale = 10u128.pow(max_decimals as u32);
    // Beyond u128 no report figure goes; saturate rather than wrap.
    let scaled = (value.abs() * scale as f64).round().min(u128::MAX as f64) as u128;
    let int = (scaled / scale).to_string();
    let frac = format!("{:0width$}", scaled % scale, width = max_decimals);
    let frac = if max_decimals == 0 {
        ""
    } else if fixed {
        frac.as_str()
    } else {
        frac.trim_end_matches('0')
    };
    let mut out = String::new();
    // "-0" is not a number a reader should see.
    if value < 0.0 && scaled > 0 {
        out.push('-');
    }
    out.push_str(&group_thousands(&int, &style.thousands));
    if !frac.is_empty() {
        out.push_str(&style.decimal);
        out.push_str(frac);
    }
    out
}

fn group_thousands(digits: &str, separator: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

const WEEKDAYS: [&str; 7] = [
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ Nhật",
];

/// The Vietnamese weekday name of a date.
pub fn weekday(date: Date) -> &'static str {
    WEEKDAYS[usize::from(date.weekday())]
}

/// The `date` filter's formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFormat {
    /// `17/12/2020`
    Short,
    /// `Thứ Năm, 17/12/2020`
    Long,
    /// `Thứ Năm, 17/12/2020 | 09:00 GMT+7`
    Full,
}

impl DateFormat {
    /// Parses a format name.
    pub fn parse(s: &str) -> Option<DateFormat> {
        match s {
            "short" => Some(DateFormat::Short),
            "long" => Some(DateFormat::Long),
            "full" => Some(DateFormat::Full),
            _ => None,
        }
    }
}

/// Formats a timestamp the Vietnamese way.
pub fn date(dt: &DateTime, format: DateFormat) -> String {
    date_named(dt, format, weekday(dt.date))
}

/// Formats a timestamp with the weekday name given (the theme's words).
pub fn date_named(dt: &DateTime, format: DateFormat, weekday: &str) -> String {
    let d = dt.date;
    match format {
        DateFormat::Short => d.vi(),
        DateFormat::Long => format!("{}, {}", weekday, d.vi()),
        // A date written without a time shows none rather than "00:00".
        DateFormat::Full if !dt.has_time => format!("{}, {}", weekday, d.vi()),
        DateFormat::Full => {
            let off = dt.offset_minutes;
            let sign = if off < 0 { '-' } else { '+' };
            let zone = match (off.abs() / 60, off.abs() % 60) {
                (0, 0) => "GMT".to_string(),
                (h, 0) => format!("GMT{sign}{h}"),
                (h, m) => format!("GMT{sign}{h}:{m:02}"),
            };
            format!(
                "{}, {} | {:02}:{:02} {zone}",
                weekday,
                d.vi(),
                dt.hour,
                dt.minute
            )
        }
    }
}

/// What a change is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Against {
    /// Cùng kỳ: the same span a year earlier.
    SamePeriod,
    /// Kỳ trước: the preceding span of the same length.
    Previous,
}

impl Against {
    /// The closing words of the sentence in a style.
    pub fn words(self, style: &Style) -> &str {
        match self {
            Against::SamePeriod => &style.same_period,
            Against::Previous => &style.previous,
        }
    }
}

/// How a change of a metric is expressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeStyle<'a> {
    /// A count with its noun: `tăng 17.582 hồ sơ (+26,56%)`.
    Count(&'a str),
    /// Money: `tăng 4,7 triệu đồng (+12%)`.
    Money,
    /// A rate, changed in percentage points.
    Points,
}

/// The change between two values as a sentence fragment:
/// `tăng 17.582 hồ sơ (+26,56%) so với cùng kỳ`,
/// `tăng 12,3 điểm phần trăm so với cùng kỳ`, `không đổi so với cùng kỳ`.
pub fn change(current: f64, earlier: f64, style: ChangeStyle<'_>, against: Against) -> String {
    VI.with(|s| change_in(s, current, earlier, style, against))
}

/// [`change`] in a language's style.
pub fn change_in(
    words: &Style,
    current: f64,
    earlier: f64,
    style: ChangeStyle<'_>,
    against: Against,
) -> String {
    let diff = current - earlier;
    let closing = against.words(words);
    // Differences below display precision read as "no change".
    if diff.abs() < 0.005 {
        return format!("{} {closing}", words.unchanged);
    }
    let verb = if diff > 0.0 { &words.up } else { &words.down };
    let amount = match style {
        ChangeStyle::Points => {
            return format!(
                "{verb} {} {} {closing}",
                num_in(words, diff.abs(), None),
                words.points
            );
        }
        ChangeStyle::Money => vnd_in(words, diff.abs()),
        ChangeStyle::Count(noun) => format!("{} {noun}", num_in(words, diff.abs(), None)),
    };
    if earlier == 0.0 {
        return format!("{verb} {amount} {closing}");
    }
    let rel = diff / earlier.abs() * 100.0;
    // A change too small to show as a percentage gets none, not "(+0%)".
    if round_to(rel.abs(), 2) == 0.0 {
        return format!("{verb} {amount} {closing}");
    }
    let sign = if rel > 0.0 { "+" } else { "-" };
    format!(
        "{verb} {amount} ({sign}{}) {closing}",
        pct_in(words, rel.abs(), None)
    )
}

pub use crate::text::slugify;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_needs_the_decimals_of_its_most_precise_value() {
        assert_eq!(decimals_needed([97.9, 98.74], 2), 2);
        assert_eq!(decimals_needed([97.0, 93.5], 2), 1);
        assert_eq!(decimals_needed([6580.0, 75633.0], 2), 0);
        assert_eq!(decimals_needed([99.999, 1.0], 2), 0, "rounds to 100");
        assert_eq!(decimals_needed([28.2149, 71.7851], 1), 1);
        assert_eq!(decimals_needed([81.0, 19.0], 1), 0);
        assert_eq!(decimals_needed([f64::NAN], 2), 0);
        assert_eq!(decimals_needed(std::iter::empty(), 2), 0);
        let vi = Style::vi();
        assert_eq!(vnd_decimals_in(&vi, 1.0e9, Some(1)), "1,0 tỷ đồng");
        assert_eq!(vnd_decimals_in(&vi, 850_000.0, Some(2)), "850.000 đồng");
        assert_eq!(vnd_decimals_in(&vi, 4.7e6, None), vnd(4.7e6));
    }

    #[test]
    fn numbers_from_the_seeds() {
        assert_eq!(num(6580.0, None), "6.580");
        assert_eq!(num(75633.0, None), "75.633");
        assert_eq!(num(4.7, None), "4,7");
        assert_eq!(num(1234567.0, None), "1.234.567");
        assert_eq!(num(93.1, Some(2)), "93,10");
        assert_eq!(num(-0.001, None), "0");
        assert_eq!(num(-1500.0, None), "-1.500");
        assert_eq!(num(999.0, None), "999");
    }

    #[test]
    fn rates_from_the_seeds() {
        assert_eq!(pct(6123.0 / 6580.0 * 100.0, None), "93,05%");
        assert_eq!(pct(8906.0 / 10816.0 * 100.0, None), "82,34%");
        assert_eq!(pct(1638.0 / 10816.0 * 100.0, None), "15,14%");
        assert_eq!(pct(93.10, None), "93,1%");
        assert_eq!(pct(100.0, None), "100%");
        assert_eq!(pct(93.1, Some(2)), "93,10%");
        assert_eq!(pct(99.38, Some(1)), "99,4%");
    }

    #[test]
    fn rounding_is_half_up_and_units_follow_the_rounded_value() {
        assert_eq!(pct(12.5, Some(0)), "13%");
        assert_eq!(pct(99.125, None), "99,13%");
        assert_eq!(pct(0.125, None), "0,13%");
        assert_eq!(num(-2.5, Some(0)), "-3");
        assert_eq!(vnd(999_999_999.0), "1 tỷ đồng");
        assert_eq!(vnd(999_999.6), "1 triệu đồng");
        assert_eq!(vnd(999_994.0), "999.994 đồng");
    }

    #[test]
    fn money() {
        assert_eq!(vnd(4_700_000.0), "4,7 triệu đồng");
        assert_eq!(vnd(1_200_000_000.0), "1,2 tỷ đồng");
        assert_eq!(vnd(850_000.0), "850.000 đồng");
        assert_eq!(vnd(2_000_000_000.0), "2 tỷ đồng");
    }

    #[test]
    fn dates() {
        let dt = DateTime::parse("2023-10-26T07:00:00+07:00").unwrap();
        assert_eq!(date(&dt, DateFormat::Short), "26/10/2023");
        assert_eq!(date(&dt, DateFormat::Long), "Thứ Năm, 26/10/2023");
        assert_eq!(
            date(&dt, DateFormat::Full),
            "Thứ Năm, 26/10/2023 | 07:00 GMT+7"
        );
        let date_only = DateTime::parse("2023-11-01").unwrap();
        assert_eq!(date(&date_only, DateFormat::Full), "Thứ Tư, 01/11/2023");
        let half_hour = DateTime::parse("2023-11-01T08:00-00:30").unwrap();
        assert_eq!(
            date(&half_hour, DateFormat::Full),
            "Thứ Tư, 01/11/2023 | 08:00 GMT-0:30"
        );
        let sunday = DateTime::parse("2024-01-28T10:00:00+07:00").unwrap();
        assert_eq!(date(&sunday, DateFormat::Long), "Chủ Nhật, 28/01/2024");
    }

    #[test]
    fn changes_against_the_same_period() {
        assert_eq!(
            change(
                83786.0,
                66204.0,
                ChangeStyle::Count("hồ sơ"),
                Against::SamePeriod
            ),
            "tăng 17.582 hồ sơ (+26,56%) so với cùng kỳ"
        );
        assert_eq!(
            change(54.76, 42.46, ChangeStyle::Points, Against::SamePeriod),
            "tăng 12,3 điểm phần trăm so với cùng kỳ"
        );
        assert_eq!(
            change(
                900.0,
                1000.0,
                ChangeStyle::Count("văn bản"),
                Against::Previous
            ),
            "giảm 100 văn bản (-10%) so với kỳ trước"
        );
        assert_eq!(
            change(
                83787.0,
                83786.0,
                ChangeStyle::Count("hồ sơ"),
                Against::SamePeriod
            ),
            "tăng 1 hồ sơ so với cùng kỳ"
        );
        assert_eq!(
            change(5.0, 5.0, ChangeStyle::Count("hồ sơ"), Against::SamePeriod),
            "không đổi so với cùng kỳ"
        );
        assert_eq!(
            change(5_000_000.0, 0.0, ChangeStyle::Money, Against::SamePeriod),
            "tăng 5 triệu đồng so với cùng kỳ"
        );
    }

    #[test]
    fn slugs_drop_diacritics() {
        assert_eq!(slugify("Cải cách hành chính"), "cai-cach-hanh-chinh");
        assert_eq!(
            slugify("Đồng Tháp: 6 tháng đầu năm!"),
            "dong-thap-6-thang-dau-nam"
        );
        assert_eq!(slugify("  Tin Ủy ban nhân dân "), "tin-uy-ban-nhan-dan");
    }

    #[test]
    fn merged_units_are_listed_in_words() {
        let vi = Style::vi();
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(vi.list(&names(&["A"])), "A");
        assert_eq!(vi.list(&names(&["A", "B"])), "A và B");
        assert_eq!(vi.list(&names(&["A", "B", "C"])), "A, B và C");
        assert_eq!(
            vi.merged(&names(&["Phường A", "Phường B"])),
            "(tổng của Phường A và Phường B trước sắp xếp)"
        );
    }
}
