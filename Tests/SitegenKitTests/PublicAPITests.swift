import Foundation
import Testing

/// SitegenKit's public API is what an embedder needs, and all of it is documented.
@Suite struct PublicAPITests {
    /// Every public declaration in SitegenKit's sources: file, line and the declaration.
    static func publicDeclarations() throws -> [(file: String, line: Int, text: String, documented: Bool)] {
        let sources = SiteTests.repository.appendingPathComponent("Sources/SitegenKit")
        var found: [(file: String, line: Int, text: String, documented: Bool)] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        for file in files.sorted() where file.hasSuffix(".swift") {
            let lines = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
                .components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard code.hasPrefix("public ") || code.contains(") public ") else { continue }
                // The nearest line above that is not an attribute must be a `///` comment.
                var above = index - 1
                while above >= 0, lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("@") { above -= 1 }
                let documented = above >= 0 && lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("///")
                found.append((file, index + 1, code, documented))
            }
        }
        return found
    }

    /// A public declaration's signature: its lines up to the body's opening brace.
    static func signature(at line: Int, in file: String) throws -> String {
        let lines = try String(
            contentsOf: SiteTests.repository.appendingPathComponent("Sources/SitegenKit/\(file)"), encoding: .utf8
        ).components(separatedBy: "\n")
        var text = ""
        for next in lines[(line - 1)...] {
            text += " " + next.trimmingCharacters(in: .whitespaces)
            if next.contains("{") || next.trimmingCharacters(in: .whitespaces).isEmpty { break }
        }
        return String(text.prefix { $0 != "{" })
    }

    @Test func everyPublicOperationThrowsSitegenErrorAlone() throws {
        var throwing = 0
        var others: [String] = []
        for declaration in try Self.publicDeclarations() {
            let signature = try Self.signature(at: declaration.line, in: declaration.file)
            // A rethrowing function throws only what its caller's closure throws.
            guard signature.contains(" throws"), !signature.contains(" rethrows") else { continue }
            throwing += 1
            let typed = signature.components(separatedBy: " throws").dropFirst().allSatisfy {
                $0.hasPrefix("(SitegenError)")
            }
            if !typed { others.append("\(declaration.file):\(declaration.line):\(signature)") }
        }
        #expect(throwing >= 6, "build, check, the server's init, run and wait, and scaffolding throw")
        #expect(others == [])
    }

    @Test func everyPublicDeclarationIsDocumented() throws {
        let undocumented = try Self.publicDeclarations().filter { !$0.documented }
        #expect(undocumented.map { "\($0.file):\($0.line): \($0.text)" } == [])
    }

    @Test func onlyWhatAnEmbedderNeedsIsPublic() throws {
        // Types declared public: building, its options and report, problems, checking, serving, starting
        // content, the version; and, for the benchmark only (`@_spi(Benchmark)`), the Markdown renderer and
        // folder listing its floor uses.
        let types = try Self.publicDeclarations().compactMap { declaration -> String? in
            let words = declaration.text.split(separator: " ")
            guard let index = words.firstIndex(where: { ["struct", "enum", "class", "protocol"].contains($0) }),
                index + 1 < words.count
            else { return nil }
            return String(words[index + 1].prefix { $0.isLetter || $0.isNumber })
        }
        #expect(
            Set(types) == [
                "SiteBuilder", "BuildOptions", "BuildReport", "Diagnostic", "Severity", "SitegenError",
                "SourceLocation", "SiteChecker", "Report", "DevServer", "Address", "Scaffold", "SitegenVersion",
                "MarkdownRenderer", "FileTree",
            ])
    }
}
