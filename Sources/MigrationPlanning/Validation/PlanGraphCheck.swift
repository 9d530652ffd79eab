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
  /// - Complexity: O(systems × areas + go-live links) for the cycles: a
  ///   catalog rule is one edge to a node of the area waited for, which
  ///   leads to every system serving it, so a table of thousands of
  ///   systems of one area is checked in linear time.
  public static func check(_ plan: Plan, catalog: Catalog, diagnostics: DiagnosticCollector) {
    checkCycles(plan, catalog: catalog, diagnostics: diagnostics)
    for system in plan.systems where system.vendor == nil && system.respondents.isEmpty {
      diagnostics.warning(
        .noVendor,
        "system '\(system.id)' has neither a vendor nor an RFI respondent: its vendor-side steps hold no vendor capacity",
        at: system.location)
    }
  }

  /// A system's go-live waits: the catalog's rules (the area it waits
  /// for) and the plan's `<goLiveAfter>` (the system), in the order the
  /// links are drawn.
  enum Wait {
    case area(String, origin: String)
    case system(Int, SourceLocation)
  }

  /// Each system's waits, in plan order; a system whose go-live is
  /// recorded (done or in progress) waits for nothing.
  static func waits(_ plan: Plan, catalog: Catalog) -> [[Wait]] {
    let goLive = catalog.template.steps(with: .goLive).first?.id
    var index: [String: Int] = [:]
    for (position, system) in plan.systems.enumerated() where index[system.id] == nil {
      index[system.id] = position
    }
    var declared: [String: [GoLiveLink]] = [:]
    for link in plan.goLiveLinks { declared[link.system, default: []].append(link) }
    return plan.systems.map { system in
      if let goLive, let status = system.record(goLive)?.status,
        status == .done || status == .inProgress
      {
        return []
      }
      var waits: [Wait] = []
      for area in system.areas {
        for required in catalog.area(area)?.goLiveAfter ?? []
        where !system.areas.contains(required) {
          waits.append(.area(required, origin: "the catalog has \(area) go live after \(required)"))
        }
      }
      for link in declared[system.id] ?? [] {
        if let other = index[link.after] { waits.append(.system(other, link.location)) }
      }
      return waits
    }
  }

  /// The systems serving each area, in plan order.
  static func serving(_ plan: Plan) -> [String: [Int]] {
    var serving: [String: [Int]] = [:]
    for (position, system) in plan.systems.enumerated() {
      for area in system.areas { serving[area, default: []].append(position) }
    }
    return serving
  }

  /// The go-live links the scheduler will draw, in plan order of the
  /// waiting system: one for each system serving an area waited for.
  /// - Complexity: O(systems × areas + links drawn).
  static func links(_ plan: Plan, catalog: Catalog) -> [Link] {
    let serving = serving(plan)
    var links: [Link] = []
    for (index, waits) in waits(plan, catalog: catalog).enumerated() {
      for wait in waits {
        switch wait {
        case .area(let required, let origin):
          for other in serving[required] ?? [] where other != index {
            links.append(
              Link(
                system: index, after: other, location: plan.systems[index].location,
                origin: origin))
          }
        case .system(let other, let location):
          links.append(
            Link(system: index, after: other, location: location, origin: "<goLiveAfter>"))
        }
      }
    }
    return links
  }

  static func checkCycles(_ plan: Plan, catalog: Catalog, diagnostics: DiagnosticCollector) {
    let waits = waits(plan, catalog: catalog)
    guard waits.contains(where: { !$0.isEmpty }) else { return }
    let serving = serving(plan)
    // Nodes: the systems, then one per area waited for.
    let count = plan.systems.count
    var areaNode: [String: Int] = [:]
    var edges: [(Int, Int)] = []
    for (index, list) in waits.enumerated() {
      for wait in list {
        switch wait {
        case .area(let required, _):
          let node: Int
          if let known = areaNode[required] {
            node = known
          } else {
            node = count + areaNode.count
            areaNode[required] = node
            for other in serving[required] ?? [] { edges.append((node, other)) }
          }
          edges.append((index, node))
        case .system(let other, _):
          edges.append((index, other))
        }
      }
    }
    let components = StronglyConnected.components(
      nodes: count + areaNode.count, edges: edges)
    var members: [Int: [String]] = [:]
    func names(_ component: Int) -> String {
      if let known = members[component] { return known.joined(separator: ", ") }
      let found = plan.systems.indices.filter { components[$0] == component }.map {
        plan.systems[$0].id
      }
      members[component] = found
      return found.joined(separator: ", ")
    }
    func report(_ index: Int, _ other: Int, _ origin: String, _ location: SourceLocation) {
      let component = components[index]
      guard component == components[other] else { return }
      diagnostics.error(
        .goliveCycle,
        "'\(plan.systems[index].id)' goes live after '\(plan.systems[other].id)' "
          + "(\(origin)), which closes a cycle of go-live links among "
          + (index == other ? "itself" : names(component)),
        at: location)
    }
    for (index, list) in waits.enumerated() {
      for wait in list {
        switch wait {
        case .area(let required, let origin):
          guard let node = areaNode[required], components[node] == components[index] else {
            continue
          }
          for other in serving[required] ?? [] where other != index {
            report(index, other, origin, plan.systems[index].location)
          }
        case .system(let other, let location):
          report(index, other, "<goLiveAfter>", location)
        }
      }
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
