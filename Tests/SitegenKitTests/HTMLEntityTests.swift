import Foundation
import Testing

@testable import SitegenKit

/// Character references decode as the HTML standard's tokenizer decodes them.
@Suite struct HTMLEntityTests {
    func text(_ html: String) -> String { HTMLScanner.decode(Array(html.utf8)[...], inAttribute: false) }
    func attribute(_ html: String) -> String { HTMLScanner.decode(Array(html.utf8)[...], inAttribute: true) }

    @Test func theTableIsTheWHATWGList() throws {
        // Python's html.entities.html5 is generated from the WHATWG's entities list.
        let result = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", "import html.entities, json; print(json.dumps(html.entities.html5))"])
        try #require(result.status == 0, "\(result.output)")
        let list = try JSONDecoder().decode([String: String].self, from: Data(result.output.utf8))
        #expect(list.count == 2231)
        #expect(HTMLEntities.table == list, "run `python3 .ci/entities` to write the table again")
    }

    @Test func everyNameDecodes() {
        for (name, value) in HTMLEntities.table {
            #expect(text("&\(name)") == value, "&\(name)")
        }
    }

    @Test func namesAreCaseSensitive() {
        #expect(text("&AMP;") == "&")
        #expect(text("&Eacute;&eacute;") == "Éé")
        #expect(text("&Amp;") == "&Amp;")
    }

    @Test func theLongestLegacyNameMatchesWithoutItsSemicolon() {
        #expect(text("&notit;") == "¬it;")
        #expect(text("&notin;") == "∉")
        #expect(text("&ampx") == "&x")
    }

    @Test func inAttributesALegacyNameBeforeALetterDigitOrEqualsIsText() {
        #expect(attribute("?a=1&copy=2") == "?a=1&copy=2")
        #expect(attribute("?a&ampb") == "?a&ampb")
        #expect(attribute("?a&amp;b") == "?a&b")
        #expect(attribute("?a&amp-b") == "?a&-b")
        #expect(text("&copy=2") == "©=2")
    }

    @Test func numbersFrom0x80To0x9FAreWindows1252() {
        #expect(text("&#150;") == "\u{2013}")
        #expect(text("&#x80;") == "€")
        #expect(text("&#x9F;") == "\u{178}")
        #expect(text("&#x81;") == "\u{81}")
    }

    @Test func numbersThatAreNoCharacterBecomeTheReplacementCharacter() {
        #expect(text("&#0;") == "\u{FFFD}")
        #expect(text("&#xD800;") == "\u{FFFD}")
        #expect(text("&#x110000;") == "\u{FFFD}")
        #expect(text("&#99999999999999999999;") == "\u{FFFD}")
    }

    @Test func aNumberNeedsNoSemicolonButNeedsDigits() {
        #expect(text("&#65x") == "Ax")
        #expect(text("&#x41") == "A")
        #expect(text("&#x;") == "&#x;")
        #expect(text("&#;") == "&#;")
    }
}
