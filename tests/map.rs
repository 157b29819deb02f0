//! The map of where the clusters are: the tile grid covers every
//! province-level division once, the counts add up to what the dataset holds,
//! clusters spanning provinces count in each, unknown names are reported, and
//! clicking a tile filters the cluster list.

mod common;

use std::collections::HashSet;

use cluster_compare::app::{App, Settings};
use cluster_compare::load;
use cluster_compare::map::{self, Mode, Origin, TILES};
use cluster_compare::model::{Dataset, Lang};
use cluster_compare::ui::view::Tab;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn seed() -> Dataset {
    load::load_embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset
}

/// The minimal dataset plus national clusters spanning provinces, a province
/// written twice in two forms, an unknown province and a competition breakdown.
fn spanning() -> Dataset {
    let mut v = common::minimal();
    let cluster = |id: &str, level: &str, provinces: &[(&str, &str)]| {
        serde_json::json!({
            "id": id, "name": {"zh": format!("{id}集群"), "en": format!("{id} cluster")},
            "level": level,
            "provinces": provinces.iter().map(|(zh, en)| serde_json::json!({"zh": zh, "en": en})).collect::<Vec<_>>(),
            "industry": {"zh": "装备", "en": "Equipment"}
        })
    };
    let clusters = v["clusters"].as_array_mut().unwrap();
    clusters.push(cluster(
        "jjj",
        "national",
        &[
            ("北京", "Beijing"),
            ("天津市", "Tianjin"),
            ("河北省", "Hebei"),
        ],
    ));
    clusters.push(cluster(
        "chengyu",
        "national",
        &[("四川", "Sichuan"), ("重庆", "Chongqing")],
    ));
    clusters.push(cluster(
        "twice",
        "national",
        &[("广东", "Guangdong"), ("广东省", "Guangdong Province")],
    ));
    clusters.push(cluster(
        "mars",
        "national",
        &[("火星", "Mars"), ("江苏", "Jiangsu")],
    ));
    clusters.push(cluster(
        "local",
        "provincial",
        &[("江苏", "Jiangsu"), ("月球", "Moon")],
    ));
    v["context"] = serde_json::json!({"competition": {
        "rounds": [{"name": {"zh": "第一轮", "en": "Round 1"}, "launched": "2019-08", "winners": 5,
                    "source": {"source": "s1", "quote": "5家集群胜出"}}],
        "breakdown_scope": {"zh": "全部胜出集群", "en": "All winners"},
        "by_industry": [],
        "by_province": [
            {"name": {"zh": "江苏省", "en": "Jiangsu"}, "count": 3},
            {"name": {"zh": "Atlantis", "en": "Atlantis"}, "count": 1},
            {"name": {"zh": "内蒙古自治区", "en": "Inner Mongolia"}, "count": 1}
        ],
        "source": {"source": "s1", "quote": "5家集群胜出"}
    }});
    load::load_str("spanning.json", &v.to_string())
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset
}

fn tile(zh: &str) -> usize {
    map::tile_index(zh).unwrap_or_else(|| panic!("no tile for {zh}"))
}

#[test]
fn the_grid_covers_the_31_mainland_divisions_and_hong_kong_macao_taiwan_once_each() {
    let mainland = [
        "北京",
        "天津",
        "河北",
        "山西",
        "内蒙古",
        "辽宁",
        "吉林",
        "黑龙江",
        "上海",
        "江苏",
        "浙江",
        "安徽",
        "福建",
        "江西",
        "山东",
        "河南",
        "湖北",
        "湖南",
        "广东",
        "广西",
        "海南",
        "重庆",
        "四川",
        "贵州",
        "云南",
        "西藏",
        "陕西",
        "甘肃",
        "青海",
        "宁夏",
        "新疆",
    ];
    let zh: HashSet<&str> = TILES.iter().map(|t| t.zh).collect();
    assert_eq!(zh.len(), TILES.len(), "Chinese names unique");
    for name in mainland {
        let t = &TILES[tile(name)];
        assert!(t.mainland(), "{name} is a mainland division");
    }
    assert_eq!(TILES.iter().filter(|t| t.mainland()).count(), 31);
    for name in ["香港", "澳门", "台湾"] {
        assert!(!TILES[tile(name)].mainland(), "{name}");
    }
    assert_eq!(TILES.len(), 34);
    for names in [
        TILES.iter().map(|t| t.en).collect::<Vec<_>>(),
        TILES.iter().map(|t| t.code).collect(),
        TILES.iter().map(|t| t.abbr_zh).collect(),
    ] {
        let set: HashSet<&str> = names.iter().copied().collect();
        assert_eq!(set.len(), names.len(), "unique: {names:?}");
    }
    let places: HashSet<(u8, u8)> = TILES.iter().map(|t| (t.row, t.col)).collect();
    assert_eq!(places.len(), TILES.len(), "one tile per grid cell");
    assert!(TILES.iter().all(|t| t.row < map::ROWS && t.col < map::COLS));
}

