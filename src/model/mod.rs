//! The model layer: the feed as a council writes it, read and checked.
//!
//! Bytes come in; a typed [`feed::Feed`] of every item that can be shown, and a
//! [`validate::Report`] of every problem with its path, line and column, come out. Nothing
//! here knows about views, languages' words, the browser or the clock: `as_of` is in the feed
//! and "today" is never read. Every layer above builds on this one; this one imports none of
//! them.

pub mod case;
pub mod date;
pub mod decimal;
pub mod feed;
pub mod json;
pub mod lang;
pub mod sort;
pub mod validate;
