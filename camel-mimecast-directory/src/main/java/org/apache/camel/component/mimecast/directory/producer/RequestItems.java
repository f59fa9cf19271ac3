package org.apache.camel.component.mimecast.directory.producer;

import java.util.List;

/**
 * The request items read from one exchange.
 *
 * @param items  the items, at least one
 * @param isList whether the input was a list (the output is then a list too) rather than one item
 * @param <I>    the request item type
 */
record RequestItems<I>(List<I> items, boolean isList) {
}
