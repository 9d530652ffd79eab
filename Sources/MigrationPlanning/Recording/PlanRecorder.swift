/// One step's new state, as `migplan record` or a PMO sheet gives it.
public struct StepChange: Sendable, Hashable {
  /// The system's id.
  public var system: String
  /// The step's id.
  public var step: String
  /// The status to record.
  public var status: StepStatus
  /// The first day, when known.
  public var start: CivilDate?
  /// Exclusive, as in the plan file (the day after the last working day).
  public var end: CivilDate?
  /// The dates were laid by migplan (a range, or a sheet without dates).
  public var datesAssumed: Bool

  /// A change of one step.
  public init(
    system: String, step: String, status: StepStatus, start: CivilDate? = nil,
    end: CivilDate? = nil, datesAssumed: Bool = false
  ) {
    self.system = system
    self.step = step
    self.status = status
    self.start = start
    self.end = end
    self.datesAssumed = datesAssumed
  }
}

/// A change to a plan file that `migplan record` makes.
public enum PlanChange: Sendable, Hashable {
  case step(StepChange)
  /// The plan's status date (`asOf`).
  case asOf(CivilDate)
  /// The day of the last record (`recorded`).
  case recorded(CivilDate)
  /// A system's 特定移行支援 deadline, or none (not 特定移行支援 at all).
  case tokuteiDeadline(system: String, CivilDate?)
  /// A system listed as 特定移行支援 (true; its deadline, if any, kept) or
  /// not (false: its deadline removed too).
  case tokuteiListed(system: String, Bool)
  case staffCapacity(Int)
  /// A plan vendor's capacity, by vendor id.
  case vendorCapacity(vendor: String, Int)
}

/// Writes changes into a plan's text, touching only the elements they
/// concern: a changed attribute is replaced in place, a new step element is
/// inserted among its system's steps in template order with their
/// indentation, and a value that was an assumption loses its marker.
public enum PlanRecorder {
  /// The new text of the plan. Changes name systems, steps and vendors that
  /// exist (the caller resolved them against the plan).
  /// - Complexity: O(n + c·k) for a file of n bytes, c changes, k elements.
  public static func apply(_ changes: [PlanChange], to source: PlanSource, template: StepTemplate)
    -> [UInt8]
  {
    guard let root = source.root else { return source.bytes }
    var edits = PlanTextEdits()
    let newline = source.newline
    // The last change of a kind wins.
    var rootValues: [String: String] = [:]
    var staff: Int?
    var vendorCapacities: [String: Int] = [:]
    var tokutei: [String: CivilDate?] = [:]
    var listed: [String: Bool] = [:]
    var steps: [String: [String: StepChange]] = [:]
    var systemOrder: [String] = []
    for change in changes {
      switch change {
      case .asOf(let date): rootValues["asOf"] = date.iso
      case .recorded(let date): rootValues["recorded"] = date.iso
      case .staffCapacity(let value): staff = value
      case .vendorCapacity(let vendor, let value): vendorCapacities[vendor] = value
      case .tokuteiDeadline(let system, let date):
        tokutei[system] = date
        listed[system] = nil
      case .tokuteiListed(let system, let isListed):
        listed[system] = isListed
        if !isListed { tokutei[system] = .some(nil) }
      case .step(let change):
        if steps[change.system] == nil { systemOrder.append(change.system) }
        steps[change.system, default: [:]][change.step] = change
      }
    }
    for name in ["asOf", "recorded"] {
      if let value = rootValues[name] { edits.set(name, to: value, on: root) }
    }
    if let staff, let index = source.children(of: 0, named: "staff").first {
      let element = source.elements[index]
      edits.set("capacity", to: String(staff), on: element)
      dropAssumption(["capacity"], from: element, edits: &edits)
    }
    for index in source.children(of: 0, named: "vendor") {
      let element = source.elements[index]
      guard let id = element.attribute("id")?.value, let capacity = vendorCapacities[id] else {
        continue
      }
      edits.set("capacity", to: String(capacity), on: element)
      dropAssumption(["capacity"], from: element, edits: &edits)
    }
    let order = Dictionary(
      template.steps.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { a, _ in a }
    )
    for index in source.children(of: 0, named: "system") {
      let system = source.elements[index]
      guard let id = system.attribute("id")?.value else { continue }
      if let deadline = tokutei[id] {
        // A deadline says 特定移行支援 by itself; none, not at all.
        if listed[id] != true { edits.remove("tokutei", from: system) }
        if let deadline {
          edits.set("tokuteiDeadline", to: deadline.iso, on: system)
        } else {
          edits.remove("tokuteiDeadline", from: system)
        }
      }
      if listed[id] == true && system.attribute("tokuteiDeadline") == nil {
        edits.set("tokutei", to: "true", on: system)
      }
      guard let changes = steps[id] else { continue }
      applySteps(
        changes, to: index, in: source, order: order, newline: newline, edits: &edits)
    }
    return edits.applied(to: source.bytes)
  }

