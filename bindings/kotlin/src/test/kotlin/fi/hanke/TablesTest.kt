package fi.hanke

import java.io.File
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The core's result tables, with the same columns the Python tables have (tests/vectors/result_tables.json). */
class TablesTest {
    private val vectors = File(System.getProperty("hanke.vectors"))
    private val expected = JSONObject(File(vectors, "result_tables.json").readText())

    private fun names(key: String) = expected.getJSONArray(key).let { a -> (0 until a.length()).map { a.getString(it) } }

    @Test
    fun indicatorAndRuleTablesHaveTheCoresColumns() {
        val t = commonIndicatorTable("esf_plus", "[]", null, null)
        assertEquals("indicators", t.name)
        assertEquals(names("indicators"), t.columns.map { it.name })
        val total = t.columns.first { it.name == "total" }.values as TableValues.Count
        assertTrue(total.values.isNotEmpty())
        val rules = ruleTable()
        assertEquals(names("rules"), rules.columns.map { it.name })
        val ids = rules.columns.first { it.name == "id" }.values as TableValues.Text
        assertTrue(ids.values.contains("FIN-SUM-001"))
    }
}
