import Foundation
import Testing

@testable import SitegenKit

@Suite struct TextBudgetTests {
    @Test func budgetAllowsTextsUntilItIsSpent() {
        let budget = TextBudget(bytes: 10)
        #expect(budget.take(6))
        #expect(!budget.take(6))
        #expect(!budget.take(1))
    }

    /// A share of a large site's texts saves little for the memory it holds: a build keeps all of them or none.
    @Test func aBuildKeepsEveryPageTextOrNone() {
        #expect(TextBudget.bytes(forPages: 5_000) == TextBudget.build)
        #expect(TextBudget.bytes(forPages: TextBudget.build) == TextBudget.build)
        #expect(TextBudget.bytes(forPages: TextBudget.build + 1) == 0)
    }

    /// Loads `index.md` of `site` with `budget`, then changes the file before the page is read for rendering.
    private func bodyReadAfterAChange(budget: TextBudget) throws -> String {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "before\n")
        let content = ContentFolder(path: site.root.appendingPathComponent("content").path, displayName: "content")
        let page = try PageSource.load("index.md", in: content, features: .none, budget: budget)
        try site.page("index.md", "after\n")
        return try page.read().body.body
    }

    @Test func pageWithinTheBudgetRendersTheTextItWasLoadedWith() throws {
        #expect(try bodyReadAfterAChange(budget: TextBudget(bytes: 1 << 20)) == "before\n")
    }

    @Test func pageBeyondTheBudgetIsReadAgainToRender() throws {
        #expect(try bodyReadAfterAChange(budget: TextBudget(bytes: 0)) == "after\n")
    }
}
