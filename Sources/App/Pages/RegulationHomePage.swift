import Foundation

/// "May I do this here?": every district with a rulebook, each with its negative list and its check.
struct RegulationHomePage: Encodable {
    let districts: [RegulationPagesController.DistrictLink]
}
