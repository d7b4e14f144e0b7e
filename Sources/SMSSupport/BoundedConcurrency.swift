/// Runs an async operation over items with at most `limit` in flight, returning
/// the results in the items' order.
package enum BoundedConcurrency {
    package static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], limit: Int, _ operation: @escaping @Sendable (Item) async -> Result
    ) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            var results: [(Int, Result)] = []
            results.reserveCapacity(items.count)
            var next = 0
            while next < min(limit, items.count) {
                let index = next
                group.addTask { (index, await operation(items[index])) }
                next += 1
            }
            while let finished = await group.next() {
                results.append(finished)
                if next < items.count {
                    let index = next
                    group.addTask { (index, await operation(items[index])) }
                    next += 1
                }
            }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
