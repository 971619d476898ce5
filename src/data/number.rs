//! One rule for figures written as text, used by every reader (YAML, CSV,
//! XLSX text cells, `import`): Vietnamese writes `.` for thousands and `,`
//! for decimals, English the other way round, so `12.000` must never be
//! read as 12 for a count.

use super::MetricUnit;

/// The largest figure a report can hold, by unit: a count of a trillion
/// dossiers, or a million billion đồng, is a typing error.
pub fn max_figure(unit: MetricUnit) -> f64 {
    match unit {
        MetricUnit::Vnd => 1e15,
        _ => 1e12,
    }
}

/// Whether a metric's figures are whole numbers (counts, đồng), so that `.`
/// and `,` in them can only separate thousands.
pub fn is_whole(unit: MetricUnit) -> bool {
    unit != MetricUnit::Percent
}

/// Why a text is not a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not digits, separators and a sign.
    NotANumber,
    /// A whole-number figure whose separators are not thousands groups
    /// (`12.00`, `1.2345`, `1.234,5`): a decimal, or a typing error.
    NotWhole,
}

/// Reads a figure written as text. For whole-number metrics (`whole`),
/// `.` or `,` between groups of exactly three digits after a lead of one to
/// three (`12.000`, `1,234,567`, one kind of separator) are thousands
/// separators, and any other use of them is [`Problem::NotWhole`]. For
/// rates a single `,` (and no `.`) is a decimal comma: `93,1` is 93.1.
pub fn parse(text: &str, whole: bool) -> Result<f64, Problem> {
    let t = text.trim();
    // A space (also no-break or narrow no-break) groups thousands the same
    // way in counts and rates: `12 000`, `1 234,5`. The groups before the
    // decimal part are checked here, then read without the spaces.
    if t.contains(SPACES) {
        let body = t.strip_prefix(['-', '+']).unwrap_or(t);
        let int_end = body.find(['.', ',']).unwrap_or(body.len());
        let (int, rest) = body.split_at(int_end);
        let groups: Vec<&str> = int.split(SPACES).collect();
        let grouped = !rest.contains(SPACES)
            && lead_group(groups[0])
            && groups[1..]
                .iter()
                .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        if !grouped {
            return Err(
                if body
                    .bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b' ') || !b.is_ascii())
                {
                    Problem::NotWhole
                } else {
                    Problem::NotANumber
                },
            );
        }
        let joined: String = t.chars().filter(|c| !SPACES.contains(c)).collect();
        return parse(&joined, whole);
    }
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b','))
        || !body.bytes().any(|b| b.is_ascii_digit())
    {
        return Err(Problem::NotANumber);
    }
    let negative = t.starts_with('-');
    let signed = |digits: &str| -> Result<f64, Problem> {
        let n: f64 = digits.parse().map_err(|_| Problem::NotANumber)?;
        Ok(if negative { -n } else { n })
    };
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    if dots + commas == 0 {
        return signed(body);
    }
    if whole {
        let sep = if commas == 0 { '.' } else { ',' };
        let parts: Vec<&str> = body.split(sep).collect();
        let grouped = (dots == 0 || commas == 0)
            && lead_group(parts[0])
            && parts[1..].iter().all(|p| p.len() == 3)
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        return if grouped {
            signed(&parts.concat())
        } else {
            Err(Problem::NotWhole)
        };
    }
    match (dots, commas) {
        (0, 1) => signed(&body.replace(',', ".")),
        (1, 0) => signed(body),
        _ => Err(Problem::NotANumber),
    }
}

/// The characters that group thousands besides `.` and `,`.
const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// The first group of a grouped number: one to three digits, not starting
/// with 0 (`0.012` and `000.012` could be 12 or twelve thousandths).
fn lead_group(g: &str) -> bool {
    (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()) && !g.starts_with('0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_in_counts_and_decimals_in_rates() {
        for (text, n) in [
            ("12.000", 12000.0),
            ("1.234.567", 1234567.0),
            ("1,000", 1000.0),
            ("1,234,567", 1234567.0),
            ("10551", 10551.0),
            ("-1.000", -1000.0),
            (" 7 ", 7.0),
            ("12 000", 12000.0),
            ("12\u{a0}000", 12000.0),
            ("1\u{202f}234\u{202f}567", 1234567.0),
            ("-12 000", -12000.0),
        ] {
            assert_eq!(parse(text, true), Ok(n), "{text}");
        }
        for text in [
            "12.00",
            "1.2345",
            "1.234,5",
            "12,5",
            "1.234.56",
            "1234.567",
            "1,234.567",
            ".5",
            "5.",
            "0.012",
            "000.012",
            "0,012",
            "-0.012",
            "12 00",
            "1 2 3",
            "0 123",
        ] {
            assert_eq!(parse(text, true), Err(Problem::NotWhole), "{text}");
        }
        for (text, n) in [
            ("12,5", 12.5),
            ("93.1", 93.1),
            ("99,95", 99.95),
            ("12.000", 12.0),
            ("1 234,5", 1234.5),
        ] {
            assert_eq!(parse(text, false), Ok(n), "{text}");
        }
        for text in ["1.234,5", "1.234.567", "x", "1e5", "", "-", "12 %"] {
            assert_eq!(parse(text, false), Err(Problem::NotANumber), "{text}");
        }
        assert_eq!(parse("1e5", true), Err(Problem::NotANumber));
    }
}
