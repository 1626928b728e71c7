//! Helpers shared by the native test files.
#![allow(dead_code)]

pub mod builders;
pub mod older;
#[allow(unused_imports)]
pub use builders::*;

/// `at` with the ` (id)` after each name removed, so expectations can name entities by title.
pub fn without_ids(at: &str) -> String {
    let mut out = String::new();
    let mut rest = at;
    while let Some(start) = rest.find(" (") {
        let tail = &rest[start + 2..];
        match tail.find(')') {
            Some(end)
                if tail[..end].bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'
                }) =>
            {
                out.push_str(&rest[..start]);
                rest = &tail[end + 1..];
            }
            _ => {
                out.push_str(&rest[..start + 2]);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}
