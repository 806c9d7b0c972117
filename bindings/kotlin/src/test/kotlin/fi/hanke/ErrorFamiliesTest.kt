package fi.hanke

import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals

/**
 * Every error family the Kotlin API can meet is thrown as its own
 * [HankeException] subclass with its family's typed code (issue 25), so that
 * an app can `catch` by family and `when` over the codes exhaustively. The
 * classes and enums are generated from the core's catalogue.
 */
class ErrorFamiliesTest {
    private val vectors = File(System.getProperty("hanke.vectors"))

    @Test
    fun moneyIsCaughtByItsClassAndCode() {
        val e = assertThrows<HankeException.Money> { parseMoney("1.505") }
        assertEquals(MoneyCode.MONEY_SUB_CENT, e.code)
        assertEquals("money.sub_cent", e.key)
        // Exhaustive: a money code added to the catalogue fails to compile here.
        val advice = when (e.code) {
            MoneyCode.MONEY_EMPTY -> "give an amount"
            MoneyCode.MONEY_INVALID_CHARACTER -> "digits only"
            MoneyCode.MONEY_BAD_GROUPING -> "group by three"
            MoneyCode.MONEY_SUB_CENT -> "at most two decimals"
            MoneyCode.MONEY_OVERFLOW -> "too large"
            MoneyCode.MONEY_DIVISION_BY_ZERO -> "no whole"
            MoneyCode.MONEY_INVALID_RATE -> "not a rate"
            MoneyCode.MONEY_INVALID_BAND -> "not a band"
            MoneyCode.MONEY_NEGATIVE -> "not negative"
            MoneyCode.MONEY_DECIMALS -> "fewer decimals"
        }
        assertEquals("at most two decimals", advice)
    }

    @Test
    fun identifierChoiceAndJson() {
        val id = assertThrows<HankeException.Identifier> { validateBusinessId("2211414-7") }
        assertEquals(IdentifierCode.BUSINESS_ID_CHECK_DIGIT, id.code)
        val hetu = assertThrows<HankeException.Identifier> { validateIdentityCode("131052-900X", true) }
        assertEquals(IdentifierCode.HETU_CHECK_CHARACTER, hetu.code)
        val choice = assertThrows<HankeException.Choice> { commonIndicators("nope", "[]", null, null) }
        assertEquals(ChoiceCode.INDICATOR_CATALOGUE, choice.code)
        val objective = assertThrows<HankeException.Choice> { commonIndicators("esf_plus", "[]", null, "z") }
        assertEquals(ChoiceCode.PROGRAMME_OBJECTIVE, objective.code)
        // The core's periods as they are: 2007–2013 has no participant rules.
        val old = assertThrows<HankeException.Choice> {
            questionnaire(ProgrammePeriod.PERIOD2007_TO2013, FormKind.ENTRY)
        }
        assertEquals(ChoiceCode.RULEBOOK_NO_PARTICIPANT_RULES, old.code)
        // JSON that cannot be read is one family whichever reader met it.
        val participant = assertThrows<HankeException.Json> {
            answerExit(ProgrammePeriod.PERIOD2021_TO2027, "{}", listOf())
        }
        assertEquals(JsonCode.PARTICIPANT_JSON, participant.code)
        val log = assertThrows<HankeException.Json> { ActivityRecorder.fromJson("{") }
        assertEquals(JsonCode.ACTIVITY_JSON, log.code)
    }

    @Test
    fun participantActivityAndArgument() {
        ActivityRecorder().use<ActivityRecorder, Unit> { log ->
            val i = log.addNamed(LocalDate.of(2024, 5, 3), ActivityKind.COACHING)
            val id = assertThrows<HankeException.Participant> { log.recordAttendance(i, "") }
            assertEquals(ParticipantCode.PARTICIPANT_INVALID_ID, id.code)
            val point = assertThrows<HankeException.Activity> { log.recordFeedback(i, 1u, 4u, 5u) }
            assertEquals(ActivityCode.ACTIVITY_POINT_OUTSIDE_SCALE, point.code)
            val index = assertThrows<HankeException.Activity> { log.attendance(99u) }
            assertEquals(ActivityCode.ACTIVITY_INDEX, index.code)
            val date = assertThrows<HankeException.Argument> {
                log.addNamed(LocalDate.MAX, ActivityKind.COACHING)
            }
            assertEquals(ArgumentCode.ARGUMENT_DATE, date.code)
        }
    }

    @Test
    fun assessmentAndIndicator() {
        val instrument = File(vectors, "../../examples/data/instruments/voimavarat.json").readText()
        val item = assertThrows<HankeException.Assessment> {
            assessmentChange(instrument, listOf(ItemAnswer("no_such_item", 5u)), listOf())
        }
        assertEquals(AssessmentCode.ASSESSMENT_UNKNOWN_ITEM, item.code)
        val unknown = assertThrows<HankeException.Indicator> {
            explainIndicator(ProgrammePeriod.PERIOD2021_TO2027, "NOPE", "[]", null)
        }
        assertEquals(IndicatorCode.INDICATOR_NOT_EXPLAINED, unknown.code)
    }

    /**
     * The families no Kotlin function can raise today: the phone API reads no
     * files, project lists, classifications, project periods or exports. Their
     * classes exist (generated from the catalogue) for when it does.
     */
    @Test
    fun theOtherFamiliesExist() {
        val notFromKotlin = listOf(
            HankeException.Classification::class, HankeException.Period::class,
            HankeException.Import::class, HankeException.Eura::class,
            HankeException.Export::class, HankeException.Io::class,
        )
        assertEquals(6, notFromKotlin.size)
        assertEquals(true, ClassificationCode.entries.isNotEmpty())
    }
}
