import Vapor

extension Access {
    /// Staff who look records up: the ministry, regions, operating organisations and partners.
    static let searchers = Access.roles([
        .ministryAdmin, .ministryOfficer, .regionalOfficial, .operatingOrganisationStaff, .partnerStaff,
    ])
}

extension Endpoints {
    static let openDataPage = Endpoint(.GET, "/open-data", .anyone, .publicData, "Open data: every dataset")
    static let openDataSchemaPage = Endpoint(
        .GET, "/open-data/:dataset", .anyone, .publicData, "A dataset's columns, types and licence")
    static let openDataJSON = Endpoint(
        .GET, "/open-data/:dataset/data.json", .anyone, .publicData, "A dataset as JSON (ETag, Last-Modified)")
    static let openDataCSV = Endpoint(
        .GET, "/open-data/:dataset/data.csv", .anyone, .publicData, "A dataset as CSV (ETag, Last-Modified)")
    static let collaborationResultsPage = Endpoint(
        .GET, "/collaboration/results", .anyone, .publicData,
        "The collaboration programme by year and track: partners, startups selected, amounts awarded")
    static let sandboxStatisticsPage = Endpoint(
        .GET, "/sandbox/statistics", .anyone, .publicData, "Sandbox cases counted by type and outcome")
    static let ministryDashboard = Endpoint(
        .GET, "/ministry/dashboard", .ministry, .everything,
        "Applications, deadlines, budgets and district targets at a glance")
    static let searchPage = Endpoint(
        .GET, "/search", .searchers, .boundRecords,
        "Find records by name, business registration number or receipt number")

    static let apiSearch = Endpoint(
        .GET, "/api/v1/search", .searchers, .boundRecords,
        "Records the caller may see matching ?q= (name, business registration number or receipt number)")

    static let portal: [Endpoint] = [
        openDataPage, openDataSchemaPage, openDataJSON, openDataCSV, collaborationResultsPage, sandboxStatisticsPage,
        ministryDashboard, searchPage, apiSearch,
    ]
}
