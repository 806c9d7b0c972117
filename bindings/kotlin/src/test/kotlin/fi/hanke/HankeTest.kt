package fi.hanke

import java.io.File
import java.time.LocalDate
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The glue only: records, errors, dates, object lifetimes, and the shared vectors. */
class HankeTest {
    private val vectors = File(System.getProperty("hanke.vectors"))

    @Test
    fun moneyVectorsGiveTheSameAnswersAsRustAndPython() {
        val cases = JSONObject(File(vectors, "money_parse.json").readText()).getJSONArray("cases")
        for (i in 0 until cases.length()) {
            val case = cases.getJSONObject(i)
            val input = case.getString("input")
            if (case.has("error")) {
                val e = assertThrows<HankeException> { parseMoney(input) }
                assertEquals(case.getString("error"), e.key(), input)
            } else {
                val m = parseMoney(input)
                assertEquals(case.getLong("cents"), m.cents, input)
                assertEquals(case.getString("plain"), m.plain, input)
                assertEquals(case.getString("display"), m.display, input)
            }
        }
    }

    @Test
    fun businessIdVectors() {
        val cases = JSONObject(File(vectors, "business_id.json").readText()).getJSONArray("cases")
        for (i in 0 until cases.length()) {
            val case = cases.getJSONObject(i)
            val input = case.getString("input")
            if (case.has("error")) {
                val e = assertThrows<HankeException> { validateBusinessId(input) }
                assertEquals(case.getString("error"), e.key(), input)
            } else {
                assertEquals(case.getString("canonical"), validateBusinessId(input))
            }
        }
    }

    @Test
    fun identityCodeErrorsNeverRepeatTheCode() {
        validateIdentityCode("131052-900W", true)
        val e = assertThrows<HankeException> { validateIdentityCode("131052-900X", true) }
        assertEquals("hetu.check_character", e.key())
        assertFalse(e.message!!.contains("900X"))
        assertFalse(e.toString().contains("131052-900X"))
    }

    private val entry = listOf(
        Answer("entry_date", "2024-03-01"),
        Answer("birth_date", "1990-05-05"),
        Answer("gender", "non_binary"),
        Answer("labour_status", "unemployed"),
        Answer("unemployed_since", "2023-01-15"),
        Answer("education", "3"),
        Answer("disability", "declined"),
    )

    @Test
    fun theQuestionnaireFollowsThePeriod() {
        val q2014 = questionnaire(ProgrammePeriod.PERIOD2014_TO2020, FormKind.ENTRY)
        val q2021 = questionnaire(ProgrammePeriod.PERIOD2021_TO2027, FormKind.ENTRY)
        fun genders(q: List<Question>) = (q.first { it.id == "gender" }.kind as AnswerKind.Choice).choices.map { it.code }
        assertEquals(listOf("woman", "man"), genders(q2014))
        assertEquals(listOf("woman", "man", "non_binary"), genders(q2021))
        val disability = q2021.first { it.id == "disability" }
        assertTrue(disability.sensitive && disability.mayDecline && !disability.required)
        assertEquals("Icke-binär", (q2021.first { it.id == "gender" }.kind as AnswerKind.Choice).choices[2].label.sv)
        assertEquals("labour_status", q2021.first { it.id == "unemployed_since" }.askedWhenQuestion)
    }

