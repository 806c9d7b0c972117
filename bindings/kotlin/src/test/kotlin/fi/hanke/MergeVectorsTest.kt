package fi.hanke

import java.io.File
import java.time.LocalDate
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Three-way merges: the shared vectors (tests/vectors/merges.json) that Rust and Python run too. */
class MergeVectorsTest {
    private val doc = JSONObject(File(File(System.getProperty("hanke.vectors")), "merges.json").readText())

    private fun answers(o: JSONObject) = o.keys().asSequence().map { Answer(it, o.getString(it)) }.toList()
    private fun stamp(o: JSONObject) = ChangeStamp(o.getString("at"), o.getString("by"))
    private fun period(text: String) =
        if (text == "2014-2020") ProgrammePeriod.PERIOD2014_TO2020 else ProgrammePeriod.PERIOD2021_TO2027
    private fun fieldsOf(o: JSONObject) = o.keys().asSequence().associateWith { o.getString(it) }
    private fun text(v: String?): Any = v ?: JSONObject.NULL

    private fun conflictJson(c: SyncConflict): JSONObject = when (c) {
        is SyncConflict.Field -> JSONObject(mapOf("kind" to "field", "field" to c.field))
            .put("ancestor", text(c.ancestor)).put("local", text(c.local)).put("remote", text(c.remote))
        is SyncConflict.DeleteVsEdit -> JSONObject(mapOf("kind" to "delete_vs_edit",
            "deleted_on" to c.deletedOn.name.lowercase(), "edited" to JSONArray(c.edited)))
        is SyncConflict.ExitVsReentry -> JSONObject(mapOf("kind" to "exit_vs_reentry",
            "exit_on" to c.exitOn.name.lowercase(), "exit_date" to c.exitDate.toString(),
            "reentry_date" to c.reentryDate.toString()))
    }

    @Test
    fun everySharedMergeVectorHolds() {
        val cases = doc.getJSONArray("cases")
        for (i in 0 until cases.length()) {
            val case = cases.getJSONObject(i)
            val name = case.getString("name")
            val keys = if (case.has("secret")) Pseudonymiser(case.getString("secret").toByteArray()) else null
            val anc = case.getJSONObject("ancestor")
            val ancestor = ParticipantRecord.capture(
                period(case.getString("period")), case.getString("id"),
                answers(anc.getJSONObject("answers")), stamp(anc), keys)
            fun apply(ops: JSONArray): ParticipantRecord {
                val r = ParticipantRecord.fromJson(ancestor.toJson())
                for (j in 0 until ops.length()) {
                    val op = ops.getJSONObject(j)
                    when (op.getString("op")) {
                        "edit" -> r.edit(answers(op.getJSONObject("answers")), stamp(op))
                        "reenter" -> r.reenter(LocalDate.parse(op.getString("date")), stamp(op))
                        "delete" -> r.delete(stamp(op))
                        else -> error("$name: unknown op")
                    }
                }
                return r
            }
            val local = apply(case.getJSONArray("local"))
            val remote = apply(case.getJSONArray("remote"))
            val merged = mergeRecords(ancestor, local, remote)
            val expect = case.getJSONObject("expect")
            val preview = merged.preview()
            assertEquals(fieldsOf(expect.getJSONObject("fields")), preview.fields(), "$name: fields")
            assertEquals(expect.getBoolean("deleted"), preview.isDeleted(), "$name: deleted")
            val conflicts = JSONArray(merged.conflicts().map { conflictJson(it) })
            assertTrue(conflicts.similar(expect.getJSONArray("conflicts")), "$name: conflicts $conflicts")
            assertEquals(expect.getJSONArray("notes").toList(), merged.notes().map { it.ruleId }, "$name: notes")
            if (merged.unresolved() > 0u) {
                val e = assertThrows<HankeException.Participant> { merged.record() }
                assertEquals(ParticipantCode.SYNC_UNRESOLVED, e.code)
            }
            if (expect.has("resolve")) {
                val res = expect.getJSONObject("resolve")
                val side = if (res.getString("side") == "local") MergeSide.LOCAL else MergeSide.REMOTE
                merged.resolve(res.getInt("index").toUInt(), side, stamp(res))
                val record = merged.record()
                assertEquals(fieldsOf(res.getJSONObject("fields")), record.fields(), "$name: resolved")
                assertEquals(res.optBoolean("deleted", false), record.isDeleted(), "$name: resolved deletion")
            }
            assertFalse(local.toJson().contains(Regex("\\d{6}[-+A-Y]\\d{3}")), name)
            keys?.close()
        }
    }