  /// A system's step changes: a step it has is updated in place; a new
  /// one is inserted among its steps in template order, with their
  /// indentation.
  static func applySteps(
    _ changes: [String: StepChange], to index: Int, in source: PlanSource,
    order: [String: Int], newline: String, edits: inout PlanTextEdits
  ) {
    let system = source.elements[index]
    let existing = source.children(of: index, named: "step")
    var byRef: [String: Int] = [:]
    for child in existing {
      if let ref = source.elements[child].attribute("ref")?.value { byRef[ref] = child }
    }
    let indent =
      existing.first.map(source.indentation(of:))
      ?? source.elements[index].children.first.map(source.indentation(of:)) ?? "    "
    var inserted: [(position: Int, before: Bool, order: Int, text: String)] = []
    for change in changes.values {
      if let child = byRef[change.step] {
        update(source.elements[child], to: change, edits: &edits)
        continue
      }
      let text = element(change, prefix: system.planPrefix ?? "")
      let rank = order[change.step] ?? Int.max
      // Before the first later step, else after the last step, else
      // after the system's last child.
      let later = existing.first { child in
        (source.elements[child].attribute("ref").flatMap { order[$0.value] } ?? -1) > rank
      }
      if let later {
        inserted.append((source.elements[later].whole.lowerBound, true, rank, text))
      } else if let last = existing.last ?? source.elements[index].children.last {
        inserted.append((source.elements[last].whole.upperBound, false, rank, text))
      }
    }
    for item in inserted.sorted(by: { ($0.position, $0.order) < ($1.position, $1.order) }) {
      edits.insert(
        item.before ? text(item.text, then: newline + indent) : newline + indent + item.text,
        at: item.position)
    }
  }

  private static func text(_ element: String, then separator: String) -> String {
    element + separator
  }

  /// Changes an existing step element's status, dates and `assumed` list
  /// and nothing else: its other attributes (foreign ones included), their
  /// order and the white space between them stay as written.
  static func update(
    _ step: PlanSource.Element, to change: StepChange, edits: inout PlanTextEdits
  ) {
    edits.set("status", to: change.status.rawValue, on: step)
    for (name, date) in [("start", change.start), ("end", change.end)] {
      if let date {
        edits.set(name, to: date.iso, on: step)
      } else {
        edits.remove(name, from: step)
      }
    }
    let assumed = assumedList(change)
    if assumed.isEmpty {
      edits.remove("assumed", from: step)
    } else {
      edits.set("assumed", to: assumed.joined(separator: " "), on: step)
    }
  }

  static func assumedList(_ change: StepChange) -> [String] {
    guard change.datesAssumed else { return [] }
    return [change.start.map { _ in "start" }, change.end.map { _ in "end" }].compactMap { $0 }
  }

  /// `<step ref="…" status="…" start="…" end="…" assumed="start end"/>`
  static func element(_ change: StepChange, prefix: String) -> String {
    var text = "<\(prefix)step ref=\"\(change.step)\" status=\"\(change.status.rawValue)\""
    if let start = change.start { text += " start=\"\(start.iso)\"" }
    if let end = change.end { text += " end=\"\(end.iso)\"" }
    let assumed = assumedList(change)
    if !assumed.isEmpty { text += " assumed=\"\(assumed.joined(separator: " "))\"" }
    return text + "/>"
  }

  /// Removes names from an element's `assumed` list (the attribute goes
  /// when the list is empty).
  static func dropAssumption(
    _ names: Set<String>, from element: PlanSource.Element, edits: inout PlanTextEdits
  ) {
    guard let assumed = element.attribute("assumed") else { return }
    let kept = assumed.value.split(separator: " ").map(String.init).filter {
      !names.contains($0)
    }
    if kept.isEmpty {
      edits.remove("assumed", from: element)
    } else {
      edits.set("assumed", to: kept.joined(separator: " "), on: element)
    }
  }
}
