//! A double written in decimal, as `format!("{x:.N}")` and `format!("{x}")` write it, digit
//! for digit, by integer arithmetic only.
//!
//! Why: any `{}` or `{:.N}` of an `f64` puts core's float printing into the widget's wasm,
//! Grisu and Dragon with their tables of powers of ten and a big-integer type (kilobytes
//! even after wasm-opt). The widget prints a few kinds of number (figures with one or two
//! decimals, SVG coordinates, the numbers quoted in validation messages), so one small exact
//! method (Steele and White's digit generation on a fixed-size big integer) does the same job.
//!
//! Range: every double. A finite double is an integer `f` times a power of two, so its
//! decimal expansion is finite and is worked out exactly: [`fixed`] rounds it to `N` decimals,
//! halves to even (a tie is only possible for a double that is exactly a half, e.g. 0.125 to
//! two decimals), and [`shortest`] finds the fewest digits that still read back as the same
//! double (the closest of them to it, ties rounded up), written without an exponent
//! (`1e300` is a 1 and 300 zeros). Not finite: `NaN`, `inf`, `-inf`. The sign of a negative
//! number, zero included, is written (`-0`, `-0.0`). The tests compare both with `format!` over
//! a grid of values and random bit patterns of every magnitude.

use std::cmp::Ordering;

/// `format!("{x:.decimals$}")`: `x` rounded to `decimals` decimals, halves to even.
pub fn fixed(x: f64, decimals: usize) -> String {
    write(x, Some(decimals))
}

/// `format!("{x}")`: the fewest digits that read back as `x`, without an exponent.
pub fn shortest(x: f64) -> String {
    write(x, None)
}

fn write(x: f64, decimals: Option<usize>) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    let bits = x.to_bits();
    let mut out = String::from(if bits >> 63 == 1 { "-" } else { "" });
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    // |x| = f · 2^e exactly; subnormals (and zero) have no hidden bit.
    let (f, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, biased - 1075)
    };
    let (digits, k) = if f == 0 {
        (Vec::new(), 0)
    } else {
        digits(f, e, decimals)
    };
    // |x| = 0.d1 d2 d3… × 10^k; nothing left after rounding is a zero.
    let (digits, k) = if digits.is_empty() {
        (vec![0], 1)
    } else {
        (digits, k)
    };
    let len = digits.len() as i32;
    let digit = |i: i32| char::from(b'0' + if i < len { digits[i as usize] } else { 0 });
    if k <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-k) as usize));
    }
    for i in 0..k.max(0) {
        out.push(digit(i));
    }
    if k > 0 && len > k {
        out.push('.');
    }
    for i in k.max(0)..len {
        out.push(digit(i));
    }
    // Zeros up to the decimals asked for (the digits stop at the last one that is not zero
    // when shortest, and where the value ends when it needs fewer decimals).
    let written = (len - k.max(0)).max(0) + (-k).max(0);
    let wanted = decimals.unwrap_or(0) as i32;
    if wanted > written {
        if written == 0 {
            out.push('.');
        }
        out.extend(std::iter::repeat_n('0', (wanted - written) as usize));
    }
    out
}

