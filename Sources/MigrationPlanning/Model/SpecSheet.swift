/// A requirement's class in a standard specification.
public enum RequirementClass: String, Sendable, CaseIterable {
  /// 実装必須機能
  case mandatory
  /// 標準オプション機能
  case optional
  /// 実装不可機能: must not be built.
  case prohibited
}

/// Where a vendor's product stands on a requirement.
public enum RequirementStatus: String, Sendable, CaseIterable {
  case implemented
  /// Will be implemented by its date.
  case planned
  /// Implemented only after go-live under the transitional measure (経過措置).
  case deferred
  case notImplemented = "not-implemented"
}

/// Function requirement (機能要件) or form requirement (帳票要件).
public enum RequirementKind: String, Sendable, CaseIterable {
  case function, form
}

/// Government Cloud providers.
public enum CloudProvider: String, Sendable, CaseIterable {
  case aws, gcp, azure, oci, sakura
}

/// One requirement the planner needs to remember individually: mandatory
/// ones not yet implemented, and deferred ones (to be notified).
public struct RequirementNote: Hashable, Sendable {
  /// Function or form.
  public var kind: RequirementKind
  /// Its id in the sheet.
  public var id: String
  /// The area it belongs to.
  public var area: String
  /// Mandatory, optional or prohibited.
  public var requirementClass: RequirementClass
  /// Implemented, planned, deferred or not implemented.
  public var status: RequirementStatus
  /// When it will be implemented (planned or deferred).
  public var date: CivilDate?
}

/// Counts of requirements by kind × class × status.
public struct RequirementCounts: Hashable, Sendable {
  private var values = Array(repeating: 0, count: 2 * 3 * 4)

  /// No requirements counted.
  public init() {}

  /// Where a count is kept: Swift's own layout, independent of the C
  /// kernel's (which hands its counts over case by case).
  static func slot(_ kind: RequirementKind, _ c: RequirementClass, _ s: RequirementStatus) -> Int {
    let k = kind == .function ? 0 : 1
    let ci: Int
    switch c {
    case .mandatory: ci = 0
    case .optional: ci = 1
    case .prohibited: ci = 2
    }
    let si: Int
    switch s {
    case .implemented: si = 0
    case .planned: si = 1
    case .deferred: si = 2
    case .notImplemented: si = 3
    }
    return (k * 3 + ci) * 4 + si
  }

  /// The count of one kind, class and status.
  public subscript(kind: RequirementKind, requirementClass: RequirementClass,
    status: RequirementStatus
  )
    -> Int
  {
    get { values[Self.slot(kind, requirementClass, status)] }
    set { values[Self.slot(kind, requirementClass, status)] = newValue }
  }

  /// Every requirement of `kind`.
  public func total(_ kind: RequirementKind) -> Int {
    var sum = 0
    for c in RequirementClass.allCases {
      for s in RequirementStatus.allCases { sum += self[kind, c, s] }
    }
    return sum
  }
}

/// One product (標準準拠システム) of a vendor's sheet.
public struct SpecProduct: Sendable {
  /// The product's id in the sheet.
  public var id: String
  /// Its release, when given.
  public var release: String?
  /// Its name, when given.
  public var name: String?
  /// (area id, specification version), in sheet order.
  public var covers: [(area: String, specVersion: String)]
  /// The clouds it runs on.
  public var clouds: [CloudProvider]
  /// Migrations of this product the vendor can run at once; nil when the
  /// sheet gives none.
  public var capacity: Int?
  /// The earliest day the vendor can start a migration, when given.
  public var earliestStart: CivilDate?
  /// Its functions and forms by kind, class and status.
  public var counts: RequirementCounts
  /// Mandatory requirements not implemented, and deferred ones.
  public var notes: [RequirementNote]
  /// Where the sheet declares it.
  public var location: SourceLocation

  /// Whether the product covers `area`.
  public func covers(_ area: String) -> Bool { covers.contains { $0.area == area } }
}

/// A vendor's answer to the RFI: one spec sheet file.
public struct SpecSheet: Sendable {
  /// The sheet's path.
  public var path: String
  /// Its issue date.
  public var issued: CivilDate
  /// The vendor's id in the sheet.
  public var vendorId: String
  /// The official (Japanese) name.
  public var vendorName: String
  /// The vendor's names in other languages.
  public var otherNames: [(language: String, name: String)]
  /// Its products, in sheet order.
  public var products: [SpecProduct]
}
