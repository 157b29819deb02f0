//! Sheets as people paste and open them (issue 16).

use super::*;

fn seed() -> Dataset {
    cc_data::load::load_embedded().unwrap().dataset
}

fn request(lang: Lang) -> Request {
    Request {
        ids: vec![
            "shenzhen-battery-materials".into(),
            "guangdong-six-city-nev".into(),
        ],
        lang,
        ..Default::default()
    }
}

#[test]
fn markdown_keeps_a_bound_sign_as_written() {
    let mut d = seed();
    // A bound figure: its cell starts with `>`.
    let c = d
        .clusters
        .iter_mut()
        .find(|c| c.id == "shenzhen-battery-materials")
        .unwrap();
    c.metrics[0].qualifier = cc_data::model::Qualifier::MoreThan;
    for lang in [Lang::Zh, Lang::En] {
        let md = String::from_utf8(render(&d, &request(lang), Format::Md, &NoPictures).unwrap())
            .unwrap();
        assert!(
            !md.contains("&gt;"),
            "no entity to show literally when pasted"
        );
        assert!(
            md.contains("| >") || md.contains(" > "),
            "the sign is there"
        );
    }
}

#[test]
fn html_keeps_units_on_one_line_and_titles_whole_words() {
    let mut d = seed();
    for (k, c) in d.clusters.iter_mut().enumerate() {
        c.name.en = format!("Cluster {k} of advanced manufacturing and new materials industries");
        c.short_name = None;
    }
    let mut req = request(Lang::En);
    req.ids = d.clusters.iter().take(6).map(|c| c.id.clone()).collect();
    let html = String::from_utf8(render(&d, &req, Format::Html, &NoPictures).unwrap()).unwrap();
    assert!(html.contains("td.unit{white-space:nowrap}"));
    assert!(html.contains("<td class=\"unit\">"));
    let h1 = html
        .split("<h1>")
        .nth(1)
        .unwrap()
        .split("</h1>")
        .next()
        .unwrap();
    let text = h1.replace("<bdi>", "").replace("</bdi>", "");
    let kept = text.strip_suffix('…').expect("the title is shortened");
    let last = kept.split_whitespace().last().unwrap();
    assert!(
        [
            "Cluster",
            "of",
            "advanced",
            "manufacturing",
            "and",
            "new",
            "materials",
            "industries",
            "·"
        ]
        .contains(&last)
            || last.parse::<usize>().is_ok(),
        "ends on a whole word: {text}"
    );
}
