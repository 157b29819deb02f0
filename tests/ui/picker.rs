//! The sidebar's list of clusters, as an analyst scans it: by name, in
//! pinyin order in Chinese and alphabetical order in English.

use super::common;

use cluster_compare::app::{App, Settings};
use cluster_compare::load;
use cluster_compare::model::Lang;
use egui_kittest::kittest::{NodeT, Queryable};

/// The ids of the list's rows, top to bottom, as the window shows them.
fn listed(lang: Lang) -> Vec<String> {
    let app = App::with_data(
        load::load_embedded().unwrap(),
        Settings {
            lang,
            ..Settings::default()
        },
    );
    let mut h = common::window(app, 1600.0, 1000.0);
    h.run();
    let add = match lang {
        Lang::Zh => "添加 ",
        Lang::En => "Add ",
    };
    let d = &h.state().loaded.dataset;
    let mut rows: Vec<(f32, String)> = h
        .query_all_by_label_contains(add)
        .filter_map(|n| {
            let label = n.accesskit_node().label().unwrap_or_default();
            let id = label.strip_prefix(add)?.to_owned();
            d.cluster(&id).map(|_| (n.rect().top(), id))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, id)| id).collect()
}

#[test]
fn the_cluster_list_is_in_pinyin_order_in_chinese_and_alphabetical_in_english() {
    let d = load::load_embedded().unwrap().dataset;
    for lang in [Lang::Zh, Lang::En] {
        let ids = listed(lang);
        assert!(ids.len() >= 10, "{lang:?}: {ids:?}");
        let name = |id: &str| d.cluster(id).unwrap().name.get(lang).to_owned();
        let keys: Vec<Vec<u8>> = ids
            .iter()
            .map(|id| cluster_compare::collate::key(&name(id), lang))
            .collect();
        assert!(
            keys.windows(2).all(|w| w[0] <= w[1]),
            "{lang:?}: {:?}",
            ids.iter().map(|i| name(i)).collect::<Vec<_>>()
        );
        // The first row is the first of all the clusters by name.
        let first = d
            .clusters
            .iter()
            .min_by_key(|c| cluster_compare::collate::key(c.name.get(lang), lang))
            .unwrap();
        assert_eq!(ids[0], first.id, "{lang:?}");
    }
}

#[test]
fn at_1024_by_700_the_list_shows_rows_and_all_six_compared_clusters_stay_in_view() {
    let d = load::load_embedded().unwrap().dataset;
    let six: Vec<String> = d.clusters.iter().take(6).map(|c| c.id.clone()).collect();
    for (lang, add, remove) in [(Lang::En, "Add ", "Remove "), (Lang::Zh, "添加 ", "移除 ")] {
        let app = App::with_data(
            load::load_embedded().unwrap(),
            Settings {
                lang,
                compare: six.clone(),
                ..Settings::default()
            },
        );
        let mut h = common::window(app, 1024.0, 700.0);
        h.run();
        // The status bar's line (file · clusters · figures) is the floor.
        let status_top = h
            .get_all_by_label_contains("seeds/clusters.json")
            .map(|n| n.rect().top())
            .fold(700.0_f32, f32::min)
            - 2.0;
        for id in &six {
            let r = h.get_by_label(&format!("{remove}{id}")).rect();
            assert!(
                r.bottom() <= status_top,
                "{lang:?}: the compared row of {id} ends at {} of 700",
                r.bottom()
            );
        }
        let rows = h
            .query_all_by_label_contains(add)
            .filter(|n| {
                let label = n.accesskit_node().label().unwrap_or_default();
                label
                    .strip_prefix(add)
                    .is_some_and(|id| d.cluster(id).is_some())
                    && n.rect().bottom() <= status_top
            })
            .count();
        assert!(rows >= 6, "{lang:?}: {rows} rows of the list in view");
    }
}

#[test]
fn the_policy_matrix_heads_its_columns_with_the_short_names_uncut() {
    use cluster_compare::ui::view::Tab;
    let d = load::load_embedded().unwrap().dataset;
    let six: Vec<String> = d.clusters.iter().take(6).map(|c| c.id.clone()).collect();
    for lang in [Lang::Zh, Lang::En] {
        let mut settings = Settings {
            lang,
            compare: six.clone(),
            sidebar: false,
            ..Settings::default()
        };
        settings.tab = Tab::Policies;
        let app = App::with_data(load::load_embedded().unwrap(), settings);
        let mut h = common::window(app, 1024.0, 700.0);
        h.run();
        for id in &six {
            let short = cluster_compare::deck::short_name(d.cluster(id).unwrap(), lang);
            h.query_by_label(&short)
                .unwrap_or_else(|| panic!("{lang:?}: no column headed {short:?}"));
        }
    }
}

/// With `n` clusters compared in a `w` × `h` window, the first `fit`
/// panels are whole in view beside the list (the rest scroll sideways).
fn panels_fit(w: f32, h: f32, n: usize, fit: usize) {
    let d = load::load_embedded().unwrap().dataset;
    let ids: Vec<String> = d
        .clusters
        .iter()
        .filter(|c| !c.metrics.is_empty())
        .take(n)
        .map(|c| c.id.clone())
        .collect();
    let app = App::with_data(
        load::load_embedded().unwrap(),
        Settings {
            lang: Lang::En,
            compare: ids.clone(),
            ..Settings::default()
        },
    );
    let mut harness = common::window(app, w, h);
    harness.run();
    for id in &ids[..fit] {
        let short = cluster_compare::deck::short_name(d.cluster(id).unwrap(), Lang::En);
        // The panel's heading is the right-most text of that name (the
        // Compared list in the sidebar has it too).
        let right = harness
            .query_all_by_label(&short)
            .map(|n| n.rect().right())
            .fold(0.0_f32, f32::max);
        assert!(right > 300.0, "{short}: no panel heading");
        assert!(right <= w, "{short}: the panel ends at {right} of {w}");
    }
}

#[test]
fn at_1600_px_four_panels_fit_beside_the_list() {
    panels_fit(1600.0, 1000.0, 4, 4);
}

#[test]
fn at_1024_px_two_whole_panels_show_beside_the_list_and_the_rest_scroll() {
    panels_fit(1024.0, 700.0, 4, 2);
}
