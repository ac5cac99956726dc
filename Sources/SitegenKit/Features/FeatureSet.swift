/// The features of one build, loaded from `content/`, in a fixed order: each page keeps its features' data in the
/// same order.
struct FeatureSet: Sendable {
    /// Every feature sitegen has. Each switches itself on by the data files and front matter a site has.
    static let registered: [any SiteFeature.Type] = [NoteFeature.self]

    let features: [any SiteFeature]

    /// Every front-matter key some feature owns.
    static var frontMatterKeys: [String] { registered.flatMap { $0.frontMatterKeys } }
    /// Every data file some feature reads.
    static var dataFiles: Set<String> { Set(registered.flatMap { $0.dataFiles }) }
    /// Every template name some feature provides.
    static var templateNames: Set<String> { registered.reduce(into: []) { $0.formUnion($1.templateNames) } }

    /// Loads every registered feature, collecting every problem.
    static func load(from folder: ContentFolder) throws(SitegenError) -> FeatureSet {
        var features: [any SiteFeature] = []
        var problems: [Diagnostic] = []
        for type in registered {
            do throws(SitegenError) {
                features.append(try type.load(from: folder))
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw SitegenError(problems) }
        return FeatureSet(features: features)
    }

    /// A feature set with nothing loaded, for decoding without data files.
    static let none = FeatureSet(features: [])

    /// Each feature's share of one page's front matter, in feature order (`checkedBefore`: see `SiteFeature.decodePage`).
    func decodePage(
        _ keys: [String: YAMLValue], in file: SourceFile, checkedBefore: Bool = false
    ) throws(SitegenError) -> [(any FeaturePageData)?] {
        var result: [(any FeaturePageData)?] = []
        for feature in features {
            let own = keys.filter { type(of: feature).frontMatterKeys.contains($0.key) }
            result.append(own.isEmpty ? nil : try feature.decodePage(own, in: file, checkedBefore: checkedBefore))
        }
        return result
    }

    /// Each feature's index over `pages`.
    func index(_ pages: [PageSource]) throws(SitegenError) -> [any FeatureIndex] {
        var result: [any FeatureIndex] = []
        var problems: [Diagnostic] = []
        for (position, feature) in features.enumerated() {
            // By index: iterating the pages would copy each whole record.
            let own = pages.indices.compactMap { index in
                pages[index].meta.feature(position).map {
                    FeaturePage(
                        route: pages[index].route, title: pages[index].meta.title,
                        description: pages[index].meta.description, data: $0)
                }
            }
            do throws(SitegenError) {
                result.append(try feature.index(own))
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw SitegenError(problems) }
        return result
    }
}

/// Whether two pages' feature data are the same, feature by feature.
func sameFeatureData(_ a: [(any FeaturePageData)?], _ b: [(any FeaturePageData)?]) -> Bool {
    guard a.count == b.count else { return false }
    return zip(a, b).allSatisfy { left, right in
        switch (left, right) {
        case (nil, nil): true
        case (let left?, let right?): left.isSame(as: right)
        default: false
        }
    }
}
