//! Calendar months and days, stored as ISO strings (`2026-03`, `2026-03-15`).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Which of the two a text was meant to be, for what is wrong with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Month,
    Day,
}

/// A text that is not a month or a day: not written like one (`real` false), or written
/// like one that does not exist, such as 2026-02-30. `text` words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadDate {
    pub unit: Unit,
    pub text: String,
    pub real: bool,
}

impl BadDate {
    fn new(unit: Unit, text: &str, real: bool) -> BadDate {
        BadDate {
            unit,
            text: text.to_string(),
            real,
        }
    }
}

/// A month or a day as a form field and the JSON see it: its ISO text, read back by its
/// own parser, and empty where a field may have none.
pub trait Calendar: Sized + fmt::Display {
    const UNIT: Unit;
    fn read(s: &str) -> Result<Self, BadDate>;
}

/// The text of an optional month or day: empty when there is none.
pub fn optional_text<T: Calendar>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Reads a field that may be left empty.
pub fn parse_optional<T: Calendar>(s: &str) -> Result<Option<T>, BadDate> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    T::read(s.trim()).map(Some)
}

macro_rules! calendar {
    ($t:ident) => {
        impl Calendar for $t {
            const UNIT: Unit = Unit::$t;
            fn read(s: &str) -> Result<Self, BadDate> {
                $t::parse(s)
            }
        }

        impl TryFrom<String> for $t {
            type Error = BadDate;
            fn try_from(s: String) -> Result<Self, BadDate> {
                $t::parse(&s)
            }
        }

        impl From<$t> for String {
            fn from(v: $t) -> String {
                v.to_string()
            }
        }
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
}

impl Month {
    pub fn new(year: i32, month: u8) -> Option<Month> {
        ((1..=12).contains(&month) && (1900..=9999).contains(&year))
            .then_some(Month { year, month })
    }

    pub fn parse(s: &str) -> Result<Month, BadDate> {
        let bad = |real| move || BadDate::new(Unit::Month, s, real);
        let (y, m) = s.split_once('-').ok_or_else(bad(false))?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(bad(false)());
        }
        let year: i32 = y.parse().map_err(|_| bad(false)())?;
        let month: u8 = m.parse().map_err(|_| bad(false)())?;
        Month::new(year, month).ok_or_else(bad(true))
    }

    /// Months counted from year 0, so differences and offsets are plain integers.
    pub fn index(self) -> i32 {
        self.year * 12 + (self.month as i32 - 1)
    }

    pub fn from_index(i: i32) -> Month {
        Month {
            year: i.div_euclid(12),
            month: (i.rem_euclid(12) + 1) as u8,
        }
    }

    pub fn add_months(self, months: i32) -> Month {
        Month::from_index(self.index() + months)
    }

    /// 1 to 4.
    pub fn quarter(self) -> u8 {
        (self.month - 1) / 3 + 1
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

calendar!(Month);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Day {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        Month::new(year, month)?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Day { year, month, day })
    }

    pub fn parse(s: &str) -> Result<Day, BadDate> {
        let bad = || BadDate::new(Unit::Day, s, false);
        let mut parts = s.split('-');
        let (y, m, d) = (
            parts.next().ok_or_else(bad)?,
            parts.next().ok_or_else(bad)?,
            parts.next().ok_or_else(bad)?,
        );
        if parts.next().is_some()
            || y.len() != 4
            || m.len() != 2
            || d.len() != 2
            || !y
                .bytes()
                .chain(m.bytes())
                .chain(d.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let day = Day::new(
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        );
        day.ok_or_else(|| BadDate::new(Unit::Day, s, true))
    }

    pub fn month(self) -> Month {
        Month {
            year: self.year,
            month: self.month,
        }
    }

    /// Days since 1970-01-01 (civil-from-days inverse), for durations and offsets.
    pub fn ordinal(self) -> i64 {
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_ordinal(z: i64) -> Day {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32;
        Day {
            year: y,
            month: m,
            day: d,
        }
    }

    pub fn add_days(self, n: i64) -> Day {
        Day::from_ordinal(self.ordinal() + n)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

calendar!(Day);
