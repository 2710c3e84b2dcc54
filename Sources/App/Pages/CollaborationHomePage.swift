import Foundation

/// The collaboration programme: its calls, and the partners' tracks by year with their places.
struct CollaborationHomePage: Encodable {
    struct YearGroup: Encodable {
        let year: Int
        let tracks: [CollaborationPagesController.TrackRow]
        let places: Int
    }

    let calls: [CollaborationPagesController.CallRow]
    let years: [YearGroup]
}
