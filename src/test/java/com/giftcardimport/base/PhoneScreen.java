package com.giftcardimport.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.util.List;

/** For browserless tests: the browser window as wide as a phone's (or a desktop's) before a view attaches. */
public final class PhoneScreen {

    private PhoneScreen() {
    }

    /** The current UI's window is {@code widthPx} wide from now on (as a browser reports it at start). */
    public static void windowWidth(int widthPx) {
        UI ui = UI.getCurrent();
        String width = Integer.toString(widthPx);
        ui.getInternals().setExtendedClientDetails(new ExtendedClientDetails(ui, width, "844", width, "844", width,
                "844", "0", "0", "0", "false", "UTC", null, "true", "3", null, null, null, null));
    }

    /** The keys of the columns the grid shows. */
    public static List<String> visibleColumns(Grid<?> grid) {
        return grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey).toList();
    }
}
