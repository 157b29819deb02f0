//! The parts every presentation has: theme, slide master and its one blank
//! layout, the notes master, properties. Written after the parts
//! PowerPoint itself writes for a blank deck, trimmed to what it requires.

use super::xml::{EA_FONT, esc};

pub(crate) const XML_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

pub(crate) const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
pub(crate) const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub(crate) const NS_P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
pub(crate) const NS_C: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";
pub(crate) const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// A relationship of a part: id (`rId1`...), type (after `.../relationships/`) and target.
pub(crate) struct Rel {
    pub kind: &'static str,
    pub target: String,
}

/// A `.rels` part; ids are `rId1`, `rId2`... in order.
pub(crate) fn rels(list: &[Rel]) -> String {
    let mut s = format!(r#"{XML_HEAD}<Relationships xmlns="{PKG_REL}">"#);
    for (i, r) in list.iter().enumerate() {
        let ty = if r.kind.starts_with("http") {
            r.kind.to_owned()
        } else {
            format!("{REL}/{}", r.kind)
        };
        s.push_str(&format!(
            r#"<Relationship Id="rId{}" Type="{ty}" Target="{}"/>"#,
            i + 1,
            esc(&r.target)
        ));
    }
    s.push_str("</Relationships>");
    s
}

/// The colours of the theme: the deck's text, background and accents.
pub(crate) struct ThemeColours {
    pub text: String,
    pub bg: String,
    pub accents: [String; 6],
}

pub(crate) fn theme(name: &str, c: &ThemeColours) -> String {
    let srgb = |v: &str| format!(r#"<a:srgbClr val="{v}"/>"#);
    let mut accents = String::new();
    for (i, a) in c.accents.iter().enumerate() {
        accents.push_str(&format!(
            "<a:accent{n}>{}</a:accent{n}>",
            srgb(a),
            n = i + 1
        ));
    }
    let font = |tag: &str| {
        format!(
            r#"<a:{tag}><a:latin typeface="{EA_FONT}"/><a:ea typeface="{EA_FONT}"/><a:cs typeface=""/></a:{tag}>"#
        )
    };
    let solid = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = |w: u32| {
        format!(
            r#"<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/></a:ln>"#
        )
    };
    format!(
        r#"{XML_HEAD}<a:theme xmlns:a="{NS_A}" name="{}"><a:themeElements><a:clrScheme name="Cluster Compare"><a:dk1>{}</a:dk1><a:lt1>{}</a:lt1><a:dk2>{}</a:dk2><a:lt2>{}</a:lt2>{accents}<a:hlink>{}</a:hlink><a:folHlink>{}</a:folHlink></a:clrScheme><a:fontScheme name="Cluster Compare">{}{}</a:fontScheme><a:fmtScheme name="Cluster Compare"><a:fillStyleLst>{solid}{solid}{solid}</a:fillStyleLst><a:lnStyleLst>{}{}{}</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>{solid}{solid}{solid}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#,
        esc(name),
        srgb(&c.text),
        srgb(&c.bg),
        srgb(&c.text),
        srgb(&c.bg),
        srgb(&c.accents[0]),
        srgb(&c.accents[1]),
        font("majorFont"),
        font("minorFont"),
        line(6350),
        line(12700),
        line(19050),
    )
}

const CLR_MAP: &str = r#"bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink""#;

const EMPTY_TREE: &str = r#"<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr></p:spTree>"#;

fn level_style(size: u32) -> String {
    format!(
        r#"<a:lvl1pPr marL="0" indent="0" algn="l"><a:buNone/><a:defRPr sz="{size}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr>"#
    )
}

/// The slide master: the background colour, no placeholders (every slide
/// places its own text boxes), one layout.
pub(crate) fn slide_master(bg: &str) -> String {
    format!(
        r#"{XML_HEAD}<p:sldMaster xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val="{bg}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>{EMPTY_TREE}</p:cSld><p:clrMap {CLR_MAP}/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle>{}</p:titleStyle><p:bodyStyle>{}</p:bodyStyle><p:otherStyle>{}</p:otherStyle></p:txStyles></p:sldMaster>"#,
        level_style(3000),
        level_style(1700),
        level_style(1700),
    )
}

pub(crate) fn slide_layout() -> String {
    format!(
        r#"{XML_HEAD}<p:sldLayout xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}" type="blank" preserve="1"><p:cSld name="Blank">{EMPTY_TREE}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#
    )
}

/// Notes pages: the slide picture above, the notes below (A4-like portrait).
pub(crate) const NOTES_W: i64 = 6_858_000;
pub(crate) const NOTES_H: i64 = 9_144_000;

fn notes_placeholders(body_text: &str) -> String {
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="381000" y="685800"/><a:ext cx="6096000" cy="3429000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="685800" y="4343400"/><a:ext cx="5486400" cy="4114800"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr wrap="square"><a:normAutofit/></a:bodyPr><a:lstStyle/>{body_text}</p:txBody></p:sp>"#
    )
}

pub(crate) fn notes_master() -> String {
    let tree = EMPTY_TREE.replace(
        "</p:grpSpPr></p:spTree>",
        &format!(
            "</p:grpSpPr>{}</p:spTree>",
            notes_placeholders("<a:p><a:endParaRPr lang=\"en-US\"/></a:p>")
        ),
    );
    format!(
        r#"{XML_HEAD}<p:notesMaster xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>{tree}</p:cSld><p:clrMap {CLR_MAP}/><p:notesStyle>{}</p:notesStyle></p:notesMaster>"#,
        level_style(1200)
    )
}

/// The notes page of a slide, `paragraphs` being its `<a:p>` elements.
pub(crate) fn notes_slide(paragraphs: &str) -> String {
    let tree = EMPTY_TREE.replace(
        "</p:grpSpPr></p:spTree>",
        &format!("</p:grpSpPr>{}</p:spTree>", notes_placeholders(paragraphs)),
    );
    format!(
        r#"{XML_HEAD}<p:notes xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"><p:cSld>{tree}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#
    )
}

/// A slide, `shapes` being the elements of its shape tree.
pub(crate) fn slide(shapes: &str) -> String {
    let tree = EMPTY_TREE.replace(
        "</p:grpSpPr></p:spTree>",
        &format!("</p:grpSpPr>{shapes}</p:spTree>"),
    );
    format!(
        r#"{XML_HEAD}<p:sld xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"><p:cSld>{tree}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#
    )
}

/// `presentation.xml`: rId1 the master, rId2 the notes master, rId3 the
/// theme, then the slides from rId4 on, then presProps, viewProps and
/// tableStyles.
pub(crate) fn presentation(slides: usize, width: i64, height: i64) -> String {
    let mut ids = String::new();
    for i in 0..slides {
        ids.push_str(&format!(
            r#"<p:sldId id="{}" r:id="rId{}"/>"#,
            256 + i,
            4 + i
        ));
    }
    let kind = if width * 3 == height * 4 {
        r#" type="screen4x3""#
    } else {
        ""
    };
    format!(
        r#"{XML_HEAD}<p:presentation xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}" saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx="{width}" cy="{height}"{kind}/><p:notesSz cx="{NOTES_W}" cy="{NOTES_H}"/><p:defaultTextStyle>{}</p:defaultTextStyle></p:presentation>"#,
        level_style(1800)
    )
}

pub(crate) fn pres_props() -> String {
    format!(r#"{XML_HEAD}<p:presentationPr xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"/>"#)
}

pub(crate) fn view_props() -> String {
    format!(
        r#"{XML_HEAD}<p:viewPr xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>"#
    )
}

pub(crate) fn table_styles() -> String {
    format!(
        r#"{XML_HEAD}<a:tblStyleLst xmlns:a="{NS_A}" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>"#
    )
}

pub(crate) fn core_props(title: &str, date: &str) -> String {
    // A date that is not `YYYY-MM-DD` is left out rather than written wrong.
    let ok = date.len() == 10 && date.chars().all(|c| c.is_ascii_digit() || c == '-');
    let when = if ok {
        format!(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}T00:00:00Z</dcterms:modified>"#
        )
    } else {
        String::new()
    };
    format!(
        r#"{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>Cluster Compare</dc:creator>{when}</cp:coreProperties>"#,
        esc(title)
    )
}

pub(crate) fn app_props(slides: usize, notes: usize) -> String {
    format!(
        r#"{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Cluster Compare</Application><PresentationFormat>On-screen Show</PresentationFormat><Slides>{slides}</Slides><Notes>{notes}</Notes><AppVersion>{}</AppVersion></Properties>"#,
        "16.0000"
    )
}

/// `[Content_Types].xml` for the parts written.
pub(crate) fn content_types(slides: usize, charts: usize) -> String {
    const PML: &str = "application/vnd.openxmlformats-officedocument.presentationml";
    let mut s = format!(
        r#"{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/><Override PartName="/ppt/presentation.xml" ContentType="{PML}.presentation.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="{PML}.slideMaster+xml"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="{PML}.slideLayout+xml"/><Override PartName="/ppt/notesMasters/notesMaster1.xml" ContentType="{PML}.notesMaster+xml"/><Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/ppt/theme/theme2.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/ppt/presProps.xml" ContentType="{PML}.presProps+xml"/><Override PartName="/ppt/viewProps.xml" ContentType="{PML}.viewProps+xml"/><Override PartName="/ppt/tableStyles.xml" ContentType="{PML}.tableStyles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
    );
    for i in 1..=slides {
        s.push_str(&format!(
            r#"<Override PartName="/ppt/slides/slide{i}.xml" ContentType="{PML}.slide+xml"/><Override PartName="/ppt/notesSlides/notesSlide{i}.xml" ContentType="{PML}.notesSlide+xml"/>"#
        ));
    }
    for i in 1..=charts {
        s.push_str(&format!(
            r#"<Override PartName="/ppt/charts/chart{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"#
        ));
    }
    s.push_str("</Types>");
    s
}

/// `_rels/.rels`: the package's parts.
pub(crate) fn package_rels() -> String {
    rels(&[
        Rel {
            kind: "officeDocument",
            target: "ppt/presentation.xml".into(),
        },
        Rel {
            kind: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            target: "docProps/core.xml".into(),
        },
        Rel {
            kind: "extended-properties",
            target: "docProps/app.xml".into(),
        },
    ])
}
