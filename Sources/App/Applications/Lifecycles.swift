import TeukguCore

/// Moves a record's lifecycle, answering a forbidden move as a 409 with the lifecycle's stable code.
enum Lifecycles {
    static func move<State: Lifecycle>(_ state: State, _ event: State.Event) throws -> State {
        do {
            return try state.applying(event)
        } catch {
            throw AppError.conflict(error.code, error.description)
        }
    }
}
