package com.giftcardimport.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Grids on a phone (SPEC §12): below {@link #NARROW_PX} pixels of window width the secondary columns are hidden, so
 * the key columns fit without scrolling sideways; they come back when the window widens. Follows the browser window
 * while the grid is attached.
 */
public final class NarrowColumns {

    /** Windows narrower than this are phones. */
    public static final int NARROW_PX = 640;

    private NarrowColumns() {
    }

    /** Hides the columns with the given keys while the window is narrow. */
    public static void hideWhenNarrow(Grid<?> grid, String... secondaryKeys) {
        List<String> keys = List.of(secondaryKeys);
        Registration[] resize = new Registration[1];
        grid.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
            if (details != null) {
                apply(grid, keys, details.getWindowInnerWidth());
            }
            resize[0] = ui.getPage().addBrowserWindowResizeListener(event -> apply(grid, keys, event.getWidth()));
        });
        grid.addDetachListener(detach -> {
            if (resize[0] != null) {
                resize[0].remove();
                resize[0] = null;
            }
        });
    }

    /** Shows or hides the secondary columns for a window {@code widthPx} wide (0 when unknown: shown). */
    public static void apply(Grid<?> grid, List<String> secondaryKeys, int widthPx) {
        boolean narrow = widthPx > 0 && widthPx < NARROW_PX;
        for (String key : secondaryKeys) {
            Grid.Column<?> column = grid.getColumnByKey(key);
            if (column != null) {
                column.setVisible(!narrow);
            }
        }
    }
}