    @Test
    fun theAuditTrailAndRevalidationAreTyped() {
        val period = ProgrammePeriod.PERIOD2021_TO2027
        for (p in listOf(ProgrammePeriod.PERIOD2014_TO2020, period)) {
            // Both periods ask for the identity code on entry (RULES.md §4.3), never required.
            val asked = questionnaire(p, FormKind.ENTRY).first { it.id == "identity_code" }
            assertTrue(asked.kind is AnswerKind.IdentityCode && !asked.required)
        }
        val entry = listOf(Answer("entry_date", "2024-03-01"), Answer("birth_date", "1990-05-05"),
            Answer("gender", "man"), Answer("labour_status", "inactive"), Answer("education", "3"))
        val r = ParticipantRecord.capture(period, "REC-1", entry, ChangeStamp("2024-03-01T09:00:00+02:00", "device:tablet-2"))
        val changes = r.edit(listOf(Answer("gender", "Nainen")), ChangeStamp("2024-03-02T08:00:00Z", "role:participant"))
        assertEquals(1, changes.size)
        assertEquals("gender", changes[0].field)
        assertEquals("man", changes[0].old)
        assertEquals("woman", changes[0].new)
        assertEquals("role:participant", changes[0].by)
        assertTrue(r.history().first().at.startsWith("2024-03-01T07:00:00"))
        assertTrue(r.revalidate().none { it.severity == "error" })
        val name = assertThrows<HankeException.Participant> {
            r.edit(listOf(Answer("gender", "man")), ChangeStamp("2024-03-02T08:00:00Z", "Maija Meikäläinen"))
        }
        assertEquals(ParticipantCode.SYNC_INVALID_SOURCE, name.code)
        val withCode = entry.map { if (it.question == "birth_date") Answer("birth_date", "1990-01-01") else it } +
            Answer("identity_code", "010190-901R")
        val noKeys = assertThrows<HankeException.Participant> {
            ParticipantRecord.capture(period, "REC-2", withCode,
                ChangeStamp("2024-03-01T09:00:00Z", "device:tablet-2"))
        }
        assertEquals(ParticipantCode.SYNC_IDENTITY_CODE_NOT_PSEUDONYMISED, noKeys.code)
        assertFalse(noKeys.reason.contains("010190"))
        val old = assertThrows<HankeException.Participant> {
            answerEntry(period, "REC-2", withCode)
        }
        assertEquals(ParticipantCode.SYNC_IDENTITY_CODE_NOT_PSEUDONYMISED, old.code)
    }

    /** tests/vectors/days.json, shared with Rust and Python: a re-entry day sent as text is read as the files read a day. */
    @Test
    fun aReentryDayIsReadInTheOneGrammarOfADay() {
        val cases = JSONObject(File(File(System.getProperty("hanke.vectors")), "days.json").readText()).getJSONArray("cases")
        val entry = listOf(Answer("entry_date", "2024-03-01"), Answer("birth_date", "1990-05-05"),
            Answer("gender", "man"), Answer("labour_status", "inactive"), Answer("education", "3"))
        val at = ChangeStamp("2024-03-02T08:00:00Z", "device:tablet-2")
        for (i in 0 until cases.length()) {
            val case = cases.getJSONObject(i)
            val input = case.getString("input")
            val r = ParticipantRecord.capture(ProgrammePeriod.PERIOD2021_TO2027, "REC-1", entry,
                ChangeStamp("2024-03-01T09:00:00+02:00", "device:tablet-2"))
            if (case.isNull("day")) {
                val e = assertThrows<HankeException.Participant>(input) { r.edit(listOf(Answer("reentry_date", input)), at) }
                assertEquals(ParticipantCode.SYNC_ANSWERS_REJECTED, e.code, input)
            } else {
                r.edit(listOf(Answer("reentry_date", input)), at)
                assertEquals(case.getString("day"), r.fields()["reentry_date"], input)
            }
        }
    }
}
