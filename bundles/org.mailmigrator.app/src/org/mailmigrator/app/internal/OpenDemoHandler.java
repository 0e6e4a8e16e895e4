package org.mailmigrator.app.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help > Open Demo Batch. */
public final class OpenDemoHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        DemoLauncher.open(HandlerUtil.getActiveWorkbenchWindow(event));
        return null;
    }
}
