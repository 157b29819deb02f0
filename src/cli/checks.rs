//! Checks of the command line's values that clap cannot make: a slide metric
//! the dataset has, sizes and scales that draw something, and an `-o` whose
//! extension matches `--format`.

use std::path::Path;

use crate::export::Format;
use crate::model::Dataset;

/// Width and height in points, as the PNG export takes them.
const SIZE: std::ops::RangeInclusive<u32> = 200..=8000;
/// Pixels per point.
const SCALE: std::ops::RangeInclusive<f32> = 0.5..=4.0;

/// Why `--width`, `--height` or `--scale` cannot be used, if one cannot.
pub fn size(width: u32, height: u32, scale: f32) -> Option<String> {
    for (name, v) in [("--width", width), ("--height", height)] {
        if !SIZE.contains(&v) {
            return Some(format!(
                "{name} {v} is out of range; give {} to {} points",
                SIZE.start(),
                SIZE.end()
            ));
        }
    }
    if !scale.is_finite() || !SCALE.contains(&scale) {
        return Some(format!(
            "--scale {scale} is out of range; give a number from {} to {}",
            SCALE.start(),
            SCALE.end()
        ));
    }
    None
}

/// Why `--metric KEY` cannot be charted, if it cannot: the dataset has no such
/// metric (the nearest key is suggested).
pub fn metric(d: &Dataset, key: &str) -> Option<String> {
    if d.metric_key(key).is_some() {
        return None;
    }
    let keys: Vec<&str> = d.metric_keys.iter().map(|k| k.key.as_str()).collect();
    let hint = crate::selection::nearest(key, keys.iter().copied())
        .map_or(String::new(), |n| format!(" (did you mean {n}?)"));
    Some(format!(
        "--metric {}: no such metric{hint}; use one of: {}",
        key.escape_debug(),
        keys.join(", ")
    ))
}

/// The extensions a file of `fmt` is expected to have; empty where `-o`
/// names a folder (slides).
fn extensions(fmt: Format, slides: bool) -> &'static [&'static str] {
    match fmt {
        _ if slides => &[],
        Format::Csv => &["csv"],
        Format::Xlsx => &["xlsx"],
        Format::Md => &["md", "markdown"],
        Format::Html => &["html", "htm"],
        Format::Png => &["png"],
        Format::Pdf => &["pdf"],
        Format::Svg => &[],
        Format::Pptx => &["pptx"],
    }
}

/// Every extension the exports write.
const KNOWN: [&str; 10] = [
    "csv", "xlsx", "md", "markdown", "html", "htm", "png", "pdf", "svg", "pptx",
];

/// A warning when `-o`'s extension says another format than `--format`
/// (`-o deck.pdf --format csv`); `None` for `-`, no extension or a match.
pub fn extension(out: &Path, fmt: Format, slides: bool) -> Option<String> {
    if out.as_os_str() == "-" {
        return None;
    }
    let ext = out.extension()?.to_str()?.to_ascii_lowercase();
    let expected = extensions(fmt, slides);
    let mismatch = if expected.is_empty() {
        // A folder of slides: only an extension of another format is odd.
        KNOWN.contains(&ext.as_str()) && ext != fmt.extension()
    } else {
        !expected.contains(&ext.as_str())
    };
    mismatch.then(|| {
        format!(
            "warning: -o {} ends in .{ext} but --format is {}; the {} holds {}",
            out.display(),
            fmt.extension(),
            if expected.is_empty() {
                "folder"
            } else {
                "file"
            },
            fmt.extension().to_uppercase()
        )
    })
}

/// The language of `check`'s words where `--lang` is not given: the
/// environment's (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the first that
/// is set): Chinese for a `zh…` locale, English for any other and where none
/// is set (the C locale).
pub fn lang_from_env() -> crate::model::Lang {
    lang_of_locale(
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .as_deref(),
    )
}

/// See [`lang_from_env`].
pub fn lang_of_locale(locale: Option<&str>) -> crate::model::Lang {
    use crate::model::Lang;
    match locale {
        Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

/// `ok: format version 3, 1 cluster, 2 metrics, …` (singular where one),
/// or the same in Chinese.
pub fn ok_line(d: &Dataset, warnings: usize, lang: crate::model::Lang) -> String {
    use crate::model::Lang;
    let s = d.summary();
    match lang {
        Lang::En => {
            let n =
                |n: usize, one: &str, many: &str| cc_core::format::count(n, lang, "", one, many);
            let mut line = format!(
                "ok: format version {}, {}, {}, {}, {}, {}",
                d.format_version,
                n(s.clusters, "cluster", "clusters"),
                n(s.metrics, "metric", "metrics"),
                n(s.targets, "target", "targets"),
                n(s.policies, "policy", "policies"),
                n(s.sources, "source", "sources"),
            );
            if warnings > 0 {
                line.push_str(&format!(", {}", n(warnings, "warning", "warnings")));
            }
            line
        }
        Lang::Zh => {
            let mut line = format!(
                "通过：格式版本 {}，{} 个集群，{} 项数据，{} 个目标，{} 项政策，{} 份来源",
                d.format_version, s.clusters, s.metrics, s.targets, s.policies, s.sources
            );
            if warnings > 0 {
                line.push_str(&format!("，{warnings} 条警告"));
            }
            line
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_scales_that_draw_nothing_are_refused() {
        assert!(size(1600, 900, 1.0).is_none());
        assert!(size(0, 900, 1.0).unwrap().contains("--width 0"));
        assert!(size(1600, 0, 1.0).unwrap().contains("--height 0"));
        assert!(size(1600, 900, f32::NAN).unwrap().contains("--scale NaN"));
        assert!(size(1600, 900, f32::INFINITY).is_some());
    }

    #[test]
    fn extensions_that_say_another_format_are_named() {
        assert!(extension(Path::new("deck.pdf"), Format::Csv, false).is_some());
        assert!(extension(Path::new("out.CSV"), Format::Csv, false).is_none());
        assert!(extension(Path::new("-"), Format::Csv, false).is_none());
        assert!(extension(Path::new("/dev/null"), Format::Pdf, false).is_none());
        assert!(extension(Path::new("slides"), Format::Svg, true).is_none());
        assert!(extension(Path::new("slides.pdf"), Format::Svg, true).is_some());
    }
}
