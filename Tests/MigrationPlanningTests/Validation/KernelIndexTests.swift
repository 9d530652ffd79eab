import Testing

@testable import MigrationPlanning

/// Swift's requirement enums and the C kernel's indices (SheetKernel.h)
/// map one to one.
@Suite struct KernelIndexTests {
  static func oneToOne<T: KernelIndexed>(_: T.Type, count: Int) -> Bool {
    let indices = T.allCases.map(\.kernelIndex)
    return Set(indices).count == T.allCases.count && indices.allSatisfy { (0..<count).contains($0) }
      && T.allCases.count == count
  }

  @Test func everyCaseHasItsOwnKernelIndex() {
    #expect(Self.oneToOne(RequirementKind.self, count: kernelKinds))
    #expect(Self.oneToOne(RequirementClass.self, count: kernelClasses))
    #expect(Self.oneToOne(RequirementStatus.self, count: kernelStatuses))
  }
}
