//! JSON numbers to doubles without core's float parser.
//!
//! `str::parse::<f64>` carries kilobytes of tables (powers of five for the Eisel-Lemire
//! algorithm) into the WebAssembly (bench/ANALYSIS.md §1), for numbers that in a feed are
//! nearly always small integers or short decimals. Here:
//!
//! - **the exact fast path** (Clinger): at most 19 significant digits, a mantissa below 2^53
//!   and a power of ten up to 10^22, each exactly a double, so one multiplication or division
//!   rounds once, correctly. Every number a feed writes by hand or a spreadsheet exports
//!   (`57`, `12.5`, `0.333`, `1e6`) takes it;
//! - **the rest** (long or extreme numbers such as `0.1000000000000000055511151231257827`
//!   or `2.2250738585072014e-308`): the decimal is held as a big integer (at most 800
//!   significant digits; later ones only as "more than zero", which cannot change the
//!   rounding, since every point halfway between two doubles has fewer than 770) and divided
//!   or multiplied out exactly, with no tables. Slow (microseconds) but also correctly
//!   rounded, so both paths give exactly what `str::parse` and `JSON.parse` give.
//!
//! The unit tests compare both paths with `str::parse` over random and edge-case numbers.

/// 10^0 to 10^22: exactly representable as doubles.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The double nearest to `raw`, a number written as JSON allows (checked by the parser):
/// infinite when too large, as `JSON.parse` reads it.
pub(super) fn parse(raw: &[u8]) -> f64 {
    let (negative, digits) = match raw.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, raw),
    };
    let value = fast(digits).unwrap_or_else(|| exact(digits));
    if negative {
        -value
    } else {
        value
    }
}

/// The digits of a number: its significant digits in order (the decimal point left out) and
/// the power of ten they are multiplied by.
struct Decimal<'a> {
    int: &'a [u8],
    frac: &'a [u8],
    exp: i64,
}

/// Splits `raw` (no sign) into its integer and fraction digits and its exponent (saturated
/// far beyond any double's range).
fn split(raw: &[u8]) -> Decimal<'_> {
    let end_int = raw
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(raw.len());
    let int = &raw[..end_int];
    let mut rest = &raw[end_int..];
    let mut frac: &[u8] = &[];
    if let Some((b'.', f)) = rest.split_first() {
        let end = f
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(f.len());
        frac = &f[..end];
        rest = &f[end..];
    }
    let mut exp: i64 = 0;
    if let Some((b'e' | b'E', e)) = rest.split_first() {
        let (negative, e) = match e.split_first() {
            Some((b'-', d)) => (true, d),
            Some((b'+', d)) => (false, d),
            _ => (false, e),
        };
        for &d in e {
            exp = (exp * 10 + i64::from(d - b'0')).min(1 << 40);
        }
        if negative {
            exp = -exp;
        }
    }
    Decimal { int, frac, exp }
}

/// Clinger's fast path: `None` when the number needs [`exact`]. (Plain loops: this runs for
/// every number of the feed.)
fn fast(raw: &[u8]) -> Option<f64> {
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    let mut exp: i64 = 0;
    let mut in_fraction = false;
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b == b'.' {
            in_fraction = true;
        } else if b.is_ascii_digit() {
            if mantissa == 0 && b == b'0' {
                // A leading zero is not significant.
            } else if significant == 19 {
                return None;
            } else {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                significant += 1;
            }
            if in_fraction {
                exp -= 1;
            }
        } else {
            break;
        }
        i += 1;
    }
    if i < raw.len() {
        // The exponent: `e` or `E`, a sign, digits (saturated far beyond any double's range).
        i += 1;
        let negative = raw.get(i) == Some(&b'-');
        if matches!(raw.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let mut e: i64 = 0;
        while i < raw.len() {
            e = (e * 10 + i64::from(raw[i] - b'0')).min(1 << 40);
            i += 1;
        }
        exp += if negative { -e } else { e };
    }
    if mantissa >= 1 << 53 {
        return None;
    }
    let m = mantissa as f64;
    match exp {
        0..=22 => Some(m * POW10[exp as usize]),
        -22..=-1 => Some(m / POW10[-exp as usize]),
        // 123e25 is 123000e22: still exact while the mantissa stays below 2^53.
        23..=37 => {
            let scaled = mantissa.checked_mul(10u64.pow(exp as u32 - 22))?;
            (scaled < 1 << 53).then(|| scaled as f64 * POW10[22])
        }
        _ => None,
    }
}

/// The significant digits kept for [`exact`]: more than the 767 a point halfway between two
/// doubles can have, so the digits after them can only say "a little more".
const KEPT_DIGITS: usize = 800;

