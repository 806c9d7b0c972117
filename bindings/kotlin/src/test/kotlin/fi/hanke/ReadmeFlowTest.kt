package fi.hanke

import org.junit.jupiter.api.Test

/**
 * The README's mobile flow, verbatim: the block between the markers is the
 * README's Kotlin block (crates/hanke-checks/tests/readme.rs keeps them equal).
 */
class ReadmeFlowTest {
    @Test
    fun captureValidatePseudonymiseMergeSync() {
        // readme-flow:start
        val period = ProgrammePeriod.PERIOD2021_TO2027
        val answers = listOf(
            Answer("entry_date", "2024-03-01"),
            Answer("identity_code", "010190-901R"), // synthetic: individual number 901
            Answer("birth_date", "1990-01-01"),
            Answer("gender", "woman"),
            Answer("labour_status", "inactive"),
            Answer("education", "3"),
        )
        val recordId = "4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a99" // a random UUID's 32 hex digits
        val secret = "0123456789abcdef-test-secret".toByteArray() // the app's own, from its keystore

        Pseudonymiser(secret).use { keys ->
            // Validate: per-question errors before anything is stored.
            when (val checked = answerEntry(period, recordId, answers, keys)) {
                is FormResult.Rejected -> error(checked.errors.joinToString { "${it.question}: ${it.messageEn}" })
                is FormResult.Accepted -> Unit
            }
            // Capture and pseudonymise: the record holds the pseudonym, never the code.
            val phone = ChangeStamp(at = "2024-03-01T09:30:00+02:00", by = "device:phone-7")
            val synced = ParticipantRecord.capture(period, recordId, answers, phone, keys).use { it.toJson() }

            // Offline, the phone and the coordinator both edit the synced version.
            val local = ParticipantRecord.fromJson(synced)
            local.edit(listOf(Answer("education", "4")), ChangeStamp("2024-03-05T10:00:00Z", "device:phone-7"))
            val remote = ParticipantRecord.fromJson(synced)
            remote.edit(listOf(Answer("municipality", "091")), ChangeStamp("2024-03-05T12:00:00Z", "role:coordinator"))

            // Merge: disjoint edits merge; a conflict is listed with both values, never chosen.
            val merge = mergeRecords(ParticipantRecord.fromJson(synced), local, remote)
            for (conflict in merge.conflicts()) {
                when (conflict) {
                    is SyncConflict.Field -> println("${conflict.field}: ${conflict.local} / ${conflict.remote}")
                    is SyncConflict.DeleteVsEdit -> println("deleted on ${conflict.deletedOn}")
                    is SyncConflict.ExitVsReentry -> println("exit and re-entry on ${conflict.exitDate}")
                }
            }
            check(merge.unresolved() == 0u)

            // Sync: send the merged record's JSON — no identity code in it.
            val payload = merge.record().toJson()
            check(!payload.contains("010190") && "\"education\"" in payload && "\"091\"" in payload)
        }
        // readme-flow:end
    }
}
