//! Chinese lists in pinyin order: ICU's `zh` collation (the kept
//! `icu_collator` crate and its compiled data), so 北京 comes before 上海
//! (bei < shang) where code points put 上 first. English text keeps its
//! plain order.

use std::sync::OnceLock;

use cc_data::model::Lang;
use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};

fn zh() -> Option<&'static CollatorBorrowed<'static>> {
    static ZH: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    ZH.get_or_init(|| {
        Collator::try_new(
            icu_locale_core::locale!("zh").into(),
            CollatorOptions::default(),
        )
        .ok()
    })
    .as_ref()
}

/// A key that sorts `s` as `lang` sorts text: pinyin order for Chinese,
/// the bytes of the text otherwise (and where the collator is missing).
pub fn key(s: &str, lang: Lang) -> Vec<u8> {
    if lang == Lang::Zh
        && let Some(c) = zh()
    {
        let mut k = Vec::new();
        if c.write_sort_key_to(s, &mut k).is_ok() {
            return k;
        }
    }
    s.as_bytes().to_vec()
}

/// Sorts `v` as `lang` sorts text (see [`key`]); stable.
pub fn sort(v: &mut [String], lang: Lang) {
    v.sort_by_cached_key(|s| key(s, lang));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_sorts_by_pinyin() {
        let mut v: Vec<String> = ["浙江", "上海", "北京", "广东", "江苏"]
            .map(String::from)
            .to_vec();
        sort(&mut v, Lang::Zh);
        assert_eq!(v, ["北京", "广东", "江苏", "上海", "浙江"]);
        let mut e: Vec<String> = ["Zhejiang", "Beijing"].map(String::from).to_vec();
        sort(&mut e, Lang::En);
        assert_eq!(e, ["Beijing", "Zhejiang"]);
    }
}
