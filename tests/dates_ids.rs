#![cfg(not(target_arch = "wasm32"))]
//! Months, days and ids: parsing, formatting, arithmetic and their JSON form.

use twohats::model::dates::days_in_month;
use twohats::model::ids::{BadId, MAX_ID_LEN};
use twohats::model::*;

fn month(s: &str) -> Month {
    Month::parse(s).unwrap_or_else(|e| panic!("{e}"))
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap_or_else(|e| panic!("{e}"))
}

/// Each of `inputs` is refused by `parse` with "'<input>' <why>".
/// Each of `inputs` is refused, and the refusal reads "'<input>' <why>" (its words are
/// `text`'s).
fn assert_rejected<T: std::fmt::Debug, E: std::fmt::Display>(
    parse: impl Fn(&str) -> Result<T, E>,
    inputs: &[&str],
    why: &str,
) {
    for s in inputs {
        match parse(s) {
            Ok(v) => panic!("{s:?} was read as {v:?}"),
            Err(e) => assert_eq!(e.to_string(), format!("'{s}' {why}"), "{s:?}"),
        }
    }
}

/// The message serde gives for `json` read as a `T`.
fn json_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
    serde_json::from_str::<T>(json).unwrap_err().to_string()
}

// ---------- Month ----------

#[test]
fn month_parse_and_format_round_trip() {
    for s in ["1900-01", "2026-03", "2026-12", "9999-12"] {
        assert_eq!(month(s).to_string(), s);
    }
    assert_eq!(
        month("2026-03"),
        Month {
            year: 2026,
            month: 3
        }
    );
}

/// Deliberately parallel to the day cases below: the same kinds of mistyping, for each.
#[test]
fn month_parse_rejects_malformed_and_unreal_months() {
    let unreal = ["2026-13", "2026-00", "1899-12"];
    assert_rejected(Month::parse, &unreal, "is not a real month");
    let malformed = [
        "26-01",
        "2026-1",
        "202601",
        "2026-03-01",
        "2026-ab",
        " 2026-03",
        "",
    ];
    assert_rejected(Month::parse, &malformed, "is not a month like 2026-03");
}

#[test]
fn month_and_day_parse_reject_a_plus_sign() {
    assert!(Month::parse("2026-+3").is_err());
    assert!(Day::parse("2026-03-+5").is_err());
}

#[test]
fn month_new_limits_years_and_months() {
    assert_eq!(Month::new(2026, 0), None);
    assert_eq!(Month::new(2026, 13), None);
    assert_eq!(Month::new(1899, 6), None);
    assert_eq!(Month::new(10_000, 1), None);
    assert_eq!(
        Month::new(1900, 1),
        Some(Month {
            year: 1900,
            month: 1
        })
    );
}

#[test]
fn month_add_crosses_years_both_ways() {
    assert_eq!(month("2026-11").add_months(3), month("2027-02"));
    assert_eq!(month("2026-01").add_months(-1), month("2025-12"));
    assert_eq!(month("2026-03").add_months(-27), month("2023-12"));
    assert_eq!(month("2026-03").add_months(0), month("2026-03"));
    assert_eq!(month("2026-03").add_months(120), month("2036-03"));
    assert_eq!(
        Month::from_index(month("2026-07").index()),
        month("2026-07")
    );
    assert_eq!(month("2027-01").index() - month("2026-01").index(), 12);
}

