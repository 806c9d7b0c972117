package fi.hanke

import java.io.File
import java.time.LocalDate
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Test

/**
 * The shared indicator vectors (`tests/vectors/indicators.json`) through the Kotlin
 * surface: the same hand-derived figures Rust and Python check. Kotlin reads records,
 * not files, so each case's records come from `indicators_participants.json`, which
 * the Rust vector test generates from the case's CSV and keeps equal.
 */
class IndicatorVectorsTest {
    private val vectors = File(System.getProperty("hanke.vectors"))
    private val cases = JSONObject(File(vectors, "indicators.json").readText()).getJSONArray("cases")
    private val records = JSONObject(File(vectors, "indicators_participants.json").readText())

    private fun tally(o: JSONObject?): List<Long> =
        listOf("women", "men", "non_binary", "unknown").map { o?.optLong(it, 0) ?: 0 }

    private fun tally(c: GenderCounts): List<Long> =
        listOf(c.women, c.men, c.nonBinary, c.unknown).map { it.toLong() }

    private fun periodOf(catalogue: String) =
        if (catalogue == "esf_2014") ProgrammePeriod.PERIOD2014_TO2020 else ProgrammePeriod.PERIOD2021_TO2027

    @Test
    fun everyCaseGivesItsFigures() {
        for (i in 0 until cases.length()) {
            val case = cases.getJSONObject(i)
            val name = case.getString("name")
            val cutOff = if (case.isNull("cut_off")) null else LocalDate.parse(case.getString("cut_off"))
            val objective = if (case.has("objective")) case.getString("objective") else null
            val result = commonIndicators(
                case.getString("catalogue"),
                records.getJSONArray(name).toString(),
                cutOff,
                objective,
            )
            val expected = case.getJSONObject("expected")
            assertEquals(tally(expected.getJSONObject("grand_total")), tally(result.grandTotal), name)
            assertEquals(tally(expected.getJSONObject("incomplete")), tally(result.incomplete), name)
            val byCode = result.indicators.associateBy { it.code }
            val listed = expected.getJSONObject("indicators")
            for (code in listed.keySet()) {
                val got = byCode[code]?.value
                assertNotNull(got, "$name: $code")
                val want = listed.get(code)
                if (want is Number) {
                    assertEquals(want.toLong(), got!!.total.toLong(), "$name: $code")
                } else {
                    assertEquals(tally(want as JSONObject), tally(got!!), "$name: $code")
                }
            }
            // The explanation recounts each listed figure under the same rules.
            for (code in listed.keySet()) {
                val why = explainIndicator(periodOf(case.getString("catalogue")), code, records.getJSONArray(name).toString(), cutOff, objective)
                assertEquals(byCode[code]?.value?.total, why.value.total, "$name: explained $code")
            }
            if (case.getBoolean("exhaustive")) {
                for (v in result.indicators) {
                    val value = v.value ?: continue
                    if (!listed.has(v.code)) assertEquals(0L, value.total.toLong(), "$name: ${v.code}")
                }
            }
        }
    }
}
