//! Where the clusters are: a tile grid of China's province-level divisions
//! (one equal square each, placed roughly where it lies, no drawn borders)
//! and the counts drawn on it. Plain data: no egui, no I/O. The app's map view
//! (`ui/map.rs`), the PNG export and the slides all draw from [`map_data`].
//!
//! Province names are matched as the data writes them (`广东`), with the
//! common suffixes stripped (`广东省`, `北京市`, `内蒙古自治区`,
//! `香港特别行政区`) or by English name (`Guangdong`, `Inner Mongolia`).
//! A name that matches no tile is never dropped silently: [`unmatched`]
//! lists it with where it was written.

use serde::{Deserialize, Serialize};

use crate::model::{Cluster, Dataset, Lang, Level, Text};

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

/// Whether a cluster counts as a national cluster on the map.
///
/// The one place this is decided. Format version 1 has only the level; once
/// the national register lands (`designation.batch`), count the clusters on
/// one of MIIT's lists instead.
pub fn counts_as_national(c: &Cluster) -> bool {
    c.level == Level::National
}

/// The distinct tiles a cluster lies in, in the order the data lists them.
pub fn cluster_tiles(c: &Cluster) -> Vec<usize> {
    let mut tiles = Vec::new();
    for p in &c.provinces {
        if let Some(i) = tile_of(p)
            && !tiles.contains(&i)
        {
            tiles.push(i);
        }
    }
    tiles
}

/// What the tiles are coloured by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// National clusters in the dataset, by province.
    #[default]
    National,
    /// Winners of the 2019 and 2020 competition rounds (the context's breakdown).
    Competition,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::National, Mode::Competition];
}

/// Counts on the grid, one entry per tile of [`TILES`].
#[derive(Clone, Debug, Default)]
pub struct Counts {
    /// `None` where the data says nothing about the division (Hong Kong,
    /// Macao, Taiwan; or a province the competition breakdown leaves out
    /// when the breakdown does not add up to the total).
    pub counts: Vec<Option<u32>>,
    /// Indices (in `Dataset::clusters`) of the counted clusters per tile.
    pub clusters: Vec<Vec<usize>>,
}

impl Counts {
    fn empty() -> Self {
        Self {
            counts: vec![None; TILES.len()],
            clusters: vec![Vec::new(); TILES.len()],
        }
    }

    /// Sum over the tiles.
    pub fn total(&self) -> u64 {
        self.counts.iter().flatten().map(|&c| c as u64).sum()
    }

    pub fn max(&self) -> u32 {
        self.counts.iter().flatten().copied().max().unwrap_or(0)
    }
}

/// National clusters per province. A cluster in several provinces counts in
/// each (once per province, however often the data names it).
pub fn national_by_province(d: &Dataset) -> Counts {
    let mut out = Counts::empty();
    for (i, t) in TILES.iter().enumerate() {
        if t.mainland() {
            out.counts[i] = Some(0);
        }
    }
    for (ci, c) in d.clusters.iter().enumerate() {
        if !counts_as_national(c) {
            continue;
        }
        for ti in cluster_tiles(c) {
            *out.counts[ti].get_or_insert(0) += 1;
            out.clusters[ti].push(ci);
        }
    }
    out
}

/// Whether the competition's province breakdown places every winner on the
/// map (it adds up to the rounds' winners and every name is a tile), so a
/// province it leaves out had none.
pub fn competition_complete(d: &Dataset) -> bool {
    d.context.competition.as_ref().is_some_and(|c| {
        let listed: u64 = c.by_province.iter().map(|p| p.count as u64).sum();
        let winners: u64 = c.rounds.iter().map(|r| r.winners as u64).sum();
        !c.rounds.is_empty()
            && listed == winners
            && c.by_province.iter().all(|p| tile_of(&p.name).is_some())
    })
}

