package org.mailmigrator.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.mailmigrator.cli.internal.AotTrainingClasses;
import org.mailmigrator.cli.internal.ServiceLoaderMediator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Which command lines start SPI Fly (the headless product installs it without starting it), and that starting it
 * finds the bundle. That a copy works with it started this way is shown by {@code releng/scripts/smoke.sh} ({@code
 * ./mailmigrator demo} copies through Jakarta Mail's provider lookup in the product itself).
 */
class ServiceLoaderMediatorTest {

    @Test
    void onlyTheVersionAndHelpGoWithoutIt() {
        for (String[] args : new String[][] { {}, { "--version" }, { "-V" }, { "--help" }, { "-h" }, { "help" } }) {
            assertFalse(ServiceLoaderMediator.needed(args), Arrays.toString(args));
        }
        for (String[] args : new String[][] { { "migrate", "--source", "imap://a@h" }, { "batch", "run", "b" },
                { "worker" }, { "demo" }, { "detect", "alice@example.com" }, { "connectors" }, { "migrate", "--help" },
                { "--version", "migrate" } }) {
            assertTrue(ServiceLoaderMediator.needed(args), Arrays.toString(args));
        }
    }

    @Test
    void theStartUpCacheTrainingStartsIt() {
        System.setProperty(AotTrainingClasses.PROPERTY, "true");
        try {
            assertTrue(ServiceLoaderMediator.needed(new String[] { "--version" }),
                    "the training run loads its classes, for the commands that start it later");
        } finally {
            System.clearProperty(AotTrainingClasses.PROPERTY);
        }
    }

    @Test
    void startingFindsTheBundleAndLeavesItActive() {
        BundleContext context = FrameworkUtil.getBundle(ServiceLoaderMediatorTest.class).getBundleContext();
        assertTrue(ServiceLoaderMediator.start(context), "the runtime has " + ServiceLoaderMediator.BUNDLE);
        Bundle mediator = Arrays.stream(context.getBundles())
                .filter(b -> ServiceLoaderMediator.BUNDLE.equals(b.getSymbolicName())).findFirst().orElseThrow();
        assertEquals(Bundle.ACTIVE, mediator.getState());
    }
}
