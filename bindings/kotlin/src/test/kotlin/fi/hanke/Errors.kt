package fi.hanke

/**
 * The stable code text (`money.sub_cent`) of any [HankeException], for tests
 * that compare with the shared vectors. The `when` is exhaustive over the
 * sealed class: a family added to the catalogue does not compile here until
 * it is handled — what an app gets from the typed errors.
 */
fun HankeException.key(): String = when (this) {
    is HankeException.Money -> key
    is HankeException.Identifier -> key
    is HankeException.Choice -> key
    is HankeException.Classification -> key
    is HankeException.Period -> key
    is HankeException.Json -> key
    is HankeException.Participant -> key
    is HankeException.Import -> key
    is HankeException.Eura -> key
    is HankeException.Indicator -> key
    is HankeException.Activity -> key
    is HankeException.Assessment -> key
    is HankeException.Export -> key
    is HankeException.Argument -> key
    is HankeException.Io -> key
    is HankeException.Unlisted -> key
}

/** The message of any [HankeException] (Kotlin exceptions own `message`). */
fun HankeException.reasonText(): String = when (this) {
    is HankeException.Money -> reason
    is HankeException.Identifier -> reason
    is HankeException.Choice -> reason
    is HankeException.Classification -> reason
    is HankeException.Period -> reason
    is HankeException.Json -> reason
    is HankeException.Participant -> reason
    is HankeException.Import -> reason
    is HankeException.Eura -> reason
    is HankeException.Indicator -> reason
    is HankeException.Activity -> reason
    is HankeException.Assessment -> reason
    is HankeException.Export -> reason
    is HankeException.Argument -> reason
    is HankeException.Io -> reason
    is HankeException.Unlisted -> reason
}