#[test]
fn hong_kong_macao_and_taiwan_are_drawn_without_data() {
    for d in [seed(), spanning()] {
        for mode in Mode::ALL {
            let m = map::map_data(&d, mode, Lang::En);
            assert_eq!(m.tiles.len(), 34);
            for t in m.tiles.iter().filter(|t| !t.mainland) {
                assert_eq!(t.count, None, "{} in {mode:?}", t.en);
                assert_eq!(t.step, None);
            }
        }
    }
}

/// Sum over the tiles = sum over national clusters of the provinces they lie in.
fn assert_counts_add_up(d: &Dataset) {
    let counts = map::national_by_province(d);
    let national: Vec<_> = d
        .clusters
        .iter()
        .filter(|c| map::counts_as_national(c))
        .collect();
    let expected: u64 = national
        .iter()
        .map(|c| map::cluster_tiles(c).len() as u64)
        .sum();
    assert_eq!(counts.total(), expected);
    // The same from the data as written: distinct names, less those not on the map.
    let written: u64 = national
        .iter()
        .map(|c| {
            c.provinces
                .iter()
                .map(|p| map::normalise_zh(&p.zh))
                .collect::<HashSet<_>>()
                .len() as u64
        })
        .sum();
    let unmatched = map::unmatched_for(d, Mode::National).len() as u64;
    assert_eq!(counts.total(), written - unmatched);
    let data = map::map_data(d, Mode::National, Lang::Zh);
    let tiles: u64 = data
        .tiles
        .iter()
        .filter_map(|t| t.count)
        .map(u64::from)
        .sum();
    assert_eq!(tiles, expected);
    assert_eq!(data.clusters_counted, national.len());
}

#[test]
fn the_province_counts_add_up_to_what_the_dataset_holds() {
    assert_counts_add_up(&seed());
    assert_counts_add_up(&spanning());
    let d = seed();
    let national = d.clusters.iter().filter(|c| map::counts_as_national(c));
    assert!(
        national.count() > 0,
        "the seed has national clusters to count"
    );
}

#[test]
fn a_cluster_spanning_provinces_counts_in_each_and_says_so() {
    let d = spanning();
    let c = map::national_by_province(&d);
    let jjj = d.clusters.iter().position(|c| c.id == "jjj").unwrap();
    for p in ["北京", "天津", "河北"] {
        assert_eq!(c.counts[tile(p)], Some(1), "{p}");
        assert!(c.clusters[tile(p)].contains(&jjj), "{p}");
    }
    assert_eq!(c.counts[tile("四川")], Some(1));
    assert_eq!(c.counts[tile("重庆")], Some(1));
    assert_eq!(
        c.counts[tile("广东")],
        Some(2),
        "`a-cluster` and `twice`, once each"
    );
    assert_eq!(
        c.counts[tile("江苏")],
        Some(1),
        "the provincial cluster does not count"
    );
    assert_eq!(
        c.counts[tile("湖南")],
        Some(0),
        "only a provincial cluster there"
    );

    let data = map::map_data(&d, Mode::National, Lang::En);
    let hebei = &data.tiles[tile("河北")];
    let r = hebei.clusters.iter().find(|r| r.id == "jjj").unwrap();
    assert_eq!(r.provinces, 3);
    assert_eq!(r.province_names, ["Beijing", "Tianjin", "Hebei"]);
    let gd = &data.tiles[tile("广东")];
    assert!(gd.clusters.iter().all(|r| r.provinces == 1), "{gd:?}");
}

#[test]
fn unknown_province_names_are_reported_not_dropped() {
    let d = spanning();
    let all = map::unmatched(&d);
    let has =
        |name: &str, origin: &Origin| all.iter().any(|u| u.name == name && &u.origin == origin);
    assert!(has(
        "火星",
        &Origin::Cluster {
            id: "mars".into(),
            national: true
        }
    ));
    assert!(has(
        "月球",
        &Origin::Cluster {
            id: "local".into(),
            national: false
        }
    ));
    assert!(has("Atlantis", &Origin::Competition));
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(map::unmatched_for(&d, Mode::National).len(), 1);
    assert_eq!(map::unmatched_for(&d, Mode::Competition).len(), 1);
    assert_eq!(
        map::map_data(&d, Mode::Competition, Lang::En)
            .unmatched
            .len(),
        1
    );
    assert!(
        map::unmatched(&seed()).is_empty(),
        "{:?}",
        map::unmatched(&seed())
    );
}

