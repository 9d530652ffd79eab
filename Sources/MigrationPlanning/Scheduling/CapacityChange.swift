/// A what-if on a vendor's capacity (`--vendor-capacity VENDOR=N` or
/// `VENDOR=+N`): the new absolute capacity of the vendor's shared
/// resource, or a number of units added to it. A vendor whose products
/// each have their own capacity (one spec sheet per product) has one
/// resource per product: the change applies to each of them.
public struct CapacityChange: Sendable, Hashable {
  /// The vendor's id or official name, as given.
  public var vendor: String
  /// The new capacity, or the units added.
  public var value: Int
  /// Whether `value` is added (`+N`) rather than set (`N`).
  public var relative: Bool

  /// A change of `vendor`'s capacity.
  public init(vendor: String, value: Int, relative: Bool) {
    self.vendor = vendor
    self.value = value
    self.relative = relative
  }

  /// `VENDOR=N` or `VENDOR=+N`; nil when the text is neither.
  public init?(argument: String) {
    guard let equals = argument.lastIndex(of: "=") else { return nil }
    let vendor = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
    var number = String(argument[argument.index(after: equals)...])
    let relative = number.hasPrefix("+")
    if relative { number.removeFirst() }
    // A capacity of 0 would leave the vendor's steps nowhere to go.
    guard !vendor.isEmpty, let value = Int(number), value >= (relative ? 0 : 1),
      value <= 100_000
    else {
      return nil
    }
    self.init(vendor: vendor, value: value, relative: relative)
  }

  /// The change as the command line gives it: `fujitsu-japan=+2`.
  public var argument: String { "\(vendor)=\(relative ? "+" : "")\(value)" }

  /// The resources of `model` this change applies to: vendor resources
  /// (`vendor:ID` or `vendor:ID/PRODUCT`) whose vendor id, or whose
  /// vendor's official name in any plan, is `vendor`.
  func resources(in model: ProblemModel) -> [Int] {
    let wanted = NameKey.normalize(vendor)
    var names: [String: Set<String>] = [:]
    for plan in model.plans {
      for known in plan.vendors {
        names[known.id, default: []].insert(NameKey.normalize(known.name))
      }
    }
    return model.resources.indices.filter { index in
      let id = model.resources[index].id
      guard let key = ResourceKey(id: id)?.vendorId else { return false }
      return key == vendor || NameKey.normalize(key) == wanted
        || names[key]?.contains(wanted) == true
    }
  }

  /// Applies the changes to `model`; returns the changes that matched no
  /// resource.
  static func apply(_ changes: [CapacityChange], to model: inout ProblemModel) -> [CapacityChange] {
    var unmatched: [CapacityChange] = []
    for change in changes {
      let matched = change.resources(in: model)
      if matched.isEmpty { unmatched.append(change) }
      for index in matched {
        let capacity =
          change.relative ? model.problem.capacities[index] + change.value : change.value
        model.problem.capacities[index] = capacity
        model.resources[index].capacity = capacity
      }
    }
    return unmatched
  }
}
