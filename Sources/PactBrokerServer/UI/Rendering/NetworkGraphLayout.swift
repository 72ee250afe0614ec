/// A deterministic layered layout of a pacticipant's network: the pacticipant in column 0, the providers it depends
/// on in the columns to its right, its consumers to its left; every arrow points from a consumer to its provider.
///
/// Columns come from a breadth-first walk from the pacticipant over the integrations in either direction (names in
/// sorted order): following an arrow forwards puts the provider one column right of its consumer, backwards puts the
/// consumer one column left. The first column a name gets is kept, so a cycle or a second path does not move it.
/// Within a column names are sorted, with the pacticipant first. The same input always gives the same picture.
public struct NetworkGraphLayout: Sendable, Hashable {
    /// A box in the picture.
    public struct Node: Sendable, Hashable {
        /// The pacticipant's name.
        public var name: String
        /// The column, 0-based from the left.
        public var column: Int
        /// The row within the column, 0-based from the top.
        public var row: Int
        /// The box's left edge, top edge, width and height in SVG user units.
        public var x: Double, y: Double, width: Double, height: Double
        /// Whether this is the page's own pacticipant.
        public var isFocus: Bool
    }

    /// An arrow from the consumer's box to the provider's box.
    public struct Edge: Sendable, Hashable {
        /// The consumer's and provider's names.
        public var consumer: String, provider: String
        /// The SVG path data of the arrow (`M … C …`).
        public var path: String
    }

    /// The boxes, column by column, top to bottom.
    public var nodes: [Node]
    /// The arrows, sorted by consumer then provider.
    public var edges: [Edge]
    /// The picture's size in SVG user units.
    public var width: Double, height: Double
    /// How many names were left out because `maxNodes` was reached (the farthest from the pacticipant go first).
    public var omitted: Int

    static let nodeHeight = 36.0
    static let rowGap = 22.0
    static let columnGap = 90.0
    static let margin = 20.0
    static let characterWidth = 7.6
    static let maxLabelCharacters = 32

    /// Lays out `dependencies` around `focus`, keeping at most `maxNodes` boxes (the nearest first).
    public init(focus: String, dependencies: [NetworkDependency], maxNodes: Int = 150) {
        let unique = Set(dependencies.filter { $0.consumer != $0.provider || $0.consumer == focus })
        var forward: [String: Set<String>] = [:]
        var backward: [String: Set<String>] = [:]
        for dependency in unique {
            forward[dependency.consumer, default: []].insert(dependency.provider)
            backward[dependency.provider, default: []].insert(dependency.consumer)
        }
        // Breadth-first from the focus; a node's column is fixed by the first path that reaches it.
        var column: [String: Int] = [focus: 0]
        var order: [String] = [focus]
        var queue = [focus]
        var head = 0
        var dropped = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            let here = column[current]!
            let next = (forward[current] ?? []).sorted().map { ($0, here + 1) }
                + (backward[current] ?? []).sorted().map { ($0, here - 1) }
            for (name, col) in next where column[name] == nil {
                if order.count >= maxNodes { dropped += 1; column[name] = Int.min; continue }
                column[name] = col
                order.append(name)
                queue.append(name)
            }
        }
        let placed = order
        let minColumn = placed.map { column[$0]! }.min() ?? 0
        var byColumn: [Int: [String]] = [:]
        for name in placed { byColumn[column[name]! - minColumn, default: []].append(name) }
        let columnCount = (byColumn.keys.max() ?? 0) + 1

