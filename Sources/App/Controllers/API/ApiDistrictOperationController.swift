import Fluent
import Foundation
import TeukguCore
import Vapor

/// Districts in operation over JSON.
struct ApiDistrictOperationController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.apiDistrictOperation, use: operation)
        routes.on(Endpoints.apiPlanChange, use: planChange)
        routes.on(Endpoints.apiPlanChangeDecision, use: planChangeDecision)
        routes.on(Endpoints.apiExtension, use: extend)
        routes.on(Endpoints.apiDedesignation, use: dedesignate)
        routes.on(Endpoints.apiSelfEvaluation, use: selfEvaluation)
        routes.on(Endpoints.apiPanelEvaluation, use: panelEvaluation)
    }

    @Sendable func operation(_ request: Request) async throws -> DistrictOperationDTO {
        try await DistrictOperations.view(request.parameters.get("districtID"), request)
    }

    @Sendable func planChange(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(PlanChangeInput.self)
        let (district, operation) = try await DistrictOperations.find(
            request.parameters.get("districtID"), on: request.db)
        try await DistrictOperations.fileChange(
            input, district: district, operation: operation, account: try request.requireAccount(),
            today: request.today, on: request.db)
        return try await DistrictOperations.view(district.id, request).encodeResponse(status: .created, for: request)
    }

    @Sendable func planChangeDecision(_ request: Request) async throws -> DistrictOperationDTO {
        let input = try request.decodeStrictJSON(PlanChangeDecisionInput.self)
        guard let number = request.parameters.get("number").flatMap(Int.init) else {
            throw AppError.notFound("plan change")
        }
        let (district, operation) = try await DistrictOperations.find(
            request.parameters.get("districtID"), on: request.db)
        try await DistrictOperations.decideChange(
            number: number, input, district: district, operation: operation, account: try request.requireAccount(),
            today: request.today, on: request.db)
        return try await DistrictOperations.view(district.id, request)
    }

    @Sendable func extend(_ request: Request) async throws -> DistrictOperationDTO {
        let input = try request.decodeStrictJSON(ExtensionInput.self)
        let (district, operation) = try await DistrictOperations.find(
            request.parameters.get("districtID"), on: request.db)
        try await DistrictOperations.extend(
            input, district: district, operation: operation, account: try request.requireAccount(),
            today: request.today, on: request.db)
        return try await DistrictOperations.view(district.id, request)
    }

    @Sendable func dedesignate(_ request: Request) async throws -> DistrictOperationDTO {
        let input = try request.decodeStrictJSON(DedesignationInput.self)
        let (district, operation) = try await DistrictOperations.find(
            request.parameters.get("districtID"), on: request.db)
        try await DistrictOperations.dedesignate(
            input, district: district, operation: operation, account: try request.requireAccount(), on: request.db)
        return try await DistrictOperations.view(district.id, request)
    }

    @Sendable func selfEvaluation(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(SelfEvaluationInput.self)
        let (district, operation) = try await DistrictOperations.find(
            request.parameters.get("districtID"), on: request.db)
        try await DistrictOperations.selfEvaluate(
            input, district: district, operation: operation, account: try request.requireAccount(),
            today: request.today, on: request.db)
        return try await DistrictOperations.view(district.id, request).encodeResponse(status: .created, for: request)
    }

    @Sendable func panelEvaluation(_ request: Request) async throws -> DistrictOperationDTO {
        let input = try request.decodeStrictJSON(PanelEvaluationInput.self)
        let (district, _) = try await DistrictOperations.find(request.parameters.get("districtID"), on: request.db)
        try await DistrictOperations.panelEvaluate(
            input, district: district, account: try request.requireAccount(), today: request.today, on: request.db)
        return try await DistrictOperations.view(district.id, request)
    }
}
