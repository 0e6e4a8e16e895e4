package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * Japanese and emoji folder names showed as boxes (issue 12). SWT draws with GTK/Pango, which takes a glyph
 * missing from the widget's font from any font fontconfig lists for that code point: the names render with
 * glyphs when, and only when, fontconfig has a font covering each of their characters. The product's documented
 * fallback is the Debian packages fonts-noto-cjk and fonts-noto-color-emoji (installed by {@code ./mailmigrator}
 * and {@code run-tests.sh} with the other workbench packages); without them this test fails.
 */
class FolderNameGlyphsTest {
    private static final String JAPANESE = "受信トレイ/請求書";
    private static final String EMOJI = "📧 Archive 🎉";

    @Test
    void japaneseAndEmojiFolderNamesHaveGlyphs() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(JAPANESE, EMOJI)) {
            name.codePoints().filter(cp -> cp > 0x7f && cp != '/').distinct().forEach(cp -> {
                if (!fontconfigCovers(cp)) {
                    missing.add(new String(Character.toChars(cp)) + " U+" + Integer.toHexString(cp).toUpperCase());
                }
            });
        }
        assertEquals(List.of(), missing, "no installed font has a glyph for these characters (install "
                + "fonts-noto-cjk and fonts-noto-color-emoji)");

        // the names in a real tree, measured with its font (no shell is opened: the workbench window keeps the
        // focus the next tests' dialogs need)
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.syncExec(() -> {
            Shell shell = new Shell(display);
            Image image = new Image(display, 400, 100);
            GC gc = new GC(image);
            try {
                shell.setLayout(new FillLayout());
                Tree tree = new Tree(shell, SWT.NONE);
                for (String name : List.of(JAPANESE, EMOJI)) {
                    new TreeItem(tree, SWT.NONE).setText(name);
                }
                gc.setFont(tree.getFont());
                Point ja = gc.textExtent(JAPANESE);
                Point one = gc.textExtent("受");
                Point latin = gc.textExtent("a");
                assertTrue(one.x > latin.x, "a CJK glyph is wider than a Latin one: " + one + " vs " + latin);
                assertTrue(ja.x > 0 && ja.y > 0, "extent " + ja);
                assertEquals(JAPANESE, tree.getItem(0).getText());
                assertEquals(EMOJI, tree.getItem(1).getText());
            } finally {
                gc.dispose();
                image.dispose();
                shell.dispose();
            }
        });
    }

    /** Whether fontconfig (what Pango falls back through) lists a font with a glyph for {@code cp}. */
    private static boolean fontconfigCovers(int cp) {
        try {
            Process p = new ProcessBuilder("fc-list", ":charset=" + Integer.toHexString(cp), "family")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            return !out.isBlank();
        } catch (IOException e) {
            throw new AssertionError("fc-list (fontconfig) cannot be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