        // Column widths fit their longest label.
        var columnWidth: [Double] = []
        for index in 0..<columnCount {
            let longest = (byColumn[index] ?? []).map { NetworkGraphLayout.label(for: $0).count }.max() ?? 4
            columnWidth.append(max(90, Double(longest) * NetworkGraphLayout.characterWidth + 28))
        }
        let tallest = byColumn.values.map(\.count).max() ?? 1
        let height = NetworkGraphLayout.margin * 2 + Double(tallest) * NetworkGraphLayout.nodeHeight
            + Double(tallest - 1) * NetworkGraphLayout.rowGap
        var nodes: [Node] = []
        var positions: [String: Node] = [:]
        var columns: [[Node]] = Array(repeating: [], count: columnCount)
        var x = NetworkGraphLayout.margin
        for index in 0..<columnCount {
            let names = (byColumn[index] ?? []).sorted { lhs, rhs in
                if lhs == focus { return true }
                if rhs == focus { return false }
                return lhs < rhs
            }
            // Each column is centred vertically.
            let columnHeight = Double(names.count) * NetworkGraphLayout.nodeHeight
                + Double(max(names.count - 1, 0)) * NetworkGraphLayout.rowGap
            var y = (height - columnHeight) / 2
            for (row, name) in names.enumerated() {
                let node = Node(
                    name: name, column: index, row: row, x: x, y: y, width: columnWidth[index],
                    height: NetworkGraphLayout.nodeHeight, isFocus: name == focus)
                nodes.append(node)
                columns[index].append(node)
                positions[name] = node
                y += NetworkGraphLayout.nodeHeight + NetworkGraphLayout.rowGap
            }
            x += columnWidth[index] + NetworkGraphLayout.columnGap
        }
        self.nodes = nodes
        self.edges = unique.sorted { ($0.consumer, $0.provider) < ($1.consumer, $1.provider) }.compactMap { dependency in
            guard let from = positions[dependency.consumer], let to = positions[dependency.provider] else { return nil }
            return Edge(
                consumer: dependency.consumer, provider: dependency.provider,
                path: NetworkGraphLayout.arrow(from: from, to: to, columns: columns, height: height))
        }
        self.width = x - NetworkGraphLayout.columnGap + NetworkGraphLayout.margin
        self.height = height
        self.omitted = dropped
    }

    /// The text drawn in a box: the name, shortened with "…" past `maxLabelCharacters` (the full name is the
    /// box's tooltip).
    public static func label(for name: String) -> String {
        name.count > maxLabelCharacters ? String(name.prefix(maxLabelCharacters - 1)) + "…" : name
    }

    /// A left-to-right arrow leaves the consumer's right side for the provider's left side; one that skips columns
    /// crosses each column between them through the gap between boxes nearest its straight course, so it never runs
    /// through a box. An arrow within a column or backwards loops out to the right of both boxes.
    static func arrow(from: Node, to: Node, columns: [[Node]] = [], height: Double = 0) -> String {
        let fromY = from.y + from.height / 2
        let toY = to.y + to.height / 2
        if to.column > from.column {
            var points: [(x: Double, y: Double)] = [(from.x + from.width, fromY)]
            let span = Double(to.column - from.column)
            for column in (from.column + 1)..<to.column where column < columns.count {
                guard let first = columns[column].first else { continue }
                let left = first.x
                let right = first.x + first.width
                let straight = fromY + (toY - fromY) * Double(column - from.column) / span
                let y = gap(nearest: straight, in: columns[column], height: height)
                points.append((left - 8, y))
                points.append((right + 8, y))
            }
            points.append((to.x - 2, toY))
            var path = "M\(f(points[0].x)),\(f(points[0].y))"
            var index = 1
            while index < points.count {
                let start = points[index - 1]
                let end = points[index]
                if index % 2 == 1 {
                    // Between columns: an S-curve with horizontal ends.
                    let middle = (start.x + end.x) / 2
                    path += " C\(f(middle)),\(f(start.y)) \(f(middle)),\(f(end.y)) \(f(end.x)),\(f(end.y))"
                } else {
                    // Across a column, in its gap: a straight run.
                    path += " L\(f(end.x)),\(f(end.y))"
                }
                index += 1
            }
            return path
        }
        if from.name == to.name {
            // A pacticipant with a pact with itself: a small loop on its right side.
            let startX = from.x + from.width
            return "M\(f(startX)),\(f(from.y + 8)) C\(f(startX + 40)),\(f(from.y - 10)) \(f(startX + 40)),"
                + "\(f(from.y + from.height + 10)) \(f(startX + 2)),\(f(from.y + from.height - 8))"
        }
        let startX = from.x + from.width
        let endX = to.x + to.width + 2
        let bulge = max(startX, endX) + 45
        return "M\(f(startX)),\(f(fromY)) C\(f(bulge)),\(f(fromY)) \(f(bulge)),\(f(toY)) \(f(endX)),\(f(toY))"
    }

    /// The middle of the free space in a column (above its first box, between two boxes, or below its last) nearest
    /// to `y`.
    static func gap(nearest y: Double, in column: [Node], height: Double) -> Double {
        let boxes = column.sorted { $0.y < $1.y }
        var candidates: [Double] = []
        if let first = boxes.first { candidates.append(max(first.y - rowGap / 2, margin / 2)) }
        for (upper, lower) in zip(boxes, boxes.dropFirst()) { candidates.append((upper.y + upper.height + lower.y) / 2) }
        if let last = boxes.last { candidates.append(min(last.y + last.height + rowGap / 2, height - margin / 2)) }
        return candidates.min { abs($0 - y) < abs($1 - y) } ?? y
    }

    /// A coordinate with at most one decimal.
    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
