package io.hindsight.core.render;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Escapes every value a template inserts, so no user text can become markup, a macro or a script,
 * whoever wrote the template. {@link Trusted} fragments pass through.
 */
final class EscapeInsertions implements ReferenceInsertionEventHandler {
    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value == null) return null;
        if (value instanceof Trusted t) return t.markup();
        return Xml.escape(value.toString());
    }
}
