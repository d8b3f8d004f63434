//! Scales: round ticks for value and time axes, and the linear maps from figures and dates
//! to drawing coordinates that every chart shares.

use crate::date::Date;
use crate::i18n::Lang;

/// Rounds `x` to `decimals` decimal places (so ticks print as 0.3, not 0.30000000000000004).
pub(super) fn round_to(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    let r = (x * f).round() / f;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// The number of decimals a tick step needs (0 for steps of 1 or more).
pub fn step_decimals(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) || step >= 1.0 {
        return 0;
    }
    (-step.log10().floor()).max(0.0) as usize
}

/// Round axis ticks: evenly spaced by 1, 2 or 5 × a power of ten, from a multiple of the step
/// at or below `min` to one at or above `max`, at most `max_count` of them (at least 2).
/// Percent and count axes pass `min = 0` so they start at zero.
pub fn nice_ticks(min: f64, max: f64, max_count: usize) -> Vec<f64> {
    let max_count = max_count.max(2);
    let (mut lo, mut hi) = match (min.is_finite(), max.is_finite()) {
        (true, true) => (min.min(max), min.max(max)),
        (true, false) => (min, min),
        (false, true) => (max, max),
        (false, false) => (0.0, 1.0),
    };
    if lo == hi {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        if lo >= 0.0 && lo - pad < 0.0 {
            lo = 0.0;
        } else {
            lo -= pad;
        }
        hi += pad;
    }
    let raw = (hi - lo) / (max_count - 1) as f64;
    let mut mag = 10f64.powf(raw.log10().floor());
    loop {
        for m in [1.0, 2.0, 5.0] {
            let step = m * mag;
            let first = (lo / step + 1e-9).floor();
            let last = (hi / step - 1e-9).ceil();
            let count = (last - first) as usize + 1;
            if count <= max_count {
                let d = step_decimals(step) as i32;
                return (0..count)
                    .map(|i| round_to((first + i as f64) * step, d))
                    .collect();
            }
        }
        mag *= 10.0;
    }
}

/// A linear map from a data interval to a drawing interval (either may be reversed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Linear {
    /// Maps `d0..d1` onto `r0..r1`.
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Linear {
        Linear { d0, d1, r0, r1 }
    }

    /// Where `x` is drawn (the middle of the range when the domain is a single value).
    pub fn at(&self, x: f64) -> f64 {
        if self.d1 == self.d0 {
            (self.r0 + self.r1) / 2.0
        } else {
            self.r0 + (x - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
        }
    }
}

/// A linear map from calendar days to a drawing interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    inner: Linear,
}

impl TimeScale {
    /// Maps the days `from..=to` onto `r0..r1`.
    pub fn new(from: Date, to: Date, r0: f64, r1: f64) -> TimeScale {
        TimeScale {
            inner: Linear::new(
                from.days_since_epoch() as f64,
                to.days_since_epoch() as f64,
                r0,
                r1,
            ),
        }
    }

    /// Where `d` is drawn.
    pub fn at(&self, d: Date) -> f64 {
        self.inner.at(d.days_since_epoch() as f64)
    }
}

/// The first day of `d`'s month.
pub(super) fn month_start(d: Date) -> Date {
    Date::new(d.year(), d.month(), 1).unwrap_or(d)
}

fn month_index(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month()) - 1
}

/// Round time-axis ticks: first days of months, every 1, 3, 6 or 12 months or 2, 5, 10,
/// 20… years (aligned: quarters start in January, April…; years are multiples of the step),
/// within `from..=to`, at most `max_count`. Returns the ticks and the step in months.
pub fn time_ticks(from: Date, to: Date, max_count: usize) -> (Vec<Date>, i64) {
    let (from, to) = if from <= to { (from, to) } else { (to, from) };
    let max_count = max_count.max(1);
    let mut steps = vec![1i64, 3, 6, 12, 24, 60, 120];
    let mut s = 240;
    while s < 12 * 100_000 {
        steps.push(s);
        s *= if (s / 12).to_string().starts_with('2') {
            5
        } else {
            2
        };
        s = s.max(1);
    }
    let first = month_index(month_start(from)) + i64::from(month_start(from) < from);
    let last = month_index(to);
    for step in steps {
        // The multiples of `step` in first..=last, counted before any is made: a chart from
        // 0001 to 9999 spans 120,000 months, and every indicator has a chart.
        let lo = first.div_euclid(step) + i64::from(first.rem_euclid(step) != 0);
        let hi = last.div_euclid(step);
        if hi - lo < max_count as i64 {
            let ticks: Vec<Date> = (lo..=hi)
                .map(|k| k * step)
                .filter_map(|m| Date::new(m.div_euclid(12) as i32, (m.rem_euclid(12) + 1) as u8, 1))
                .collect();
            return (ticks, step);
        }
    }
    (Vec::new(), 12)
}

const MONTHS_SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_SHORT_CY: [&str; 12] = [
    "Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag",
];

