/// Every named segment a route path may have. Links take their values by these names, so a typo is a
/// compile error; `Endpoint` checks at start-up that each path names only these, and `link` refuses
/// to build a path with a segment missing (see `Endpoint.link`).
enum PathParameter: String, CaseIterable, Sendable {
    case accountID
    case agreementID
    case applicationID
    case assignmentID
    case callID
    case caseID
    case claimID
    case clawbackID
    case companyID
    case dataset
    case date
    case decisionID
    case district
    case districtID
    case documentID
    case entryID
    case jobID
    case key
    case number
    case outcomeID
    case panelID
    case procedureID
    case reallocationID
    case spendingID
    case token
    case tokenID
    case trackID
    case versionID
}
