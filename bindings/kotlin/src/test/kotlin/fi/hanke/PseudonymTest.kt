package fi.hanke

import java.io.File
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** On-device pseudonyms: the shared vectors (tests/vectors/pseudonyms.json), the same in Rust and Python. */
class PseudonymTest {
    private val doc = JSONObject(File(File(System.getProperty("hanke.vectors")), "pseudonyms.json").readText())

    @Test
    fun pseudonymsAreTheSharedVectors() {
        val cases = doc.getJSONArray("cases")
        for (i in 0 until cases.length()) {
            val case = cases.getJSONObject(i)
            Pseudonymiser(case.getString("secret").toByteArray()).use { p ->
                assertEquals(case.getString("pseudonym"), p.pseudonym(case.getString("code"), true), case.toString())
            }
        }
    }

    @Test
    fun refusalsAreTypedAndNeverRepeatTheCode() {
        val short = assertThrows<HankeException.Participant> { Pseudonymiser("short".toByteArray()) }
        assertEquals(ParticipantCode.PSEUDONYM_SECRET_TOO_SHORT, short.code)
        Pseudonymiser("0123456789abcdef-test-secret".toByteArray()).use { p ->
            val bad = assertThrows<HankeException.Identifier> { p.pseudonym("131052-900X", true) }
            assertEquals(IdentifierCode.HETU_CHECK_CHARACTER, bad.code)
            assertFalse(bad.reason.contains("900X"))
            val temporary = assertThrows<HankeException.Identifier> { p.pseudonym("131052-900W", false) }
            assertEquals(IdentifierCode.HETU_TEMPORARY, temporary.code)
        }
    }
}