    @Test
    fun answersBecomeARecordOrFieldErrorsInBothPeriods() {
        val ok = answerEntry(ProgrammePeriod.PERIOD2021_TO2027, "P-1", entry)
        assertTrue(ok is FormResult.Accepted)
        val json = JSONObject((ok as FormResult.Accepted).participantJson)
        assertEquals("P-1", json.getString("id"))
        assertFalse(ok.participantJson.contains("identity_code"))
        // Non-binary is not a category of 2014–2020: the same rule as on the server.
        val rejected = answerEntry(ProgrammePeriod.PERIOD2014_TO2020, "P-1", entry) as FormResult.Rejected
        assertTrue(rejected.errors.any { it.question == "gender" })
        val missing = answerEntry(ProgrammePeriod.PERIOD2021_TO2027, "P-2", entry.filter { it.question != "birth_date" }) as FormResult.Rejected
        assertTrue(missing.errors.any { it.question == "birth_date" && it.ruleId == "QST-REQ-001" })
        // Exit answers against the synced record JSON.
        val exit = answerExit(
            ProgrammePeriod.PERIOD2021_TO2027, ok.participantJson,
            listOf(Answer("exit_date", "2024-09-30"), Answer("exit_situation", "education")),
        ) as FormResult.Accepted
        assertEquals("education", JSONObject(exit.participantJson).getJSONObject("exit").getString("situation"))
        val early = answerExit(
            ProgrammePeriod.PERIOD2021_TO2027, ok.participantJson,
            listOf(Answer("exit_date", "2023-01-01"), Answer("exit_situation", "education")),
        ) as FormResult.Rejected
        assertTrue(early.errors.any { it.question == "exit_date" })
        val broken = assertThrows<HankeException> { answerExit(ProgrammePeriod.PERIOD2021_TO2027, "{}", listOf()) }
        assertEquals("participant.json", broken.key())
    }

    @Test
    fun attendanceWithPlatformDatesAndObjectLifetimes() {
        val json = ActivityRecorder().use { log ->
            val i = log.addNamed(LocalDate.of(2024, 5, 3), ActivityKind.COACHING)
            log.recordAttendance(i, "P-1")
            log.recordAttendance(i, "P-1")
            log.recordAttendance(i, "P-2")
            log.recordFeedback(i, 1u, 4u, 4u)
            val e = assertThrows<HankeException> { log.recordFeedback(i, 1u, 4u, 5u) }
            assertEquals("activity.point_outside_scale", e.key())
            val h = log.addHeadCount(LocalDate.of(2024, 5, 4), ActivityKind.NETWORK_EVENT, 40uL)
            assertThrows<HankeException> { log.recordAttendance(h, "P-3") }
            assertEquals(2uL, log.attendance(i))
            log.toJson()
        }
        assertTrue(json.contains("\"2024-05-03\""))
        ActivityRecorder.fromJson(json).use { again -> assertEquals(json, again.toJson()) }
    }

    @Test
    fun selfAssessmentChange() {
        val instrument = File(vectors, "../../examples/data/instruments/voimavarat.json").readText()
        val change = assessmentChange(
            instrument,
            listOf(ItemAnswer("sleep_and_rest", 4u), ItemAnswer("energy", 5u)),
            listOf(ItemAnswer("sleep_and_rest", 6u), ItemAnswer("energy", 6u)),
        )
        val wellbeing = change.first { it.area == "wellbeing" }
        assertEquals(listOf("4,5", "6,0", "+1,5"), listOf(wellbeing.before, wellbeing.after, wellbeing.change))
    }

    /** A figure explained on the phone: the same answer as the core, by record id. */
    @Test
    fun anIndicatorIsExplainedRecordByRecord() {
        fun person(id: String, situation: String): String {
            val e = answerEntry(ProgrammePeriod.PERIOD2021_TO2027, id, entry) as FormResult.Accepted
            val x = answerExit(
                ProgrammePeriod.PERIOD2021_TO2027, e.participantJson,
                listOf(Answer("exit_date", "2024-09-30"), Answer("exit_situation", situation)),
            ) as FormResult.Accepted
            return x.participantJson
        }
        val people = "[" + person("P-1", "open_labour_market") + "," + person("P-2", "education") + "]"
        val why = explainIndicator(ProgrammePeriod.PERIOD2021_TO2027, "EECR04", people, null)
        assertEquals(1uL, why.value.total)
        assertEquals(1uL, why.value.nonBinary)
        assertEquals(RecordOutcome.Counted, why.records.first { it.participantId == "P-1" }.outcome)
        val other = why.records.first { it.participantId == "P-2" }.outcome as RecordOutcome.NotMet
        assertEquals("situation upon leaving: education", other.reason)
        // Before the exits, nobody has a result upon leaving yet.
        val early = explainIndicator(ProgrammePeriod.PERIOD2021_TO2027, "EECR04", people, LocalDate.of(2024, 6, 30))
        assertEquals(0uL, early.value.total)
        assertTrue(early.text.contains("not left by the cut-off"), early.text)
        val unknown = assertThrows<HankeException> { explainIndicator(ProgrammePeriod.PERIOD2021_TO2027, "NOPE", people, null) }
        assertEquals("indicator.not_explained", unknown.key())
    }

