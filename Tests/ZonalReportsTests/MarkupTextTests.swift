import Testing
import ZonalReports

/// Escaping for HTML and SVG text and attributes.
struct MarkupTextTests {
    @Test func theFiveCharactersAreEscapedAndEverythingElseIsKept() {
        #expect(MarkupText.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(MarkupText.escape("Zone ÄÖ — 区域 🏭") == "Zone ÄÖ — 区域 🏭")
        #expect(MarkupText.escape("") == "")
    }

    @Test func aQuoteFollowedByACombiningMarkIsStillEscaped() {
        // As one Character, `"` + U+0301 compares unequal to `"`; left unescaped it would end an attribute value.
        #expect(MarkupText.escape("x\"\u{301} onmouseover=alert(1)") == "x&quot;\u{301} onmouseover=alert(1)")
        #expect(MarkupText.escape("<\u{338}") == "&lt;\u{338}")
    }
}
