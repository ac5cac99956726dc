extension Template {
    /// Every variable and section name, in the order written, at any depth: for checking them against what pages
    /// provide.
    var names: [Name] {
        collect { node in
            switch node {
            case .variable(let name, _), .section(let name, _, _): (name, name.offset)
            default: nil
            }
        }
    }

    /// Every partial and parent named, in the order written: for checking that each exists.
    var references: [Reference] {
        collect { node in
            switch node {
            case .partial(let reference, _), .parent(let reference, _, _): (reference, reference.offset)
            default: nil
            }
        }
    }

    /// What `pick` finds in the nodes at any depth, ordered by offset in the text (blocks are stored by name).
    private func collect<Found>(_ pick: (Node) -> (Found, offset: Int)?) -> [Found] {
        var found: [(Found, offset: Int)] = []
        func walk(_ nodes: [Node]) {
            for node in nodes {
                if let item = pick(node) { found.append(item) }
                switch node {
                case .section(_, _, let children), .block(_, _, let children): walk(children)
                case .parent(_, _, let blocks): blocks.values.forEach(walk)
                case .text, .variable, .partial: break
                }
            }
        }
        walk(nodes)
        return found.sorted { $0.offset < $1.offset }.map(\.0)
    }
}
