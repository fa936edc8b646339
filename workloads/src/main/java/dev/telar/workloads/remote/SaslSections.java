package dev.telar.workloads.remote;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

/**
 * The JAAS login sections of Telar's managers and clients, kept in memory: the key never goes to a
 * JAAS file on disk.
 *
 * <p><b>JVM-wide effect.</b> ZooKeeper's SASL server and client look their section up in
 * {@link Configuration#getConfiguration()}, which is one per JVM. The first use installs this
 * class's configuration there, once; it answers only the section names it handed out (prefixed
 * {@value #PREFIX}) and passes every other name to the configuration that was installed before, so
 * other JAAS users of the JVM see no change. Code that later replaces the JVM's configuration
 * takes Telar's sections away with it (later managers and clients would then fail to log in).
 */
final class SaslSections extends Configuration {
    /** The start of every section name handed out. */
    static final String PREFIX = "telar-manager-";

    private static final String SERVER_MODULE = "org.apache.zookeeper.server.auth.DigestLoginModule";
    private static final AtomicLong NEXT = new AtomicLong();
    private static SaslSections installed;

    private final Configuration before;
    private final Map<String, AppConfigurationEntry[]> sections = new ConcurrentHashMap<>();

    private SaslSections(Configuration before) {
        this.before = before;
    }

    /** A new section for a server whose one user {@link ManagerKey#USER} has the key as password; its name. */
    static String addServer(ManagerKey key) {
        return add("server-", Map.of("user_" + ManagerKey.USER, key.secret()));
    }

    /** A new section for a client logging in as {@link ManagerKey#USER} with the key; its name. */
    static String addClient(ManagerKey key) {
        return add("client-", Map.of("username", ManagerKey.USER, "password", key.secret()));
    }

    /** Forgets the section {@code name} (its key leaves memory with it). */
    static void remove(String name) {
        SaslSections mine = install();
        mine.sections.remove(name);
    }

    private static String add(String kind, Map<String, String> options) {
        SaslSections mine = install();
        String name = PREFIX + kind + NEXT.incrementAndGet();
        // ZooKeeper's digest login module serves both sides: the client reads username and
        // password, the server every user_<name> option.
        mine.sections.put(name, new AppConfigurationEntry[] {new AppConfigurationEntry(SERVER_MODULE,
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)});
        return name;
    }

    /** This JVM's instance, installed as the JVM's configuration on first use. */
    private static synchronized SaslSections install() {
        if (installed == null) {
            Configuration before;
            try {
                before = Configuration.getConfiguration();
            } catch (SecurityException none) {
                before = null; // no JAAS file configured (or a broken one): nothing to pass on to
            }
            installed = new SaslSections(before);
            Configuration.setConfiguration(installed);
        }
        return installed;
    }

    @Override
    public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
        AppConfigurationEntry[] mine = sections.get(name);
        if (mine != null) {
            return mine.clone();
        }
        return before == null || name.startsWith(PREFIX) ? null : before.getAppConfigurationEntry(name);
    }

    @Override
    public void refresh() {
        if (before != null) {
            before.refresh();
        }
    }
}
