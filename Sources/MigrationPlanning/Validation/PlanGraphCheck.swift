/// The checks on a plan as a whole that the scheduler relies on: after
/// them, every plan that loads can be scheduled.
///
/// - `golive-cycle` (error): go-live links that form a cycle. A system goes
///   live after another when the plan says so (`<goLiveAfter>`) or when the
///   catalog makes one of its areas wait for an area the other serves. Each
///   link on a cycle is reported where it is written: the `<goLiveAfter>`
///   element, or the waiting system's element for a catalog rule. A system
///   whose go-live is recorded (done or in progress) waits for nothing.
/// - `no-vendor` (warning): a system with neither a vendor nor an RFI
///   respondent; its vendor-side steps hold no vendor capacity.
public enum PlanGraphCheck {
  /// One go-live link: `system` goes live no earlier than `after`.
  struct Link {
    var system: Int
    var after: Int
    var location: SourceLocation
    /// What makes the link, for the message.
    var origin: String
  }

  /// Runs every check on `plan`.
  /// - Complexity: O(systems² × areas) to draw the links (each catalog rule
  ///   looks for the systems serving the area waited for), then
  ///   O(systems + links) for the cycles.
  public static func check(_ plan: Plan, catalog: Catalog, diagnostics: DiagnosticCollector) {
    checkCycles(plan, catalog: catalog, diagnostics: diagnostics)
    for system in plan.systems where system.vendor == nil && system.respondents.isEmpty {
      diagnostics.warning(
        "no-vendor",
        "system '\(system.id)' has neither a vendor nor an RFI respondent: its vendor-side steps hold no vendor capacity",
        at: system.location)
    }
  }

  /// The go-live links the scheduler will draw, in plan order of the
  /// waiting system.
  static func links(_ plan: Plan, catalog: Catalog) -> [Link] {
    let goLive = catalog.template.steps(with: .goLive).first?.id
    var links: [Link] = []
    for (index, system) in plan.systems.enumerated() {
      if let goLive, let status = system.record(goLive)?.status,
        status == .done || status == .inProgress
      {
        continue
      }
      for area in system.areas {
        for required in catalog.area(area)?.goLiveAfter ?? []
        where !system.areas.contains(required) {
          for (other, candidate) in plan.systems.enumerated()
          where other != index && candidate.areas.contains(required) {
            links.append(
              Link(
                system: index, after: other, location: system.location,
                origin: "the catalog has \(area) go live after \(required)"))
          }
        }
      }
      for link in plan.goLiveLinks where link.system == system.id {
        if let other = plan.systems.firstIndex(where: { $0.id == link.after }) {
          links.append(
            Link(system: index, after: other, location: link.location, origin: "<goLiveAfter>"))
        }
      }
    }
    return links
  }

  static func checkCycles(_ plan: Plan, catalog: Catalog, diagnostics: DiagnosticCollector) {
    let links = links(plan, catalog: catalog)
    guard !links.isEmpty else { return }
    let components = StronglyConnected.components(
      nodes: plan.systems.count, edges: links.map { ($0.system, $0.after) })
    for link in links {
      let component = components[link.system]
      guard component == components[link.after] else { continue }
      let names =
        link.system == link.after
        ? "itself"
        : plan.systems.indices.filter { components[$0] == component }.map { plan.systems[$0].id }
          .joined(separator: ", ")
      diagnostics.error(
        "golive-cycle",
        "'\(plan.systems[link.system].id)' goes live after '\(plan.systems[link.after].id)' "
          + "(\(link.origin)), which closes a cycle of go-live links among \(names)",
        at: link.location)
    }
  }
}

/// Tarjan's strongly connected components, without recursion.
enum StronglyConnected {
  /// The component of each node; nodes share a component exactly when each
  /// reaches the other. - Complexity: O(nodes + edges).
  static func components(nodes: Int, edges: [(Int, Int)]) -> [Int] {
    var adjacency = Array(repeating: [Int](), count: nodes)
    for (from, to) in edges { adjacency[from].append(to) }
    var index = Array(repeating: -1, count: nodes)
    var low = Array(repeating: 0, count: nodes)
    var onStack = Array(repeating: false, count: nodes)
    var component = Array(repeating: -1, count: nodes)
    var stack: [Int] = []
    var counter = 0
    var components = 0
    for root in 0..<nodes where index[root] < 0 {
      var work: [(node: Int, next: Int)] = [(root, 0)]
      index[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let (node, next) = work.last {
        if next < adjacency[node].count {
          work[work.count - 1].next += 1
          let target = adjacency[node][next]
          if index[target] < 0 {
            index[target] = counter
            low[target] = counter
            counter += 1
            stack.append(target)
            onStack[target] = true
            work.append((target, 0))
          } else if onStack[target] {
            low[node] = min(low[node], index[target])
          }
          continue
        }
        work.removeLast()
        if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
        if low[node] == index[node] {
          while let member = stack.popLast() {
            onStack[member] = false
            component[member] = components
            if member == node { break }
          }
          components += 1
        }
      }
    }
    return component
  }
}
