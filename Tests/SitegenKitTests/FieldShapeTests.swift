import Testing

@testable import SitegenKit

/// What each field shape makes of values typed the way people type them.
@Suite struct FieldShapeTests {
    @Test(arguments: [
        ("Helping your team..", "helping your team"),
        ("About your programme!.", "about your programme"),
        ("  the   way you\nplan releases  ", "the way you plan releases"),
        ("\u{201C}helping your team\u{201D}", "helping your team"),
        ("looking forward to helping you", "helping you"),
        ("I had been looking forward to helping you", "helping you"),
        ("looking forward to . building dashboards", "building dashboards"),
        ("looking forward to —", ""),
        ("looking forward to", ""),
        ("to help your team", "help your team"),
        ("Python migrations", "Python migrations"),
        ("I loved it", "I loved it"),
        ("...", ""),
        ("", ""),
    ])
    func aClauseFinishesTheNotesSentence(typed: String, used: String) {
        #expect(FieldShape.clause.normalize(typed, after: "I had been looking forward to") == used)
    }

    @Test(arguments: [
        ("Dear Dana,", "Dana"), ("acme inc.", "acme inc."), ("Yahoo!", "Yahoo!"), ("eBay", "eBay"), ("Hi", ""),
        (", Acme", "Acme"), ("🚀", ""), ("شركة النور", "شركة النور"), ("Dana!!", "Dana"), ("ACME…", "ACME"),
        ("Acme Inc..", "Acme Inc"), ("Tom,!!", "Tom"), ("Tom;!.", "Tom"), (". , Tom", "Tom"), (",Tom", "Tom"),
        ("Tom\u{205F},", "Tom"), ("𐵐𐵑", "𐵐𐵑"),
    ])
    func aNameIsKeptAsTyped(typed: String, used: String) {
        #expect(FieldShape.name.normalize(typed) == used)
    }

    @Test(arguments: [
        ("the Product Designer role.", "Product Designer"), ("a Data Analyst position", "Data Analyst"),
        (".NET Developer", ".NET Developer"), ("Role", "Role"), ("Data Analyst. role", "Data Analyst"),
        ("Engineer, role", "Engineer"),
    ])
    func aTitleLosesTheWordsTheNotePutsAroundIt(typed: String, used: String) {
        #expect(FieldShape.title.normalize(typed) == used)
    }

    @Test func aLineLosesTrailingPunctuation() {
        #expect(FieldShape.line.normalize(" alex@example.com. ") == "alex@example.com")
    }
}
