/// The vendors' spec sheets, and how a plan's vendors and systems resolve
/// to them: a plan vendor matches the sheet whose official name is the same
/// company (`NameKey.sameCompany`).
public struct VendorDirectory: Sendable {
  /// In file-name order; for a product in several sheets of one vendor, the
  /// newest `issued` wins.
  public let sheets: [SpecSheet]
  /// The sheets by company name (`NameKey.company`, without the legal
  /// form): indices into `sheets`, ascending, with each sheet's form.
  private let byCompany: [String: [(index: Int, form: String?)]]

  /// - Complexity: O(products), and one name normalisation per sheet.
  public init(sheets: [SpecSheet]) {
    let companies = sheets.map { NameKey.company($0.vendorName) }
    // A newer sheet supersedes an older one for the same product.
    var newest: [String: CivilDate] = [:]
    for (sheet, company) in zip(sheets, companies) {
      let key = NameKey.key(company)
      for product in sheet.products {
        if let date = newest[key + "/" + product.id], date >= sheet.issued { continue }
        newest[key + "/" + product.id] = sheet.issued
      }
    }
    self.sheets = zip(sheets, companies).map { sheet, company in
      let key = NameKey.key(company)
      var kept = sheet
      kept.products = sheet.products.filter { newest[key + "/" + $0.id] == sheet.issued }
      return kept
    }
    var byCompany: [String: [(index: Int, form: String?)]] = [:]
    for (index, company) in companies.enumerated() {
      byCompany[company.name, default: []].append((index, company.form))
    }
    self.byCompany = byCompany
  }

  /// No sheets.
  public static let empty = VendorDirectory(sheets: [])

  /// The sheets of a vendor, by its official name: the same company
  /// (`NameKey.sameCompany`), in file-name order.
  /// - Complexity: one name normalisation and a dictionary lookup.
  public func sheets(forVendorNamed name: String) -> [SpecSheet] {
    let company = NameKey.company(name)
    return (byCompany[company.name] ?? []).filter {
      $0.form == company.form || $0.form == nil || company.form == nil
    }.map { sheets[$0.index] }
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
    guard let vendorId = system.expectedVendor,
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
