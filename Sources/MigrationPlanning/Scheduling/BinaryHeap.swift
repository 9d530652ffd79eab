/// A binary min-heap: the ready list of a pure priority rule when the
/// list cannot be one sort (`ScheduleSearch.heapList`: some link goes back
/// in priority).
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
    items.withUnsafeMutableBufferPointer { heap in
      // Sift up through a hole: parents move down, the item is written once.
      var child = heap.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard item < heap[parent] else { break }
        heap[child] = heap[parent]
        child = parent
      }
      heap[child] = item
    }
  }

  /// The smallest element, removed; nil when empty. - Complexity: O(log n).
  ///
  /// Bottom-up: the hole at the root goes down along the smaller children
  /// to a leaf (one comparison per level), then the last element sifts up
  /// from there — usually by a level or two (Wegener's bottom-up heapsort).
  mutating func popMin() -> Element? {
    guard let last = items.popLast() else { return nil }
    guard !items.isEmpty else { return last }
    return items.withUnsafeMutableBufferPointer { heap in
      let minimum = heap[0]
      let count = heap.count
      var hole = 0
      while true {
        let left = 2 * hole + 1
        guard left < count else { break }
        let right = left + 1
        let child = right < count && heap[right] < heap[left] ? right : left
        heap[hole] = heap[child]
        hole = child
      }
      while hole > 0 {
        let parent = (hole - 1) / 2
        guard last < heap[parent] else { break }
        heap[hole] = heap[parent]
        hole = parent
      }
      heap[hole] = last
      return minimum
    }
  }
}
