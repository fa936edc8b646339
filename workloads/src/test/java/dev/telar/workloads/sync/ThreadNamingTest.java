package dev.telar.workloads.sync;

import java.nio.file.Path;

class ThreadNamingTest extends NamingContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return threads();
    }

    /** Every thread reaches the same family object; closing this view must not close it. */
    @Override
    protected SyncPrimitives otherParticipant() {
        SyncPrimitives same = family;
        return (SyncPrimitives) java.lang.reflect.Proxy.newProxyInstance(SyncPrimitives.class.getClassLoader(),
                new Class<?>[] {SyncPrimitives.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(same, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
