//! Calendar dates and the article timestamp, without a time-zone database:
//! the portal only needs civil dates, weekdays and a fixed UTC offset.

use std::fmt;

/// A civil (proleptic Gregorian) date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2023.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            digits(&s[0..4])? as i32,
            digits(&s[5..7])? as u8,
            digits(&s[8..10])? as u8,
        )
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// The same day `n` years later; 29 February becomes 28 February.
    pub fn add_years(self, n: i32) -> Date {
        let year = self.year + n;
        let day = self.day.min(days_in_month(year, self.month));
        Date {
            year,
            month: self.month,
            day,
        }
    }

    /// The first day of the month `n` months later.
    pub fn add_months_first(self, n: i32) -> Date {
        let m0 = self.year * 12 + i32::from(self.month) - 1 + n;
        Date {
            year: m0.div_euclid(12),
            month: (m0.rem_euclid(12) + 1) as u8,
            day: 1,
        }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }

    /// `dd/mm/yyyy`, as Vietnamese dates are written.
    pub fn vi(self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days in a month of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// An article's publication time: a civil date and time at a fixed offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// The local date.
    pub date: Date,
    /// Hour 0–23.
    pub hour: u8,
    /// Minute 0–59.
    pub minute: u8,
    /// Second 0–59.
    pub second: u8,
    /// Offset from UTC in minutes (Vietnam: +420).
    pub offset_minutes: i16,
    /// Whether a time of day was written (a date alone shows no time).
    pub has_time: bool,
}

/// Vietnam's offset, used when a date is written without one.
pub const VIETNAM_OFFSET: i16 = 7 * 60;

impl DateTime {
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` and either followed by
    /// `Z` or `±HH:MM`; a space may stand for `T`. No offset means GMT+7.
    pub fn parse(s: &str) -> Option<DateTime> {
        let s = s.trim();
        let date = Date::parse(s.get(..10)?)?;
        let rest = &s[10..];
        let mut dt = DateTime {
            date,
            hour: 0,
            minute: 0,
            second: 0,
            offset_minutes: VIETNAM_OFFSET,
            has_time: false,
        };
        if rest.is_empty() {
            return Some(dt);
        }
        let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
        let (time, offset) = match rest.find(['Z', 'z', '+', '-']) {
            Some(i) => (&rest[..i], Some(&rest[i..])),
            None => (rest, None),
        };
        dt.has_time = true;
        // Fractions of a second are dropped: the portal shows minutes.
        let time = time.split_once('.').map_or(time, |(t, frac)| {
            if !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit()) {
                t
            } else {
                "x"
            }
        });
        let parts: Vec<&str> = time.trim().split(':').collect();
        if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() != 2) {
            return None;
        }
        dt.hour = digits(parts[0])? as u8;
        dt.minute = digits(parts[1])? as u8;
        dt.second = match parts.get(2) {
            Some(p) => digits(p)? as u8,
            None => 0,
        };
        if dt.hour > 23 || dt.minute > 59 || dt.second > 59 {
            return None;
        }
        if let Some(off) = offset {
            dt.offset_minutes = match off {
                "Z" | "z" => 0,
                _ => {
                    let sign: i16 = if off.starts_with('-') { -1 } else { 1 };
                    let hm = &off[1..];
                    if hm.len() != 5 || !hm.is_ascii() || &hm[2..3] != ":" {
                        return None;
                    }
                    let h = digits(&hm[..2])? as i16;
                    let m = digits(&hm[3..])? as i16;
                    if h > 14 || m > 59 {
                        return None;
                    }
                    sign * (h * 60 + m)
                }
            };
        }
        Some(dt)
    }

    /// RFC 3339, as feeds and sitemaps want it.
    pub fn rfc3339(&self) -> String {
        let off = self.offset_minutes;
        let sign = if off < 0 { '-' } else { '+' };
        format!(
            "{}T{:02}:{:02}:{:02}{}{:02}:{:02}",
            self.date,
            self.hour,
            self.minute,
            self.second,
            sign,
            off.abs() / 60,
            off.abs() % 60
        )
    }

    /// Seconds since the epoch in UTC: the order of publication.
    pub fn timestamp(&self) -> i64 {
        self.date.to_days() * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset_minutes) * 60
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_weekdays() {
        for d in [
            Date::new(2020, 2, 29),
            Date::new(1969, 12, 31),
            Date::new(2023, 10, 26),
        ] {
            let d = d.unwrap();
            assert_eq!(Date::from_days(d.to_days()), d);
        }
        // 26/10/2023 was a Thursday, 17/12/2020 too; 28/01/2024 a Sunday.
        assert_eq!(Date::new(2023, 10, 26).unwrap().weekday(), 3);
        assert_eq!(Date::new(2020, 12, 17).unwrap().weekday(), 3);
        assert_eq!(Date::new(2024, 1, 28).unwrap().weekday(), 6);
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2023-13-01"), None);
        assert_eq!(Date::parse("2023-1-01"), None);
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn parses_timestamps_with_offsets() {
        let dt = DateTime::parse("2023-10-26T07:00:00+07:00").unwrap();
        assert_eq!((dt.hour, dt.minute, dt.offset_minutes), (7, 0, 420));
        assert_eq!(dt.rfc3339(), "2023-10-26T07:00:00+07:00");
        assert_eq!(DateTime::parse("2023-10-26").unwrap().offset_minutes, 420);
        assert_eq!(DateTime::parse("2023-10-26 07:30").unwrap().minute, 30);
        assert_eq!(
            DateTime::parse("2023-10-26T07:00:00Z")
                .unwrap()
                .offset_minutes,
            0
        );
        assert!(DateTime::parse("26/10/2023").is_none());
        let frac = DateTime::parse("2023-10-26T07:00:00.250+07:00").unwrap();
        assert_eq!((frac.hour, frac.second, frac.has_time), (7, 0, true));
        assert!(!DateTime::parse("2023-10-26").unwrap().has_time);
        assert!(DateTime::parse("2023-10-26T07:00:00.+07:00").is_none());
        assert!(DateTime::parse("2023-10-26T25:00").is_none());
        assert!(DateTime::parse("2023-10-26T07:00+7").is_none());
        assert!(DateTime::parse("2023-10-26T07:00+1đ:0").is_none());
        assert!(DateTime::parse("2023-10-2đ").is_none());
    }

    #[test]
    fn leap_day_moves_to_28_february_a_year_back() {
        assert_eq!(
            Date::new(2024, 2, 29).unwrap().add_years(-1),
            Date::new(2023, 2, 28).unwrap()
        );
    }
}
