//! Calendar dates and reporting periods, without a clock.
//!
//! The feed's dates are plain `YYYY-MM-DD` calendar days and its indicator periods are days,
//! months, calendar quarters or UK financial years. Lateness and charts need only ordering,
//! day differences and each period's last day, so a tiny proleptic Gregorian calendar lives
//! here instead of a date crate (smaller wasm, and nothing that could read the system clock).
//!
//! (1.1) Minutes and plans often give only a month ("by March 2019"), so a [`Date`] may be a
//! whole month (`YYYY-MM`): it stands for the month's last day in every comparison (its
//! ordering, equality and day arithmetic are those of that day) and is written as the month,
//! never as a made-up day.

use std::fmt;

/// A real calendar day, or (1.1) a whole month that compares as its last day.
#[derive(Debug, Clone, Copy)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
    /// Written as a month only (`YYYY-MM`); `day` is then the month's last day.
    whole_month: bool,
}

impl Date {
    fn key(self) -> (i32, u8, u8) {
        (self.year, self.month, self.day)
    }
}

/// A month equals its last day: "due March 2019" and "due 31 March 2019" are due together.
impl PartialEq for Date {
    fn eq(&self, other: &Date) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Date {}

impl std::hash::Hash for Date {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Date) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Ordered by day, a month as its last day.
impl Ord for Date {
    fn cmp(&self, other: &Date) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not written as `YYYY-MM-DD`.
    Form,
    /// Written as `YYYY-MM-DD` but no such day exists (e.g. 30 February).
    NoSuchDay,
}

/// True in leap years of the Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The number a run of ASCII digits writes (`None` for anything else, or for too many).
pub(crate) fn digits(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut n: u32 = 0;
    for b in s.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
    }
    Some(n)
}

impl Date {
    /// A date from its parts, if that day exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(
            Date {
                year,
                month,
                day,
                whole_month: false,
            },
        )
    }

    /// (1.1) The whole month `month` (1–12) of `year`, standing for its last day.
    pub fn whole_month(year: i32, month: u8) -> Option<Date> {
        (1..=12).contains(&month).then(|| Date {
            year,
            month,
            day: days_in_month(year, month),
            whole_month: true,
        })
    }

    /// (1.1) True when written as a month only (`YYYY-MM`).
    pub fn is_whole_month(self) -> bool {
        self.whole_month
    }

    /// (1.1) Reads `YYYY-MM-DD`, or `YYYY-MM` for a whole month: every date field of the feed
    /// except `as_of`, `published` and `meetings[].date` accepts both.
    pub fn parse_day_or_month(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 7 {
            return Date::parse(s);
        }
        if b[4] != b'-' {
            return Err(DateError::Form);
        }
        match (digits(&s[0..4]), digits(&s[5..7])) {
            (Some(y), Some(m)) => Date::whole_month(y as i32, m as u8).ok_or(DateError::NoSuchDay),
            _ => Err(DateError::Form),
        }
    }

    /// Reads `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Form);
        }
        let (y, m, d) = match (digits(&s[0..4]), digits(&s[5..7]), digits(&s[8..10])) {
            (Some(y), Some(m), Some(d)) => (y as i32, m as u8, d as u8),
            _ => return Err(DateError::Form),
        };
        Date::new(y, m, d).ok_or(DateError::NoSuchDay)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31 (a whole month's last day).
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date {
            year,
            month,
            day,
            whole_month: false,
        }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The same day `n` months later (clamped to the month's end), e.g. for "six months old".
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + i32::from(self.month) - 1 + n;
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u8;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
            whole_month: false,
        }
    }

    /// The last day of this date's month.
    pub fn month_end(self) -> Date {
        Date {
            day: days_in_month(self.year, self.month),
            whole_month: false,
            ..self
        }
    }
}

/// `YYYY-MM-DD`, or `YYYY-MM` for a whole month: as the feed writes it.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.whole_month {
            write!(f, "{:04}-{:02}", self.year, self.month)
        } else {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

/// The period an indicator value covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// `YYYY-MM-DD`: a single day (a snapshot).
    Day(Date),
    /// `YYYY-MM`: a calendar month.
    Month {
        /// Year.
        year: i32,
        /// Month, 1–12.
        month: u8,
    },
    /// `YYYY-Qn`: a calendar quarter.
    Quarter {
        /// Year.
        year: i32,
        /// Quarter, 1–4.
        quarter: u8,
    },
    /// `YYYY/YY`: the UK financial year from 1 April of `start_year` to 31 March after.
    FinancialYear {
        /// The year in which the financial year starts.
        start_year: i32,
    },
}

impl Period {
    /// Reads any of the four period forms.
    pub fn parse(s: &str) -> Option<Period> {
        let b = s.as_bytes();
        let year = digits(s.get(0..4)?)? as i32;
        match b.len() {
            10 => Date::parse(s).ok().map(Period::Day),
            7 if b[4] == b'-' && b[5] == b'Q' => match b[6] {
                q @ b'1'..=b'4' => Some(Period::Quarter {
                    year,
                    quarter: q - b'0',
                }),
                _ => None,
            },
            7 if b[4] == b'-' => {
                let month = digits(&s[5..7])? as u8;
                (1..=12)
                    .contains(&month)
                    .then_some(Period::Month { year, month })
            }
            7 if b[4] == b'/' => {
                let yy = digits(&s[5..7])? as i32;
                (yy == (year + 1) % 100).then_some(Period::FinancialYear { start_year: year })
            }
            _ => None,
        }
    }