/// Competition winners per province, as the context's breakdown gives them.
/// Provinces it leaves out are 0 where the breakdown adds up to the rounds'
/// winners, and without data where it does not. `clusters` lists the national
/// clusters of the province, for the hover.
pub fn competition_by_province(d: &Dataset) -> Counts {
    let mut out = Counts::empty();
    let Some(comp) = &d.context.competition else {
        return out;
    };
    if competition_complete(d) {
        for (i, t) in TILES.iter().enumerate() {
            if t.mainland() {
                out.counts[i] = Some(0);
            }
        }
    }
    for p in &comp.by_province {
        if let Some(ti) = tile_of(&p.name) {
            *out.counts[ti].get_or_insert(0) += p.count;
        }
    }
    out.clusters = national_by_province(d).clusters;
    out
}

pub fn counts(d: &Dataset, mode: Mode) -> Counts {
    match mode {
        Mode::National => national_by_province(d),
        Mode::Competition => competition_by_province(d),
    }
}

/// Where an unmatched province name was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "in")]
pub enum Origin {
    /// `clusters[].provinces` of this cluster.
    Cluster { id: String, national: bool },
    /// `context.competition.by_province`.
    Competition,
}

/// A province name that matches no tile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    /// The name as written (Chinese, else English).
    pub name: String,
    pub origin: Origin,
}

/// Every province name in the dataset that matches no tile: in any cluster
/// and in the competition breakdown.
pub fn unmatched(d: &Dataset) -> Vec<Unmatched> {
    let name = |t: &Text| {
        if t.zh.trim().is_empty() {
            t.en.clone()
        } else {
            t.zh.clone()
        }
    };
    let mut out = Vec::new();
    for c in &d.clusters {
        for p in &c.provinces {
            if tile_of(p).is_none() {
                out.push(Unmatched {
                    name: name(p),
                    origin: Origin::Cluster {
                        id: c.id.clone(),
                        national: counts_as_national(c),
                    },
                });
            }
        }
    }
    if let Some(comp) = &d.context.competition {
        for p in &comp.by_province {
            if tile_of(&p.name).is_none() {
                out.push(Unmatched {
                    name: name(&p.name),
                    origin: Origin::Competition,
                });
            }
        }
    }
    out
}

/// The unmatched names that a map of `mode` would otherwise leave out.
pub fn unmatched_for(d: &Dataset, mode: Mode) -> Vec<Unmatched> {
    unmatched(d)
        .into_iter()
        .filter(|u| match (&u.origin, mode) {
            (Origin::Cluster { national, .. }, Mode::National) => *national,
            (Origin::Competition, Mode::Competition) => true,
            _ => false,
        })
        .collect()
}

/// One colour step of the legend: counts `lo..=hi`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub lo: u32,
    pub hi: u32,
}

impl Step {
    pub fn label(&self) -> String {
        if self.lo == self.hi {
            self.lo.to_string()
        } else {
            format!("{}–{}", self.lo, self.hi)
        }
    }
}

/// At most this many steps above zero.
pub const MAX_STEPS: u32 = 5;

/// The legend's steps for counts up to `max`: zero, then one step per count
/// up to five, or five steps of near-equal width.
pub fn steps(max: u32) -> Vec<Step> {
    let mut out = vec![Step { lo: 0, hi: 0 }];
    if max <= MAX_STEPS {
        out.extend((1..=max).map(|n| Step { lo: n, hi: n }));
        return out;
    }
    let mut lo = 1;
    for k in 1..=MAX_STEPS {
        let hi = (max as u64 * k as u64).div_ceil(MAX_STEPS as u64) as u32;
        if hi >= lo {
            out.push(Step { lo, hi });
            lo = hi + 1;
        }
    }
    out
}

/// The index in `steps` of a count.
pub fn step_of(steps: &[Step], count: u32) -> usize {
    steps
        .iter()
        .position(|s| (s.lo..=s.hi).contains(&count))
        .unwrap_or(steps.len().saturating_sub(1))
}

/// A counted cluster, for the hover and the slides.
#[derive(Clone, Debug, Serialize)]
pub struct ClusterRef {
    pub id: String,
    pub name: String,
    /// How many provinces it lies in (more than 1: it counts in each).
    pub provinces: usize,
    /// The names of those provinces, in the language asked for.
    pub province_names: Vec<String>,
}

