package io.hindsight.core.render;

import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.SecureUberspector;
import org.apache.velocity.util.introspection.VelPropertyGet;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Lets templates read record components as properties ({@code $view.title} calls {@code title()}),
 * on top of Velocity's secure introspection, which keeps templates away from reflection, class
 * loaders and the runtime.
 */
public final class RecordUberspect extends SecureUberspector {
    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) {
        VelPropertyGet get = super.getPropertyGet(obj, identifier, info);
        if (get != null || obj == null || !obj.getClass().isRecord()) return get;
        for (RecordComponent rc : obj.getClass().getRecordComponents()) {
            if (rc.getName().equals(identifier)) return new Accessor(rc.getAccessor());
        }
        return null;
    }

    private record Accessor(Method method) implements VelPropertyGet {
        @Override
        public Object invoke(Object o) throws Exception {
            return method.invoke(o);
        }

        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public String getMethodName() {
            return method.getName();
        }
    }
}
