//! UTC calendar arithmetic: the `ttl` of `amz-sdk-request` on retries, and the timestamps of the CLI's
//! `--debug` log.

/// The proleptic Gregorian date `(year, month, day)` that is `days` days after 1970-01-01 (before it
/// when negative): Howard Hinnant's `civil_from_days`.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    //! Expected dates from Python 3.11: `datetime.date(1970, 1, 1) + datetime.timedelta(days)`.

    use super::*;

    #[test]
    fn counts_days_from_the_unix_epoch() {
        let cases = [
            (0, (1970, 1, 1)),
            (-1, (1969, 12, 31)),
            (59, (1970, 3, 1)),
            (11_016, (2000, 2, 29)),
            (11_017, (2000, 3, 1)),
            (20_783, (2026, 11, 26)),
            (-719_162, (1, 1, 1)),
            (2_932_896, (9999, 12, 31)),
        ];
        for (days, date) in cases {
            assert_eq!(civil_from_days(days), date, "{days}");
        }
    }
}
