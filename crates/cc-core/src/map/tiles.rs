//! The tile grid: China's 31 mainland province-level divisions plus Hong
//! Kong, Macao and Taiwan, one equal square each, and the matching of
//! province names as data writes them to tiles. Plain data.

use serde::Serialize;

use cc_data::model::{Lang, Text};

/// What kind of division a tile is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Province,
    Municipality,
    AutonomousRegion,
    /// Hong Kong and Macao.
    SpecialAdministrativeRegion,
    /// Taiwan: drawn, never given data by this app's sources.
    Taiwan,
}

/// One province-level division on the grid.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Tile {
    /// As the data writes it, without suffix: `广东`, `内蒙古`, `香港`.
    pub zh: &'static str,
    pub en: &'static str,
    /// One-character abbreviation (简称): `粤`.
    pub abbr_zh: &'static str,
    /// Two-letter code (GB/T 2260, ISO 3166-2:CN): `GD`.
    pub code: &'static str,
    /// Grid position, from the top left; see [`ROWS`] and [`COLS`].
    pub row: u8,
    pub col: u8,
    pub kind: Kind,
    /// Other English spellings the data may use.
    #[serde(skip)]
    pub aliases: &'static [&'static str],
}

impl Tile {
    /// One of the 31 province-level divisions of the mainland.
    pub fn mainland(&self) -> bool {
        !matches!(self.kind, Kind::SpecialAdministrativeRegion | Kind::Taiwan)
    }

    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

/// Rows and columns of the grid.
pub const ROWS: u8 = 8;
pub const COLS: u8 = 7;

/// `[zh, en, abbr_zh, code]`, `[row, col]`, kind, English aliases.
const fn t(
    names: [&'static str; 4],
    at: [u8; 2],
    kind: Kind,
    aliases: &'static [&'static str],
) -> Tile {
    let [zh, en, abbr_zh, code] = names;
    Tile {
        zh,
        en,
        abbr_zh,
        code,
        row: at[0],
        col: at[1],
        kind,
        aliases,
    }
}

use Kind::{
    AutonomousRegion as A, Municipality as M, Province as P, SpecialAdministrativeRegion as S,
};

/// The 34 tiles: 31 mainland divisions, then Hong Kong, Macao, Taiwan. The
/// layout follows the usual tile-grid maps of China (north-east at the top
/// right, Hainan and the SARs at the bottom).
pub const TILES: [Tile; 34] = [
    t(["黑龙江", "Heilongjiang", "黑", "HL"], [0, 6], P, &[]),
    t(
        ["内蒙古", "Inner Mongolia", "蒙", "NM"],
        [1, 3],
        A,
        &["Nei Mongol", "Neimenggu"],
    ),
    t(["北京", "Beijing", "京", "BJ"], [1, 4], M, &["Peking"]),
    t(["辽宁", "Liaoning", "辽", "LN"], [1, 5], P, &[]),
    t(["吉林", "Jilin", "吉", "JL"], [1, 6], P, &[]),
    t(
        ["新疆", "Xinjiang", "新", "XJ"],
        [2, 0],
        A,
        &["Xinjiang Uygur"],
    ),
    t(["甘肃", "Gansu", "甘", "GS"], [2, 1], P, &[]),
    t(["宁夏", "Ningxia", "宁", "NX"], [2, 2], A, &["Ningxia Hui"]),
    t(["山西", "Shanxi", "晋", "SX"], [2, 3], P, &[]),
    t(["河北", "Hebei", "冀", "HE"], [2, 4], P, &[]),
    t(["天津", "Tianjin", "津", "TJ"], [2, 5], M, &[]),
    t(["西藏", "Tibet", "藏", "XZ"], [3, 0], A, &["Xizang"]),
    t(["青海", "Qinghai", "青", "QH"], [3, 1], P, &[]),
    t(["陕西", "Shaanxi", "陕", "SN"], [3, 2], P, &[]),
    t(["河南", "Henan", "豫", "HA"], [3, 3], P, &[]),
    t(["山东", "Shandong", "鲁", "SD"], [3, 4], P, &[]),
    t(["江苏", "Jiangsu", "苏", "JS"], [3, 5], P, &[]),
    t(["四川", "Sichuan", "川", "SC"], [4, 1], P, &[]),
    t(["重庆", "Chongqing", "渝", "CQ"], [4, 2], M, &[]),
    t(["湖北", "Hubei", "鄂", "HB"], [4, 3], P, &[]),
    t(["安徽", "Anhui", "皖", "AH"], [4, 4], P, &[]),
    t(["上海", "Shanghai", "沪", "SH"], [4, 5], M, &[]),
    t(["云南", "Yunnan", "云", "YN"], [5, 1], P, &[]),
    t(["贵州", "Guizhou", "贵", "GZ"], [5, 2], P, &[]),
    t(["湖南", "Hunan", "湘", "HN"], [5, 3], P, &[]),
    t(["江西", "Jiangxi", "赣", "JX"], [5, 4], P, &[]),
    t(["浙江", "Zhejiang", "浙", "ZJ"], [5, 5], P, &[]),
    t(
        ["广西", "Guangxi", "桂", "GX"],
        [6, 2],
        A,
        &["Guangxi Zhuang"],
    ),
    t(["广东", "Guangdong", "粤", "GD"], [6, 3], P, &[]),
    t(["福建", "Fujian", "闽", "FJ"], [6, 4], P, &[]),
    t(["海南", "Hainan", "琼", "HI"], [7, 2], P, &[]),
    t(
        ["香港", "Hong Kong", "港", "HK"],
        [7, 4],
        S,
        &["Hong Kong SAR", "Hongkong"],
    ),
    t(
        ["澳门", "Macao", "澳", "MO"],
        [7, 3],
        S,
        &["Macau", "Macao SAR", "Macau SAR"],
    ),
    t(["台湾", "Taiwan", "台", "TW"], [6, 5], Kind::Taiwan, &[]),
];

/// Chinese suffixes stripped before matching, longest first.
const ZH_SUFFIXES: [&str; 8] = [
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "地区",
    "省",
    "市",
];

/// English words stripped before matching.
const EN_SUFFIXES: [&str; 6] = [
    " special administrative region",
    " autonomous region",
    " municipality",
    " province",
    " region",
    " sar",
];

/// A Chinese province name without spaces, a `中国` prefix or a suffix:
/// `广东省` → `广东`, `内蒙古自治区` → `内蒙古`, `中国香港` → `香港`.
pub fn normalise_zh(name: &str) -> String {
    let s: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let mut s = s.strip_prefix("中国").unwrap_or(&s).to_owned();
    for suffix in ZH_SUFFIXES {
        if let Some(rest) = s.strip_suffix(suffix)
            && !rest.is_empty()
        {
            s = rest.to_owned();
            break;
        }
    }
    s
}

fn normalise_en(name: &str) -> String {
    let mut s = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for suffix in EN_SUFFIXES {
        if let Some(rest) = s.strip_suffix(suffix)
            && !rest.is_empty()
        {
            s = rest.to_owned();
            break;
        }
    }
    s
}

/// The tile a single name (Chinese or English, any common form) stands for.
pub fn tile_index(name: &str) -> Option<usize> {
    let zh = normalise_zh(name);
    if let Some(i) = TILES.iter().position(|t| t.zh == zh) {
        return Some(i);
    }
    let en = normalise_en(name);
    TILES.iter().position(|t| {
        t.en.eq_ignore_ascii_case(&en)
            || t.aliases.iter().any(|a| a.eq_ignore_ascii_case(&en))
            || t.code.eq_ignore_ascii_case(name.trim())
    })
}

/// The tile a data province stands for: by its Chinese name, else its English one.
pub fn tile_of(text: &Text) -> Option<usize> {
    [&text.zh, &text.en]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .find_map(|s| tile_index(s))
}

/// True where two province names (as written) name the same division; names
/// that match no tile are compared as written.
pub fn same_province(a: &str, b: &str) -> bool {
    match (tile_index(a), tile_index(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a.trim() == b.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_and_english_names_find_their_tile() {
        let gd = tile_index("广东");
        assert!(gd.is_some());
        for name in ["广东省", " 广东 ", "Guangdong", "guangdong province", "GD"] {
            assert_eq!(tile_index(name), gd, "{name}");
        }
        assert_eq!(tile_index("北京市"), tile_index("Beijing"));
        assert_eq!(tile_index("内蒙古自治区"), tile_index("Inner Mongolia"));
        assert_eq!(tile_index("广西壮族自治区"), tile_index("Guangxi"));
        assert_eq!(tile_index("新疆维吾尔自治区"), tile_index("Xinjiang"));
        assert_eq!(tile_index("宁夏回族自治区"), tile_index("Ningxia"));
        assert_eq!(tile_index("西藏自治区"), tile_index("Xizang"));
        assert_eq!(tile_index("香港特别行政区"), tile_index("Hong Kong"));
        assert_eq!(tile_index("澳门特别行政区"), tile_index("Macau"));
        assert_eq!(tile_index("中国台湾"), tile_index("台湾省"));
        assert!(tile_index("山西").is_some() && tile_index("山西") != tile_index("陕西"));
        assert_eq!(tile_index("京津冀"), None);
        assert_eq!(tile_index("市"), None, "a bare suffix is not a province");
    }
}
