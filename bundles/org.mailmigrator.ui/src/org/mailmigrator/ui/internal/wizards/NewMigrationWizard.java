package org.mailmigrator.ui.internal.wizards;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.wizard.Wizard;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.forms.ConnectorPage;

/**
 * New migration: choose the batch, the source and destination connectors and the item kinds, then fill in
 * both accounts on pages generated from the connectors' declared settings. Finish adds the pair to the batch
 * (Queued), its passwords sealed in the workspace's vault.
 */
public final class NewMigrationWizard extends Wizard {
    private final BatchSession session;
    private final MigrationChoicePage choice;
    private final AccountPage source;
    private final AccountPage destination;

    public NewMigrationWizard(BatchSession session, String batch) {
        this.session = session;
        setWindowTitle("New migration");
        choice = new MigrationChoicePage(session, session.workspace().connectors(), batch);
        source = new AccountPage("source", "Source account", session.pages(), choice::source);
        destination = new AccountPage("destination", "Destination account", session.pages(), choice::destination);
    }

    @Override
    public void addPages() {
        addPage(choice);
        addPage(source);
        addPage(destination);
    }

    public MigrationChoicePage choicePage() {
        return choice;
    }

    public ConnectorPage sourcePage() {
        return source.page();
    }

    public ConnectorPage destinationPage() {
        return destination.page();
    }

    /** The source account's sign-in choice (IMAP), as the tests drive it. */
    public java.util.Optional<org.mailmigrator.ui.internal.editor.SignInChoice> sourceSignIn() {
        return source.signIn();
    }

    /** The destination account's sign-in choice (IMAP). */
    public java.util.Optional<org.mailmigrator.ui.internal.editor.SignInChoice> destinationSignIn() {
        return destination.signIn();
    }

    @Override
    public boolean performFinish() {
        Set<ItemKind> kinds = choice.kinds().isEmpty() ? EnumSet.of(ItemKind.MAIL) : EnumSet.copyOf(choice.kinds());
        MigrationOptions options = new MigrationOptions(kinds, List.of(), List.of(), Map.of(), choice.mirror());
        try {
            session.workspace().add(choice.batch(), source.account(), source.secret().orElse(Secret.of("")), destination.account(),
                    destination.secret().orElseThrow(), options);
            return true;
        } catch (BatchStoreException | java.io.IOException | RuntimeException e) {
            destination.setErrorMessage("cannot add the migration: " + e.getMessage());
            return false;
        }
    }
}
