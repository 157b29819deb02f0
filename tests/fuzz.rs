//! A fuzz target for the loader: a property over mutated seed files (byte
//! flips, truncation, hostile tokens, duplicated keys, arrays for objects).
//! Whatever the bytes: no panic, every problem placed inside the file, and a
//! valid file loads back to the same data. The case count is fixed so it runs
//! in `cargo test` (and CI) in bounded time.

mod common;

use cluster_compare::load::{self, LoadError, Severity};
use proptest::prelude::*;

const HOSTILE: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "\"",
    "\\",
    ",",
    ":",
    "-0e",
    "1e999",
    "-",
    "null",
    "[]",
    "{}",
    "\"a\": 1,",
    "\u{1b}[2J",
    "\u{202e}",
    "\\u0000",
    "\\ud800",
    "中文",
    "\r",
    "\n\n",
    "0x10",
    "true",
    "\"format_version\": 1,",
];

fn seeds() -> Vec<String> {
    vec![
        load::EMBEDDED.to_owned(),
        serde_json::to_string_pretty(&common::minimal()).unwrap(),
        serde_json::to_string(&common::minimal()).unwrap(),
    ]
}

/// Every problem with a place lies inside the text, and every error that can
/// be placed is.
fn check_places(text: &[u8], e: &LoadError) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(text);
    let lines: Vec<&str> = text.split('\n').collect();
    for p in &e.problems {
        match p.pos {
            Some(pos) => {
                prop_assert!(pos.line >= 1 && pos.line <= lines.len(), "{p:?}");
                let width = lines[pos.line - 1].chars().count();
                prop_assert!(
                    pos.column >= 1 && pos.column <= width + 1,
                    "{p:?} (width {width})"
                );
            }
            None => prop_assert!(
                p.severity == Severity::Warning || p.message.contains("empty"),
                "an error without a place: {p:?}"
            ),
        }
    }
    Ok(())
}

/// The pretty seed with the `k`-th `"key": scalar,` line repeated.
fn duplicate_a_key(seed: &str, k: usize) -> Option<String> {
    let lines: Vec<&str> = seed.lines().collect();
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let l = lines[i].trim();
            l.starts_with('"')
                && l.contains("\": ")
                && l.ends_with(',')
                && !l.ends_with("[,")
                && !l.ends_with("{,")
        })
        .collect();
    let i = *candidates.get(k % candidates.len().max(1))?;
    let mut out: Vec<&str> = lines.clone();
    out.insert(i + 1, lines[i]);
    Some(out.join("\n"))
}

/// The seed with its `k`-th nested object replaced by an array of its values.
fn array_for_object(seed: &str, k: usize) -> Option<String> {
    fn count(v: &serde_json::Value) -> usize {
        match v {
            serde_json::Value::Object(m) => 1 + m.values().map(count).sum::<usize>(),
            serde_json::Value::Array(a) => a.iter().map(count).sum(),
            _ => 0,
        }
    }
    /// Replaces the object numbered `*k` (depth first); true once done.
    fn replace(v: &mut serde_json::Value, k: &mut usize) -> bool {
        if let serde_json::Value::Object(m) = v {
            if *k == 0 {
                *v = serde_json::Value::Array(m.values().cloned().collect());
                return true;
            }
            *k -= 1;
        }
        match v {
            serde_json::Value::Object(m) => m.values_mut().any(|c| replace(c, k)),
            serde_json::Value::Array(a) => a.iter_mut().any(|c| replace(c, k)),
            _ => false,
        }
    }
    let mut v: serde_json::Value = serde_json::from_str(seed).ok()?;
    let nested = count(&v).checked_sub(1).filter(|&n| n > 0)?;
    // Skip the root object: number 0.
    let mut k = 1 + k % nested;
    replace(&mut v, &mut k).then(|| serde_json::to_string_pretty(&v).ok())?
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_seeds_never_panic_and_every_problem_is_placed(
        seed in 0usize..3,
        op in 0u8..4,
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        token in 0..HOSTILE.len(),
        count in 1usize..6,
    ) {
        let mut b = seeds()[seed].clone().into_bytes();
        match op {
            0 => for j in 0..count {
                let i = (at.index(b.len()) + j * 7919) % b.len();
                b[i] = byte.wrapping_add(j as u8);
            },
            1 => b.truncate(at.index(b.len())),
            2 => {
                let i = at.index(b.len());
                for _ in 0..count {
                    b.splice(i..i, HOSTILE[token].bytes());
                }
            }
            _ => {
                let i = at.index(b.len());
                let n = count.min(b.len() - i);
                b.drain(i..i + n);
            }
        }
        if let Err(e) = load::load_bytes("fuzz.json", &b) {
            check_places(&b, &e)?;
        }
    }

    #[test]
    fn a_repeated_key_is_always_refused(seed in 0usize..2, k in any::<usize>()) {
        let Some(text) = duplicate_a_key(&seeds()[seed], k) else { return Ok(()) };
        let e = load::load_str("dup.json", &text).expect_err("a duplicate key must be refused");
        prop_assert!(e.problems.iter().any(|p| p.message.contains("duplicate key")), "{e}");
        check_places(text.as_bytes(), &e)?;
    }

    #[test]
    fn an_array_for_an_object_is_always_refused(seed in 0usize..2, k in any::<usize>()) {
        let Some(text) = array_for_object(&seeds()[seed], k) else { return Ok(()) };
        let e = load::load_str("arr.json", &text).expect_err("an array for an object must be refused");
        prop_assert!(e.problems.iter().any(|p| p.message.contains("an array")), "{e}");
        check_places(text.as_bytes(), &e)?;
    }

    #[test]
    fn valid_files_round_trip(n in 0usize..12, pretty in any::<bool>()) {
        let d = cluster_compare::synth::dataset(n);
        let text = if pretty { serde_json::to_string_pretty(&d) } else { serde_json::to_string(&d) }.unwrap();
        let once = load::load_str("a.json", &text).unwrap_or_else(|e| panic!("{e}"));
        let again_text = serde_json::to_string(&once.dataset).unwrap();
        let again = load::load_str("b.json", &again_text).unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(serde_json::to_string(&again.dataset).unwrap(), again_text);
        prop_assert_eq!(again.dataset.clusters.len(), n);
    }
}

#[test]
fn the_seed_round_trips() {
    let once = load::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let text = serde_json::to_string_pretty(&once.dataset).unwrap();
    let again = load::load_str("again.json", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        serde_json::to_string(&again.dataset).unwrap(),
        serde_json::to_string(&once.dataset).unwrap()
    );
}
