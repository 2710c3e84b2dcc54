import TeukguCore

/// The menu for each role: what each kind of user comes to do.
enum Navigation {
    static func items(for role: Role?, signedIn: Bool, language: String, currentPath: String) -> [LayoutContext.NavItem]
    {
        var entries: [(String, String)] = []
        if signedIn {
            entries.append(("nav.home", Endpoints.home.link()))
            if role?.isMinistry == true {
                entries.append(("portal.dashboard", Endpoints.ministryDashboard.link()))
            }
            if let role, Access.searchers.permits(role) {
                entries.append(("portal.search", Endpoints.searchPage.link()))
            }
            entries.append(("nav.messages", Endpoints.messagesPage.link()))
            entries.append(("nav.documents", Endpoints.documentsPage.link()))
        } else {
            entries.append(("nav.home", Endpoints.landing.link()))
        }
        entries.append(("nav.regulation", Endpoints.regulationHome.link()))
        entries.append(("nav.districts", Endpoints.districtsPage.link()))
        entries.append(("nav.designation", Endpoints.designationHome.link()))
        entries.append(("nav.collaboration", Endpoints.collaborationHome.link()))
        if role == .companyMember {
            entries.append(("nav.profile", Endpoints.profilePage.link()))
        }
        if let role, Access.sandboxParties.permits(role) {
            entries.append(("nav.sandbox", Endpoints.sandboxHome.link()))
        }
        if let role, Access.grantParties.permits(role) {
            entries.append(("nav.grants", Endpoints.grantsHome.link()))
        }
        if let role, Access.procedureReaders.permits(role) {
            entries.append(("nav.procedures", Endpoints.proceduresPage.link()))
        }
        if let role, Access.evaluators.permits(role) {
            entries.append(("nav.assignments", Endpoints.assignmentsPage.link()))
        }
        entries.append(("nav.deadline", Endpoints.deadlinePage.link()))
        entries.append(("nav.parameters", Endpoints.parametersPage.link()))
        entries.append(("nav.holidays", Endpoints.holidaysPage.link()))
        if !signedIn {
            entries.append(("portal.openData", Endpoints.openDataPage.link()))
        }
        if role?.isMinistry == true {
            entries.append(("nav.decisionLog", Endpoints.decisionLogPage.link()))
            entries.append(("nav.statistics", Endpoints.statisticsPage.link()))
            entries.append(("nav.rulebooks", Endpoints.rulebooksPage.link()))
        }
        if role == .ministryAdmin {
            entries.append(("nav.users", Endpoints.adminUsersPage.link()))
            entries.append(("nav.audit", Endpoints.adminAuditPage.link()))
        }
        if signedIn {
            entries.append(("nav.account", Endpoints.accountPage.link()))
        }
        return entries.map { key, href in
            LayoutContext.NavItem(label: Strings.text(key, language), href: href, current: href == currentPath)
        }
    }
}
