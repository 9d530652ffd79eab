/// Which resource a schedule holds: a municipality's staff, or a vendor's
/// migration teams (the vendor's, or one product's from its spec sheet).
/// The one place that writes and reads a resource's id, the string JSON,
/// CSV and the causes carry: `staff` (one plan), `staff:品川区` (a
/// portfolio), `vendor:fujitsu-japan`, `vendor:fujitsu-japan/fj-zeimu`.
public enum ResourceKey: Hashable, Sendable {
  /// The staff of one plan (`municipality` nil), or of a municipality of
  /// a portfolio.
  case staff(municipality: String?)
  /// A vendor's teams (`product` nil), or those of one of its products.
  case vendor(id: String, product: String?)

  /// The key an id spells, or nil when it spells none.
  public init?(id: String) {
    if id == "staff" {
      self = .staff(municipality: nil)
    } else if id.hasPrefix(Self.staffPrefix), id.count > Self.staffPrefix.count {
      self = .staff(municipality: String(id.dropFirst(Self.staffPrefix.count)))
    } else if id.hasPrefix(Self.vendorPrefix), id.count > Self.vendorPrefix.count {
      let parts = id.dropFirst(Self.vendorPrefix.count).split(
        separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
      guard !parts[0].isEmpty, parts.count == 1 || !parts[1].isEmpty else { return nil }
      self = .vendor(id: String(parts[0]), product: parts.count > 1 ? String(parts[1]) : nil)
    } else {
      return nil
    }
  }

  private static let staffPrefix = "staff:"
  private static let vendorPrefix = "vendor:"

  /// The id outputs carry.
  public var id: String {
    switch self {
    case .staff(nil): "staff"
    case .staff(let municipality?): Self.staffPrefix + municipality
    case .vendor(let vendor, nil): Self.vendorPrefix + vendor
    case .vendor(let vendor, let product?): Self.vendorPrefix + vendor + "/" + product
    }
  }

  /// Whether it is a municipality's staff.
  public var isStaff: Bool {
    if case .staff = self { true } else { false }
  }

  /// The vendor's id, for a vendor's teams.
  public var vendorId: String? {
    if case .vendor(let vendor, _) = self { vendor } else { nil }
  }

  /// The product's id, for one product's teams.
  public var productId: String? {
    if case .vendor(_, let product) = self { product } else { nil }
  }

  /// Whether the resource `id` spells is a municipality's staff.
  public static func isStaff(_ id: String) -> Bool { ResourceKey(id: id)?.isStaff == true }
}