/// A month's short name for axis labels: "Mar" / "Maw".
pub fn month_short(lang: Lang, month: u8) -> &'static str {
    let i = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::En => MONTHS_SHORT_EN[i],
        Lang::Cy => MONTHS_SHORT_CY[i],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Period;

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        assert_eq!(nice_ticks(0.0, 73.0, 6), vec![0.0, 20.0, 40.0, 60.0, 80.0]);
        assert_eq!(
            nice_ticks(0.0, 100.0, 6),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(
            nice_ticks(16.9, 19.8, 5),
            vec![16.0, 17.0, 18.0, 19.0, 20.0]
        );
        assert_eq!(nice_ticks(0.0, 1.0, 6), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.1, 0.3, 3), vec![0.1, 0.2, 0.3]);
        assert_eq!(
            nice_ticks(812_400.0, 1_312_500.0, 5),
            vec![800_000.0, 1_000_000.0, 1_200_000.0, 1_400_000.0]
        );
        // A single value, zero, negatives, reversed and non-finite bounds.
        assert_eq!(nice_ticks(18.6, 18.6, 5), vec![16.0, 18.0, 20.0, 22.0]);
        assert_eq!(nice_ticks(0.0, 0.0, 5), vec![0.0, 0.5, 1.0]);
        assert_eq!(nice_ticks(-3.0, 7.0, 6), vec![-5.0, 0.0, 5.0, 10.0]);
        assert_eq!(nice_ticks(7.0, -3.0, 6), nice_ticks(-3.0, 7.0, 6));
        assert_eq!(nice_ticks(f64::NAN, f64::INFINITY, 5), vec![0.0, 0.5, 1.0]);
        for (lo, hi, n) in [
            (0.0, 43.0, 6),
            (3.0, 1_000_003.0, 4),
            (-0.004, 0.0071, 5),
            (61.0, 73.0, 5),
            (0.0, 45.0, 6),
            (1e-9, 2e-9, 5),
            (2.5, 2.5, 2),
        ] {
            let t = nice_ticks(lo, hi, n);
            assert!(t.len() >= 2 && t.len() <= n.max(2), "{lo} {hi} {t:?}");
            assert!(t[0] <= lo && *t.last().unwrap() >= hi, "{lo} {hi} {t:?}");
            let step = t[1] - t[0];
            let mant = step / 10f64.powf(step.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|m| (mant - m).abs() < 1e-6),
                "step {step} of {t:?}"
            );
            for w in t.windows(2) {
                assert!(((w[1] - w[0]) - step).abs() < step * 1e-6, "{t:?}");
            }
            for x in &t {
                assert!((x / step - (x / step).round()).abs() < 1e-6, "{x} in {t:?}");
            }
        }
        let t = nice_ticks(-3.0, 7.0, 6);
        assert!(
            t[0] <= -3.0 && *t.last().unwrap() >= 7.0 && t.contains(&0.0),
            "{t:?}"
        );
    }

    #[test]
    fn scales_map_data_to_coordinates() {
        let y = Linear::new(0.0, 100.0, 200.0, 0.0);
        assert_eq!(y.at(0.0), 200.0);
        assert_eq!(y.at(50.0), 100.0);
        assert_eq!(y.at(80.0), 40.0);
        assert_eq!(Linear::new(5.0, 5.0, 0.0, 10.0).at(5.0), 5.0);
        let d = |s: &str| Date::parse(s).unwrap();
        let x = TimeScale::new(d("2026-01-01"), d("2027-01-01"), 0.0, 365.0);
        assert_eq!(x.at(d("2026-01-01")), 0.0);
        assert_eq!(x.at(d("2026-07-02")), 182.0);
        assert_eq!(x.at(d("2027-01-01")), 365.0);
        // Every period form lands on its last day.
        for (p, day) in [
            ("2026-03", "2026-03-31"),
            ("2026-Q1", "2026-03-31"),
            ("2025/26", "2026-03-31"),
            ("2026-03-31", "2026-03-31"),
        ] {
            assert_eq!(x.at(Period::parse(p).unwrap().end()), x.at(d(day)));
        }
        assert_eq!(x.at(Period::parse("2026-Q1").unwrap().end()), 89.0);
    }

    #[test]
    fn time_ticks_are_round() {
        let d = |s: &str| Date::parse(s).unwrap();
        let (t, step) = time_ticks(d("2025-10-15"), d("2026-10-31"), 6);
        assert_eq!(step, 3);
        assert_eq!(
            t.iter().map(Date::to_string).collect::<Vec<_>>(),
            ["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"]
        );
        let (t, step) = time_ticks(d("2018-03-31"), d("2026-03-31"), 6);
        assert_eq!(step, 24);
        assert_eq!(t[0].to_string(), "2020-01-01");
        let (t, step) = time_ticks(d("2026-01-01"), d("2026-03-31"), 6);
        assert_eq!((t.len(), step), (3, 1));
        assert_eq!(time_ticks(d("2026-01-02"), d("2026-01-30"), 6).0, vec![]);
        let (t, _) = time_ticks(d("1900-01-01"), d("2900-01-01"), 6);
        assert!(!t.is_empty() && t.len() <= 6);
    }
}
