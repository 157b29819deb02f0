//! A bar chart slide's chart as a native chart part (`c:chartSpace` with a
//! `c:barChart`): one series, the clusters as categories, the values cached
//! in the chart and kept in an embedded workbook, so PowerPoint's "Edit
//! data" opens them and a colleague can restyle the chart.

use cc_deck::Bar;

use super::parts::{NS_A, NS_C, NS_R, XML_HEAD};
use super::xml::{EA_FONT, clean, esc, hex};
use crate::ExportError;

/// A number as a chart caches it: shortest form that reads back the same.
fn num(v: f64) -> String {
    let s = format!("{v}");
    if s.contains('e') {
        format!("{v:.6}")
    } else {
        s
    }
}

/// Text properties of the chart's labels.
fn tx_pr(size: f64, color: &str, lang: &str) -> String {
    let lang = if lang == "zh" { "zh-CN" } else { "en-US" };
    format!(
        r#"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{}" b="0"><a:solidFill><a:srgbClr val="{}"/></a:solidFill><a:latin typeface="{EA_FONT}"/><a:ea typeface="{EA_FONT}"/><a:cs typeface="{EA_FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="{lang}"/></a:p></c:txPr>"#,
        (size * 100.0).round() as i64,
        hex(color)
    )
}

/// The sheet's cell reference of row `r` (from 0 for the first value) in column `col`.
fn range(col: char, n: usize) -> String {
    format!("Sheet1!${col}$2:${col}${}", n + 1)
}

/// What a chart needs besides its bars.
pub(crate) struct ChartText<'a> {
    /// The series name: what the bars measure, e.g. `万亿元`.
    pub axis: &'a str,
    pub size: f64,
    pub text: &'a str,
    pub rule: &'a str,
    pub lang: &'a str,
}

/// The chart part; `workbook`: whether the embedded workbook is its rId1.
pub(crate) fn chart_xml(bars: &[Bar], t: &ChartText<'_>, workbook: bool) -> String {
    let n = bars.len();
    let mut cats = format!(r#"<c:ptCount val="{n}"/>"#);
    let mut vals = format!(r#"<c:formatCode>General</c:formatCode><c:ptCount val="{n}"/>"#);
    let mut points = String::new();
    for (i, b) in bars.iter().enumerate() {
        cats.push_str(&format!(
            r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#,
            esc(&b.label)
        ));
        if let Some(v) = b.number.filter(|v| v.is_finite()) {
            vals.push_str(&format!(r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#, num(v)));
        }
        // A forecast is drawn outlined with a pale fill, as on the PDF slide.
        let fill = if b.forecast {
            format!(
                r#"<a:solidFill><a:srgbClr val="{0}"><a:alpha val="20000"/></a:srgbClr></a:solidFill><a:ln w="19050"><a:solidFill><a:srgbClr val="{0}"/></a:solidFill><a:prstDash val="dash"/></a:ln>"#,
                hex(&b.color)
            )
        } else {
            format!(
                r#"<a:solidFill><a:srgbClr val="{}"/></a:solidFill>"#,
                hex(&b.color)
            )
        };
        points.push_str(&format!(
            r#"<c:dPt><c:idx val="{i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>{fill}</c:spPr></c:dPt>"#
        ));
    }
    let labels = tx_pr(t.size, t.text, t.lang);
    let rule = hex(t.rule);
    let external = if workbook {
        r#"<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>"#
    } else {
        ""
    };
    format!(
        r#"{XML_HEAD}<c:chartSpace xmlns:c="{NS_C}" xmlns:a="{NS_A}" xmlns:r="{NS_R}"><c:date1904 val="0"/><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{axis}</c:v></c:pt></c:strCache></c:strRef></c:tx><c:spPr><a:solidFill><a:srgbClr val="{first}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>{points}<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{labels}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls><c:cat><c:strRef><c:f>{cat_ref}</c:f><c:strCache>{cats}</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>{val_ref}</c:f><c:numCache>{vals}</c:numCache></c:numRef></c:val></c:ser><c:gapWidth val="60"/><c:axId val="111111111"/><c:axId val="222222222"/></c:barChart><c:catAx><c:axId val="111111111"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="{rule}"/></a:solidFill></a:ln></c:spPr>{labels}<c:crossAx val="222222222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx><c:valAx><c:axId val="222222222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="{rule}"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{title_size}" b="0"/></a:pPr><a:r><a:rPr lang="{lang}" sz="{title_size}" b="0"><a:solidFill><a:srgbClr val="{text}"/></a:solidFill><a:latin typeface="{EA_FONT}"/><a:ea typeface="{EA_FONT}"/></a:rPr><a:t>{axis}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>{labels}<c:crossAx val="111111111"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx><c:spPr><a:noFill/></c:spPr></c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{labels}{external}</c:chartSpace>"#,
        axis = esc(t.axis),
        first = bars
            .first()
            .map(|b| hex(&b.color))
            .unwrap_or_else(|| "000000".into()),
        cat_ref = range('A', n),
        val_ref = range('B', n),
        title_size = (t.size * 100.0).round() as i64,
        lang = if t.lang == "zh" { "zh-CN" } else { "en-US" },
        text = hex(t.text),
    )
}

/// The chart's data as a workbook (clusters in A, values in B, the values
/// as written in C), for PowerPoint's "Edit data".
pub(crate) fn workbook(bars: &[Bar], axis: &str, written: &str) -> Result<Vec<u8>, ExportError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1")?;
    ws.write_string(0, 0, "")?;
    ws.write_string(0, 1, clean(axis))?;
    ws.write_string(0, 2, clean(written))?;
    ws.set_column_width(0, 28)?;
    ws.set_column_width(2, 36)?;
    for (i, b) in bars.iter().enumerate() {
        let r = (i + 1) as u32;
        ws.write_string(r, 0, clean(&b.label))?;
        if let Some(v) = b.number.filter(|v| v.is_finite()) {
            ws.write_number(r, 1, v)?;
        }
        ws.write_string(r, 2, clean(&b.value))?;
    }
    Ok(wb.save_to_buffer()?)
}
