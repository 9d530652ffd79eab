/// A binary min-heap: the ready list of the priority rule
/// (`ScheduleSearch.priorityList`), which orders every task of a national
/// portfolio (1.4 million) by latest start in one pass.
///
/// Not swift-collections' `Heap`: that one is a min-max heap, whose
/// trickle-down compares grandchildren as well. Measured on the national
/// portfolio on 2026-11-27, before the last speed-up of the report: the
/// whole run took 3.45–3.71 s with it, 3.12–3.42 s with this one
/// (docs/benchmarks.md). This one does what the rule needs and no more.
struct BinaryHeap<Element: Comparable> {
  private var items: [Element] = []

  var isEmpty: Bool { items.isEmpty }

  /// - Complexity: O(log n).
  mutating func insert(_ item: Element) {
    items.append(item)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      if items[child] < items[parent] {
        items.swapAt(child, parent)
        child = parent
      } else {
        break
      }
    }
  }

  /// The smallest element, removed; nil when empty. - Complexity: O(log n).
  mutating func popMin() -> Element? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let minimum = items.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < items.count && items[left] < items[smallest] { smallest = left }
      if right < items.count && items[right] < items[smallest] { smallest = right }
      if smallest == parent { break }
      items.swapAt(parent, smallest)
      parent = smallest
    }
    return minimum
  }
}