    /** Small-number suppression: the shared vectors, the same answers as Rust and Python. */
    @Test
    fun smallCountsAreHiddenAsInRustAndPython() {
        val cases = JSONObject(File(vectors, "small_numbers.json").readText()).getJSONArray("cases")
        for (i in 0 until cases.length()) {
            val case = cases.getJSONObject(i)
            val json = case.getJSONArray("counts")
            val counts = (0 until json.length()).map { json.getLong(it).toULong() }
            val want = case.getJSONArray("cells")
            val cells = (0 until want.length()).map { if (want.isNull(it)) null else want.getLong(it).toULong() }
            val total = if (case.isNull("total")) null else case.getLong("total").toULong()
            val got = suppressSmallCounts(counts, case.getLong("min_group").toULong())
            assertEquals(PublishedCounts(cells, total), got, case.getString("name"))
        }
        // The default threshold is the library's (10).
        assertEquals(PublishedCounts(listOf(null), null), suppressSmallCounts(listOf(9uL)))
    }

    /** A panic inside Rust is an exception in Kotlin, and the library goes on working. */
    @Test
    fun aPanicInRustIsAnExceptionNotACrash() {
        val e = assertThrows<InternalException> { panicProbe() }
        assertTrue(e.message!!.contains("deliberate panic"), e.message)
        assertThrows<InternalException> { panicProbe() }
        assertEquals(150L, parseMoney("1,50").cents)
    }

    /** Identity codes (synthetic, 900–999) never show in errors, records or their toString. */
    @Test
    fun identityCodesNeverShowInErrorsOrRecords() {
        for (code in listOf("131299-995P", "131299-995X", "010105A903V", "010105A903W")) {
            fun clean(what: String, text: String?) =
                assertFalse(text.orEmpty().contains(code) || text.orEmpty().contains(code.substring(6)), "$what leaks ${code.take(6)}")
            val money = assertThrows<HankeException> { parseMoney(code) }
            clean("money error", "${money.reasonText()} $money ${money.message}")
            val business = assertThrows<HankeException> { validateBusinessId(code) }
            clean("business id error", "${business.reasonText()} $business")
            val hetu = assertThrows<HankeException> { validateIdentityCode(code, false) }
            clean("identity code error", "${hetu.reasonText()} $hetu")
            // A code typed where an id and a date go.
            val entry = answerEntry(
                ProgrammePeriod.PERIOD2021_TO2027, code,
                listOf(Answer("entry_date", code), Answer("birth_date", code), Answer("gender", code)),
            )
            assertTrue(entry is FormResult.Rejected)
            clean("entry result", entry.toString())
            val exit = assertThrows<HankeException> {
                answerExit(ProgrammePeriod.PERIOD2021_TO2027, "{\"id\": \"$code\", \"entry\": {\"date\": \"2020-01-01\"}}", listOf())
            }
            clean("exit error", "${exit.reasonText()} $exit")
            val log = assertThrows<HankeException> { ActivityRecorder.fromJson("{\"$code\": 1}") }
            clean("activity log error", "${log.reasonText()} $log")
        }
    }
}