#[test]
fn competition_winners_by_province_match_the_breakdown() {
    let d = seed();
    let comp = d
        .context
        .competition
        .as_ref()
        .expect("seed has the competition");
    let c = map::competition_by_province(&d);
    let listed: u64 = comp.by_province.iter().map(|p| p.count as u64).sum();
    assert_eq!(c.total(), listed);
    for p in &comp.by_province {
        assert_eq!(c.counts[tile(&p.name.zh)], Some(p.count), "{}", p.name.zh);
    }
    // The seed's breakdown adds up to the winners of both rounds: a province it
    // leaves out had none.
    assert!(map::competition_complete(&d));
    let unlisted = TILES
        .iter()
        .position(|t| t.mainland() && !comp.by_province.iter().any(|p| p.name.zh == t.zh))
        .expect("some province without winners");
    assert_eq!(c.counts[unlisted], Some(0));

    // A breakdown with a winner off the map (1 of 5 in `Atlantis`) leaves the
    // provinces it does not name without data: one of them may hold it.
    let mut d = spanning();
    assert!(!map::competition_complete(&d));
    let c = map::competition_by_province(&d);
    assert_eq!(c.counts[tile("江苏")], Some(3));
    assert_eq!(c.counts[tile("内蒙古")], Some(1));
    assert_eq!(c.counts[tile("广东")], None);
    // So does one that falls short of the rounds' winners.
    let comp = d.context.competition.as_mut().unwrap();
    comp.by_province.retain(|p| p.name.zh != "Atlantis");
    assert!(!map::competition_complete(&d));
    assert_eq!(map::competition_by_province(&d).counts[tile("广东")], None);
    // And one that places all of them makes the rest zero.
    d.context.competition.as_mut().unwrap().rounds[0].winners = 4;
    assert!(map::competition_complete(&d));
    assert_eq!(
        map::competition_by_province(&d).counts[tile("广东")],
        Some(0)
    );
}

#[test]
fn the_map_data_serialises_for_the_slides() {
    let v = serde_json::to_value(map::map_data(&seed(), Mode::Competition, Lang::Zh)).unwrap();
    let tiles = v["tiles"].as_array().unwrap();
    assert_eq!(tiles.len(), 34);
    let gd = tiles.iter().find(|t| t["code"] == "GD").unwrap();
    assert_eq!(gd["name"], "广东");
    assert!(gd["row"].is_u64() && gd["col"].is_u64() && gd["step"].is_u64());
    // The province with the most winners has the strongest shade; one with none, the zero shade.
    let max = tiles
        .iter()
        .filter_map(|t| t["count"].as_u64())
        .max()
        .unwrap();
    for t in tiles {
        match t["count"].as_u64() {
            Some(c) if c == max => assert_eq!(t["shade"], 5, "{t}"),
            Some(0) => assert_eq!(t["shade"], 0, "{t}"),
            Some(_) => assert!(
                t["shade"].as_u64().is_some_and(|s| (1..5).contains(&s)),
                "{t}"
            ),
            None => assert!(t["shade"].is_null()),
        }
    }
    assert!(v["steps"].as_array().is_some_and(|s| s.len() >= 2));
    assert_eq!(
        map::tiles_with_counts(&seed(), Mode::National, Lang::En).len(),
        34
    );
}

fn harness(lang: Lang) -> Harness<'static, App> {
    let app = App::with_data(
        load::load_embedded().unwrap_or_else(|e| panic!("{e}")),
        Settings {
            lang,
            tab: Tab::Context,
            ..Settings::default()
        },
    );
    common::window(app, 1600.0, 1000.0)
}

#[test]
fn clicking_a_tile_filters_the_cluster_list_by_its_province() {
    let mut h = harness(Lang::En);
    h.run();
    assert!(h.query_by_label("Add baotou-rare-earth").is_some());
    h.get_all_by_label_contains("Guangdong: ")
        .next()
        .expect("the Guangdong tile")
        .click();
    h.run();
    assert_eq!(
        h.state().settings.picker.filters.province.as_deref(),
        Some("Guangdong")
    );
    assert!(
        h.query_by_label("Add baotou-rare-earth").is_none(),
        "Inner Mongolia's cluster filtered out"
    );
    // Clicking the same tile again clears the filter.
    h.get_all_by_label_contains("Guangdong: ")
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(h.state().settings.picker.filters.province, None);
}

