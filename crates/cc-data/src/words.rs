//! Words with one home: every crate keeps its user-visible string pairs in
//! one catalogue module (`words`), written with [`catalogue!`](crate::catalogue)
//! and looked up by key (`words::OPEN.get(lang)`), so no pair is written
//! twice and none lacks a language (each catalogue's test checks both).
//! Texts with numbers or names in them are built where they are used.

use crate::model::Lang;

/// One user-visible text in Chinese and in English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Pair {
    /// The text in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// A crate's catalogue: `KEY = "中文" / "English";` lines become `pub
/// const KEY: Pair`, `ALL` lists them by key, and a test checks them
/// ([`problems`]).
#[macro_export]
macro_rules! catalogue {
    ($($key:ident = $zh:literal / $en:literal;)*) => {
        $(pub const $key: $crate::words::Pair = $crate::words::Pair { zh: $zh, en: $en };)*
        /// Every pair of the catalogue, by key.
        pub const ALL: &[(&str, $crate::words::Pair)] = &[$((stringify!($key), $key)),*];

        /// No text lacks a language and none is written under two keys.
        #[cfg(test)]
        #[test]
        fn every_text_has_both_languages_and_none_is_written_twice() {
            let p = $crate::words::problems(ALL);
            assert!(p.is_empty(), "{p:#?}");
        }
    };
}

/// What is wrong with a catalogue: a key whose text is empty in a
/// language, or a pair written under two keys.
pub fn problems(all: &[(&str, Pair)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (key, p) in all {
        if p.zh.trim().is_empty() {
            out.push(format!("{key} has no Chinese"));
        }
        if p.en.trim().is_empty() {
            out.push(format!("{key} has no English"));
        }
        if let Some(first) = seen.insert((p.zh, p.en), *key) {
            out.push(format!("{key} repeats {first}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_language_or_a_repeated_pair_is_found() {
        let all = [
            ("A", Pair { zh: "甲", en: "A" }),
            ("B", Pair { zh: " ", en: "B" }),
            ("C", Pair { zh: "甲", en: "A" }),
            ("D", Pair { zh: "丁", en: "" }),
        ];
        let p = problems(&all);
        assert_eq!(p, ["B has no Chinese", "C repeats A", "D has no English"]);
        assert!(problems(&all[..1]).is_empty());
        assert_eq!(all[0].1.get(Lang::En), "A");
    }
}
