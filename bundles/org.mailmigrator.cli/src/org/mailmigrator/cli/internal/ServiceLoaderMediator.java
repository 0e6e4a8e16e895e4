package org.mailmigrator.cli.internal;

import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Starts the OSGi Service Loader Mediator (Apache Aries SPI Fly) for the commands that need it. Jakarta Mail and
 * Activation, SLF4J, ical4j and Commons Logging find their implementations with {@link java.util.ServiceLoader},
 * which inside OSGi works only through SPI Fly: it weaves those libraries' classes as they are loaded (ASM) and
 * registers the providers. Starting it costs a third of a short command's start (every bundle's headers parsed, the
 * providers' classes loaded and woven: {@code --version} 0.55 against 0.40 s), so the headless product installs it
 * without starting it, and the application starts it before running any command other than {@code --version} and
 * {@code --help} — before the command loads a class of those libraries, since a class loaded earlier stays unwoven.
 * The workbench starts it with the framework.
 */
public final class ServiceLoaderMediator {
    public static final String BUNDLE = "org.apache.aries.spifly.dynamic.bundle";
    /** Command lines (one argument, or none) that load no library using {@link java.util.ServiceLoader}. */
    private static final Set<String> ALONE_WITHOUT = Set.of("--version", "-V", "--help", "-h", "help");

    private ServiceLoaderMediator() {
    }

    /** Whether this command line may use a library that needs the mediator (also the start-up cache's training). */
    public static boolean needed(String[] args) {
        if (Boolean.getBoolean(AotTrainingClasses.PROPERTY)) {
            return true; // its classes then go into the start-up cache, for the commands that start it
        }
        return !(args.length == 0 || args.length == 1 && ALONE_WITHOUT.contains(args[0]));
    }

    /**
     * Starts the mediator unless it is active; returns whether it is active now. Without the bundle (a runtime that
     * does not have it) nothing is started and false returned.
     */
    public static boolean start(BundleContext context) {
        for (Bundle b : context.getBundles()) {
            if (BUNDLE.equals(b.getSymbolicName())) {
                if (b.getState() != Bundle.ACTIVE) {
                    try {
                        b.start(Bundle.START_TRANSIENT);
                    } catch (BundleException e) {
                        throw new IllegalStateException("cannot start " + BUNDLE + " (Jakarta Mail, SLF4J and "
                                + "ical4j find their implementations through it): " + e.getMessage(), e);
                    }
                }
                return b.getState() == Bundle.ACTIVE;
            }
        }
        return false;
    }
}