    /// The last day of the period: where its value is plotted and how "latest" is judged.
    pub fn end(self) -> Date {
        match self {
            Period::Day(d) => d,
            Period::Month { year, month } => Date {
                year,
                month,
                day: days_in_month(year, month),
                whole_month: false,
            },
            Period::Quarter { year, quarter } => {
                let month = quarter * 3;
                Date {
                    year,
                    month,
                    day: days_in_month(year, month),
                    whole_month: false,
                }
            }
            Period::FinancialYear { start_year } => Date {
                year: start_year + 1,
                month: 3,
                day: 31,
                whole_month: false,
            },
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Day(d) => write!(f, "{d}"),
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::FinancialYear { start_year } => {
                write!(f, "{start_year:04}/{:02}", (start_year + 1) % 100)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_only() {
        assert_eq!(Date::parse("2019-02-28").unwrap().to_string(), "2019-02-28");
        assert_eq!(Date::parse("2019-02-30"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2020-02-29").map(|d| d.day()), Ok(29));
        assert_eq!(Date::parse("1900-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2000-02-29").map(|d| d.day()), Ok(29));
        for bad in [
            "2019-2-28",
            "28/02/2019",
            "2019-02-28T00:00",
            "",
            "２０１９-02-28",
            "+019-02-28",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::Form), "{bad}");
        }
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Date::parse("2026-10-31").unwrap();
        assert_eq!(d.add_days(30).to_string(), "2026-11-30");
        assert_eq!(d.add_days(-366).to_string(), "2025-10-30");
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        for n in -800_000..800_000i64 {
            if n % 997 == 0 {
                assert_eq!(Date::from_days_since_epoch(n).days_since_epoch(), n);
            }
        }
        assert_eq!(
            Date::parse("2026-08-31").unwrap().add_months(6).to_string(),
            "2027-02-28"
        );
        assert_eq!(
            Date::parse("2026-05-23")
                .unwrap()
                .add_months(-6)
                .to_string(),
            "2025-11-23"
        );
    }

    #[test]
    fn a_month_is_its_last_day_in_every_comparison() {
        let m = |s: &str| Date::parse_day_or_month(s).unwrap();
        // Month ends, leap years and year ends.
        assert_eq!(m("2019-03"), m("2019-03-31"));
        assert!(m("2019-03") > m("2019-03-30"));
        assert!(m("2019-03") < m("2019-04-01"));
        assert_eq!(m("2020-02"), m("2020-02-29"));
        assert_eq!(m("2019-02"), m("2019-02-28"));
        assert!(m("2019-02") < m("2019-03-01"));
        assert_eq!(m("2019-12"), m("2019-12-31"));
        assert!(m("2019-12") < m("2020-01-01"));
        assert!(m("2019-12") > m("2019-11"));
        assert!(m("2020-01") > m("2019-12-31"));
        assert_eq!(
            m("2019-12").cmp(&m("2019-12-31")),
            std::cmp::Ordering::Equal
        );
        // Day arithmetic counts from the last day.
        assert_eq!(m("2019-12-01").days_until(m("2019-12")), 30);
        assert_eq!(m("2019-12").add_days(1).to_string(), "2020-01-01");
        // Written as the month, never as a made-up day.
        assert_eq!(m("2019-03").to_string(), "2019-03");
        assert!(m("2019-03").is_whole_month());
        assert!(!m("2019-03-31").is_whole_month());
        assert_eq!(m("2019-03").day(), 31);
        assert_eq!(m("2019-03").month_end().to_string(), "2019-03-31");
        assert_eq!(
            Date::parse_day_or_month("2019-13"),
            Err(DateError::NoSuchDay)
        );
        assert_eq!(
            Date::parse_day_or_month("2019-00"),
            Err(DateError::NoSuchDay)
        );
        for bad in ["2019-3", "2019/03", "201903", "2019-3-1", "March 2019"] {
            assert_eq!(Date::parse_day_or_month(bad), Err(DateError::Form), "{bad}");
        }
        // The strict reader still wants a day.
        assert_eq!(Date::parse("2019-03"), Err(DateError::Form));
    }

    #[test]
    fn period_forms_and_their_ends() {
        let end = |s: &str| Period::parse(s).unwrap().end().to_string();
        assert_eq!(end("2019-03-15"), "2019-03-15");
        assert_eq!(end("2020-02"), "2020-02-29");
        assert_eq!(end("2018-Q3"), "2018-09-30");
        assert_eq!(end("2018/19"), "2019-03-31");
        assert_eq!(end("1999/00"), "2000-03-31");
        for bad in [
            "2018/20",
            "2018-Q5",
            "2018-13",
            "2018",
            "18/19",
            "2019-02-30",
        ] {
            assert!(Period::parse(bad).is_none(), "{bad}");
        }
        for ok in ["2019-03-15", "2020-02", "2018-Q3", "2018/19"] {
            assert_eq!(Period::parse(ok).unwrap().to_string(), ok);
        }
    }
}
