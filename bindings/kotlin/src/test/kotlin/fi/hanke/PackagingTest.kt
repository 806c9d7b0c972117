package fi.hanke

import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The tests run against the artifact a team depends on (issue 26): the bindings
 * come from the fi.hanke:hanke-kotlin jar in the local Maven repository, and
 * JNA loads the native library from that jar — no library path is set.
 */
class PackagingTest {
    @Test
    fun theBindingsAndTheNativeLibraryComeFromTheArtifact() {
        val jar = HankeException::class.java.protectionDomain.codeSource.location.toString()
        assertTrue(jar.endsWith("fi/hanke/hanke-kotlin/0.1.0/hanke-kotlin-0.1.0.jar"), jar)
        assertNull(System.getProperty("jna.library.path"))
        assertTrue(parseMoney("1,50").cents == 150L)
        val resource = HankeException::class.java.classLoader.getResource("linux-x86-64/libhanke_ffi.so")
            ?: HankeException::class.java.classLoader.getResource("linux-aarch64/libhanke_ffi.so")
        assertTrue(resource.toString().contains("hanke-kotlin-0.1.0.jar"), resource.toString())
    }
}
