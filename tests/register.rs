//! The national register in the default dataset: every entry sourced from a
//! web page with its address and a quote that names it, counts within what
//! the lists announced, no name twice, coverage stated as the data holds it.

use std::collections::HashSet;

use cluster_compare::load;
use cluster_compare::model::Dataset;

fn seed() -> Dataset {
    load::load_embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset
}

#[test]
fn every_register_entry_cites_a_web_page_whose_quote_names_it() {
    let d = seed();
    let mut entries = 0;
    for c in &d.clusters {
        let Some(des) = &c.designation else { continue };
        if des.batch.is_none() {
            continue;
        }
        entries += 1;
        let src = d
            .source(&des.source.source)
            .unwrap_or_else(|| panic!("{}: source {} missing", c.id, des.source.source));
        if src.file.is_none() {
            let url = src.url.as_deref().unwrap_or_default();
            assert!(url.starts_with("http"), "{}: no address", c.id);
            assert!(src.accessed.is_some(), "{}: no access date", c.id);
            assert!(!src.publisher.is_empty(), "{}: no publisher", c.id);
        }
        let name = des.name_as_listed.as_deref().unwrap_or(&c.name.zh);
        assert!(
            des.source.quote.contains(name),
            "{}: quote «{}» does not contain «{name}»",
            c.id,
            des.source.quote
        );
        for other in &des.other_sources {
            assert!(d.source(&other.source).is_some(), "{}", c.id);
            assert!(!other.quote.trim().is_empty(), "{}", c.id);
        }
    }
    // 68 entries before pages on refused hosts were taken out (see the register notes).
    assert!(entries >= 55, "only {entries} register entries");
}

#[test]
fn batches_stay_within_what_the_lists_announced_and_no_name_repeats() {
    let d = seed();
    let register = d
        .register
        .as_ref()
        .expect("the default dataset has a register");
    let announced: Vec<(u32, u32)> = register
        .batches
        .iter()
        .map(|b| (b.batch, b.announced))
        .collect();
    assert_eq!(announced, [(1, 45), (2, 35)]);
    for (batch, n) in &announced {
        let named = d.named_in_batch(*batch);
        assert!(named <= *n as usize, "batch {batch}: {named} > {n}");
        assert!(named > 0, "batch {batch} empty");
        // The register's own note states the same coverage.
        let zh = register
            .notes
            .iter()
            .map(|t| t.zh.as_str())
            .collect::<String>();
        assert!(
            zh.contains(&format!("{n}个中的{named}个")),
            "the coverage note does not say {named} of {n}: {zh}"
        );
    }
    let mut names = HashSet::new();
    let mut ids = HashSet::new();
    for c in &d.clusters {
        assert!(names.insert(c.name.zh.clone()), "name twice: {}", c.name.zh);
        assert!(ids.insert(c.id.clone()), "id twice: {}", c.id);
    }
    // Ranks are unique within a batch and within the list's length.
    for (batch, n) in &announced {
        let mut seen = HashSet::new();
        for c in &d.clusters {
            let Some(des) = &c.designation else { continue };
            if des.batch == Some(*batch)
                && let Some(r) = des.rank
            {
                assert!(r >= 1 && r <= *n, "{}: rank {r}", c.id);
                assert!(seen.insert(r), "rank {r} twice in batch {batch}");
            }
        }
    }
}

#[test]
fn the_two_seed_national_clusters_carry_their_batch() {
    let d = seed();
    let batch = |id: &str| {
        d.cluster(id)
            .and_then(|c| c.designation.as_ref())
            .and_then(|x| x.batch)
    };
    assert_eq!(batch("shenzhen-battery-materials"), Some(1));
    assert_eq!(batch("guangdong-six-city-nev"), Some(2));
}
