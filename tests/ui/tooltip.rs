//! A figure's source on hover names what a reader can look up (document,
//! publisher, date, the phrase as written, a web address), never an
//! internal file name such as `000_3d80312f488a51d3.txt`.

use super::common;

use cluster_compare::app::{App, Settings};
use cluster_compare::load;
use cluster_compare::model::Lang;
use egui_kittest::kittest::Queryable;

#[test]
fn the_source_on_hover_shows_no_internal_file_name() {
    let d = load::load_embedded().unwrap().dataset;
    let sz = d.cluster("shenzhen-battery-materials").unwrap();
    let output = sz.metrics.iter().find(|m| m.key == "output_value").unwrap();
    let source = d.source(&output.source.source).unwrap();
    let file = source.file.clone().expect("a seed article kept as a file");

    let app = App::with_data(
        load::load_embedded().unwrap(),
        Settings {
            lang: Lang::Zh,
            ..Settings::default()
        },
    );
    let mut h = common::window(app, 1600.0, 1000.0);
    h.run();
    h.get_all_by_label_contains("> 5,700亿元")
        .next()
        .expect("the output card")
        .hover();
    h.run();
    h.get_all_by_label_contains(&output.source.quote)
        .next()
        .expect("the phrase as written is shown on hover");
    h.get_all_by_label_contains(source.title.get(Lang::Zh))
        .next()
        .expect("the document's title is shown on hover");
    assert!(
        h.query_all_by_label_contains(&file).next().is_none(),
        "{file} is shown"
    );
}
