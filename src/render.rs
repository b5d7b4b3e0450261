//! Text shared by the command line, the interface and the exports: entries and contacts as
//! plain text ([`plain`]), JSON that cannot drive a terminal ([`json`]), QR codes ([`qr`]),
//! how old the information is ([`freshness`]), the warning that travels with a number
//! ([`warning`]), the short share ([`share`]), the HTML escaping ([`escape`]), the slides of a
//! deck and the data line of every handout ([`deck`]). Everything
//! here reads the knowledge base and returns text; nothing prints, loads or searches.

pub mod deck;
pub mod escape;
pub mod freshness;
pub mod json;
pub mod outline;
pub mod plain;
pub mod qr;
pub mod share;
pub mod warning;

/// True when a space between `prev` and `next` must not break a line: French typography keeps
/// `?`, `!`, `:`, `;` and `»` with the word before, and `«` with the word after. The reader and
/// the plain text wrap by the same rule.
#[must_use]
pub fn binds(prev: Option<char>, next: Option<char>) -> bool {
    matches!(next, Some('?' | '!' | ':' | ';' | '»')) || prev == Some('«')
}
