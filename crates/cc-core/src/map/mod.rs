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

mod tiles;

use serde::{Deserialize, Serialize};

pub use tiles::{COLS, Kind, ROWS, TILES, Tile, normalise_zh, same_province, tile_index, tile_of};

use cc_data::model::{Cluster, Dataset, Field, Lang, Level, Text};

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
    national_by_province_in(d, None)
}

/// Whether `c` lies in `field` (every cluster does when no field is asked for).
pub fn in_field(c: &Cluster, field: Option<Field>) -> bool {
    field.is_none_or(|f| c.field.as_ref().is_some_and(|cf| cf.field == f))
}

/// National clusters of one of MIIT's fields per province (all fields with
/// `None`). A cluster whose field is not known counts in no field.
pub fn national_by_province_in(d: &Dataset, field: Option<Field>) -> Counts {
    let mut out = Counts::empty();
    for (i, t) in TILES.iter().enumerate() {
        if t.mainland() {
            out.counts[i] = Some(0);
        }
    }
    for (ci, c) in d.clusters.iter().enumerate() {
        if !counts_as_national(c) || !in_field(c, field) {
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
    competition_by_province_in(d, None)
}

/// The competition's winners per province (they have no field), with the
/// hover's national clusters narrowed to `field`.
fn competition_by_province_in(d: &Dataset, field: Option<Field>) -> Counts {
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
    out.clusters = national_by_province_in(d, field).clusters;
    out
}

pub fn counts(d: &Dataset, mode: Mode) -> Counts {
    counts_in(d, mode, None)
}

/// The counts of `mode`, national clusters narrowed to `field`. The
/// competition's winners have no field: their counts stay whole, and only
/// the hover's national clusters are narrowed.
pub fn counts_in(d: &Dataset, mode: Mode, field: Option<Field>) -> Counts {
    match mode {
        Mode::National => national_by_province_in(d, field),
        Mode::Competition => competition_by_province_in(d, field),
    }
}

/// National clusters in each of MIIT's fields (each cluster once), in the
/// fields' order, then those whose field the data does not give (`None`).
/// Fields without a cluster are left out.
pub fn national_by_field(d: &Dataset) -> Vec<FieldCount> {
    let national = || d.clusters.iter().filter(|c| counts_as_national(c));
    let mut out: Vec<FieldCount> = Field::ALL
        .iter()
        .map(|&f| {
            let of: Vec<&Cluster> = national().filter(|c| in_field(c, Some(f))).collect();
            FieldCount {
                field: Some(f),
                clusters: of.len(),
                assigned: of
                    .iter()
                    .filter(|c| c.field.as_ref().is_some_and(|cf| cf.assigned))
                    .count(),
            }
        })
        .collect();
    out.push(FieldCount {
        field: None,
        clusters: national().filter(|c| c.field.is_none()).count(),
        assigned: 0,
    });
    out.retain(|f| f.clusters > 0);
    out
}

/// How many national clusters lie in one field, and how many of those the
/// data assigns (no page states their field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FieldCount {
    /// `None`: clusters whose field is not given.
    pub field: Option<Field>,
    pub clusters: usize,
    pub assigned: usize,
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

/// The colour (0–4 of a five-colour sequential ramp) of step `i` (1-based)
/// of `n` steps above zero: the steps spread over the ramp, the highest the
/// strongest colour (a single step takes the fourth, so 1 does not look like a lot).
pub fn ramp_index(i: usize, n: usize) -> usize {
    if n <= 1 {
        3
    } else {
        ((i.clamp(1, n) - 1) * 4 + (n - 1) / 2) / (n - 1)
    }
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
    /// MIIT's field, where the data gives it.
    pub field: Option<Field>,
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
    /// The colour: 0 for zero, 1–5 for the five colours of a sequential ramp
    /// (the app's are `ui::theme::MAP_LIGHT`/`MAP_DARK`); `None` with no data.
    pub shade: Option<usize>,
    /// National clusters of the dataset in this division.
    pub clusters: Vec<ClusterRef>,
}

/// The whole map: tiles, legend and what it covers.
#[derive(Clone, Debug, Serialize)]
pub struct MapData {
    pub mode: Mode,
    /// The field the national clusters are narrowed to (`None`: all).
    pub field: Option<Field>,
    /// National clusters per field, each once (for the legend).
    pub by_field: Vec<FieldCount>,
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
    map_data_in(d, mode, lang, None)
}

/// The map of `d` coloured by `mode`, its national clusters narrowed to
/// one of MIIT's fields (all with `None`).
pub fn map_data_in(d: &Dataset, mode: Mode, lang: Lang, field: Option<Field>) -> MapData {
    let counts = counts_in(d, mode, field);
    let steps = steps(counts.max());
    let national: Vec<usize> = (0..d.clusters.len())
        .filter(|&i| counts_as_national(&d.clusters[i]) && in_field(&d.clusters[i], field))
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
            shade: counts.counts[i].map(|c| match step_of(&steps, c) {
                0 => 0,
                s => 1 + ramp_index(s, steps.len() - 1),
            }),
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
                        field: c.field.as_ref().map(|f| f.field),
                    }
                })
                .collect(),
        })
        .collect();
    let caption = match mode {
        Mode::National => match (field, lang) {
            (None, _) => lang
                .pick(
                    "本数据集中的国家级集群，按省份计；跨省集群在所涉每个省份各计一次。",
                    "National clusters in this dataset, by province; a cluster spanning provinces counts in each.",
                )
                .to_owned(),
            (Some(f), Lang::Zh) => format!(
                "本数据集中{}领域的国家级集群，按省份计；跨省集群在所涉每个省份各计一次。",
                f.name(lang)
            ),
            (Some(f), Lang::En) => format!(
                "National clusters in this dataset in the field {}, by province; a cluster spanning provinces counts in each.",
                f.name(lang)
            ),
        },
        Mode::Competition => d
            .context
            .competition
            .as_ref()
            .map(|c| c.breakdown_scope.get(lang).to_owned())
            .unwrap_or_else(|| {
                crate::words::THIS_DATASET_HAS_NO_COMPETITION_FIGURES.get(lang)
                    .to_owned()
            }),
    };
    MapData {
        mode,
        field,
        by_field: national_by_field(d),
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
