import XCTest
@testable import Hanke

/// The glue only, as in the Kotlin tests: records, errors, dates (ISO strings in
/// Swift), object lifetimes. Not run here: this machine has no Swift toolchain.
final class HankeTests: XCTestCase {
    let entry = [
        Answer(question: "entry_date", value: "2024-03-01"),
        Answer(question: "birth_date", value: "1990-05-05"),
        Answer(question: "gender", value: "non_binary"),
        Answer(question: "labour_status", value: "inactive"),
        Answer(question: "education", value: "3"),
    ]

    func testMoney() throws {
        let m = try parseMoney(text: "89 660,50 €")
        XCTAssertEqual(m.cents, 8_966_050)
        XCTAssertThrowsError(try parseMoney(text: "1.505")) { error in
            // One case per error family, its code an enum to switch over.
            guard case let HankeError.Money(code, key, _) = error else { return XCTFail() }
            XCTAssertEqual(code, .moneySubCent)
            XCTAssertEqual(key, "money.sub_cent")
        }
    }

    func testQuestionnaireFollowsThePeriod() throws {
        let q = try questionnaire(period: .period2021To2027, kind: .entry)
        guard case let .choice(choices) = q.first(where: { $0.id == "gender" })!.kind else { return XCTFail() }
        XCTAssertEqual(choices.map { $0.code }, ["woman", "man", "non_binary"])
    }

    func testAnswers() throws {
        guard case .accepted = try answerEntry(period: .period2021To2027, participantId: "P-1", answers: entry) else {
            return XCTFail()
        }
        guard case let .rejected(errors) = try answerEntry(period: .period2014To2020, participantId: "P-1", answers: entry) else {
            return XCTFail()
        }
        XCTAssertTrue(errors.contains { $0.question == "gender" && !$0.messageSv.isEmpty })
    }

    func testAFamilyIsCaughtByItsCase() throws {
        XCTAssertThrowsError(try questionnaire(period: .period2007To2013, kind: .entry)) { error in
            guard case let HankeError.Choice(code, _, _) = error else { return XCTFail() }
            XCTAssertEqual(code, .rulebookNoParticipantRules)
        }
    }

    func testAttendance() throws {
        let log = ActivityRecorder()
        let i = try log.addNamed(date: "2024-05-03", kind: .coaching)
        try log.recordAttendance(index: i, participantId: "P-1")
        try log.recordAttendance(index: i, participantId: "P-1")
        XCTAssertEqual(try log.attendance(index: i), 1)
    }

    /// The same-field case of tests/vectors/merges.json (Rust, Python and Kotlin
    /// run them all): both values come back, nothing is chosen. Not run here.
    func testMergeListsAConflictWithBothValues() throws {
        let ancestor = try ParticipantRecord.capture(
            period: .period2021To2027, recordId: "SYNC-003", answers: entry,
            stamp: ChangeStamp(at: "2024-01-10T08:00:00Z", by: "device:phone-a"))
        let local = try ParticipantRecord.fromJson(json: try ancestor.toJson())
        _ = try local.edit(answers: [Answer(question: "gender", value: "woman")],
                           stamp: ChangeStamp(at: "2024-01-12T09:00:00Z", by: "device:phone-a"))
        let remote = try ParticipantRecord.fromJson(json: try ancestor.toJson())
        _ = try remote.edit(answers: [Answer(question: "gender", value: "man")],
                            stamp: ChangeStamp(at: "2024-01-12T11:00:00Z", by: "role:participant"))
        let merge = try mergeRecords(ancestor: ancestor, local: local, remote: remote)
        guard case let .field(field, _, l, r) = try merge.conflicts().first! else { return XCTFail() }
        XCTAssertEqual([field, l, r], ["gender", "woman", "man"])
        XCTAssertThrowsError(try merge.record()) { error in
            guard case let HankeError.Participant(code, _, _) = error else { return XCTFail() }
            XCTAssertEqual(code, .syncUnresolved)
        }
    }
}