/// A tile with its count: what the slides draw.
#[derive(Clone, Debug, Serialize)]
pub struct TileCount {
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// The name in the language asked for, and its one-character / code form.
    pub name: &'static str,
    pub short: &'static str,
    pub row: u8,
    pub col: u8,
    pub mainland: bool,
    /// `None`: no data for this division.
    pub count: Option<u32>,
    /// Index into [`MapData::steps`] (0 is zero); `None` with no data.
    pub step: Option<usize>,
    /// National clusters of the dataset in this division.
    pub clusters: Vec<ClusterRef>,
}

/// The whole map: tiles, legend and what it covers.
#[derive(Clone, Debug, Serialize)]
pub struct MapData {
    pub mode: Mode,
    pub lang: Lang,
    pub rows: u8,
    pub cols: u8,
    pub tiles: Vec<TileCount>,
    pub steps: Vec<Step>,
    /// What the counts are, in the language asked for.
    pub caption: String,
    /// National clusters counted (each once, however many provinces it spans).
    pub clusters_counted: usize,
    /// Names that match no tile and are therefore not on the map.
    pub unmatched: Vec<Unmatched>,
}

/// The map of `d` coloured by `mode`, with names in `lang`.
pub fn map_data(d: &Dataset, mode: Mode, lang: Lang) -> MapData {
    let counts = counts(d, mode);
    let steps = steps(counts.max());
    let national: Vec<usize> = (0..d.clusters.len())
        .filter(|&i| counts_as_national(&d.clusters[i]))
        .collect();
    let tiles = TILES
        .iter()
        .enumerate()
        .map(|(i, t)| TileCount {
            code: t.code,
            zh: t.zh,
            en: t.en,
            name: t.name(lang),
            short: lang.pick(t.abbr_zh, t.code),
            row: t.row,
            col: t.col,
            mainland: t.mainland(),
            count: counts.counts[i],
            step: counts.counts[i].map(|c| step_of(&steps, c)),
            clusters: counts.clusters[i]
                .iter()
                .map(|&ci| {
                    let c = &d.clusters[ci];
                    let tiles = cluster_tiles(c);
                    ClusterRef {
                        id: c.id.clone(),
                        name: c.name.get(lang).to_owned(),
                        provinces: tiles.len(),
                        province_names: tiles
                            .iter()
                            .map(|&j| TILES[j].name(lang))
                            .map(str::to_owned)
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect();
    let caption = match mode {
        Mode::National => lang
            .pick(
                "本数据集中的国家级集群，按省份计；跨省集群在所涉每个省份各计一次。",
                "National clusters in this dataset, by province; a cluster spanning provinces counts in each.",
            )
            .to_owned(),
        Mode::Competition => d
            .context
            .competition
            .as_ref()
            .map(|c| c.breakdown_scope.get(lang).to_owned())
            .unwrap_or_else(|| {
                lang.pick("本数据集没有竞赛数据。", "This dataset has no competition figures.")
                    .to_owned()
            }),
    };
    MapData {
        mode,
        lang,
        rows: ROWS,
        cols: COLS,
        tiles,
        steps,
        caption,
        clusters_counted: national.len(),
        unmatched: unmatched_for(d, mode),
    }
}

/// The tiles with their counts (see [`map_data`] for the legend and caption).
pub fn tiles_with_counts(d: &Dataset, mode: Mode, lang: Lang) -> Vec<TileCount> {
    map_data(d, mode, lang).tiles
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

    #[test]
    fn steps_cover_every_count_without_gaps() {
        for max in 0..40 {
            let s = steps(max);
            assert_eq!(s[0], Step { lo: 0, hi: 0 });
            assert!(s.len() as u32 <= MAX_STEPS + 1);
            for w in s.windows(2) {
                assert_eq!(w[1].lo, w[0].hi + 1, "max {max}: {s:?}");
            }
            assert_eq!(s.last().map(|x| x.hi), Some(max));
            for c in 0..=max {
                let i = step_of(&s, c);
                assert!((s[i].lo..=s[i].hi).contains(&c));
            }
        }
    }
}
