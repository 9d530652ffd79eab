/// `migplan specs`: per product of each sheet, what it covers and how far
/// it implements each kind and class of requirement. Format-neutral.
public struct SpecsReport: Sendable {
  public struct AreaVersion: Sendable {
    public var area: String
    public var specVersion: String
    /// Older than the version the catalog names for the area.
    public var older: Bool
  }

  public struct Product: Sendable {
    public var vendor: String
    public var vendorName: String
    public var product: String
    public var name: String?
    public var release: String?
    public var issued: CivilDate
    public var file: String
    public var areas: [AreaVersion]
    public var clouds: [CloudProvider]
    public var capacity: Int?
    public var earliestStart: CivilDate?
    public var counts: RequirementCounts
  }

  public var products: [Product]

  public init(sheets: [SpecSheet], catalog: Catalog) {
    products = sheets.flatMap { sheet in
      sheet.products.map { product in
        Product(
          vendor: sheet.vendorId, vendorName: sheet.vendorName, product: product.id,
          name: product.name, release: product.release, issued: sheet.issued, file: sheet.path,
          areas: product.covers.map { cover in
            let target = catalog.area(cover.area)?.specVersion
            return AreaVersion(
              area: cover.area, specVersion: cover.specVersion,
              older: target.map { SpecSheetReader.isOlder(cover.specVersion, than: $0) } ?? false)
          },
          clouds: product.clouds, capacity: product.capacity, earliestStart: product.earliestStart,
          counts: product.counts)
      }
    }
  }

  /// The flat table of text and CSV: one row per product × kind × class.
  public var header: [String] {
    ["vendor", "product", "areas", "clouds", "capacity", "kind", "class"]
      + RequirementStatus.allCases.map(\.rawValue)
  }

  /// Rows; with `repeatProduct` false, the product's cells stand only on its
  /// first row (text), else on every row (CSV).
  public func rows(repeatProduct: Bool) -> [[String]] {
    var rows: [[String]] = []
    for product in products {
      var first = true
      for kind in RequirementKind.allCases {
        for requirementClass in RequirementClass.allCases {
          let described = first || repeatProduct
          var row: [String] = [
            described ? product.vendor : "",
            described ? product.product : "",
            described
              ? product.areas.map { "\($0.area) \($0.specVersion)\($0.older ? " (old)" : "")" }
                .joined(separator: ";") : "",
            described ? product.clouds.map(\.rawValue).joined(separator: ";") : "",
            described ? product.capacity.map(String.init) ?? "" : "",
            kind.rawValue, requirementClass.rawValue,
          ]
          row += RequirementStatus.allCases.map {
            String(product.counts[kind, requirementClass, $0])
          }
          rows.append(row)
          first = false
        }
      }
    }
    return rows
  }

  /// The documented JSON (docs/reference/specs.md).
  public var json: JSONValue {
    .object([
      (
        "products",
        .array(
          products.map { product in
            var counts: [(String, JSONValue)] = []
            for kind in RequirementKind.allCases {
              var classes: [(String, JSONValue)] = []
              for requirementClass in RequirementClass.allCases {
                classes.append(
                  (
                    requirementClass.rawValue,
                    .object(
                      RequirementStatus.allCases.map {
                        ($0.rawValue, .int(product.counts[kind, requirementClass, $0]))
                      })
                  ))
              }
              counts.append((kind.rawValue, .object(classes)))
            }
            return .object([
              ("vendor", .string(product.vendor)),
              ("vendorName", .string(product.vendorName)),
              ("product", .string(product.product)),
              ("name", product.name.map { .string($0) } ?? .null),
              ("release", product.release.map { .string($0) } ?? .null),
              ("issued", .string(product.issued.iso)),
              ("file", .string(product.file)),
              (
                "areas",
                .array(
                  product.areas.map {
                    .object([
                      ("id", .string($0.area)), ("specVersion", .string($0.specVersion)),
                      ("olderThanCatalog", .bool($0.older)),
                    ])
                  })
              ),
              ("clouds", .array(product.clouds.map { .string($0.rawValue) })),
              ("capacity", product.capacity.map { .int($0) } ?? .null),
              ("earliestStart", product.earliestStart.map { .string($0.iso) } ?? .null),
              ("counts", .object(counts)),
            ])
          })
      )
    ])
  }
}