/// The digits `d` (each 0–9, the first one not 0) and the exponent `k` with
/// `f · 2^e ≈ 0.d1 d2 d3… × 10^k`: rounded to `decimals` decimals (none left: empty), or the
/// shortest that reads back as the same double when `decimals` is `None`. `f` is not 0.
fn digits(f: u64, e: i32, decimals: Option<usize>) -> (Vec<u8>, i32) {
    // The value is r / s; a double between (r - minus) / s and (r + plus) / s reads back as
    // this one (the bounds too when f is even: a tie reads as the even mantissa). The gap to
    // the next double down is half the gap up when f is a power of two (not subnormal).
    let uneven = f == 1 << 52 && e > -1074;
    let mut r = Big::new(f << if uneven { 2 } else { 1 });
    let mut s = Big::new(if uneven { 4 } else { 2 });
    let mut plus = Big::new(if uneven { 2 } else { 1 });
    let mut minus = Big::new(1);
    if e >= 0 {
        for b in [&mut r, &mut plus, &mut minus] {
            b.shl(e as u32);
        }
    } else {
        s.shl(e.unsigned_abs());
    }
    let inclusive = f.is_multiple_of(2);
    // The smallest k with the value (fixed) or its upper bound (shortest) below 10^k: start
    // from an estimate from the binary exponent that is never too large (log10 2 ≈ 1233/4096,
    // at most one off), and move up.
    let bits = e + (64 - f.leading_zeros()) as i32 - 1;
    let mut k = ((bits * 1233) >> 12) - 1;
    if k >= 0 {
        s.pow10(k as u32);
    } else {
        for b in [&mut r, &mut plus, &mut minus] {
            b.pow10(k.unsigned_abs());
        }
    }
    loop {
        let too_small = match decimals {
            Some(_) => r.cmp(&s) != Ordering::Less,
            None => {
                let mut top = r.clone();
                top.add(&plus);
                past(top.cmp(&s), inclusive)
            }
        };
        if !too_small {
            break;
        }
        s.mul(10);
        k += 1;
    }
    let mut out = Vec::new();
    match decimals {
        Some(decimals) => {
            let n = k + decimals as i32;
            if n < 0 {
                // Below a tenth of the last decimal's unit: rounds to zero.
                return (out, k);
            }
            for _ in 0..n {
                out.push(next_digit(&mut r, &s));
            }
            // r / s is what is left, as a fraction of the last digit: round half to even
            // (no digit is an even zero).
            r.mul(2);
            let odd = out.last().is_some_and(|d| d % 2 == 1);
            match r.cmp(&s) {
                Ordering::Greater => round_up(&mut out, &mut k),
                Ordering::Equal if odd => round_up(&mut out, &mut k),
                _ => {}
            }
        }
        None => loop {
            let mut d = next_digit(&mut r, &s);
            minus.mul(10);
            plus.mul(10);
            // Stop when the digits so far, or the same with the last one up by one, are
            // inside the bounds; of the two, the closer (up on a tie).
            let down = past(minus.cmp(&r), inclusive);
            let mut top = r.clone();
            top.add(&plus);
            let up = past(top.cmp(&s), inclusive);
            if down || up {
                r.mul(2);
                if up && (!down || r.cmp(&s) != Ordering::Less) {
                    d += 1;
                }
                out.push(d);
                break;
            }
            out.push(d);
        },
    }
    (out, k)
}

/// Whether a bound compared with a limit (`Greater`: the bound is past it) is past it, or on
/// it when the bounds are `inclusive`.
fn past(o: Ordering, inclusive: bool) -> bool {
    o == Ordering::Greater || (inclusive && o == Ordering::Equal)
}

/// The next digit of r / s (r < s): floor(10 r / s), leaving the rest in r.
fn next_digit(r: &mut Big, s: &Big) -> u8 {
    r.mul(10);
    let mut d = 0;
    while r.cmp(s) != Ordering::Less {
        r.sub(s);
        d += 1;
    }
    d
}

/// Adds one to the last digit, carrying; all nines (or no digits) become 1 and zeros, one
/// place up.
fn round_up(digits: &mut Vec<u8>, k: &mut i32) {
    for d in digits.iter_mut().rev() {
        if *d < 9 {
            *d += 1;
            return;
        }
        *d = 0;
    }
    digits.insert(0, 1);
    *k += 1;
}

/// Limbs of [`Big`]: 1,280 bits, more than the largest number formed (about 2^1,140, for the
/// smallest double scaled to its first digit).
const LIMBS: usize = 40;

/// A non-negative integer of up to [`LIMBS`] 32-bit limbs, least significant first; the
/// limbs from `n` on are zero.
#[derive(Clone)]
struct Big {
    n: usize,
    d: [u32; LIMBS],
}

impl Big {
    fn new(x: u64) -> Big {
        let mut b = Big {
            n: 0,
            d: [0; LIMBS],
        };
        b.d[0] = x as u32;
        b.d[1] = (x >> 32) as u32;
        b.n = if b.d[1] != 0 {
            2
        } else {
            usize::from(b.d[0] != 0)
        };
        b
    }