#[test]
fn in_chinese_the_tile_sets_the_province_as_the_data_writes_it() {
    let mut h = harness(Lang::Zh);
    h.run();
    h.get_all_by_label_contains("江西：")
        .next()
        .expect("the Jiangxi tile")
        .click();
    h.run();
    assert_eq!(
        h.state().settings.picker.filters.province.as_deref(),
        Some("江西")
    );
    assert!(h.query_by_label("添加 yichun-lithium").is_some());
    assert!(
        h.query_by_label("添加 shenzhen-battery-materials")
            .is_none()
    );
    // Hovering shows the province's clusters (and renders without missing glyphs).
    h.get_all_by_label_contains("广东：")
        .next()
        .unwrap()
        .hover();
    h.run();
    h.get_all_by_label_contains("深圳先进电池材料集群")
        .next()
        .expect("the hover lists the province's national clusters");
}

#[test]
fn png_export_of_the_map_needs_no_compared_clusters_and_colours_by_count() {
    use cluster_compare::export::{self, Format, PngOptions, Request, View};
    let d = seed();
    for (view, mode) in [
        (View::Map, Mode::National),
        (View::MapCompetition, Mode::Competition),
    ] {
        for dark in [false, true] {
            let req = Request {
                ids: vec![],
                baseline: None,
                lang: Lang::Zh,
                png: PngOptions {
                    width: 1000,
                    height: 700,
                    scale: 1.0,
                    dark,
                    view,
                },
                ..Default::default()
            };
            let bytes = export::render(&d, &req, Format::Png).unwrap();
            let img = image::load_from_memory(&bytes).unwrap().to_rgba8();
            assert_eq!((img.width(), img.height()), (1000, 700));
            // The strongest colour of the scale fills the tiles with the highest count.
            let scale = if dark {
                cluster_compare::ui::theme::MAP_DARK
            } else {
                cluster_compare::ui::theme::MAP_LIGHT
            };
            let top = scale.steps[4];
            let n = img
                .pixels()
                .filter(|p| p.0[..3] == [top.r(), top.g(), top.b()])
                .count();
            let data = map::map_data(&d, mode, Lang::Zh);
            let max = data.tiles.iter().filter_map(|t| t.count).max().unwrap();
            let tiles_at_max = data.tiles.iter().filter(|t| t.count == Some(max)).count();
            // Each tile is at least 34×34 points, less its label.
            assert!(
                n >= tiles_at_max * 600,
                "{view:?} dark={dark}: {n} pixels of the top colour for {tiles_at_max} tile(s)"
            );
        }
    }
}

/// The count on a tile, read from its label (`Guangdong: 3 national clusters`).
fn tile_count(h: &Harness<'_, App>, name: &str) -> u32 {
    let label = h
        .get_all_by_label_contains(&format!("{name}: "))
        .next()
        .unwrap_or_else(|| panic!("the {name} tile"))
        .accesskit_node()
        .label()
        .unwrap_or_default();
    label
        .split(": ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {label:?}"))
}

#[test]
fn the_map_narrows_to_one_of_miit_s_fields_and_its_counts_add_up() {
    use cluster_compare::model::Field;
    let d = seed();
    let by_field = map::national_by_field(&d);
    let national = d
        .clusters
        .iter()
        .filter(|c| map::counts_as_national(c))
        .count();
    assert_eq!(
        by_field.iter().map(|f| f.clusters).sum::<usize>(),
        national,
        "each national cluster is in exactly one row of the legend"
    );
    for f in Field::ALL {
        let all = map::map_data_in(&d, Mode::National, Lang::En, None);
        let one = map::map_data_in(&d, Mode::National, Lang::En, Some(f));
        let n = by_field
            .iter()
            .find(|x| x.field == Some(f))
            .map_or(0, |x| x.clusters);
        assert_eq!(one.clusters_counted, n, "{f:?}");
        for (a, o) in all.tiles.iter().zip(&one.tiles) {
            assert!(o.count <= a.count, "{f:?} {}", a.en);
            assert!(
                o.clusters.iter().all(|c| c.field == Some(f)),
                "{f:?}: {} lists a cluster of another field",
                a.en
            );
        }
    }

    // In the app: choosing a field recolours the tiles; choosing it again
    // shows every field.
    let mut h = harness(Lang::En);
    h.run();
    let before = tile_count(&h, "Guangdong");
    let guangdong = TILES.iter().position(|t| t.en == "Guangdong").unwrap();
    let (field, expected) = Field::ALL
        .iter()
        .map(|&f| {
            let m = map::map_data_in(&d, Mode::National, Lang::En, Some(f));
            (f, m.tiles[guangdong].count.unwrap_or(0))
        })
        .find(|&(_, c)| c > 0 && c < before)
        .expect("Guangdong has clusters in more than one field");
    h.get_all_by_label_contains(field.name(Lang::En))
        .next()
        .expect("the field's button above the map")
        .click();
    h.run();
    assert_eq!(tile_count(&h, "Guangdong"), expected);
    h.get_all_by_label_contains(field.name(Lang::En))
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(tile_count(&h, "Guangdong"), before);
}