#[test]
fn month_quarter_and_short_name() {
    let quarters: Vec<u8> = (1..=12)
        .map(|m| Month::new(2026, m).unwrap().quarter())
        .collect();
    assert_eq!(quarters, [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    assert_eq!(month("2026-01").short_name(), "Jan");
    assert_eq!(month("2026-09").short_name(), "Sep");
    assert_eq!(month("2026-12").short_name(), "Dec");
}

#[test]
fn months_order_chronologically() {
    assert!(month("2025-12") < month("2026-01"));
    assert!(month("2026-02") < month("2026-10"));
}

// ---------- Day ----------

#[test]
fn day_parse_and_format_round_trip() {
    for s in [
        "1900-01-01",
        "2026-03-15",
        "2024-02-29",
        "2000-02-29",
        "9999-12-31",
    ] {
        assert_eq!(day(s).to_string(), s);
    }
    assert_eq!(
        day("2026-03-05"),
        Day {
            year: 2026,
            month: 3,
            day: 5
        }
    );
    assert_eq!(day("2026-03-05").month(), month("2026-03"));
}

#[test]
fn day_parse_rejects_malformed_and_unreal_dates() {
    // Deliberately the same shape as the Month case lists: each is a parser's own inputs.
    let unreal = [
        "2026-02-30",
        "2026-02-29",
        "1900-02-29",
        "2026-04-31",
        "2026-13-01",
        "2026-01-00",
    ];
    assert_rejected(Day::parse, &unreal, "is not a real date");
    let malformed = [
        "26-01-01",
        "2026-1-01",
        "2026-01-1",
        "2026-01",
        "2026-01-01-01",
        "2026-01-0x",
        "",
    ];
    assert_rejected(Day::parse, &malformed, "is not a date like 2026-03-15");
}

#[test]
fn leap_years_follow_the_gregorian_rules() {
    for (year, feb) in [
        (2024, 29),
        (2023, 28),
        (2000, 29),
        (1900, 28),
        (2100, 28),
        (2400, 29),
    ] {
        assert_eq!(days_in_month(year, 2), feb, "{year}");
        assert_eq!(Day::new(year, 2, 29).is_some(), feb == 29, "{year}");
    }
    let lengths: Vec<u8> = (1..=12).map(|m| days_in_month(2026, m)).collect();
    assert_eq!(lengths, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
}

#[test]
fn ordinal_counts_days_from_the_unix_epoch() {
    assert_eq!(day("1970-01-01").ordinal(), 0);
    assert_eq!(day("1970-01-02").ordinal(), 1);
    assert_eq!(day("1969-12-31").ordinal(), -1);
    assert_eq!(day("2000-03-01").ordinal(), 11_017);
    assert_eq!(day("1900-01-01").ordinal(), -25_567);
    assert_eq!(
        day("2026-03-15").ordinal() - day("2026-02-15").ordinal(),
        28
    );
}

#[test]
fn ordinal_and_from_ordinal_round_trip_every_day_from_1900_to_9999() {
    let mut expected = day("1900-01-01");
    let last = day("9999-12-31").ordinal();
    for n in expected.ordinal()..=last {
        let d = Day::from_ordinal(n);
        assert_eq!(d, expected, "ordinal {n}");
        assert_eq!(d.ordinal(), n);
        // Step the calendar by hand to the next day.
        expected = match Day::new(d.year, d.month, d.day + 1) {
            Some(next) => next,
            None if d.month < 12 => Day::new(d.year, d.month + 1, 1).unwrap(),
            None => Day {
                year: d.year + 1,
                month: 1,
                day: 1,
            },
        };
    }
}

#[test]
fn add_days_crosses_months_years_and_leap_days() {
    assert_eq!(day("2024-02-28").add_days(1), day("2024-02-29"));
    assert_eq!(day("2024-02-28").add_days(2), day("2024-03-01"));
    assert_eq!(day("2023-02-28").add_days(1), day("2023-03-01"));
    assert_eq!(day("2025-12-31").add_days(1), day("2026-01-01"));
    assert_eq!(day("2026-01-01").add_days(-1), day("2025-12-31"));
    assert_eq!(day("2026-03-15").add_days(365), day("2027-03-15"));
    assert_eq!(day("2026-03-15").add_days(0), day("2026-03-15"));
}

// ---------- Id ----------

#[test]
fn id_parse_accepts_lowercase_digits_dash_and_underscore() {
    for s in ["f-3k9x2a7q", "p-1", "a", "x_y-9", &"a".repeat(MAX_ID_LEN)] {
        assert_eq!(Id::parse(s).unwrap().as_str(), s);
    }
}

#[test]
fn id_parse_rejects_unsafe_or_overlong_ids() {
    for s in [
        "F-1",
        "f 1",
        "<script>",
        "f-1\"",
        "f/1",
        "f.1",
        "é",
        "f-1\n",
        "javascript:alert(1)",
    ] {
        let err = Id::parse(s).unwrap_err();
        assert_eq!(err, BadId::Characters(s.chars().take(24).collect()));
        assert_eq!(
            err.to_string(),
            format!("id '{s}' may hold only lowercase letters, digits, '-' and '_'"),
        );
    }
    assert_eq!(Id::parse(""), Err(BadId::Length(String::new())));
    assert_eq!(
        BadId::Length(String::new()).to_string(),
        "id '' must be 1 to 64 characters"
    );
    let long = "a".repeat(MAX_ID_LEN + 1);
    assert_eq!(Id::parse(&long), Err(BadId::Length("a".repeat(24))));
}

#[test]
fn id_from_parts_writes_the_number_in_base_36() {
    let cases = [
        (0, "f-0"),
        (9, "f-9"),
        (10, "f-a"),
        (35, "f-z"),
        (36, "f-10"),
        (1_295, "f-zz"),
        (1_296, "f-100"),
    ];
    for (n, s) in cases {
        assert_eq!(Id::from_parts("f", n).as_str(), s);
    }
    let max = Id::from_parts("i", u64::MAX);
    assert_eq!(max.as_str(), "i-3w5e11264sgsf");
    assert_eq!(
        Id::parse(max.as_str()),
        Ok(max.clone()),
        "every generated id parses"
    );
    assert_eq!(Id::from_parts("p", 42).to_string(), "p-16");
}

// ---------- JSON ----------

#[test]
fn ids_months_and_days_serialise_as_plain_strings() {
    assert_eq!(
        serde_json::to_string(&Id::from_parts("t", 71)).unwrap(),
        "\"t-1z\""
    );
    assert_eq!(
        serde_json::to_string(&month("2026-03")).unwrap(),
        "\"2026-03\""
    );
    assert_eq!(
        serde_json::to_string(&day("2026-03-05")).unwrap(),
        "\"2026-03-05\""
    );
    let f: Feature = serde_json::from_str(
        r#"{"id":"f-1","title":"Login","theme":"t-1","start":"2026-01","end":"2026-03","release":"r-1"}"#,
    )
    .unwrap();
    assert_eq!((f.start, f.end), (Month::new(2026, 1), Month::new(2026, 3)));
    assert_eq!(
        serde_json::from_str::<Feature>(&serde_json::to_string(&f).unwrap()).unwrap(),
        f
    );
}

#[test]
fn json_with_a_bad_id_month_or_day_is_rejected() {
    let bad_id = json_error::<Id>("\"<script>\"");
    assert!(bad_id.contains("id '<script>' may hold only"), "{bad_id}");
    let bad_month = json_error::<Month>("\"2026-13\"");
    assert!(
        bad_month.contains("'2026-13' is not a real month"),
        "{bad_month}"
    );
    let bad_day = json_error::<Day>("\"2026-02-30\"");
    assert!(
        bad_day.contains("'2026-02-30' is not a real date"),
        "{bad_day}"
    );
    // Inside a larger document.
    let err = json_error::<Release>(r#"{"id":"r-1","name":"Spring","date":"2026-1-01"}"#);
    assert!(err.contains("is not a date like"), "{err}");
    let err =
        json_error::<Theme>(r##"{"id":"T-1","name":"Core","colour":"#123456","objective":null}"##);
    assert!(err.contains("id 'T-1'"), "{err}");
    assert!(
        serde_json::from_str::<Id>("42").is_err(),
        "an id must be a string"
    );
}