/// Any number, correctly rounded, by big-integer arithmetic.
fn exact(raw: &[u8]) -> f64 {
    let d = split(raw);
    let mut big = Big::default();
    let mut kept = 0;
    let mut exp = d.exp;
    let mut more = false;
    for (k, &b) in d.int.iter().chain(d.frac).enumerate() {
        let in_fraction = k >= d.int.len();
        if big.is_zero() && b == b'0' {
            if in_fraction {
                exp -= 1;
            }
        } else if kept < KEPT_DIGITS {
            big.mul_add(10, u32::from(b - b'0'));
            kept += 1;
            if in_fraction {
                exp -= 1;
            }
        } else {
            more |= b != b'0';
            if !in_fraction {
                exp += 1;
            }
        }
    }
    if big.is_zero() {
        return 0.0;
    }
    if more {
        // A last digit standing for "more than these": the rounding stays the same.
        big.mul_add(10, 1);
        kept += 1;
        exp -= 1;
    }
    // The number is below 10^(kept + exp) and at least 10^(kept + exp - 1).
    let magnitude = kept as i64 + exp;
    if magnitude > 310 {
        return f64::INFINITY;
    }
    if magnitude < -324 {
        return 0.0;
    }
    if exp >= 0 {
        big.mul_pow10(exp as u32);
        let (top, sticky, shift) = big.top64();
        round(top, shift, sticky)
    } else {
        let mut divisor = Big::default();
        divisor.mul_add(1, 1);
        divisor.mul_pow10((-exp) as u32);
        // Scale so that the quotient has 65 or 66 bits: enough for 53 and the rounding.
        let scale = divisor.bits() as i64 - big.bits() as i64 + 65;
        if scale >= 0 {
            big.shl(scale as usize);
        } else {
            divisor.shl((-scale) as usize);
        }
        let (quotient, rest) = big.div_small_quotient(&divisor, 66);
        let excess = 128 - quotient.leading_zeros() as i64 - 64;
        let top = (quotient >> excess) as u64;
        let sticky = rest || quotient & ((1 << excess) - 1) != 0;
        round(top, excess - scale, sticky)
    }
}

