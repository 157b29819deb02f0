//! Reading a PPTX back: its parts, their well-formedness and their text.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;

/// Every part of the package by name.
pub fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip package");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        out.insert(name, b);
    }
    out
}

/// The text of an XML part, one line per paragraph (`a:p`) or cached
/// chart value (`c:v`); panics naming the part and place when it is not
/// well-formed XML.
pub fn text(name: &str, xml: &[u8]) -> String {
    let mut r = quick_xml::Reader::from_reader(xml);
    r.config_mut().check_end_names = true;
    let mut out = String::new();
    let mut depth = 0i64;
    let mut buf = Vec::new();
    loop {
        let pos = r.buffer_position();
        match r.read_event_into(&mut buf) {
            Ok(Event::Eof) => break,
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(e)) => {
                depth -= 1;
                let n = e.name();
                if n.as_ref() == "a:p" || n.as_ref() == "c:v" {
                    out.push('\n');
                }
            }
            Ok(Event::Text(t)) => {
                out.push_str(&t.xml10_content());
            }
            Ok(Event::GeneralRef(g)) => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    out.push(c);
                    continue;
                }
                let s = match AsRef::<str>::as_ref(&g) {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("{name} at byte {pos}: unknown entity {other:?}"),
                };
                out.push_str(s);
            }
            Ok(_) => {}
            Err(e) => panic!("{name} at byte {pos}: not well-formed: {e}"),
        }
        buf.clear();
    }
    assert_eq!(depth, 0, "{name}: elements left open");
    out
}

/// The `Target`s of a `.rels` part.
pub fn targets(xml: &[u8]) -> Vec<String> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut out = Vec::new();
    let mut buf = Vec::new();
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Eof) => break,
            Ok(Event::Empty(e)) | Ok(Event::Start(e)) if e.name().as_ref() == "Relationship" => {
                for a in e.attributes().flatten() {
                    if a.key.as_ref() == "Target" {
                        out.push(a.value.to_string());
                    }
                }
            }
            Ok(_) => {}
            Err(e) => panic!("rels: {e}"),
        }
        buf.clear();
    }
    out
}

/// `target` of a relationship of part `from`, as a part name.
pub fn resolve(from: &str, target: &str) -> String {
    // `ppt/slides/_rels/slide1.xml.rels` relates `ppt/slides/slide1.xml`.
    let base: Vec<&str> = from.split('/').collect();
    let dir: Vec<&str> = if from.starts_with("_rels/") {
        Vec::new()
    } else {
        base[..base.len().saturating_sub(2)].to_vec()
    };
    let mut parts: Vec<&str> = dir;
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}
