package fi.hanke

import java.io.File
import java.time.LocalDate
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * The adversarial corpus (`tests/vectors/adversarial.json`, issue 23) through every
 * function of the Kotlin surface, as the Rust and Python suites push it through theirs:
 * no identity code in any spelling, no live tag, and every failure a coded
 * [HankeException] — never a panic ([InternalException]).
 */
class AdversarialTest {
    private val vectors = File(System.getProperty("hanke.vectors"))
    private val corpus = JSONObject(File(vectors, "adversarial.json").readText())
    private val codes = corpus.getJSONArray("codes").let { a -> (0 until a.length()).map { a.getJSONObject(it) } }
    private val secrets = codes.map { it.getString("secret").uppercase() }
    private val hostile: List<String> = codes.map { it.getString("text") } +
        corpus.getJSONArray("markup").let { a -> (0 until a.length()).map { a.getString(it) } } +
        corpus.getJSONArray("formulas").let { a -> (0 until a.length()).map { a.getString(it) } }
    private val liveTag = Regex("<(img|script|b)\\b", RegexOption.IGNORE_CASE)

    private fun assertSafe(what: String, text: String?) {
        val out = text.orEmpty()
        for (secret in secrets) {
            assertFalse(out.uppercase().contains(secret), "$what: $secret in $out")
        }
        assertFalse(liveTag.containsMatchIn(out), "$what: live tag in $out")
    }

    /** Runs [call]; a failure must be a coded HankeException whose texts are safe. */
    private fun coded(what: String, call: () -> Any?) {
        try {
            assertSafe(what, call()?.toString())
        } catch (e: HankeException) {
            assertTrue(e.key().contains('.'), "$what: code ${e.key()}")
            assertSafe(what, "${e.reasonText()} ${e.message} $e")
        }
    }

    private val entry = listOf(
        Answer("entry_date", "2024-03-01"),
        Answer("birth_date", "1990-05-05"),
        Answer("gender", "woman"),
        Answer("labour_status", "unemployed"),
        Answer("unemployed_since", "2023-01-15"),
        Answer("education", "3"),
    )

    @Test
    fun everyFunctionMasksWhatItEchoes() {
        val instrument = File(vectors, "../../examples/data/instruments/voimavarat.json").readText()
        val accepted = answerEntry(ProgrammePeriod.PERIOD2021_TO2027, "P-1", entry) as FormResult.Accepted
        for (text in hostile) {
            coded("parseMoney") { parseMoney(text) }
            coded("validateBusinessId") { validateBusinessId(text) }
            coded("validateIdentityCode") { validateIdentityCode(text, true) }
            // As an id, as a question and as every answer.
            coded("answerEntry id") { answerEntry(ProgrammePeriod.PERIOD2021_TO2027, text, entry) }
            coded("answerEntry question") {
                answerEntry(ProgrammePeriod.PERIOD2021_TO2027, "P-1", entry + Answer(text, "x"))
            }
            coded("answerEntry answers") {
                answerEntry(ProgrammePeriod.PERIOD2021_TO2027, "P-1", entry.map { Answer(it.question, text) })
            }
            coded("answerExit") {
                answerExit(ProgrammePeriod.PERIOD2021_TO2027, accepted.participantJson, listOf(Answer("exit_date", text), Answer(text, text)))
            }
            coded("answerExit json") {
                answerExit(ProgrammePeriod.PERIOD2021_TO2027, "{\"id\": ${JSONObject.quote(text)}, \"entry\": {\"date\": \"2020-01-01\"}}", listOf())
            }
            coded("ActivityRecorder.fromJson") { ActivityRecorder.fromJson("{${JSONObject.quote(text)}: 1}") }
            coded("activity kind") {
                ActivityRecorder.fromJson("{\"activities\": [{\"date\": \"2024-05-03\", \"kind\": ${JSONObject.quote(text)}}]}")
            }
            ActivityRecorder().use { log ->
                val i = log.addNamed(LocalDate.of(2024, 5, 3), ActivityKind.COACHING)
                coded("recordAttendance") { log.recordAttendance(i, text) }
                assertSafe("activity log", log.toJson())
            }
            coded("assessmentChange item") {
                assessmentChange(instrument, listOf(ItemAnswer(text, 4u)), listOf(ItemAnswer(text, 5u)))
            }
            coded("assessmentChange instrument") { assessmentChange("{${JSONObject.quote(text)}: 1}", listOf(), listOf()) }
            coded("explainIndicator") { explainIndicator(ProgrammePeriod.PERIOD2021_TO2027, text, "[${accepted.participantJson}]", null) }
            coded("explainIndicator people") { explainIndicator(ProgrammePeriod.PERIOD2021_TO2027, "EECO01", "[{${JSONObject.quote(text)}: 1}]", null) }
        }
    }

    @Test
    fun aCodeInAnySpellingIsNeverAcceptedAsAnId() {
        for (code in codes) {
            val text = code.getString("text")
            val result = answerEntry(ProgrammePeriod.PERIOD2021_TO2027, text, entry)
            assertTrue(result is FormResult.Rejected, "$text accepted as an id")
            ActivityRecorder().use { log ->
                val i = log.addNamed(LocalDate.of(2024, 5, 3), ActivityKind.COACHING)
                val e = assertThrows<HankeException> { log.recordAttendance(i, text) }
                assertTrue(e.key().startsWith("participant."), e.key())
                assertSafe("attendance error", "${e.reasonText()} $e")
            }
        }
    }

    @Test
    fun extremeArgumentsAreCodedErrorsNotPanics() {
        suppressSmallCounts(listOf(ULong.MAX_VALUE, ULong.MAX_VALUE, 1uL), ULong.MAX_VALUE)
        suppressSmallCounts(listOf(ULong.MAX_VALUE, ULong.MAX_VALUE), 0uL)
        suppressSmallCounts(listOf(), null)
        ActivityRecorder().use { log ->
            coded("attendance") { log.attendance(UInt.MAX_VALUE) }
            coded("recordAttendance") { log.recordAttendance(UInt.MAX_VALUE, "P-1") }
            val h = log.addHeadCount(LocalDate.of(2024, 5, 4), ActivityKind.NETWORK_EVENT, ULong.MAX_VALUE)
            coded("attendance max") { log.attendance(h) }
            // Kotlin's largest date is beyond the core's: a coded error, not an
            // internal one.
            val far = assertThrows<HankeException> { log.addNamed(LocalDate.MAX, ActivityKind.COACHING) }
            assertEquals("argument.date", far.key())
            // A day is read by the core's one grammar (a year of four digits),
            // as from a file: Kotlin's `-0001-01-01` and `+10000-01-01` are refused.
            for (day in listOf(LocalDate.of(-1, 1, 1), LocalDate.of(10000, 1, 1), LocalDate.MIN)) {
                val refused = assertThrows<HankeException> { log.addNamed(day, ActivityKind.COACHING) }
                assertEquals("argument.date", refused.key(), "$day")
            }
            val i = log.addNamed(LocalDate.of(9999, 12, 31), ActivityKind.COACHING)
            coded("feedback reversed") { log.recordFeedback(i, UByte.MAX_VALUE, 0u, 0u) }
            coded("feedback max") { log.recordFeedback(i, 0u, UByte.MAX_VALUE, UByte.MAX_VALUE) }
            coded("to json") { log.toJson() }
        }
        coded("huge json") { ActivityRecorder.fromJson("[".repeat(100_000)) }
        coded("empty json") { explainIndicator(ProgrammePeriod.PERIOD2014_TO2020, "EECO01", "", LocalDate.MIN) }
    }
}
