//! Numbers as the app shows them, written with integer arithmetic.
//!
//! Rust's own float formatting (`{}` or `{:.1}` of an `f64`) is about 13 KB of wasm that
//! the first load would carry as soon as one view on Home's path formats a float, so the
//! app formats its floats here instead (docs/performance.md, "The split build").

/// The largest magnitude shown digit by digit; beyond it the value is not a count anyone
/// planned, and saying so is more useful than twenty digits.
const LARGEST: f64 = 1e15;

/// `n` and the noun in its number: "1 product", "2 products".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `v` rounded half away from zero to `places` decimals (at most 3), every decimal shown.
pub fn fixed(v: f64, places: u32) -> String {
    let places = places.min(3);
    if v.is_nan() {
        return "not a number".to_string();
    }
    if v.abs() >= LARGEST {
        return if v > 0.0 {
            "more than 10¹⁵"
        } else {
            "less than −10¹⁵"
        }
        .to_string();
    }
    let scale = 10u64.pow(places);
    let scaled = (v.abs() * scale as f64).round() as u64;
    let mut out = String::new();
    if v < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&(scaled / scale).to_string());
    if places > 0 {
        let frac = (scaled % scale).to_string();
        out.push('.');
        out.extend(std::iter::repeat_n('0', places as usize - frac.len()));
        out.push_str(&frac);
    }
    out
}

/// Story points and other estimates: whole numbers as they are, anything else to one
/// decimal ("3", "0.5", "2.3").
pub fn points(v: f64) -> String {
    if v.fract() == 0.0 {
        fixed(v, 0)
    } else {
        fixed(v, 1)
    }
}

/// A number as someone would type it: up to three decimals, trailing zeros dropped
/// ("-12", "0.125", "1.5"); a key result's start, target and current value.
pub fn plain(v: f64) -> String {
    let mut s = fixed(v, 3);
    if s.contains('.') {
        let kept = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(kept);
    }
    if s == "-0" {
        s.remove(0);
    }
    s
}

/// A count with thousands separated, as people read them: "10,000 items".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_rounds_and_pads() {
        assert_eq!(fixed(0.0, 1), "0.0");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(fixed(0.44, 1), "0.4");
        assert_eq!(fixed(0.45, 1), "0.5");
        assert_eq!(fixed(2.05, 2), "2.05");
        assert_eq!(fixed(12.0, 3), "12.000");
        assert_eq!(fixed(99.96, 1), "100.0");
        assert_eq!(fixed(-1.25, 1), "-1.3");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(1234567.0, 0), "1234567");
    }

    #[test]
    fn fixed_never_prints_inf_or_nan() {
        assert_eq!(fixed(f64::NAN, 1), "not a number");
        assert_eq!(fixed(f64::INFINITY, 1), "more than 10¹⁵");
        assert_eq!(fixed(-1e308, 0), "less than −10¹⁵");
    }

    #[test]
    fn plain_drops_trailing_zeros_and_never_prints_inf_or_nan() {
        assert_eq!(plain(-12.0), "-12");
        assert_eq!(plain(2.5), "2.5");
        assert_eq!(plain(-0.0004), "0");
        assert_eq!(plain(f64::INFINITY), "more than 10¹⁵");
        assert_eq!(plain(f64::NEG_INFINITY), "less than −10¹⁵");
        assert_eq!(plain(f64::NAN), "not a number");
        assert_eq!(points(1e308), "more than 10¹⁵");
        assert_eq!(points(f64::NAN), "not a number");
    }

    #[test]
    fn points_drop_needless_decimals() {
        assert_eq!(points(3.0), "3");
        assert_eq!(points(-0.0), "0");
        assert_eq!(points(0.5), "0.5");
        assert_eq!(points(2.25), "2.3");
        assert_eq!(points(13.0), "13");
    }
}
