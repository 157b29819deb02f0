//! Pictures of every tab, to look at as a user would: both window sizes,
//! languages and themes, with 1, 4 and 6 clusters. Run on demand
//! (`cargo test --test ui -- --ignored every_tab`); the pictures go to
//! `target/look/`.

use super::*;
use cluster_compare::ui::view::Tab;

#[test]
#[ignore = "writes pictures to look at; run on demand"]
fn every_tab_in_every_size_language_theme_and_count() {
    let loaded = load::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    // The clusters with the most figures, so the panels are full.
    let mut by_figures: Vec<_> = loaded.dataset.clusters.iter().collect();
    by_figures.sort_by_key(|c| std::cmp::Reverse(c.metrics.len() + c.targets.len()));
    let ids: Vec<String> = by_figures.iter().take(6).map(|c| c.id.clone()).collect();
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/look");
    std::fs::create_dir_all(&out).unwrap();
    for (w, h) in [(1024.0, 700.0), (1600.0, 1000.0)] {
        for lang in [Lang::Zh, Lang::En] {
            for dark in [false, true] {
                for n in [1, 4, 6] {
                    for tab in Tab::ALL {
                        let app = App::with_data(
                            loaded.clone(),
                            Settings {
                                lang,
                                dark,
                                tab,
                                compare: ids[..n].to_vec(),
                                ..Settings::default()
                            },
                        );
                        let mut harness = Harness::builder()
                            .with_size(egui::vec2(w, h))
                            .with_context_setup(fonts::install)
                            .wgpu()
                            .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
                        harness.run();
                        let image = harness.render().unwrap_or_else(|e| panic!("{e}"));
                        let name = format!(
                            "{w}_{}_{}_{n}_{tab:?}.png",
                            lang.code(),
                            if dark { "dark" } else { "light" }
                        );
                        image.save(out.join(name)).unwrap();
                    }
                }
            }
        }
    }
}
