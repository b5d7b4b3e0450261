//! What a phone number, an e-mail address and a web address look like in the data: shared by
//! the validator and the translations' checks (a number must stay one of the French ones).

/// http(s) URL with a host and no whitespace.
#[must_use]
pub fn is_valid_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !r.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// One `@`, a local part, and a domain with a dot; no whitespace.
#[must_use]
pub fn is_valid_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Belgian numbers as written: national (`0` then 8 or 9 digits), international (`+` then 8 to
/// 15 digits; `+32` then 8 or 9), or a short service number (112, 1733...). Spaces, dots,
/// slashes and dashes may separate groups.
#[must_use]
pub fn is_valid_phone(s: &str) -> bool {
    let body = s.trim();
    if body
        .chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '.' | '/' | '-' | '+')))
    {
        return false;
    }
    if body.chars().skip(1).any(|c| c == '+') {
        return false;
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    if let Some(intl) = body.strip_prefix('+') {
        let intl = intl.trim_start();
        return if intl.starts_with("32") {
            matches!(digits.len(), 10 | 11) && !digits[2..].starts_with('0')
        } else {
            (8..=15).contains(&digits.len())
        };
    }
    match digits.len() {
        3..=4 => digits.starts_with('1'),
        9 | 10 => digits.starts_with('0'),
        _ => false,
    }
}
