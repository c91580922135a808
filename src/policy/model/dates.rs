//! Calendar dates as the questionnaire stores them (`YYYY-MM-DD`) and as
//! the policy prints them (`1 December 2026`). The pipeline never reads the
//! clock: callers pass today's date in.

use crate::policy::model::language::Language;

/// A valid calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, four digits.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, from 1.
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The months in French.
const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Parses `YYYY-MM-DD`, rejecting dates that do not exist.
pub fn parse_iso(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let digits_at = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits_at(0..4) || !digits_at(5..7) || !digits_at(8..10) {
        return None;
    }
    let year: u16 = s[0..4].parse().ok()?;
    let month: u8 = s[5..7].parse().ok()?;
    let day: u8 = s[8..10].parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1000 && (1..=days).contains(&day)).then_some(Date { year, month, day })
}

impl Date {
    /// `2026-12-01`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `1 December 2026`.
    pub fn long(&self) -> String {
        format!("{} {} {}", self.day, MONTHS[usize::from(self.month - 1)], self.year)
    }

    /// The long form in `language`: `1 December 2026`, or in French
    /// `1er décembre 2026` (the first of the month is an ordinal, months
    /// take no capital).
    pub fn long_in(&self, language: Language) -> String {
        match language {
            Language::English => self.long(),
            Language::CanadianFrench => {
                let day = if self.day == 1 {
                    "1er".to_owned()
                } else {
                    self.day.to_string()
                };
                format!("{day} {} {}", MOIS[usize::from(self.month - 1)], self.year)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_french_date_is_written_the_french_way() {
        let first = parse_iso("2027-02-01").expect("valid date");
        assert_eq!(first.long_in(Language::CanadianFrench), "1er février 2027");
        let second = parse_iso("2026-12-02").expect("valid date");
        assert_eq!(second.long_in(Language::CanadianFrench), "2 décembre 2026");
        assert_eq!(second.long_in(Language::English), "2 December 2026");
    }

    #[test]
    fn real_dates_parse_and_print_long() {
        let d = parse_iso("2026-12-01").expect("valid date");
        assert_eq!(d.long(), "1 December 2026");
        assert_eq!(d.iso(), "2026-12-01");
        assert!(parse_iso("2024-02-29").is_some());
    }

    #[test]
    fn impossible_or_malformed_dates_are_rejected() {
        for s in [
            "2025-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "",
            "2026-00-10",
        ] {
            assert!(parse_iso(s).is_none(), "{s} should be rejected");
        }
    }
}
