/// The vendors' spec sheets, and how a plan's vendors and systems resolve
/// to them: a plan vendor matches the sheet whose official name is the same
/// company (`NameKey.sameCompany`).
public struct VendorDirectory: Sendable {
  /// In file-name order; for a product in several sheets of one vendor, the
  /// newest `issued` wins.
  public var sheets: [SpecSheet]

  public init(sheets: [SpecSheet]) {
    // A newer sheet supersedes an older one for the same product.
    var newest: [String: CivilDate] = [:]
    for sheet in sheets {
      for product in sheet.products {
        let key = NameKey.normalize(sheet.vendorName) + "/" + product.id
        if let date = newest[key], date >= sheet.issued { continue }
        newest[key] = sheet.issued
      }
    }
    self.sheets = sheets.map { sheet in
      var kept = sheet
      kept.products = sheet.products.filter {
        newest[NameKey.normalize(sheet.vendorName) + "/" + $0.id] == sheet.issued
      }
      return kept
    }
  }

  public static let empty = VendorDirectory(sheets: [])

  /// The sheets of a vendor, by its official name.
  public func sheets(forVendorNamed name: String) -> [SpecSheet] {
    sheets.filter { NameKey.sameCompany($0.vendorName, name) }
  }

  /// Every product of a vendor, by its official name.
  public func products(forVendorNamed name: String) -> [(sheet: SpecSheet, product: SpecProduct)] {
    sheets(forVendorNamed: name).flatMap { sheet in sheet.products.map { (sheet, $0) } }
  }

  /// The product a system will run: its `product` when the plan names one,
  /// else the vendor's product covering most of its areas (ties: sheet order).
  public func product(for system: LocalSystem, plan: Plan) -> (
    sheet: SpecSheet, product: SpecProduct
  )? {
    guard let vendorId = system.vendor ?? system.respondents.first,
      let vendor = plan.vendor(vendorId)
    else { return nil }
    let candidates = products(forVendorNamed: vendor.name)
    if let named = system.product {
      return candidates.first { $0.product.id == named }
    }
    var best: (sheet: SpecSheet, product: SpecProduct)?
    var bestCount = 0
    for candidate in candidates {
      let count = system.areas.filter { candidate.product.covers($0) }.count
      if count > bestCount {
        best = candidate
        bestCount = count
      }
    }
    return best
  }
}
