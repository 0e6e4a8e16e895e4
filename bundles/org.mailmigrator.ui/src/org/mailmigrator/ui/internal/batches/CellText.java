package org.mailmigrator.ui.internal.batches;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * Long texts in the Migrations view stay readable: a cell whose text is wider than its column shows the text's
 * start and end with an ellipsis in the middle ("Waiting for your an…certificate of mail.example.org": the host
 * is what tells two rows apart), and a tooltip over any cut cell gives the whole text. The item keeps the whole
 * text (sorting, filtering, copying and screen readers use it); only the painting is shortened.
 */
public final class CellText {
    private static final String ELLIPSIS = "\u2026";
    private static final int PAD = 6;

    private final Table table;
    private final Set<Integer> middle;
    /**
     * Widths in pixels of the texts measured in {@link #font}: a repaint after a sort asks for every visible Status
     * cell twice (erase, paint), and a Pango measure per call cost about as much as the sort itself (SortBenchmark);
     * the few distinct status texts are measured once.
     */
    private final Map<String, Integer> widths = new HashMap<>();
    private FontData[] font = new FontData[0];

    /** Installs the tooltip on every column and the middle ellipsis on the {@code middle} columns. */
    static CellText install(Table table, Set<Integer> middle) {
        CellText c = new CellText(table, middle);
        table.addListener(SWT.MouseHover, c::hover);
        table.addListener(SWT.MouseMove, e -> {
            if (table.getToolTipText() != null && !c.isCutAt(new Point(e.x, e.y))) {
                table.setToolTipText(null);
            }
        });
        table.addListener(SWT.EraseItem, c::erase);
        table.addListener(SWT.PaintItem, c::paint);
        return c;
    }

    private CellText(Table table, Set<Integer> middle) {
        this.table = table;
        this.middle = middle;
    }

    /**
     * {@code text} shortened to fit {@code width} pixels with an ellipsis in the middle (as much of its start as of
     * its end), or unchanged when it fits.
     */
    public static String middle(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        int head = (text.length() + 1) / 2;
        int tail = text.length() / 2;
        while (head + tail > 0) {
            // drop from the longer side first so that both ends stay about as long
            if (head >= tail) {
                head--;
            } else {
                tail--;
            }
            String s = text.substring(0, head) + ELLIPSIS + text.substring(text.length() - tail);
            if (gc.textExtent(s).x <= width) {
                return s;
            }
        }
        return ELLIPSIS;
    }

    /** The whole text of the cell under {@code p} when the column cuts it, else null (no tooltip). */
    String toolTipAt(Point p) {
        TableItem item = table.getItem(p);
        if (item == null) {
            return null;
        }
        for (int c = 0; c < table.getColumnCount(); c++) {
            Rectangle cell = item.getBounds(c);
            if (cell.contains(p)) {
                String text = item.getText(c);
                return cut(text, cell.width) ? text : null;
            }
        }
        return null;
    }

    private boolean isCutAt(Point p) {
        return toolTipAt(p) != null;
    }

    private boolean cut(String text, int width) {
        if (text.isEmpty()) {
            return false;
        }
        Integer known = Arrays.equals(font, table.getFont().getFontData()) ? widths.get(text) : null;
        if (known != null) {
            return known > width - PAD;
        }
        GC gc = new GC(table);
        try {
            return width(gc, text) > width - PAD;
        } finally {
            gc.dispose();
        }
    }

    /** The width of {@code text} in the GC's font, measured once per text and font. */
    private int width(GC gc, String text) {
        FontData[] f = gc.getFont().getFontData();
        if (!Arrays.equals(f, font) || widths.size() > 1024) {
            widths.clear();
            font = f;
        }
        return widths.computeIfAbsent(text, t -> gc.textExtent(t).x);
    }

    private void hover(Event e) {
        table.setToolTipText(toolTipAt(new Point(e.x, e.y)));
    }

    private void erase(Event e) {
        if (middle.contains(e.index) && e.item instanceof TableItem item
                && width(e.gc, item.getText(e.index)) > item.getBounds(e.index).width - PAD) {
            e.detail &= ~SWT.FOREGROUND; // painted shortened below
        }
    }

    private void paint(Event e) {
        if (!middle.contains(e.index) || !(e.item instanceof TableItem item)) {
            return;
        }
        String text = item.getText(e.index);
        Rectangle cell = item.getBounds(e.index);
        if (width(e.gc, text) <= cell.width - PAD) {
            return; // drawn by the table itself
        }
        int y = cell.y + (cell.height - e.gc.getFontMetrics().getHeight()) / 2;
        e.gc.drawText(middle(e.gc, text, cell.width - PAD), cell.x + PAD / 2, y, true);
    }

    /** The text painted in the cell: shortened in the middle on the middle-ellipsis columns when it does not fit. */
    public String shown(TableItem item, int column) {
        String text = item.getText(column);
        if (!middle.contains(column)) {
            return text;
        }
        GC gc = new GC(table);
        try {
            return middle(gc, text, item.getBounds(column).width - PAD);
        } finally {
            gc.dispose();
        }
    }
}