/// The double nearest to `top × 2^shift` (plus a little more when `sticky`), `top` having its
/// highest bit set: rounded to even, with subnormals and overflow to infinity.
fn round(top: u64, shift: i64, sticky: bool) -> f64 {
    // The binary exponent of the highest bit.
    let high = 63 + shift;
    if high > 1023 {
        return f64::INFINITY;
    }
    // Bits kept: 53 for a normal number, fewer below 2^-1022 (down to 2^-1074).
    let keep = if high >= -1022 { 53 } else { high + 1075 };
    if keep < 0 {
        return 0.0;
    }
    let drop = (64 - keep) as u32;
    let wide = u128::from(top);
    let mut mantissa = (wide >> drop) as u64;
    let rest = wide & ((1u128 << drop) - 1);
    let half = 1u128 << (drop - 1);
    if rest > half || (rest == half && (sticky || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    if high < -1022 {
        // Subnormal: the bits are the mantissa (a carry into bit 52 is the smallest normal).
        return f64::from_bits(mantissa);
    }
    let (mantissa, high) = if mantissa == 1 << 53 {
        (1 << 52, high + 1)
    } else {
        (mantissa, high)
    };
    if high > 1023 {
        return f64::INFINITY;
    }
    f64::from_bits(((high + 1023) as u64) << 52 | (mantissa & ((1 << 52) - 1)))
}

/// A non-negative big integer: 32-bit limbs, least significant first, no high zero limbs.
#[derive(Default, Clone)]
struct Big(Vec<u32>);

impl Big {
    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// `self × m + a`.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// `self × 10^e`.
    fn mul_pow10(&mut self, mut e: u32) {
        while e >= 9 {
            self.mul_add(1_000_000_000, 0);
            e -= 9;
        }
        self.mul_add(10u32.pow(e), 0);
    }

    /// The number of bits up to the highest one.
    fn bits(&self) -> usize {
        match self.0.last() {
            Some(&h) => self.0.len() * 32 - h.leading_zeros() as usize,
            None => 0,
        }
    }

    /// `self × 2^n`.
    fn shl(&mut self, n: usize) {
        let (limbs, bits) = (n / 32, n % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let v = *limb;
                *limb = v << bits | carry;
                carry = v >> (32 - bits);
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if limbs > 0 {
            // Whole limbs of zeros below: a new vector rather than `splice`, whose generic
            // code is larger in the WebAssembly.
            let mut shifted = vec![0; limbs];
            shifted.extend_from_slice(&self.0);
            self.0 = shifted;
        }
    }

    /// `self / 2`.
    fn shr1(&mut self) {
        let mut carry = 0;
        for limb in self.0.iter_mut().rev() {
            let v = *limb;
            *limb = v >> 1 | carry;
            carry = v << 31;
        }
        if self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn ge(&self, other: &Big) -> bool {
        if self.0.len() != other.0.len() {
            return self.0.len() > other.0.len();
        }
        for (a, b) in self.0.iter().rev().zip(other.0.iter().rev()) {
            if a != b {
                return a > b;
            }
        }
        true
    }

    /// `self - other`, for `other <= self`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0;
        for (k, limb) in self.0.iter_mut().enumerate() {
            let b = u64::from(other.0.get(k).copied().unwrap_or(0)) + borrow;
            let a = u64::from(*limb);
            if a >= b {
                *limb = (a - b) as u32;
                borrow = 0;
            } else {
                *limb = (a + (1 << 32) - b) as u32;
                borrow = 1;
            }
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// The quotient `self / divisor`, known to be below 2^`bits`, by shifting and
    /// subtracting, and whether anything is left over.
    fn div_small_quotient(mut self, divisor: &Big, bits: u32) -> (u128, bool) {
        let mut d = divisor.clone();
        d.shl(bits as usize - 1);
        let mut q: u128 = 0;
        for bit in (0..bits).rev() {
            if self.ge(&d) {
                self.sub(&d);
                q |= 1 << bit;
            }
            d.shr1();
        }
        (q, !self.is_zero())
    }

    /// The highest 64 bits (the highest one set), whether any bit below them is set, and the
    /// power of two they stand for.
    fn top64(&self) -> (u64, bool, i64) {
        let bits = self.bits();
        let mut top: u64 = 0;
        let mut sticky = false;
        for k in 0..bits {
            let bit = self.0[k / 32] >> (k % 32) & 1 == 1;
            if k + 64 >= bits {
                top |= u64::from(bit) << (k + 64 - bits);
            } else {
                sticky |= bit;
            }
        }
        (top, sticky, bits as i64 - 64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(s: &str) -> f64 {
        parse(s.as_bytes())
    }

    fn check(s: &str) {
        let want: f64 = s.parse().unwrap();
        let got = ours(s);
        assert_eq!(
            got.to_bits(),
            want.to_bits(),
            "{s}: {got:e} against {want:e}"
        );
    }

    #[test]
    fn the_numbers_feeds_write_take_the_fast_path() {
        for s in [
            "0",
            "57",
            "12.5",
            "0.333",
            "100",
            "1e6",
            "2.5E-3",
            "9007199254740991",
            "1e22",
            "123e25",
            "0.000001",
            "99.99",
        ] {
            assert!(fast(s.as_bytes()).is_some(), "{s}");
            check(s);
        }
    }

    #[test]
    fn edge_cases_match_str_parse() {
        for s in [
            "-0",
            "0.0",
            "0e999999999999999",
            "1e400",
            "-1e400",
            "1e-400",
            "9007199254740993",
            "9007199254740995",
            "18446744073709551615",
            "18446744073709551616",
            "123456789012345678901234567890",
            "0.1000000000000000055511151231257827",
            "0.30000000000000004",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "2.2250738585072012e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
            "0.000000000000000000000000000000000000000000001e300",
            "10000000000000000000000000000000000000000000e-43",
            "1e23",
            "8.98846567431158e307",
            "5e-324",
            "1e-323",
        ] {
            check(s);
        }
        // Many digits, some beyond those kept.
        let long = format!("1.{}1e-5", "0".repeat(2_000));
        check(&long);
        let long = format!("9.{}e300", "9".repeat(1_200));
        check(&long);
    }

    #[test]
    fn a_million_digits_are_read_in_linear_time() {
        let long = format!("0.{}1", "3".repeat(1_000_000));
        let t = std::time::Instant::now();
        check(&long);
        assert!(t.elapsed().as_secs() < 5);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn same(s: &str) -> Result<(), TestCaseError> {
        let want: f64 = s.parse().unwrap();
        let got = parse(s.as_bytes());
        prop_assert_eq!(got.to_bits(), want.to_bits(), "{}", s);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// The fast path's range: up to 15 digits and powers of ten within ±22.
        #[test]
        fn short_decimals_match_str_parse(int in 0u64..100_000_000, frac in 0u64..1_000_000, big in 0u64..1 << 53, e in -22i32..=22, form in 0..4) {
            let s = match form {
                0 => format!("{int}"),
                1 => format!("{int}.{frac}"),
                2 => format!("{big}e{e}"),
                _ => format!("{int}.{frac:06}E-{}", e.abs().min(16)),
            };
            prop_assert!(fast(s.as_bytes()).is_some(), "{}", s);
            same(&s)?;
        }

        /// Every double, written shortest (as serde_json and JavaScript write them) and in
        /// exponent form.
        #[test]
        fn any_double_written_out_reads_back(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            same(&format!("{}", x.abs()))?;
            same(&format!("{:e}", x.abs()))?;
            same(&format!("{:.25e}", x.abs()))?;
        }

        /// Digit strings of any length and exponent, rounded the same.
        #[test]
        fn any_digits_match_str_parse(digits in "[1-9][0-9]{0,40}", point in 0usize..42, e in -400i32..400) {
            let (int, frac) = digits.split_at(point.min(digits.len()));
            let int = if int.is_empty() { "0" } else { int };
            same(&format!("{int}.{frac}0e{e}"))?;
        }
    }
}
