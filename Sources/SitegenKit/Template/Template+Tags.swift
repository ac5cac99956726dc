extension Template {
    /// Every variable and section name, in order, at any depth: for checking them against what pages provide.
    var names: [Name] {
        var names: [Name] = []
        Self.walk(nodes) { node in
            switch node {
            case .variable(let name, _), .section(let name, _, _): names.append(name)
            default: break
            }
        }
        return names.sorted { $0.offset < $1.offset }
    }

    /// Every partial and parent named, in order: for checking that each exists.
    var references: [Reference] {
        var references: [Reference] = []
        Self.walk(nodes) { node in
            switch node {
            case .partial(let reference, _), .parent(let reference, _, _): references.append(reference)
            default: break
            }
        }
        return references.sorted { $0.offset < $1.offset }
    }

    /// Calls `visit` on each node, parents before their children (blocks in no particular order).
    private static func walk(_ nodes: [Node], _ visit: (Node) -> Void) {
        for node in nodes {
            visit(node)
            switch node {
            case .section(_, _, let children), .block(_, let children):
                walk(children, visit)
            case .parent(_, _, let blocks):
                for children in blocks.values { walk(children, visit) }
            case .text, .variable, .partial:
                break
            }
        }
    }
}