    fn mul(&mut self, m: u32) {
        let mut carry = 0;
        for d in &mut self.d[..self.n] {
            let t = u64::from(*d) * u64::from(m) + carry;
            *d = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            self.d[self.n] = carry as u32;
            self.n += 1;
        }
    }

    /// Times 2^bits.
    fn shl(&mut self, bits: u32) {
        for _ in 0..bits / 31 {
            self.mul(1 << 31);
        }
        self.mul(1 << (bits % 31));
    }

    /// Times 10^k.
    fn pow10(&mut self, k: u32) {
        for _ in 0..k / 9 {
            self.mul(1_000_000_000);
        }
        self.mul(10u32.pow(k % 9));
    }

    fn add(&mut self, o: &Big) {
        let n = self.n.max(o.n);
        let mut carry = 0;
        for i in 0..n {
            let t = u64::from(self.d[i]) + u64::from(o.d[i]) + carry;
            self.d[i] = t as u32;
            carry = t >> 32;
        }
        self.n = n;
        if carry != 0 {
            self.d[n] = 1;
            self.n += 1;
        }
    }

    /// Minus `o`, which is not larger.
    fn sub(&mut self, o: &Big) {
        let mut borrow = 0;
        for i in 0..self.n {
            let t = i64::from(self.d[i]) - i64::from(o.d[i]) - borrow;
            self.d[i] = t as u32;
            borrow = i64::from(t < 0);
        }
        while self.n > 0 && self.d[self.n - 1] == 0 {
            self.n -= 1;
        }
    }

    fn cmp(&self, o: &Big) -> Ordering {
        self.n
            .cmp(&o.n)
            .then_with(|| self.d[..self.n].iter().rev().cmp(o.d[..o.n].iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(x: f64) {
        assert_eq!(
            shortest(x),
            format!("{x}"),
            "{{}} of {x:e} ({:#x})",
            x.to_bits()
        );
        for n in 0..=4 {
            assert_eq!(
                fixed(x, n),
                format!("{x:.n$}"),
                "{{:.{n}}} of {x:e} ({:#x})",
                x.to_bits()
            );
        }
    }

    #[test]
    fn grid_of_values() {
        let special = [
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            0.5,
            1.5,
            2.5,
            2.675,
            1.005,
            0.125,
            0.375,
            9.95,
            9.995,
            99.95,
            999.5,
            1e-7,
            1.5e-5,
            123456.789,
            0.1 + 0.2,
            37.2093023255814,
            1e15,
            1e16,
            1e21,
            1e22,
            1e23,
            9007199254740993.0,
            1.7976931348623157e308,
            f64::MIN_POSITIVE,
            5e-324,
            f64::from_bits(0x000F_FFFF_FFFF_FFFF),
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::EPSILON,
            1.0 / 3.0,
            2.0f64.powi(52),
            2.0f64.powi(53),
            2.0f64.powi(-20),
        ];
        for x in special {
            same(x);
            same(-x);
        }
        // Thousandths and halves of every size a figure or a coordinate has.
        for i in 0..5_000 {
            let x = f64::from(i) / 1000.0 + f64::from(i % 7) * 1.1;
            same(x);
            same(-x);
            same(x * 1000.0 + 0.5);
            same(x * 1e6);
            same(f64::from(i) / 7.0);
        }
        // Powers of two and ten, and the doubles next to them.
        let near = |x: f64| {
            same(x);
            same(f64::from_bits(x.to_bits() + 1));
            same(f64::from_bits(x.to_bits() - 1));
        };
        for p in (-1074..=1023i32).step_by(3) {
            near(f64::from_bits(if p < -1022 {
                1 << (p + 1074)
            } else {
                ((p + 1023) as u64) << 52
            }));
        }
        for p in (-323..=308).step_by(2) {
            near(format!("1e{p}").parse().unwrap());
        }
    }

    #[test]
    fn random_bit_patterns() {
        // xorshift64*: every exponent, mantissa and sign equally likely.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..4_000 {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            let bits = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
            same(f64::from_bits(bits));
            // And numbers of a size readers see: up to a billion, with few significant bits.
            let small = f64::from_bits(bits) % 1e9;
            if small.is_finite() {
                same(small);
                same((small * 1e3).round() / 1e3);
            }
        }
    }
}
